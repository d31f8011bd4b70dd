// Personas edited as a person would, sealed at rest, and kept across a
// browser restart (locked until the person unlocks).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserNames, launchWallet, type WalletBrowser } from './harness';
import { dumpStorage } from './harness/dump';
import { findPlain } from './harness/secrets';
import { callFrom, callWallet } from './harness/wallet-api';
import { PASSPHRASE, walletWithAtSign } from './harness/wallet-setup';

const workValues = async (wallet: WalletBrowser) =>
  (await callWallet(wallet, 'wallet_listPersonas')).find((p) => p.name === 'Work')!.fields;

describe.each(browserNames)('%s: personas', (browserName) => {
  let wallet: WalletBrowser;

  beforeAll(async () => {
    wallet = await launchWallet(browserName);
    await walletWithAtSign(wallet);
  });
  afterAll(async () => {
    await wallet?.close();
  });

  it('refuses an invalid value with a message and saves nothing, then saves a good edit', async () => {
    const page = await wallet.openExtensionPage('/personas.html');
    await page.clickRole('button', 'Work');
    await page.fillLabel('Full name', 'Barbara Jones');
    await page.fillLabel('Email', 'not an email');
    await page.clickRole('button', 'Save');
    expect(await page.evaluate(() => document.body.innerText, undefined)).toContain(
      'Enter an email address like name@example.com.',
    );
    expect(await workValues(wallet)).toEqual({});

    await page.fillLabel('Email', 'barbara@work.example');
    await page.clickRole('button', 'Save');
    await expect.poll(() => page.textOf('[role="status"]:not(:empty)')).toBe('Saved');
    expect(await workValues(wallet)).toEqual({ name: 'Barbara Jones', email: 'barbara@work.example' });
    await page.close();
  });

  it('adds a persona through the page', async () => {
    const page = await wallet.openExtensionPage('/personas.html');
    await page.clickRole('button', 'Add persona');
    await page.fillLabel('Persona name', 'Club', 'form[aria-label="Add persona"]');
    await page.clickRole('button', 'Add');
    await expect
      .poll(async () => (await callWallet(wallet, 'wallet_listPersonas')).map((p) => p.name))
      .toEqual(['Public', 'Work', 'Family', 'Club']);
    await page.close();
  });

  it('keeps persona values out of plain sight at rest', async () => {
    const dump = await dumpStorage(wallet);
    expect(findPlain(dump, ['Barbara Jones', 'barbara@work.example', 'Work', 'Family', 'Club'])).toEqual([]);
  });

  it.runIf(browserName === 'chromium')('keeps them across a browser restart, locked until unlock', async () => {
    wallet = await wallet.restartBrowser!();
    const page = await wallet.openExtensionPage('/popup.html');
    const locked = await callFrom(page, 'wallet_listPersonas');
    expect(locked.ok ? null : locked.error.code).toBe(4900);
    expect((await callFrom(page, 'wallet_unlock', { passphrase: PASSPHRASE })).ok).toBe(true);
    await page.close();
    expect(await workValues(wallet)).toEqual({ name: 'Barbara Jones', email: 'barbara@work.example' });
  });
});
