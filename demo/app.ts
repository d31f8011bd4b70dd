// The demo site's script, written as a third-party site would write it with
// the SDK. <atsign-signin-button> signs the person in (the site's server
// checks the signature and opens a session); this page shows who is signed in
// and what they shared, keeps that up to date as the wallet reports changes,
// and signs out when the wallet ends the site's access. Whatever the wallet or
// the server says is shown as text.
import {
  defineSignInButton,
  discoverProviders,
  onProviderAnnounced,
  request,
  type ProviderDetail,
  type ProviderEvents,
} from '@atsign-wallet/sdk';

defineSignInButton();

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const signedOutView = byId('signed-out');
const signedInView = byId('signed-in');
const accountHeading = byId('account-heading');
const keySourceNote = byId('key-source');
const profileList = byId<HTMLDListElement>('profile');
const profileNote = byId('profile-note');
const signOutButton = byId<HTMLButtonElement>('sign-out');
const disconnectButton = byId<HTMLButtonElement>('disconnect');
const notice = byId('notice');
const walletStatus = byId('wallet-status');
const signInButton = document.querySelector('atsign-signin-button')!;

/** Names a person reads for the OpenID Connect claims the wallet shares; x-… fields keep their own. */
const LABELS: Record<string, string> = {
  name: 'Name',
  given_name: 'Given name',
  family_name: 'Family name',
  nickname: 'Nickname',
  preferred_username: 'Username',
  picture: 'Picture',
  website: 'Website',
  email: 'Email',
  phone_number: 'Phone',
  birthdate: 'Birthday',
  locale: 'Language',
  zoneinfo: 'Time zone',
  address: 'Address',
};
const MAX_SHOWN_CHARS = 200; // a picture is a data: URL; its first characters are enough

interface Account {
  atSign: string;
  keySource?: string;
  /** The atServer also publishes the key the wallet signed with (the wallet is online). */
  signingKeyPublished?: boolean;
  profile: Record<string, string>;
}

let account: Account | null = null;
let wallet: ProviderDetail | null = null;
/** Set while this page itself signs out, so the wallet's 'revoked' that follows is not news. */
let leaving = false;

function text<K extends keyof HTMLElementTagNameMap>(tag: K, value: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = value;
  return node;
}

const SIGNED_NOTE = 'Signed by your wallet with this sign-in, and checked by Example’s server.';
const UPDATED_NOTE = 'Updated by your wallet since you signed in.';

function renderProfile(profile: Record<string, string>, note = SIGNED_NOTE): void {
  profileNote.textContent = Object.keys(profile).length ? note : '';
  const rows = Object.entries(profile).flatMap(([field, value]) => [
    text('dt', LABELS[field] ?? field),
    text('dd', value.length > MAX_SHOWN_CHARS ? `${value.slice(0, MAX_SHOWN_CHARS)}…` : value),
  ]);
  profileList.replaceChildren(...(rows.length ? rows : [text('dt', 'Nothing'), text('dd', 'You shared no fields.')]));
}

function showSignedIn(next: Account, { focus = true } = {}): void {
  account = next;
  accountHeading.textContent = `Signed in as ${next.atSign}`;
  keySourceNote.textContent =
    next.keySource !== 'atServer'
      ? 'Your wallet proved it holds keys for this atSign. Example did not confirm them with the atSign’s atServer.'
      : next.signingKeyPublished
        ? `Confirmed by ${next.atSign}’s atServer, which publishes the key your wallet signed with.`
        : `Confirmed by ${next.atSign}’s atServer.`;
  renderProfile(next.profile);
  signedOutView.hidden = true;
  signedInView.hidden = false;
  if (focus) accountHeading.focus();
}

function showSignedOut(message: string): void {
  const focusWasHere = signedInView.contains(document.activeElement);
  account = null;
  signedInView.hidden = true;
  signedOutView.hidden = false;
  signInButton.reset();
  notice.textContent = message;
  if (focusWasHere) signInButton.querySelector('button')?.focus();
}

async function signOut(message: string): Promise<void> {
  leaving = true;
  signOutButton.disabled = disconnectButton.disabled = true;
  try {
    await fetch('/api/signout', { method: 'POST' });
  } catch {
    // The session dies with the server's memory anyway; the page still signs out.
  }
  showSignedOut(message);
  signOutButton.disabled = disconnectButton.disabled = false;
  leaving = false;
}

// ---- what the wallet tells the page ---------------------------------------

function onProfileChanged(changed: ProviderEvents['profileChanged']): void {
  if (!account || leaving) return;
  // A field the person cleared arrives as null.
  for (const [field, value] of Object.entries(changed as Record<string, string | null>)) {
    if (value === null) delete account.profile[field];
    else account.profile[field] = value;
  }
  renderProfile(account.profile, UPDATED_NOTE);
}

function onRevoked(): void {
  if (!account || leaving) return;
  void signOut('Your wallet ended this site’s access.');
}

function useWallet(detail: ProviderDetail | null): void {
  if (!detail || detail === wallet) return;
  wallet?.provider.removeListener('profileChanged', onProfileChanged).removeListener('revoked', onRevoked);
  wallet = detail;
  wallet.provider.on('profileChanged', onProfileChanged).on('revoked', onRevoked);
  walletStatus.textContent = `Wallet: ${detail.info.name}`;
}

// ---- what the person does --------------------------------------------------

signInButton.addEventListener('atsign-signin', (event) => {
  const { atSign, profile, server } = event.detail;
  useWallet(signInButton.wallet);
  notice.textContent = '';
  // The server's answer holds the profile as the wallet signed it: that is what the site shows.
  const confirmed = server as { keySource?: string; signingKeyPublished?: boolean; profile?: Record<string, string> } | null;
  showSignedIn({
    atSign,
    keySource: confirmed?.keySource,
    signingKeyPublished: confirmed?.signingKeyPublished,
    profile: { ...(confirmed?.profile ?? profile) },
  });
});

signOutButton.addEventListener('click', () => void signOut('You signed out.'));

disconnectButton.addEventListener('click', async () => {
  leaving = true;
  try {
    if (wallet) await request(wallet.provider, 'atsign_disconnect');
  } catch {
    // Nothing to give back (no grant, or the wallet is gone): signing out is what the person asked for.
  }
  await signOut('You disconnected your wallet from Example and signed out.');
});

// ---- start -------------------------------------------------------------------

byId('site-origin').textContent = location.origin;

const me = await fetch('/api/me').catch(() => null);
if (me?.ok) showSignedIn((await me.json()) as Account, { focus: false });

const [found] = await discoverProviders();
useWallet(found ?? null);
if (!found) walletStatus.textContent = 'No atSign wallet found in this browser.';
// A wallet that loads late still announces itself.
onProviderAnnounced((detail) => {
  if (!wallet) useWallet(detail);
});

/** Back from a reload: the wallet may have newer values than the server kept. Reading never prompts. */
async function refreshProfile(): Promise<void> {
  const current = account;
  if (!current || !wallet) return;
  try {
    const fresh = await request(wallet.provider, 'atsign_readProfile', {});
    if (account !== current) return;
    const changed = Object.entries(fresh).some(([field, value]) => current.profile[field] !== value);
    Object.assign(current.profile, fresh);
    renderProfile(current.profile, changed ? UPDATED_NOTE : SIGNED_NOTE);
  } catch {
    // No grant any more ("only this time"), or the wallet is locked: keep what the server has.
  }
}
await refreshProfile();
