// Reasons to look twice at who is asking (DESIGN §5): a name that imitates a
// site the person has already trusted, a name in international letters that
// may imitate another site, or a connection anyone could read.
import type { LookAlike } from '../../shared/look-alike';
import { displayHost, type OriginParts } from '../shared/origin-display';

export const ORIGIN_WARNINGS_ID = 'origin-warnings';

const HOW: Record<LookAlike['reason'], string> = {
  confusable: 'is written with characters that look like',
  spelling: 'is spelled almost like',
};

interface Props {
  parts: OriginParts;
  resembles: LookAlike | null;
}

export function OriginWarnings({ parts, resembles }: Props) {
  if (!parts.lookAlike && !parts.insecure && !resembles) return null;
  return (
    <div id={ORIGIN_WARNINGS_ID} class="origin-warnings">
      {resembles && (
        <p class="warning warning--look-alike">
          This site’s name {HOW[resembles.reason]} <strong>{displayHost(resembles.trusted)}</strong>, a site you have
          shared with — but it is a different site. Check the address before you answer:{' '}
          <code class="warning__ascii">{parts.asciiHost ?? parts.host}</code>
        </p>
      )}
      {parts.lookAlike && !resembles && (
        <p class="warning">
          This address uses international characters. Check it is the site you expect:{' '}
          <code class="warning__ascii">{parts.asciiHost ?? parts.host}</code>
        </p>
      )}
      {parts.insecure && <p class="warning">This site does not use a secure connection.</p>}
    </div>
  );
}
