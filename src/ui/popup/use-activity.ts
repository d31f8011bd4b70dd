// The activity log for the Activity tab: a page at a time, newest first, with
// the filters the person chose, and the whole filtered log for an export.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { call } from '../client';
import type { ActivityEntry, ActivityKind } from '../../shared/activity';
import { downloadFile } from '../shared/download';
import { isLockedError, messageOf } from '../shared/is-locked-error';
import {
  activityToCsv,
  activityToJson,
  collectAll,
  EXPORT_FILES,
  EXPORT_PAGE_SIZE,
  type ActivityPage,
  type ExportFormat,
} from './activity-export';

export const ACTIVITY_PAGE_SIZE = 50;

export interface ActivityFilter {
  kind?: ActivityKind;
  /** an exact origin */
  origin?: string;
}

export type ActivityView =
  | { status: 'idle' | 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      entries: ActivityEntry[];
      nextBefore: number | null;
      /** how many entries were shown before the last "Show older", so focus can move to the first new one */
      olderFrom: number | null;
      loadingOlder: boolean;
      olderError: string | null;
    };

export interface Activity {
  filter: ActivityFilter;
  view: ActivityView;
  /** loads the newest page; the tab calls it each time it is shown, so it is never stale */
  open: () => void;
  /** forgets what was shown (the wallet locked); the next open loads afresh */
  reset: () => void;
  setFilter: (filter: ActivityFilter) => void;
  showOlder: () => void;
  retry: () => void;
  /** saves every entry the filter lets through as a file; resolves to how many there were */
  exportAs: (format: ExportFormat, onProgress?: (count: number) => void) => Promise<number>;
}

// Only the keys that hold a value: the boundary refuses what it does not expect.
function pageOf({ kind, origin }: ActivityFilter, limit: number, before?: number): Promise<ActivityPage> {
  return call('wallet_listActivity', {
    limit,
    ...(kind ? { kind } : {}),
    ...(origin ? { origin } : {}),
    ...(before === undefined ? {} : { before }),
  });
}

export function useActivity(onLocked: () => void): Activity {
  const [filter, setFilterState] = useState<ActivityFilter>({});
  const [view, setView] = useState<ActivityView>({ status: 'idle' });
  const latest = useRef(0);

  const failed = useCallback(
    (error: unknown) => {
      if (isLockedError(error)) onLocked();
      return messageOf(error);
    },
    [onLocked],
  );

  /** The first page; `quiet` keeps what is on screen until it arrives, so a refresh never flashes. */
  const load = useCallback(
    (next: ActivityFilter, quiet = false) => {
      const ticket = ++latest.current;
      if (!quiet) setView({ status: 'loading' });
      pageOf(next, ACTIVITY_PAGE_SIZE).then(
        (page) =>
          ticket === latest.current &&
          setView({ status: 'ready', ...page, olderFrom: null, loadingOlder: false, olderError: null }),
        (error: unknown) => ticket === latest.current && setView({ status: 'error', message: failed(error) }),
      );
    },
    [failed],
  );

  useEffect(() => () => void ++latest.current, []);

  // Stable, so a page's effect can call them without running again each render.
  const current = useRef({ view, filter });
  current.current = { view, filter };
  const open = useCallback(() => {
    const { view: shown, filter: now } = current.current;
    load(now, shown.status === 'ready');
  }, [load]);
  const reset = useCallback(() => {
    ++latest.current;
    setView((old) => (old.status === 'idle' ? old : { status: 'idle' }));
  }, []);

  const showOlder = useCallback(() => {
    if (view.status !== 'ready' || view.nextBefore === null || view.loadingOlder) return;
    const ticket = ++latest.current;
    const shown = view;
    setView({ ...shown, loadingOlder: true, olderError: null });
    pageOf(filter, ACTIVITY_PAGE_SIZE, shown.nextBefore!).then(
      (page) =>
        ticket === latest.current &&
        setView({
          ...shown,
          entries: [...shown.entries, ...page.entries],
          nextBefore: page.nextBefore,
          olderFrom: shown.entries.length,
          loadingOlder: false,
          olderError: null,
        }),
      (error: unknown) =>
        ticket === latest.current && setView({ ...shown, loadingOlder: false, olderError: failed(error) }),
    );
  }, [view, filter, failed]);

  return useMemo<Activity>(
    () => ({
      filter,
      view,
      open,
      reset,
      setFilter: (next) => {
        setFilterState(next);
        load(next);
      },
      showOlder,
      retry: () => load(filter),
      exportAs: async (format, onProgress) => {
        let entries: ActivityEntry[];
        try {
          entries = await collectAll((before) => pageOf(filter, EXPORT_PAGE_SIZE, before), onProgress);
        } catch (error) {
          if (isLockedError(error)) onLocked();
          throw error;
        }
        const file = EXPORT_FILES[format];
        downloadFile(file.name, format === 'csv' ? activityToCsv(entries) : activityToJson(entries), file.type);
        return entries.length;
      },
    }),
    [filter, view, open, reset, load, showOlder, onLocked],
  );
}
