// The local atServer's core on one connection: the greeting and prompts, how
// text is cut into commands, errors in the server's legacy and JSON forms
// (and when it closes the connection after one), info, noop, exit, and what
// needs authentication — each answer as at_secondary writes it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAtServerCore, type AtServerCore } from '../../../../testing/atplatform/atserver/index.mjs';
import { ALICE, aliceCore, asAlice, atKeysJson, dataOf, settle, Wire } from './support';

let core: AtServerCore;
beforeEach(async () => {
  core = await aliceCore();
});
afterEach(() => core.close());

describe('a connection to the local atServer', () => {
  it('greets with @ at once, takes a command in pieces, several in one chunk, and \\r\\n endings', async () => {
    const wire = new Wire(core);
    expect(await wire.next()).toBe('@');
    const info = wire.next();
    wire.session.receive('in');
    wire.session.receive('fo\r\nnoop:0\n\nscan\n');
    expect(JSON.parse(dataOf(await info)!)).toMatchObject({ version: '3.2.0', uptimeAsWords: expect.stringMatching(/^\d+ seconds$/u) });
    expect(await wire.next()).toBe('data:ok\n@');
    expect(await wire.next()).toBe(`data:["publickey${ALICE}"]\n@`);
    // A chunk of nothing but a newline is an empty command: the server finds no verb for it.
    expect(await wire.send('')).toBe('error:AT0003-Exception: invalid command\n@');
  });

  it('answers info:brief with the uptime in milliseconds, and lowercases the verb as the server does', async () => {
    const wire = await new Wire(core).open();
    const brief = JSON.parse(dataOf(await wire.send('INFO:brief'))!) as Record<string, unknown>;
    expect(Object.keys(brief)).toEqual(['version', 'uptimeAsMillis']);
    expect(brief.uptimeAsMillis).toEqual(expect.any(Number));
    expect(await wire.send('NOOP:1')).toBe('data:ok\n@');
  });

  it('answers an unknown verb and bad syntax with the verb’s usage, before and after authentication', async () => {
    const wire = await new Wire(core).open();
    expect(await wire.send('bogus')).toBe('error:AT0003-Exception: invalid command\n@');
    expect(await wire.send('lookup:')).toBe('error:AT0003-Exception: Invalid syntax. e.g lookup:location@bob\n@');
    expect(await wire.send('from:')).toBe('error:AT0003-Exception: Invalid syntax. syntax from:@<atSign> \n e.g from:@alice\n@');
    expect(await wire.send('noop:9999')).toBe('error:AT0022-Exception: noop:<durationInMillis> where the duration maximum is 5000 milliseconds\n@');
    const owner = await asAlice(core);
    expect(await owner.send('bogus')).toBe(`error:AT0003-Invalid syntax : invalid command\n${ALICE}@`);
    expect(await owner.send('delete:')).toBe(`error:AT0003-Invalid syntax : Invalid syntax. syntax delete:@<atkey> \n e.g delete:phone@alice\n${ALICE}@`);
  });

  it('refuses what needs authentication with AT0401 before looking at the syntax', async () => {
    const wire = await new Wire(core).open();
    for (const command of [`llookup:public:publickey${ALICE}`, `update:public:x.wallet${ALICE} v`, 'update:!!!', 'delete:x', 'monitor', 'otp:get', 'keys:get:keyName:x', 'sync:from:0:limit:5']) {
      expect(await wire.send(command)).toBe('error:AT0401-Exception: Command cannot be executed without auth\n@');
    }
    expect(await wire.send(`notify:${ALICE}:x.atwallet${ALICE}:hi`)).toBe('error:AT0401-Exception: Notify command cannot be executed without authentication\n@');
    expect(await wire.send('enroll:list')).toBe('error:AT0401-Exception: Cannot list enrollment without authentication\n@');
    expect(await wire.send(`scan:@bob`)).toBe('error:AT0401-Exception: Scan to another atSign cannot be performed without auth\n@');
  });

  it('answers errors as JSON once the client says it is newer than 3.0.37, legacy text otherwise', async () => {
    const wire = await new Wire(core).open();
    expect(await wire.send(`from:${ALICE}:clientConfig:{"version":"3.0.38"}`)).toMatch(/^data:_/u);
    expect(await wire.send('pkam:AAAA')).toBe(`error:{"errorCode":"AT0401","errorDescription":"Exception: pkam authentication failed"}\n@`);
    const old = await new Wire(core).open();
    await old.send(`from:${ALICE}:clientConfig:{"version":"3.0.37","appName":"wallet"}`);
    expect(await old.send('pkam:AAAA')).toBe('error:AT0401-Exception: pkam authentication failed\n@');
  });

  it('takes a clientConfig without a text version as the server’s typed field does: AT0010, and no challenge', async () => {
    const wire = await new Wire(core).open();
    expect(await wire.send(`from:${ALICE}:clientConfig:{"version":3}`)).toBe("error:AT0010-Exception: type 'int' is not a subtype of type 'String'\n@");
    // JSON that does not parse is a FormatException the server does not expect: AT0011, and the connection closes.
    expect(await wire.send(`from:${ALICE}:clientConfig:{nope}`)).toMatch(/^error:AT0011-Exception: FormatException: .*\n@$/u);
    expect(wire.closed).toBe(true);
  });

  it('closes the connection after an invalid atSign, as after every InvalidAtSignException (AT0011)', async () => {
    const wire = await new Wire(core).open();
    expect(await wire.send('from:@ali!ce')).toBe("error:AT0011-Exception: invalid @sign: Cannot contain !*'`();:&=+$,/?#[]{} characters\n@");
    expect(wire.closed).toBe(true);
    wire.session.receive('info\n');
    await settle();
    expect(wire.written).toHaveLength(2);
  });

  it('answers from for another atSign as a client without a client certificate is answered', async () => {
    const wire = await new Wire(core).open();
    expect(await wire.send('from:@bob')).toBe('error:AT0401-Exception: Certificate Verification Failed\n@');
  });

  it('drops a connection whose buffer overflows (AT0005)', async () => {
    const wire = await new Wire(core).open();
    const answer = wire.next();
    wire.session.receive('x'.repeat(10_240_001));
    expect(await answer).toBe('error:AT0005-Exception: InboundBuffer overflow: server received request which exceeded the buffer size limit. Terminating the connection.\n@');
    expect(wire.closed).toBe(true);
  });

  it('closes on @exit, ignores what comes after, and close() of the core ends every session', async () => {
    const wire = await new Wire(core).open();
    wire.session.receive('@exit\ninfo\n');
    await settle();
    expect(wire.closed).toBe(true);
    expect(wire.written).toEqual(['@']);
    const other = await new Wire(core).open();
    core.close();
    expect(other.closed).toBe(true);
  });

  it('refuses to start without keys or a secret, or for a name that is no atSign', async () => {
    await expect(createAtServerCore({ atSign: ALICE })).rejects.toThrow(/needs \.atKeys or a cramSecret/u);
    await expect(createAtServerCore({ atSign: '@a b', cramSecret: 's' })).rejects.toThrow(/not an atSign: invalid @sign: Cannot Contain whitespace/u);
    await expect(createAtServerCore({ atSign: ALICE, atKeys: { ...atKeysJson(), aesPkamPublicKey: '' } })).rejects.toThrow(/aesPkamPublicKey does not decrypt/u);
    await expect(createAtServerCore({ atSign: ALICE, atKeys: { nothing: true } })).rejects.toThrow(/no selfEncryptionKey/u);
  });
});
