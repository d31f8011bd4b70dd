// Which verb a command is, by the regexes of at_commons' VerbSyntax (JavaScript
// needs the enroll one written without its duplicate group name), and whether
// it needs an authenticated connection. A command no verb accepts is
// "invalid command"; one a verb accepts but its regex does not is "Invalid syntax".
import { fail } from '../errors.mjs';
import { cram, from, pkam } from './auth.mjs';
import { llookup, lookup, remove, scan, update } from './data.mjs';
import { enroll, keys, otp } from './enroll.mjs';
import { info, noop } from './misc.mjs';
import { monitor, notify } from './notify.mjs';

const METADATA =
  '(:ttl:(?<ttl>(-?)\\d+))?(:ttb:(?<ttb>(-?)\\d+))?(:ttr:(?<ttr>(-?)\\d+))?(:ccd:(?<ccd>true|false))?' +
  '(:dataSignature:(?<dataSignature>[^:@\\s]+))?(:sharedKeyStatus:(?<sharedKeyStatus>[^:@\\s]+))?' +
  '(:isBinary:(?<isBinary>true|false))?(:isEncrypted:(?<isEncrypted>true|false))?' +
  '(:sharedKeyEnc:(?<sharedKeyEnc>[^:@\\s]+))?(:pubKeyCS:(?<pubKeyCS>[^:@\\s]+))?(:encoding:(?<encoding>[^:@\\s]+))?' +
  '(:encKeyName:(?<encKeyName>[^:@\\s]+))?(:encAlgo:(?<encAlgo>[^:@\\s]+))?(:ivNonce:(?<ivNonce>[^:@\\s]+))?' +
  '(:skeEncKeyName:(?<skeEncKeyName>[^:@\\s]+))?(:skeEncAlgo:(?<skeEncAlgo>[^:@\\s]+))?';

const SCOPE = '(:((?<publicScope>public)|(@(?<forAtSign>[^:@\\s]+))))?';

/** [name, accepts(command), regex, needs auth, handler] in the order the server's verb manager tries them. */
const VERBS = [
  ['from', (c) => c.startsWith('from:'), /^from:(?<atSign>@?[^:@\s]+)(:clientConfig:(?<clientConfig>\{.+\}))?$/u, false, from],
  ['cram', (c) => c.startsWith('cram:'), /^cram:(?<digest>.+$)/u, false, cram],
  [
    'pkam',
    (c) => c.startsWith('pkam:'),
    /^pkam:(signingAlgo:(?<signingAlgo>ecc_secp256r1|rsa2048):)?(hashingAlgo:(?<hashingAlgo>sha256|sha512):)?(enrollmentId:(?<enrollmentId>.+):)?(?<signature>.+$)/u,
    false,
    pkam,
  ],
  [
    'llookup',
    (c) => c.startsWith('llookup:'),
    new RegExp(`^llookup(:(?<operation>meta|all))?(:cached)?${SCOPE}:(?<atKey>[^:]((?!:{2})[^@])+)@(?<atSign>[^:@\\s]+)$`, 'u'),
    true,
    llookup,
  ],
  [
    'lookup',
    (c) => c.startsWith('lookup:'),
    /^lookup:(bypassCache:(?<bypassCache>true|false):)?((?<operation>meta|all):)?(?<atKey>(?:[^:]).+)@(?<atSign>[^:@\s]+)$/u,
    false,
    lookup,
  ],
  [
    'update',
    (c) => c.startsWith('update:') && !c.startsWith('update:meta'),
    new RegExp(
      `^update:json:(?<json>.+)$|^update${METADATA}${SCOPE}:(?<atKey>(([^:@\\s]+)|(privatekey:at_pkam_publickey)))(@(?<atSign>[^:@\\s]+))? (?<value>.+)$`,
      'u',
    ),
    true,
    update,
  ],
  [
    'delete',
    (c) => c.startsWith('delete:'),
    new RegExp(`^delete(:priority:(?<priority>low|medium|high))?(:cached)?${SCOPE}:(?<atKey>(([^:@\\s]+)|(privatekey:at_secret)))(@(?<atSign>[^:@\\s]+))?$`, 'u'),
    true,
    remove,
  ],
  [
    'scan',
    (c) => c.startsWith('scan'),
    /^scan$|scan(:showhidden:(?<showhidden>true|false))?(:(?<forAtSign>@[^:@\s]+))?(:page:(?<page>\d+))?( (?<regex>\S+))?$/u,
    false,
    scan,
  ],
  ['info', (c) => c === 'info' || c === 'info:brief', /^info(:brief)?$/u, false, info],
  ['noop', (c) => c.startsWith('noop:'), /^noop:(?<delayMillis>\d+)$/u, false, noop],
  [
    'monitor',
    (c) => c.startsWith('monitor'),
    /^monitor(:(?<strict>strict))?(:(?<selfNotifications>selfNotifications))?(:(?<multiplexed>multiplexed))?(:(?<epochMillis>\d+))?( (?<regex>.+))?$/u,
    true,
    monitor,
  ],
  [
    'notify',
    (c) => c.startsWith('notify:') && !/^notify:(list|status|fetch|all|remove)\b/u.test(c),
    new RegExp(
      '^notify(:id:(?<id>[\\w\\d\\-_]+))?(:(?<operation>update|delete))?(:messageType:(?<messageType>key|text))?' +
        '(:priority:(?<priority>low|medium|high))?(:strategy:(?<strategy>all|latest))?(:latestN:(?<latestN>\\d+))?' +
        '(:notifier:(?<notifier>[^\\s:]+))?(:ttln:(?<ttln>\\d+))?' +
        METADATA +
        ':((?<publicScope>public)|(@(?<forAtSign>[^:@\\s]+))):(?<atKey>[^:@]((?!:{2})[^@])+)(@(?<atSign>[^:@\\s]+))?(:(?<value>.+))?$',
      'u',
    ),
    true,
    notify,
  ],
  [
    'enroll',
    (c) => c.startsWith('enroll:'),
    /^enroll:(?<operation>request|approve|deny|revoke|list|fetch|unrevoke|delete)(:(?<force>force))?(?::)?(?<enrollParams>.+)?$/u,
    false,
    enroll,
  ],
  ['otp', (c) => c.startsWith('otp:'), /^otp:(?<operation>get|put)(:(?<otp>(?<=put:)\w{6,}))?(:(?:ttl:(?<ttl>\d+)))?$/u, false, otp],
  ['keys', (c) => c.startsWith('keys:'), /^keys:((?<operation>put|get|delete):?)(?:(?<visibility>public|private|self):?)?(keyName:(?<keyName>.+))?$/u, false, keys],
];

/** The answer's text after `data:` (or { raw } for one written whole), or undefined when the handler wrote its own. */
export async function handle(server, session, command, io) {
  const verb = VERBS.find(([, accepts]) => accepts(command));
  if (!verb) throw fail('InvalidSyntaxException', 'invalid command');
  const [name, , regex, needsAuth, handler] = verb;
  const match = regex.exec(command);
  if (!match) throw fail('InvalidSyntaxException', `Invalid syntax. e.g. see the ${name} verb's syntax`);
  if (needsAuth && !session.authenticated) throw fail('UnAuthenticatedException', 'Command cannot be executed without auth');
  const groups = Object.fromEntries(Object.entries(match.groups ?? {}).filter(([, v]) => v !== undefined));
  return handler(server, session, groups, io, command);
}
