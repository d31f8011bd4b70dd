// Where the wallet looks for atServers, as the person sets it from the
// wallet's own pages: every value checked at the boundary, nothing changed
// by a refusal, and each atSign's connection status beside it.
import { describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '@/src/shared/errors';
import { BARBARA, walletWithBarbara } from '../personas/support';

describe('the atPlatform settings', () => {
  it('start with the public root and show each atSign’s connection, offline when the root cannot be reached, its new personas waiting to go up', async () => {
    const { ok } = await walletWithBarbara();
    await vi.waitFor(async () =>
      expect(await ok('wallet_getAtPlatform')).toEqual({
        root: 'https://root.atsign.org',
        atSigns: [
          {
            atSign: BARBARA,
            address: null,
            status: expect.objectContaining({ state: 'offline', problem: 'root-unreachable', message: 'The root at https://root.atsign.org could not be reached.' }),
            personas: { lastSyncedAt: null, waiting: 3, problem: null },
          },
        ],
      }),
    );
  });

  it('take another root as an https origin, and refuse one that is not, changing nothing', async () => {
    const { ok, fails } = await walletWithBarbara();
    expect(await fails(ErrorCode.InvalidParams, 'wallet_setAtPlatformRoot', { root: 'http://root.example' })).toBe(
      'The root is reached over HTTPS only.',
    );
    expect(await fails(ErrorCode.InvalidParams, 'wallet_setAtPlatformRoot', { root: 'x'.repeat(301) })).toMatch(/root/);
    expect(await fails(ErrorCode.InvalidParams, 'wallet_setAtPlatformRoot', {})).toMatch(/root/);
    expect((await ok('wallet_getAtPlatform')).root).toBe('https://root.atsign.org');
    expect((await ok('wallet_setAtPlatformRoot', { root: 'Root.Example:8443' })).root).toBe('https://root.example:8443');
  });

  it('take an atServer address for an atSign in the wallet, and go back to the root with null', async () => {
    const { ok, fails } = await walletWithBarbara();
    expect(await fails(ErrorCode.InvalidParams, 'wallet_setAtServerAddress', { atSign: BARBARA, address: 'no port' })).toMatch(
      /host:port/,
    );
    expect(await fails(ErrorCode.InvalidParams, 'wallet_setAtServerAddress', { atSign: '@nobody', address: 'a.example:1' })).toBe(
      '@nobody is not in this wallet.',
    );
    expect(await fails(ErrorCode.InvalidParams, 'wallet_setAtServerAddress', { atSign: BARBARA, address: 42 })).toMatch(/address/);
    const [set] = (await ok('wallet_setAtServerAddress', { atSign: BARBARA, address: ' atserver.example:6464 ' })).atSigns;
    expect(set?.address).toBe('atserver.example:6464');
    const [cleared] = (await ok('wallet_setAtServerAddress', { atSign: BARBARA, address: null })).atSigns;
    expect(cleared?.address).toBeNull();
  });

  it('show every connection as locked once the wallet locks, and need it unlocked to change', async () => {
    const { ok, fails } = await walletWithBarbara();
    await ok('wallet_lock');
    expect((await ok('wallet_getAtPlatform')).atSigns.map((a) => a.status)).toEqual([{ state: 'locked' }]);
    await fails(ErrorCode.Locked, 'wallet_setAtPlatformRoot', { root: 'root.example' });
    await fails(ErrorCode.Locked, 'wallet_reconnectAtServer', { atSign: BARBARA });
  });
});
