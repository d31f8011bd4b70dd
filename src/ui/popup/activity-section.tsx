// The Activity tab: what sites did and when, newest first, a page at a time,
// with filters and an export. It renders the state it is given.
import { useEffect, useRef } from 'preact/hooks';
import { ActivityExportButtons } from './activity-export-buttons';
import type { ExportFormat } from './activity-export';
import { ActivityFilters } from './activity-filters';
import { ActivityItem } from './activity-item';
import { countOf } from './format';
import { ListStatus } from './list-status';
import type { ActivityFilter, ActivityView } from './use-activity';

interface Props {
  view: ActivityView;
  filter: ActivityFilter;
  /** the person's labels for custom fields */
  labels: Record<string, string>;
  onFilter: (filter: ActivityFilter) => void;
  onShowOlder: () => void;
  onRetry: () => void;
  onExport: (format: ExportFormat, onProgress: (count: number) => void) => Promise<number>;
}

export function ActivitySection({ view, filter, labels, onFilter, onShowOlder, onRetry, onExport }: Props) {
  const filtered = filter.kind !== undefined || filter.origin !== undefined;
  return (
    <section class="section activity" aria-labelledby="activity-heading" aria-busy={view.status === 'loading'}>
      <h2 id="activity-heading" class="visually-hidden">
        Activity
      </h2>
      <ActivityFilters filter={filter} onApply={onFilter} />
      {/* Keyed by the filter: what the last export said is about other entries once it changes. */}
      <ActivityExportButtons key={`${filter.kind ?? ''} ${filter.origin ?? ''}`} filtered={filtered} onExport={onExport} />
      {view.status === 'ready' ? (
        <ActivityList view={view} filter={filter} labels={labels} onClear={() => onFilter({})} onShowOlder={onShowOlder} />
      ) : (
        <ListStatus
          state={view.status === 'error' ? view : { status: 'loading' }}
          loading="Loading your activity…"
          failed="Your activity could not be loaded."
          onRetry={onRetry}
        />
      )}
    </section>
  );
}

interface ListProps {
  view: Extract<ActivityView, { status: 'ready' }>;
  filter: ActivityFilter;
  labels: Record<string, string>;
  onClear: () => void;
  onShowOlder: () => void;
}

function ActivityList({ view, filter, labels, onClear, onShowOlder }: ListProps) {
  const { entries, nextBefore, olderFrom, loadingOlder, olderError } = view;
  // After "Show older", focus goes to the first entry it brought.
  const firstNew = useRef<HTMLLIElement | null>(null);
  useEffect(() => firstNew.current?.focus(), [olderFrom, entries.length]);

  if (entries.length === 0 && nextBefore === null && !filter.kind && !filter.origin) {
    return <p class="status empty">Nothing has happened yet. Each time a site connects or reads, it shows here.</p>;
  }
  return (
    <>
      {entries.length === 0 ? (
        <div class="status empty">
          <p>
            Nothing {nextBefore === null ? '' : 'recent '}matches these filters.
            {filter.origin ? ' The Site filter takes a full address, like https://example.com.' : ''}
          </p>
          <button type="button" class="link-button" onClick={onClear}>
            Clear filters
          </button>
        </div>
      ) : (
        <>
          <p class="list-count" aria-live="polite">
            {countOf(entries.length, 'entry', 'entries')}
            {nextBefore === null ? '' : ' so far'}
          </p>
          <ol class="activity-entries" aria-label="Activity, newest first">
            {entries.map((entry, index) => (
              <ActivityItem
                key={entry.id}
                entry={entry}
                labels={labels}
                focusRef={index === olderFrom ? (element) => void (firstNew.current = element) : undefined}
              />
            ))}
          </ol>
        </>
      )}
      {nextBefore !== null && (
        <div class="more">
          <button type="button" class="button button--secondary button--small" aria-disabled={loadingOlder} onClick={onShowOlder}>
            Show older
          </button>
        </div>
      )}
      {olderError && (
        <p class="alert" role="alert">
          {olderError}
        </p>
      )}
    </>
  );
}
