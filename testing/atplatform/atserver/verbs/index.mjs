// Running one command as at_secondary does: the verb's name lowercased
// (SecondaryUtil.convertCommand), the first handler that accepts it in the
// verb manager's order, then AbstractVerbHandler.processInternal — the auth
// check, the enrollment-still-active check, the regex, the handler — and the
// verb's response handler.
import { fail } from '../errors.mjs';
import { findEnrollment } from '../enrollments.mjs';
import { writeStats } from '../notifications.mjs';
import { SYNTAX, parseCommand } from '../syntax.mjs';
import { cram, from, pkam } from './auth.mjs';
import { remove } from './delete.mjs';
import { enroll } from './enroll.mjs';
import { info, noop } from './info.mjs';
import { keys } from './keys.mjs';
import { llookup, lookup } from './lookup.mjs';
import { monitor } from './monitor.mjs';
import { notify } from './notify.mjs';
import { otp } from './otp.mjs';
import { scan } from './scan.mjs';
import { syncFrom } from './sync.mjs';
import { update } from './update.mjs';

const starts = (prefix) => (command) => command.startsWith(prefix);
const notServed = (name) => () => {
  throw fail('InvalidSyntaxException', `${name} is not served by the local atServer`);
};

/**
 * The verb manager's handlers, in its order: name, accept, regex, usage (the
 * text after "Invalid syntax. "), requiresAuth, handler, reply kind, and
 * whether it changes the store (update and delete tell monitors the commit id).
 */
const VERBS = [
  { name: 'from', accept: starts('from:'), syntax: SYNTAX.from, usage: 'syntax from:@<atSign> \n e.g from:@alice', auth: false, run: from, reply: 'from' },
  { name: 'cram', accept: starts('cram:'), syntax: SYNTAX.cram, usage: 'cram:<digest>', auth: false, run: cram },
  { name: 'pkam', accept: starts('pkam:'), syntax: SYNTAX.pkam, usage: 'pkam:<signature>', auth: false, run: pkam },
  { name: 'update', accept: (c) => c.startsWith('update:') && !c.startsWith('update:meta'), syntax: SYNTAX.update, usage: 'e.g. update:@alice:location@bob San Francisco', auth: true, run: update, changes: true },
  { name: 'update:meta', accept: starts('update:meta:'), auth: true, run: notServed('update:meta') },
  { name: 'llookup', accept: starts('llookup:'), syntax: SYNTAX.llookup, usage: 'e.g llookup:location@bob', auth: true, run: llookup },
  { name: 'plookup', accept: starts('plookup:'), auth: true, run: notServed('plookup') },
  { name: 'lookup', accept: starts('lookup:'), syntax: SYNTAX.lookup, usage: 'e.g lookup:location@bob', auth: false, run: lookup },
  { name: 'scan', accept: starts('scan'), syntax: SYNTAX.scan, usage: 'scan', auth: false, run: scan },
  { name: 'pol', accept: (c) => c === 'pol', auth: false, run: notServed('pol') },
  { name: 'delete', accept: starts('delete:'), syntax: SYNTAX.delete, usage: 'syntax delete:@<atkey> \n e.g delete:phone@alice', auth: true, run: remove, changes: true },
  { name: 'stats', accept: starts('stats'), auth: true, run: notServed('stats') },
  { name: 'config', accept: starts('config:'), auth: true, run: notServed('config') },
  { name: 'monitor', accept: starts('monitor'), syntax: SYNTAX.monitor, usage: 'e.g. monitor or monitor .wavi', auth: true, run: monitor, reply: 'none' },
  { name: 'stream', accept: starts('stream'), auth: false, run: notServed('stream') },
  {
    name: 'notify',
    accept: (c) => c.startsWith('notify:') && !['list', 'status', 'all', 'remove', 'fetch'].some((op) => c.startsWith(`notify:${op}`)),
    syntax: SYNTAX.notify,
    usage: 'e.g notify:@colin:key@kevin',
    auth: false,
    run: notify,
  },
  { name: 'notify:list', accept: starts('notify:list'), auth: false, run: notServed('notify:list') },
  { name: 'batch', accept: starts('batch:'), auth: true, run: notServed('batch') },
  { name: 'notify:status', accept: starts('notify:status'), auth: false, run: notServed('notify:status') },
  { name: 'notify:all', accept: starts('notify:all'), auth: false, run: notServed('notify:all') },
  { name: 'sync:from', accept: starts('sync:from'), syntax: SYNTAX.syncFrom, usage: 'syntax sync:from:1:limit:10:.wavi', auth: true, run: syncFrom },
  { name: 'info', accept: (c) => c === 'info' || c === 'info:brief', syntax: SYNTAX.info, usage: 'info', auth: false, run: info },
  { name: 'noop', accept: starts('noop:'), syntax: SYNTAX.noop, usage: 'noop:<durationInMillis>', auth: false, run: noop },
  { name: 'notify:remove', accept: starts('notify:remove:'), auth: true, run: notServed('notify:remove') },
  { name: 'notify:fetch', accept: starts('notify:fetch'), auth: true, run: notServed('notify:fetch') },
  {
    name: 'enroll',
    accept: starts('enroll:'),
    syntax: SYNTAX.enroll,
    usage: 'enroll:request:{"appName":"wavi","deviceName":"iPhone","namespaces":{"wavi":"rw"},"otp":"<otp>":"apkamPublicKey":"<public_key>"}',
    auth: false,
    run: enroll,
  },
  { name: 'otp', accept: starts('otp:'), syntax: SYNTAX.otp, usage: 'otp:get or otp:validate:<otp>', auth: true, run: otp },
  { name: 'keys', accept: starts('keys:'), syntax: SYNTAX.keys, usage: 'e.g. keys:put:public:keyName:encryptionPublicKey:namespace:__global:keyType:rsa2048:<public_key>', auth: true, run: keys },
];

/** SecondaryUtil.convertCommand: the verb (before the first ':') lowercased, its spaces dropped; a command without ':' all lowercased. */
export function convertCommand(command) {
  const colon = command.indexOf(':');
  if (colon === -1) return command.toLowerCase();
  return command.slice(0, colon).toLowerCase().replaceAll(' ', '') + command.slice(colon);
}

/** DefaultResponseHandler, FromResponseHandler and MonitorResponseHandler. */
function answer(session, verb, response) {
  const prompt = session.prompt();
  if (response.isError) return session.write(`error:${response.errorCode}:${response.errorMessage}\n${prompt}`);
  const data = response.data;
  if (verb.reply === 'none') return undefined;
  if (verb.reply === 'from') return session.write(data !== null && data.startsWith('proof:') ? `data:${data}\n${prompt}` : `${data}\n${prompt}`);
  return session.write(data !== null && data.startsWith('data:') ? `${data}\n${prompt}` : `data:${data}\n${prompt}`);
}

export async function execute(server, session, received) {
  const command = convertCommand(received);
  const verb = VERBS.find((candidate) => candidate.accept(command));
  try {
    if (!verb) throw fail('InvalidSyntaxException', 'invalid command');
    if (verb.auth && !session.authenticated) throw fail('UnAuthenticatedException', 'Command cannot be executed without auth');
    if (session.enrollmentId !== null) {
      const enrollment = findEnrollment(server.store, session.enrollmentId);
      if (enrollment === null || enrollment.approval?.state === 'expired') {
        session.write(`error:AT0028:The enrollment id: ${session.enrollmentId} is expired. Closing the connection\n${session.prompt()}`);
        return session.close();
      }
    }
    const params = verb.syntax ? parseCommand(verb.syntax, command) : {};
    if (params === null) throw fail('InvalidSyntaxException', `Invalid syntax. ${verb.usage}`);
    const response = { data: null, isError: false, errorCode: null, errorMessage: null };
    await verb.run({ server, session, command }, params, response);
    answer(session, verb, response);
    if (verb.changes && !response.isError && response.data !== null) writeStats(server, response.data, verb.name);
  } catch (error) {
    session.fail(error);
  }
}
