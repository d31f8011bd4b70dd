// The command lines, exactly as they go on the wire, and the rule that no key,
// value or parameter can put a second command there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AtClientError, METADATA_TAGS } from '@/src/atplatform';
import { enrollRequestCommand } from '@/src/atplatform/enroll';
import { parseSyncEntries } from '@/src/atplatform/replies';
import * as verbs from '@/src/atplatform/verbs';

function problemOf(build: () => unknown): unknown {
  try {
    build();
  } catch (error) {
    return error instanceof AtClientError ? error.problem : error;
  }
  return 'no error';
}

describe('command lines', () => {
  it('from, with and without a clientConfig', () => {
    expect(verbs.fromCommand('@alice🛠')).toBe('from:@alice🛠');
    expect(verbs.fromCommand('Alice🛠')).toBe('from:@alice🛠');
    expect(verbs.fromCommand('@alice', { version: '3.0.38' })).toBe('from:@alice:clientConfig:{"version":"3.0.38"}');
  });

  it('pkam: the legacy form, and the APKAM form naming algorithms and enrollment', () => {
    expect(verbs.pkamCommand('c2ln+/A=')).toBe('pkam:c2ln+/A=');
    expect(verbs.pkamCommand('c2ln', '0d5c7e5e-4b0f-4a64-8e8a-3b0c1c0b7e3a')).toBe(
      'pkam:signingAlgo:rsa2048:hashingAlgo:sha256:enrollmentId:0d5c7e5e-4b0f-4a64-8e8a-3b0c1c0b7e3a:c2ln',
    );
    expect(problemOf(() => verbs.pkamCommand('not base64!'))).toBe('bad-input');
    expect(problemOf(() => verbs.pkamCommand('c2ln', 'id:with:colons'))).toBe('bad-input');
  });

  it('cram takes exactly a hex SHA-512', () => {
    const digest = 'ab'.repeat(64);
    expect(verbs.cramCommand(digest)).toBe(`cram:${digest}`);
    expect(problemOf(() => verbs.cramCommand('ab'.repeat(32)))).toBe('bad-input');
    expect(problemOf(() => verbs.cramCommand('AB'.repeat(64)))).toBe('bad-input');
  });

  it('lookup and llookup, plain, meta and all', () => {
    expect(verbs.lookupCommand('publickey@alice🛠')).toBe('lookup:publickey@alice🛠');
    expect(verbs.lookupCommand('signing_key.atwallet@alice🛠', 'all')).toBe('lookup:all:signing_key.atwallet@alice🛠');
    expect(verbs.lookupCommand('signing_key.atwallet@alice', 'meta')).toBe('lookup:meta:signing_key.atwallet@alice');
    expect(verbs.llookupCommand('p1.personas.atwallet@alice')).toBe('llookup:p1.personas.atwallet@alice');
    expect(verbs.llookupCommand('public:publickey@alice', 'meta')).toBe('llookup:meta:public:publickey@alice');
    expect(verbs.llookupCommand('@bob:p1.personas.atwallet@alice', 'all')).toBe('llookup:all:@bob:p1.personas.atwallet@alice');
  });

  it('lookup takes no scope (the server adds public:), and keys need an owner', () => {
    for (const key of ['public:publickey@alice', '@bob:x@alice', 'publickey', 'all:x@alice', 'x@alice@bob', '@alice']) {
      expect(problemOf(() => verbs.lookupCommand(key))).toBe('bad-input');
    }
    for (const key of ['publickey', 'cached:public:x@bob', 'public:@alice', 'x:y@alice', '']) {
      expect(problemOf(() => verbs.llookupCommand(key))).toBe('bad-input');
    }
    expect(problemOf(() => verbs.lookupCommand('x@alice', 'everything' as verbs.ReadOperation))).toBe('bad-input');
  });

  it('update: metadata tags in the server regex’s order, whatever order they are given in', () => {
    expect(verbs.updateCommand('public:signing_key.atwallet@alice🛠', 'uXz', { dataSignature: 'c2ln/+==' })).toBe(
      'update:dataSignature:c2ln/+==:public:signing_key.atwallet@alice🛠 uXz',
    );
    const everything = {
      skeEncAlgo: 'rsa',
      skeEncKeyName: 'k',
      ivNonce: 'aXY=',
      encAlgo: 'AES/CTR/PKCS7Padding',
      encKeyName: 'self',
      encoding: 'base64',
      pubKeyCS: 'cs',
      sharedKeyEnc: 'ske',
      isEncrypted: true,
      isBinary: false,
      sharedKeyStatus: 'ok',
      dataSignature: 'sig',
      ccd: true,
      ttr: -1,
      ttb: 0,
      ttl: 60000,
    };
    expect(verbs.updateCommand('p1.personas.atwallet@alice', 'eA==', everything)).toBe(
      'update:ttl:60000:ttb:0:ttr:-1:ccd:true:dataSignature:sig:sharedKeyStatus:ok:isBinary:false:isEncrypted:true' +
        ':sharedKeyEnc:ske:pubKeyCS:cs:encoding:base64:encKeyName:self:encAlgo:AES/CTR/PKCS7Padding:ivNonce:aXY=' +
        ':skeEncKeyName:k:skeEncAlgo:rsa:p1.personas.atwallet@alice eA==',
    );
    expect(METADATA_TAGS.map(([tag]) => tag)).toEqual(Object.keys(everything).reverse());
    expect(verbs.updateCommand('p1.personas.atwallet@alice', 'v', { isEncrypted: true, ivNonce: 'aXY=' })).toBe(
      'update:isEncrypted:true:ivNonce:aXY=:p1.personas.atwallet@alice v',
    );
  });

  it('update refuses metadata the server would misread or does not know', () => {
    const key = 'x.atwallet@alice';
    for (const metadata of [
      { dataSignature: 'has:colon' },
      { dataSignature: 'has space' },
      { ivNonce: 'a@b' },
      { ttl: -5 },
      { ttl: 1.5 },
      { ttr: -2 },
      { isEncrypted: 'true' },
      { datasignature: 'typo' },
      { dataSignature: '' },
    ]) {
      expect(problemOf(() => verbs.updateCommand(key, 'v', metadata as never))).toBe('bad-input');
    }
  });

  it('update sends a value with line breaks or trailing whitespace as base64, tagged encoding:base64', () => {
    const value = 'line one\nline two';
    expect(verbs.updateCommand('note.atwallet@alice', value)).toBe(
      `update:encoding:base64:note.atwallet@alice ${Buffer.from(value).toString('base64')}`,
    );
    expect(verbs.updateCommand('note.atwallet@alice', 'ends in a space ', { isEncrypted: true })).toBe(
      `update:isEncrypted:true:encoding:base64:note.atwallet@alice ${Buffer.from('ends in a space ').toString('base64')}`,
    );
    expect(verbs.updateCommand('note.atwallet@alice', ' leading space is kept')).toBe('update:note.atwallet@alice  leading space is kept');
    expect(problemOf(() => verbs.updateCommand('note.atwallet@alice', 'a\nb', { encoding: 'hex' }))).toBe('bad-input');
    expect(problemOf(() => verbs.updateCommand('note.atwallet@alice', ''))).toBe('bad-input');
  });

  it('delete, including the CRAM secret after activation', () => {
    expect(verbs.deleteCommand('public:signing_key.atwallet@alice')).toBe('delete:public:signing_key.atwallet@alice');
    expect(verbs.deleteCommand('privatekey:at_secret')).toBe('delete:privatekey:at_secret');
    expect(problemOf(() => verbs.deleteCommand('privatekey:at_pkam_publickey'))).toBe('bad-input');
  });

  it('scan, monitor, otp, keys, noop', () => {
    expect(verbs.scanCommand()).toBe('scan');
    expect(verbs.scanCommand('.atwallet@')).toBe('scan .atwallet@');
    expect(verbs.scanCommand(undefined, { showHidden: true })).toBe('scan:showhidden:true');
    expect(verbs.monitorCommand()).toBe('monitor');
    expect(verbs.monitorCommand({ regex: 'atwallet', since: 1700000000000, strict: true, selfNotifications: true })).toBe(
      'monitor:strict:selfNotifications:1700000000000 atwallet',
    );
    expect(verbs.otpGetCommand()).toBe('otp:get');
    expect(verbs.otpGetCommand({ ttlMs: 300000 })).toBe('otp:get:ttl:300000');
    expect(verbs.keysGetCommand('0d5c.default_enc_private_key.__manage@alice')).toBe('keys:get:keyName:0d5c.default_enc_private_key.__manage@alice');
    expect(verbs.noopCommand()).toBe('noop:0');
    expect(problemOf(() => verbs.noopCommand(5001))).toBe('bad-input');
    expect(problemOf(() => verbs.scanCommand('a b'))).toBe('bad-input');
    expect(problemOf(() => verbs.monitorCommand({ since: -1 }))).toBe('bad-input');
  });

  it('enroll:request with the EnrollParams JSON, fields in a fixed order', () => {
    expect(
      enrollRequestCommand({
        otp: 'ABC123',
        namespaces: { atwallet: 'rw' },
        deviceName: 'Firefox on laptop',
        appName: 'atwallet',
        apkamPublicKey: 'TUlJQg==',
        encryptedAPKAMSymmetricKey: 'ZW5j',
      }),
    ).toBe(
      'enroll:request:{"appName":"atwallet","deviceName":"Firefox on laptop","namespaces":{"atwallet":"rw"},"otp":"ABC123",' +
        '"apkamPublicKey":"TUlJQg==","encryptedAPKAMSymmetricKey":"ZW5j"}',
    );
    const base = { appName: 'atwallet', deviceName: 'd', namespaces: { atwallet: 'rw' as const }, apkamPublicKey: 'TUlJQg==' };
    for (const bad of [
      { ...base, namespaces: {} },
      { ...base, namespaces: { atwallet: 'w' } },
      { ...base, apkamPublicKey: 'not base64' },
      { ...base, otp: 'AB C' },
      { ...base, appName: '' },
      { ...base, deviceName: 'two\nlines' },
      { ...base, deviceName: 'line\u2028separator' },
    ]) {
      expect(problemOf(() => enrollRequestCommand(bad as never))).toBe('bad-input');
    }
  });

  it('escapes U+2028/U+2029 inside JSON, which the server’s regexes would not match raw', () => {
    const command = verbs.fromCommand('@alice', { appName: 'a\u2028b' });
    expect(command).toBe('from:@alice:clientConfig:{"appName":"a\\u2028b"}');
  });
});

describe('sync:from', () => {
  it('asks for the changes after a commit id, a page at a time, optionally by regex', () => {
    expect(verbs.syncFromCommand(-1)).toBe('sync:from:-1:limit:25');
    expect(verbs.syncFromCommand(41, { regex: 'personas\\.atwallet@', limit: 10 })).toBe('sync:from:41:limit:10:personas\\.atwallet@');
    expect(problemOf(() => verbs.syncFromCommand(-2))).toBe('bad-input');
    expect(problemOf(() => verbs.syncFromCommand(1.5))).toBe('bad-input');
    expect(problemOf(() => verbs.syncFromCommand(0, { limit: 0 }))).toBe('bad-input');
    expect(problemOf(() => verbs.syncFromCommand(0, { regex: 'a b' }))).toBe('bad-input');
    expect(problemOf(() => verbs.syncFromCommand(0, { regex: 'a\nscan' }))).toBe('bad-input');
  });

  it('reads the changes, and refuses an answer that is not a list of them', () => {
    const entry = { atKey: 'p.atwallet@alice', value: 'v', metadata: { isEncrypted: 'true', ivNonce: 'x', version: 0 }, commitId: 3, operation: '*' };
    expect(parseSyncEntries(JSON.stringify([entry, { atKey: 'q.atwallet@alice', value: null, metadata: null, commitId: 4, operation: '-' }]))).toEqual([
      { atKey: 'p.atwallet@alice', value: 'v', metadata: { isEncrypted: 'true', ivNonce: 'x' }, commitId: 3, operation: '*' },
      { atKey: 'q.atwallet@alice', value: null, metadata: null, commitId: 4, operation: '-' },
    ]);
    for (const bad of ['{}', 'nope', JSON.stringify([{ ...entry, commitId: '3' }]), JSON.stringify([{ ...entry, operation: 'x' }]), JSON.stringify([null])]) {
      expect(problemOf(() => parseSyncEntries(bad))).toBe('malformed');
    }
  });
});

describe('nothing a caller passes reaches the wire as a second command', () => {
  const anyText = fc.string({ unit: 'binary', maxLength: 30 });
  const withBreaks = fc.tuple(anyText, fc.constantFrom('\n', '\r', '\r\n', '\u2028'), anyText).map(([a, b, c]) => a + b + c);

  /** Each builder either refuses with bad-input or yields one line. */
  function oneLineOrRefused(build: () => string): boolean {
    try {
      return !/[\n\r\u2028\u2029]/.test(build());
    } catch (error) {
      return error instanceof AtClientError && error.problem === 'bad-input';
    }
  }

  it('for keys, values, regexes, ids and metadata (property)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, withBreaks), fc.oneof(anyText, withBreaks), (a, b) => {
        const builders: Array<() => string> = [
          () => verbs.lookupCommand(a),
          () => verbs.llookupCommand(a, 'all'),
          () => verbs.updateCommand(a, b),
          () => verbs.updateCommand(`${a}@alice`, b, { dataSignature: a }),
          () => verbs.updateCommand('x.atwallet@alice', b, { ivNonce: a }),
          () => verbs.deleteCommand(a),
          () => verbs.scanCommand(a),
          () => verbs.monitorCommand({ regex: a }),
          () => verbs.keysGetCommand(a),
          () => verbs.pkamCommand('c2ln', a),
          () => verbs.fromCommand(a),
          () => verbs.fromCommand('@alice', { version: a }),
          () => enrollRequestCommand({ appName: a, deviceName: b, namespaces: { [a]: 'rw' }, apkamPublicKey: 'TUlJQg==', otp: b }),
        ];
        return builders.every(oneLineOrRefused);
      }),
      { numRuns: 500 },
    );
  });

  it('a value with a newline arrives whole, as base64 of its UTF-8 (property)', () => {
    fc.assert(
      fc.property(fc.oneof(withBreaks, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 })), (value) => {
        const command = verbs.updateCommand('v.atwallet@alice', value);
        const sent = command.slice(command.indexOf(' ') + 1);
        const decoded = command.includes(':encoding:base64:') ? Buffer.from(sent, 'base64').toString('utf8') : sent;
        return decoded === value && !/[\n\r]/.test(command);
      }),
    );
  });
});
