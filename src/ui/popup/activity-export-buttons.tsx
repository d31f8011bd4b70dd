// Saves the activity log — every entry the filters let through, not only the
// page on screen — as JSON or as CSV for a spreadsheet.
import { useState } from 'preact/hooks';
import { FormAlert } from '../shared/form-alert';
import { FormStatus } from '../shared/form-status';
import { useSubmit } from '../shared/use-submit';
import type { ExportFormat } from './activity-export';
import { countOf } from './format';

interface Props {
  filtered: boolean;
  onExport: (format: ExportFormat, onProgress: (count: number) => void) => Promise<number>;
}

export function ActivityExportButtons({ filtered, onExport }: Props) {
  const [progress, setProgress] = useState('');
  const { busy, error, submit } = useSubmit(async (format: ExportFormat) => {
    setProgress('Gathering your activity…');
    try {
      const count = await onExport(format, (n) => setProgress(`Gathering your activity… ${countOf(n, 'entry', 'entries')}`));
      setProgress(`Saved ${countOf(count, 'entry', 'entries')} to your downloads.`);
    } catch (caught) {
      setProgress('');
      throw caught;
    }
  });
  // aria-disabled, not disabled: the pressed button keeps focus while it works.
  const press = (format: ExportFormat) => () => void (busy || submit(format));
  return (
    <div class="activity-export">
      <div class="activity-export__row">
        <span class="muted activity-export__what">{filtered ? 'Save what matches:' : 'Save all activity:'}</span>
        <button type="button" class="button button--secondary button--small" aria-disabled={busy} onClick={press('json')}>
          Export JSON
        </button>
        <button type="button" class="button button--secondary button--small" aria-disabled={busy} onClick={press('csv')}>
          Export CSV
        </button>
      </div>
      <FormStatus>{progress}</FormStatus>
      <FormAlert error={error} />
    </div>
  );
}
