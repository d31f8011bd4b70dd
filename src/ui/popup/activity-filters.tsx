// Which entries the Activity tab shows: one kind, one site, or both. The kind
// applies as soon as it is chosen; the site when the person presses Enter,
// presses Apply or leaves the field.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ACTIVITY_KINDS, type ActivityKind } from '../../shared/activity';
import { kindWord } from './format';
import type { ActivityFilter } from './use-activity';

interface Props {
  filter: ActivityFilter;
  onApply: (filter: ActivityFilter) => void;
}

/** What the person typed as a site, as the origin the log keeps: "https://a.example/" is "https://a.example". */
export function toOrigin(typed: string): string {
  const text = typed.trim();
  try {
    const url = new URL(text);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
  } catch {
    // Not a web address: the log is asked for it as typed, and finds nothing.
  }
  return text;
}

const only = (kind: ActivityKind | undefined, origin: string): ActivityFilter => ({
  ...(kind ? { kind } : {}),
  ...(origin ? { origin } : {}),
});

export function ActivityFilters({ filter, onApply }: Props) {
  const [site, setSite] = useState(filter.origin ?? '');
  // What was last asked for: Enter fires both change and submit, and one load is enough.
  const applied = useRef(filter);
  useEffect(() => {
    applied.current = filter;
    // "Clear filters" elsewhere empties the field too.
    setSite(filter.origin ?? '');
  }, [filter]);

  const apply = (kind: ActivityKind | undefined) => {
    const origin = toOrigin(site);
    setSite(origin);
    const next = only(kind, origin);
    if (next.kind === applied.current.kind && next.origin === applied.current.origin) return;
    applied.current = next;
    onApply(next);
  };
  const applySite = () => apply(applied.current.kind);

  return (
    <form
      class="activity-filters"
      aria-label="Filter activity"
      onSubmit={(event) => {
        event.preventDefault();
        applySite();
      }}
    >
      <div class="field">
        <label for="activity-kind">Kind</label>
        <select
          id="activity-kind"
          class="input select"
          value={filter.kind ?? ''}
          onChange={(event) => {
            const value = event.currentTarget.value;
            apply(ACTIVITY_KINDS.find((k) => k === value));
          }}
        >
          <option value="">All</option>
          {ACTIVITY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindWord(kind)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="activity-site">Site</label>
        <input
          id="activity-site"
          class="input"
          type="text"
          inputMode="url"
          placeholder="https://example.com"
          autocomplete="off"
          spellcheck={false}
          value={site}
          onInput={(event) => setSite(event.currentTarget.value)}
          onChange={applySite}
        />
      </div>
      <button type="submit" class="button button--secondary button--small">
        Apply
      </button>
    </form>
  );
}
