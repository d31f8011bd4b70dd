// One atSign's atServer without its network: the key store, the connections'
// sessions, notifications, enrollments and one-time codes, and an approver —
// the person's other app — for tests to drive. The doors (../doors.mjs) carry
// each connection's text to a session here. What it follows in Atsign's
// server code, and where it had to choose: README-choices.md.
import { fixAtSign } from './at-sign.mjs';
import { createApprover } from './approver.mjs';
import { metaDataJson } from './metadata.mjs';
import { tendStatsTimer } from './notifications.mjs';
import { openAtKeys, seedActivatedAtSign } from './seed.mjs';
import { openSession } from './session.mjs';
import { createStore } from './store.mjs';

function checkedAtSign(input) {
  try {
    return fixAtSign(input);
  } catch (error) {
    throw new Error(`"${String(input)}" is not an atSign: ${error.message}`);
  }
}

/**
 * @param {{ atSign: string, atKeys?: Record<string, unknown>, cramSecret?: string, dataFile?: string, invalidOtpDelayMs?: number }} options
 */
export async function createAtServerCore(options) {
  if (typeof options !== 'object' || options === null) throw new TypeError('createAtServerCore needs { atSign, atKeys | cramSecret }.');
  const atSign = checkedAtSign(options.atSign);
  const keys = options.atKeys === undefined ? null : openAtKeys(options.atKeys);
  if (keys === null && (typeof options.cramSecret !== 'string' || options.cramSecret === '')) throw new Error(`${atSign} needs .atKeys or a cramSecret.`);
  if (options.dataFile !== undefined && (typeof options.dataFile !== 'string' || options.dataFile === '')) throw new TypeError('dataFile must be a file path.');
  const initialDelay = options.invalidOtpDelayMs ?? 1000;
  if (!Number.isSafeInteger(initialDelay) || initialDelay < 0) throw new TypeError('invalidOtpDelayMs must be a whole number of milliseconds, 0 or more.');

  const store = createStore({ file: options.dataFile, atSign });
  const server = {
    atSign,
    store,
    startedAt: Date.now(),
    sessions: new Set(),
    /** The enroll handler's server-wide delays after wrong one-time codes. */
    wrongCode: { initial: initialDelay, series: [0, initialDelay], lastAt: 0 },
    statsTimer: null,
    timers: new Set(),
    sessionEnded(session) {
      server.sessions.delete(session);
      tendStatsTimer(server);
    },
  };

  // A fresh store: the atSign as its server holds it once activated, or waiting for CRAM.
  if (store.keys().length === 0 && !store.has('privatekey:at_secret_deleted')) {
    if (keys !== null) seedActivatedAtSign(store, atSign, keys, '_seeded');
    else store.put('privatekey:at_secret', options.cramSecret);
  }

  const open = (io) => {
    const opened = openSession(server, io);
    server.sessions.add(opened.session);
    return opened;
  };

  return {
    atSign,
    openSession(io) {
      const { receive, end } = open(io);
      return { receive, end };
    },
    publicLookup(name) {
      const key = `public:${name}${atSign}`;
      if (!store.has(key)) return null;
      const entry = store.get(key);
      return store.isActive(entry.meta) ? { value: entry.data, metadata: metaDataJson(entry.meta) } : null;
    },
    dump: () => store.dump(),
    approver: createApprover(server, keys, open),
    close() {
      for (const session of [...server.sessions]) session.close();
      for (const timer of server.timers) clearTimeout(timer);
      server.timers.clear();
      tendStatsTimer(server);
    },
  };
}
