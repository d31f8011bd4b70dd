// Sites told "Don't ask again today": each with when it may ask again, and a
// way to let it ask now. Shows nothing when there are none.
import type { QuietSite } from '../../shared/approval';
import { displayHost } from '../shared/origin-display';
import { useSubmit } from '../shared/use-submit';
import { FormAlert } from '../shared/form-alert';
import { formatTime } from '../shared/words';

interface Props {
  sites: QuietSite[];
  onAskAgain: (origin: string) => Promise<void>;
}

export function QuietSites({ sites, onAskAgain }: Props) {
  if (sites.length === 0) return null;
  return (
    <section class="quiet-sites" aria-labelledby="quiet-sites-heading">
      <h3 id="quiet-sites-heading">Not asking you</h3>
      <p class="note">Their requests are refused without a window until the time shown.</p>
      <ul>
        {sites.map((site) => (
          <QuietSiteRow key={site.origin} site={site} onAskAgain={onAskAgain} />
        ))}
      </ul>
    </section>
  );
}

function QuietSiteRow({ site, onAskAgain }: { site: QuietSite; onAskAgain: (origin: string) => Promise<void> }) {
  const asking = useSubmit(() => onAskAgain(site.origin));
  const host = displayHost(site.origin);
  return (
    <li class="quiet-sites__row" aria-label={host}>
      <span>
        <span class="quiet-sites__host">{host}</span>
        <span class="note"> until {formatTime(site.until)}</span>
      </span>
      <button type="button" class="button button--secondary button--small" disabled={asking.busy} aria-label={`Let ${host} ask again`} onClick={() => void asking.submit()}>
        Let it ask again
      </button>
      <FormAlert error={asking.error} />
    </li>
  );
}
