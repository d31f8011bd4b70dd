// One entry of the activity log: when, what happened, which site, which fields.
import type { ActivityEntry } from '../../shared/activity';
import { fieldLabel, formatTime, kindWord } from './format';

interface Props {
  entry: ActivityEntry;
  /** the person's labels for custom fields */
  labels: Record<string, string>;
  /** the first entry a "Show older" brought, which takes focus */
  focusRef?: (element: HTMLLIElement | null) => void;
}

export function ActivityItem({ entry, labels, focusRef }: Props) {
  return (
    <li class={`activity-entry activity-entry--${entry.kind}`} ref={focusRef} tabIndex={focusRef ? -1 : undefined}>
      <div class="activity-entry__top">
        <span class="activity-entry__kind">{kindWord(entry.kind)}</span>
        <time class="activity-entry__time" dateTime={new Date(entry.at).toISOString()}>
          {formatTime(entry.at)}
        </time>
      </div>
      <p class="activity-entry__origin">{entry.origin}</p>
      {entry.fields.length > 0 && (
        <p class="activity-entry__fields">{entry.fields.map((field) => fieldLabel(field, labels)).join(', ')}</p>
      )}
    </li>
  );
}
