// The verbs' grammar: at_commons' VerbSyntax regexes, unchanged, matched as
// at_secondary's handler_util matches them (case-insensitive, UTF-16 code
// units like Dart's non-unicode RegExp, first match wins).

const r = String.raw;

const METADATA =
  r`(:ttl:(?<ttl>(-?)\d+))?` +
  r`(:ttb:(?<ttb>(-?)\d+))?` +
  r`(:ttr:(?<ttr>(-?)\d+))?` +
  r`(:ccd:(?<ccd>true|false))?` +
  r`(:dataSignature:(?<dataSignature>[^:@\s]+))?` +
  r`(:sharedKeyStatus:(?<sharedKeyStatus>[^:@\s]+))?` +
  r`(:isBinary:(?<isBinary>true|false))?` +
  r`(:isEncrypted:(?<isEncrypted>true|false))?` +
  r`(:sharedKeyEnc:(?<sharedKeyEnc>[^:@\s]+))?` +
  r`(:pubKeyCS:(?<pubKeyCS>[^:@\s]+))?` +
  r`(:encoding:(?<encoding>[^:@\s]+))?` +
  r`(:encKeyName:(?<encKeyName>[^:@\s]+))?` +
  r`(:encAlgo:(?<encAlgo>[^:@\s]+))?` +
  r`(:ivNonce:(?<ivNonce>[^:@\s]+))?` +
  r`(:skeEncKeyName:(?<skeEncKeyName>[^:@\s]+))?` +
  r`(:skeEncAlgo:(?<skeEncAlgo>[^:@\s]+))?`;

const SOURCES = {
  from: r`^from:(?<atSign>@?[^:@\s]+)(:clientConfig:(?<clientConfig>\{.+\}))?$`,
  cram: r`^cram:(?<digest>.+$)`,
  pkam: r`^pkam:(signingAlgo:(?<signingAlgo>ecc_secp256r1|rsa2048):)?(hashingAlgo:(?<hashingAlgo>sha256|sha512):)?(enrollmentId:(?<enrollmentId>.+):)?(?<signature>.+$)`,
  llookup:
    r`^llookup(:(?<operation>meta|all))?(:cached)?(:((?<publicScope>public)|(@(?<forAtSign>[^:@\s]+))))?` +
    r`:(?<atKey>[^:]((?!:{2})[^@])+)@(?<atSign>[^:@\s]+)$`,
  lookup: r`^lookup:(bypassCache:(?<bypassCache>true|false):)?((?<operation>meta|all):)?(?<atKey>(?:[^:]).+)@(?<atSign>[^:@\s]+)$`,
  scan: r`^scan$|scan(:showhidden:(?<showhidden>true|false))?(:(?<forAtSign>@[^:@\s]+))?(:page:(?<page>\d+))?( (?<regex>\S+))?$`,
  update:
    r`^update:json:(?<json>.+)$|^update` +
    METADATA +
    r`(:((?<publicScope>public)|(@(?<forAtSign>[^:@\s]+))))?:(?<atKey>(([^:@\s]+)|(privatekey:at_pkam_publickey)))(@(?<atSign>[^:@\s]+))? (?<value>.+)$`,
  delete:
    r`^delete(:priority:(?<priority>low|medium|high))?(:cached)?(:((?<publicScope>public)|(@(?<forAtSign>[^:@\s]+))))?` +
    r`:(?<atKey>(([^:@\s]+)|(privatekey:at_secret)))(@(?<atSign>[^:@\s]+))?$`,
  monitor: r`^monitor(:(?<strict>strict))?(:(?<selfNotifications>selfNotifications))?(:(?<multiplexed>multiplexed))?(:(?<epochMillis>\d+))?( (?<regex>.+))?$`,
  notify:
    r`^notify(:id:(?<id>[\w\d\-\_]+))?(:(?<operation>update|delete))?(:messageType:(?<messageType>key|text))?` +
    r`(:priority:(?<priority>low|medium|high))?(:strategy:(?<strategy>all|latest))?(:latestN:(?<latestN>\d+))?` +
    r`(:notifier:(?<notifier>[^\s:]+))?(:ttln:(?<ttln>\d+))?` +
    METADATA +
    r`:((?<publicScope>public)|(@(?<forAtSign>[^:@\s]+))):(?<atKey>[^:@]((?!:{2})[^@])+)(@(?<atSign>[^:@\s]+))?(:(?<value>.+))?$`,
  info: r`^info(:brief)?$`,
  noop: r`^noop:(?<delayMillis>\d+)$`,
  enroll: r`^enroll:(?<operation>(?:(request|approve|deny|revoke|list|fetch|unrevoke|delete)))(:(?<force>force))?(?::)?((?<enrollParams>.+)|(<=list:)<enrollParams>.?)?$`,
  otp: r`^otp:(?<operation>get|put)(:(?<otp>(?<=put:)\w{6,}))?(:(?:ttl:(?<ttl>\d+)))?$`,
  keys:
    r`^keys:((?<operation>put|get|delete):?)(?:(?<visibility>public|private|self):?)?(?:namespace:(?<namespace>[a-zA-Z0-9_]+):?)?` +
    r`(?:appName:(?<appName>[a-zA-Z0-9_]+):?)?(?:deviceName:(?<deviceName>[a-zA-Z0-9_]+):?)?(?:keyType:(?<keyType>[a-zA-Z0-9_-]+):?)?` +
    r`(?:encryptionKeyName:(?<encryptionKeyName>[a-zA-Z0-9_\-]+):?)?(?:keyName:(?<keyName>\S+) ?)?(?<keyValue>.*)?$`,
  syncFrom: r`^sync:from:(?<from_commit_seq>[0-9]+|-1)(:limit:(?<limit>\d+))(:(?<regex>.+))?$`,
};

export const SYNTAX = Object.fromEntries(Object.entries(SOURCES).map(([name, source]) => [name, new RegExp(source, 'i')]));

/** The named groups of the first match (absent ones left out), or null when the command does not match. */
export function parseCommand(regex, command) {
  const match = regex.exec(command);
  if (!match) return null;
  return Object.fromEntries(Object.entries(match.groups ?? {}).filter(([, value]) => value !== undefined));
}
