// The demo site's script. It uses the SDK exactly as a third-party site would:
// find the wallet, then ask it what this site may see. Everything the wallet
// (or any other script announcing itself) returns is shown as text.
import {
  ErrorCode,
  discoverProviders,
  isProviderRpcError,
  onProviderAnnounced,
  request,
  type Grant,
  type ProviderDetail,
  type ProviderEvents,
} from '../src/sdk';

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const walletStatus = byId('wallet-status');
const walletList = byId<HTMLUListElement>('wallet-list');
const checkButton = byId<HTMLButtonElement>('check-access');
const result = byId('access-result');

/** Builds an element whose content is text only. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const wallets: ProviderDetail[] = [];
let chosen: ProviderDetail | undefined;

// ---- wallet discovery ------------------------------------------------------

function renderWallets(): void {
  if (wallets.length === 0) {
    walletStatus.textContent =
      'No atSign wallet found in this browser. Install the atSign Wallet extension, then reload this page.';
  } else if (wallets.length === 1) {
    walletStatus.textContent = 'Found an atSign wallet in this browser.';
  } else {
    walletStatus.textContent = `Found ${wallets.length} atSign wallets. Choose the one this site should ask.`;
  }
  walletList.hidden = wallets.length === 0;
  walletList.replaceChildren(...wallets.map(walletItem));
  checkButton.disabled = !chosen;
}

function walletItem(detail: ProviderDetail): HTMLLIElement {
  const { info } = detail;
  const item = el('li');
  const row = el(wallets.length > 1 ? 'label' : 'div', 'wallet');
  if (wallets.length > 1) {
    const radio = el('input');
    radio.type = 'radio';
    radio.name = 'wallet';
    radio.checked = detail === chosen;
    radio.addEventListener('change', () => choose(detail));
    row.append(radio);
  }
  const icon = el('img');
  icon.src = info.icon; // discovery accepts only data:image/ URIs, so this loads nothing remote
  icon.alt = ''; // the name next to it says who it is
  icon.width = icon.height = 40;
  const text = el('span');
  text.append(el('span', 'wallet-name', info.name), el('br'), el('span', 'wallet-rdns', `Identifier: ${info.rdns}`));
  row.append(icon, text);
  item.append(row);
  return item;
}

function addWallet(detail: ProviderDetail): void {
  if (wallets.some((w) => w.info.uuid === detail.info.uuid)) return;
  wallets.push(detail);
  if (!chosen) choose(detail);
  renderWallets();
}

// ---- access ------------------------------------------------------------------

const onGrantChanged = (grant: ProviderEvents['grantChanged']) => showGrant(grant, 'The wallet updated this site’s access.');
const onRevoked = ({ reason }: ProviderEvents['revoked']) =>
  showMessage(
    'warn',
    reason === 'expired'
      ? 'This site’s access has expired.'
      : reason === 'site'
        ? 'This site gave up its access.'
        : 'You revoked this site’s access.',
  );

function choose(detail: ProviderDetail): void {
  chosen?.provider.removeListener('grantChanged', onGrantChanged).removeListener('revoked', onRevoked);
  chosen = detail;
  detail.provider.on('grantChanged', onGrantChanged).on('revoked', onRevoked);
  result.replaceChildren();
  checkButton.disabled = false;
}

function showMessage(kind: 'ok' | 'warn' | 'plain', headline: string, detail?: string): void {
  const parts: HTMLElement[] = [el('p', kind === 'plain' ? undefined : kind, headline)];
  if (detail) parts.push(el('p', undefined, detail));
  result.replaceChildren(...parts);
}

function showGrant(grant: Grant | null, note?: string): void {
  if (!grant) {
    showMessage('plain', 'This site has no access yet', 'When you sign in, your wallet will ask you what to share.');
    return;
  }
  const list = el('dl');
  const rows: [string, string][] = [
    ['atSign', grant.atSign],
    ['It can see', grant.fields.length ? grant.fields.join(', ') : 'nothing beyond your atSign'],
    ['Since', when(grant.grantedAt)],
    ['Lasts', grant.expiresAt === null ? 'until you revoke' : when(grant.expiresAt)],
  ];
  for (const [term, value] of rows) list.append(el('dt', undefined, term), el('dd', undefined, value));
  result.replaceChildren(el('p', 'ok', 'This site has access.'), list);
  if (note) result.append(el('p', undefined, note));
}

function explain(error: unknown): string {
  if (!isProviderRpcError(error)) return 'The wallet did not answer as expected.';
  switch (error.code) {
    case ErrorCode.UserRejected:
      return 'You declined the request.';
    case ErrorCode.Unauthorized:
      return 'This site is not allowed to ask that.';
    case ErrorCode.UnsupportedMethod:
      return 'This wallet does not support checking access.';
    case ErrorCode.Locked:
      return 'Your wallet is locked. Unlock it and try again.';
    case ErrorCode.RequestPending:
      return 'The wallet is already waiting for you to answer this site.';
    default:
      return `The wallet said: ${error.message}`;
  }
}

checkButton.addEventListener('click', async () => {
  const wallet = chosen;
  if (!wallet) return;
  checkButton.disabled = true;
  showMessage('plain', 'Asking your wallet…');
  try {
    showGrant(await request(wallet.provider, 'atsign_getGrant'));
  } catch (error) {
    showMessage('warn', 'Could not check access.', explain(error));
  } finally {
    checkButton.disabled = false;
  }
});

// ---- start -------------------------------------------------------------------

byId('site-origin').textContent = location.origin;
for (const detail of await discoverProviders()) addWallet(detail);
renderWallets();
// A wallet that loads late still announces itself; show it when it does.
onProviderAnnounced(addWallet);
