// Proving to the local atServer that a connection is the atSign's own app:
// the `from` challenge exactly as the server builds it, PKAM signatures made
// with the fixture's real PKAM key (both command forms, SHA-256 and SHA-512),
// and every way PKAM is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AtServerCore } from '../../../../testing/atplatform/atserver/index.mjs';
import { ALICE, aliceCore, dataOf, fixtureKeys, rsaSign, Wire } from './support';

const keys = fixtureKeys();
let core: AtServerCore;
beforeEach(async () => {
  core = await aliceCore();
});
afterEach(() => core.close());

describe('from and pkam', () => {
  it('gives the challenge _<session id>@alice:<uuid>, the same session id each time, and takes a signature over exactly it', async () => {
    const wire = await new Wire(core).open();
    const first = await wire.send(`from:${ALICE}`);
    const match = /^data:(_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})@alice🛠:([0-9a-f-]{36})\n@$/u.exec(first);
    expect(match).not.toBeNull();
    const second = dataOf(await wire.send('from:ALICE🛠'))!;
    expect(second.startsWith(`${match![1]}${ALICE}:`)).toBe(true);
    expect(second).not.toBe(dataOf(first));
    // Only the latest challenge counts.
    expect(await wire.send(`pkam:${rsaSign(keys.pkamPrivateKey, dataOf(first)!)}`)).toBe('error:AT0401-Exception: pkam authentication failed\n@');
    expect(await wire.send(`pkam:${rsaSign(keys.pkamPrivateKey, second)}`)).toBe(`data:success\n${ALICE}@`);
  });

  it('accepts the full form with SHA-512 and with SHA-256', async () => {
    for (const hash of ['sha512', 'sha256']) {
      const wire = await new Wire(core).open();
      const challenge = dataOf(await wire.send(`from:${ALICE}`))!;
      expect(await wire.send(`pkam:signingAlgo:rsa2048:hashingAlgo:${hash}:${rsaSign(keys.pkamPrivateKey, challenge, hash)}`)).toBe(`data:success\n${ALICE}@`);
    }
  });

  it('refuses another atSign’s key and the encryption key (AT0401), and a failed PKAM signs the connection out', async () => {
    const bob = fixtureKeys('@bob🛠.atKeys');
    const wire = await new Wire(core).open();
    expect(await wire.pkam(ALICE, bob.pkamPrivateKey)).toBe('error:AT0401-Exception: pkam authentication failed\n@');
    expect(await wire.pkam(ALICE, keys.encryptionPrivateKey)).toBe('error:AT0401-Exception: pkam authentication failed\n@');
    expect(await wire.pkam(ALICE, keys.pkamPrivateKey)).toBe(`data:success\n${ALICE}@`);
    // The handler signs the connection out before it throws, so the error is written as to a stranger.
    expect(await wire.send('pkam:AAAA')).toBe('error:AT0401-Exception: pkam authentication failed\n@');
    expect(await wire.send(`llookup:public:publickey${ALICE}`)).toBe('error:AT0401-Exception: Command cannot be executed without auth\n@');
  });

  it('answers pkam without a from first as the keystore does: the challenge key is not found (AT0015)', async () => {
    const wire = await new Wire(core).open();
    const answer = await wire.send(`pkam:${rsaSign(keys.pkamPrivateKey, 'anything')}`);
    expect(answer).toMatch(/^error:AT0015-Exception: private:_[0-9a-f-]{36}@alice🛠 does not exist in keystore\n@$/u);
  });

  it('drops the connection for a signature that is not base64, as the server’s uncaught FormatException does', async () => {
    const wire = await new Wire(core).open();
    await wire.send(`from:${ALICE}`);
    expect(await wire.send('pkam:not base64!')).toBe('error:AT0011-Exception: FormatException: Invalid character (at character 4)\n@');
    expect(wire.closed).toBe(true);
  });

  it('answers an enrollment that does not exist with AT0028, in the handler’s own error form', async () => {
    const wire = await new Wire(core).open();
    await wire.send(`from:${ALICE}`);
    expect(await wire.send('pkam:signingAlgo:rsa2048:hashingAlgo:sha256:enrollmentId:no-such-id:AAAA')).toBe('error:AT0028:enrollment_id: no-such-id is expired or invalid\n@');
  });
});
