// The local atServer's core on its own: the greeting and prompts, errors in
// the server's legacy and JSON forms, `from`, PKAM with the fixture's real
// keys, and what needs authentication — each answer as at_secondary writes it.
import { beforeEach, describe, expect, it } from 'vitest';
import { createAtServerCore, type AtServerCore } from '../../../../testing/atplatform/atserver/index.mjs';
import { ALICE, atKeysJson, fixtureKeys, rsaSign, Wire } from './support';

let core: AtServerCore;
const keys = fixtureKeys();
beforeEach(async () => {
  core = await createAtServerCore({ atSign: ALICE, atKeys: atKeysJson() });
});

describe('a connection to the local atServer', () => {
  it('greets with @, answers info, and takes a command split anywhere or several in one chunk', async () => {
    const wire = new Wire(core);
    expect(await wire.next()).toBe('@');
    const info = wire.next();
    wire.session.receive('in');
    wire.session.receive('fo\r\nnoop:0\nscan\n');
    expect(JSON.parse(/^data:(.*)\n@$/su.exec(await info)![1]!)).toMatchObject({ version: '3.2.0' });
    expect(await wire.next()).toBe('data:ok\n@');
    expect(await wire.next()).toBe(`data:["publickey${ALICE}"]\n@`);
  });

  it('answers an unknown verb and bad syntax as the server does, before and after authentication', async () => {
    const wire = new Wire(core);
    await wire.next();
    expect(await wire.send('bogus')).toBe('error:AT0003-Exception: invalid command\n@');
    expect(await wire.send('noop:9999')).toBe('error:AT0022-Exception: delayMillis may not be greater than 5000\n@');
    expect(await wire.pkam(ALICE, keys.pkamPrivateKey)).toBe(`data:success\n${ALICE}@`);
    expect(await wire.send('bogus')).toBe(`error:AT0003-Invalid syntax : invalid command\n${ALICE}@`);
  });

  it('refuses what needs authentication with AT0401', async () => {
    const wire = new Wire(core);
    await wire.next();
    for (const command of [`llookup:publickey${ALICE}`, `update:public:x.wallet${ALICE} v`, `delete:public:publickey${ALICE}`, 'monitor', 'otp:get']) {
      expect(await wire.send(command)).toMatch(/^error:AT0401-Exception: .*\n@$/u);
    }
  });

  it('gives the challenge exactly as from builds it, and accepts a PKAM signature over it (sha256 or sha512)', async () => {
    const wire = new Wire(core);
    await wire.next();
    const answer = await wire.send(`from:${ALICE}`);
    const match = /^data:(_[0-9a-f-]{36})@alice🛠:([0-9a-f-]{36})\n@$/u.exec(answer);
    expect(match).not.toBeNull();
    const challenge = answer.slice('data:'.length, -2);
    const sha512 = rsaSign(keys.pkamPrivateKey, challenge, 'sha512');
    expect(await wire.send(`pkam:signingAlgo:rsa2048:hashingAlgo:sha512:${sha512}`)).toBe(`data:success\n${ALICE}@`);
  });

  it('refuses a wrong PKAM signature, one with no from before it, and another key (AT0401)', async () => {
    const wire = new Wire(core);
    await wire.next();
    const bob = fixtureKeys('@bob🛠.atKeys');
    expect(await wire.pkam(ALICE, bob.pkamPrivateKey)).toBe('error:AT0401-Exception: pkam authentication failed\n@');
    expect(await wire.send(`pkam:${rsaSign(keys.pkamPrivateKey, 'anything')}`)).toBe('error:AT0401-Exception: pkam authentication failed\n@');
    // The encryption key is not the PKAM key.
    expect(await wire.pkam(ALICE, keys.encryptionPrivateKey)).toBe('error:AT0401-Exception: pkam authentication failed\n@');
  });

  it('answers errors as JSON once the client says clientConfig version 3.0.38 or newer', async () => {
    const wire = new Wire(core);
    await wire.next();
    await wire.send(`from:${ALICE}:clientConfig:{"version":"3.0.38"}`);
    const answer = await wire.send('pkam:AAAA');
    expect(answer.endsWith('\n@')).toBe(true);
    expect(JSON.parse(answer.slice('error:'.length, -2))).toEqual({ errorCode: 'AT0401', errorDescription: 'Exception: pkam authentication failed' });
    const old = new Wire(core);
    await old.next();
    await old.send(`from:${ALICE}:clientConfig:{"version":"3.0.37"}`);
    expect(await old.send('pkam:AAAA')).toBe('error:AT0401-Exception: pkam authentication failed\n@');
  });

  it('answers from for another atSign with a proof, not a challenge', async () => {
    const wire = new Wire(core);
    await wire.next();
    expect(await wire.send('from:@bob')).toMatch(/^proof:_[0-9a-f-]{36}@bob:[0-9a-f-]{36}\n@$/u);
  });

  it('closes on @exit, and on close() of the core', async () => {
    const wire = new Wire(core);
    await wire.next();
    wire.session.receive('@exit\n');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(wire.closed).toBe(true);
    const other = new Wire(core);
    core.close();
    expect(other.closed).toBe(true);
  });
});
