// @vitest-environment happy-dom
//
// <atsign-signin-button> as a site and a person meet it: a fake wallet that
// announces itself through the real discovery events, a fake site server
// behind fetch, and only what the page can see — text, attributes, events,
// requests sent.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ANNOUNCE_EVENT,
  buildSignInMessage,
  defineSignInButton,
  REQUEST_EVENT,
  SIGN_IN_LABEL,
  type Grant,
  type ProviderDetail,
  type SignInButtonElement,
  type SignInButtonFailure,
  type SignInButtonSuccess,
  type SignInResponse,
} from '@/packages/sdk/src';
import { GET_WALLET_TEXT } from '@/packages/sdk/src/signin-button';

const ORIGIN = 'https://example.com';
const SERVER_NONCE = 'serverNonce42';
const PROFILE = { name: 'Barbara', email: 'barbara@example.org' };

interface Call {
  method: string;
  params?: unknown;
}
type Answer = (params: unknown) => unknown;

// ---- a fake wallet, found the way a site finds the real one -----------------------

function grantOf(overrides: Partial<Grant> = {}): Grant {
  return {
    id: 'grant-1',
    origin: ORIGIN,
    atSign: '@barbara',
    personaId: 'persona-public',
    fields: ['name', 'email'],
    grantedAt: Date.now() - 60_000,
    expiresAt: null,
    ...overrides,
  };
}

/** What the wallet answers atsign_signIn with, for the nonce it was given (and the fields, when asked). */
function signInAnswer(atSign = '@barbara'): Answer {
  return (params) => {
    const { nonce, statement, fields } = params as { nonce: string; statement?: string; fields?: string[] };
    const message = buildSignInMessage({
      domain: 'example.com',
      atSign,
      statement,
      uri: ORIGIN,
      nonce,
      issuedAt: new Date().toISOString(),
    });
    return {
      message,
      signature: 'c2lnbmF0dXJl',
      publicKey: 'cHVibGljS2V5',
      keyBinding: {
        atKey: `public:signing_key.atwallet${atSign}`,
        value: 'cHVibGljS2V5',
        dataSignature: 'ZGF0YQ==',
        encryptionPublicKey: 'a2V5',
      },
      ...(fields
        ? { persona: { id: 'persona-public', name: 'Public' }, grant: grantOf({ fields }), profile: PROFILE, profileSignature: 'cHJvZmlsZQ' }
        : {}),
    } satisfies SignInResponse;
  };
}

const rpcError = (code: number, message: string) => Object.assign(new Error(message), { code });

let stopAnnouncing: (() => void) | null = null;

/** Announces a wallet on every atsign:requestProvider; `answers` says what each method returns. */
function installWallet(answers: Record<string, Answer> = {}) {
  const calls: Call[] = [];
  const table: Record<string, Answer> = {
    atsign_getGrant: () => null,
    atsign_connect: () => ({ atSign: '@barbara', persona: { id: 'persona-public', name: 'Public' }, grant: grantOf(), profile: PROFILE }),
    atsign_readProfile: () => PROFILE,
    atsign_signIn: signInAnswer(),
    ...answers,
  };
  const provider = {
    async request({ method, params }: Call) {
      calls.push(params === undefined ? { method } : { method, params });
      const answer = table[method];
      if (!answer) throw rpcError(4200, 'Unknown method');
      return answer(params);
    },
    on() {
      return provider;
    },
    removeListener() {
      return provider;
    },
  };
  const detail: ProviderDetail = Object.freeze({
    info: Object.freeze({ uuid: crypto.randomUUID(), name: 'Fake atSign Wallet', icon: 'data:image/svg+xml,<svg/>', rdns: 'org.example.fake' }),
    provider,
  });
  const announce = () => window.dispatchEvent(new CustomEvent(ANNOUNCE_EVENT, { detail }));
  window.addEventListener(REQUEST_EVENT, announce);
  stopAnnouncing = () => window.removeEventListener(REQUEST_EVENT, announce);
  announce();
  return { calls, methods: () => calls.map((c) => c.method) };
}

/** A wallet whose sign-in waits until `approve()`: the person still has its window open. */
function installHeldWallet() {
  let approve!: () => void;
  const approved = new Promise<void>((resolve) => (approve = resolve));
  const wallet = installWallet({
    atsign_signIn: async (params) => {
      await approved;
      return signInAnswer()(params);
    },
  });
  return { wallet, approve };
}

// ---- a fake site server --------------------------------------------------------------

interface Posted {
  url: string;
  method: string;
  body: unknown;
}

function installServer(verify: (body: unknown) => { status: number; json: unknown } = () => ({
  status: 200,
  json: { atSign: '@barbara', keySource: 'self-asserted' },
})) {
  const requests: Posted[] = [];
  const json = (status: number, value: unknown) =>
    new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    requests.push({ url, method, body });
    if (method === 'GET' && url === '/api/nonce') return json(200, { nonce: SERVER_NONCE });
    if (method === 'POST' && url === '/api/verify') {
      const answer = verify(body);
      return json(answer.status, answer.json);
    }
    return json(404, { error: 'NOT_FOUND' });
  });
  vi.stubGlobal('fetch', fetch);
  return { requests };
}

// ---- the element as the page has it --------------------------------------------------

let element: SignInButtonElement | null = null;

function addButton(attributes: Record<string, string> = {}): SignInButtonElement {
  const el = document.createElement('atsign-signin-button');
  for (const [name, value] of Object.entries({ 'nonce-url': '/api/nonce', 'verify-url': '/api/verify', ...attributes })) {
    el.setAttribute(name, value);
  }
  document.body.append(el);
  element = el;
  return el;
}

/** The element's inner <button>: what a person clicks or tabs to. */
const buttonIn = (el: Element) => el.querySelector('button')!;

/** Text a person sees: what is not inside a `hidden` element. */
function visibleText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof HTMLElement && node.hidden) return;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    node.childNodes.forEach(walk);
  };
  walk(el);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Every event of `type` the element fires from now on. */
function record<T>(el: Element, type: string): T[] {
  const details: T[] = [];
  el.addEventListener(type, (event) => details.push((event as CustomEvent<T>).detail));
  return details;
}

const untilState = (el: SignInButtonElement, state: string) =>
  vi.waitFor(() => expect(el.getAttribute('state')).toBe(state), { timeout: 2_000 });

beforeAll(() => {
  defineSignInButton();
});
// A button asks wallets to announce themselves and listens for 300 ms; the
// last test's listening must end before this file's window is taken away.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 400)));

afterEach(() => {
  element?.remove();
  element = null;
  stopAnnouncing?.();
  stopAnnouncing = null;
  vi.unstubAllGlobals();
});

describe('<atsign-signin-button>', () => {
  it('is registered under its tag, typed for the site', () => {
    const el = document.createElement('atsign-signin-button');
    // The tag map gives the element's own type: no cast needed for its members.
    expect(typeof el.signIn).toBe('function');
    expect(el.state).toBe('ready');
  });

  describe('with no wallet in the browser', () => {
    it('says so, and how to get one, with no link that goes nowhere', async () => {
      installServer();
      const el = addButton();
      await untilState(el, 'no-wallet');
      expect(visibleText(el)).toContain('No atSign wallet found');
      expect(visibleText(el)).toContain(GET_WALLET_TEXT);
      expect(el.querySelectorAll('a')).toHaveLength(0);
    });

    it('links to the site’s help-url when it gives one, and only to a web page', async () => {
      installServer();
      const el = addButton({ 'help-url': 'https://example.com/get-wallet' });
      await untilState(el, 'no-wallet');
      const link = el.querySelector('a')!;
      expect(link.textContent).toBe('How to get one');
      expect(link.href).toBe('https://example.com/get-wallet');
      expect(link.hidden).toBe(false);
      expect(visibleText(el)).not.toContain(GET_WALLET_TEXT);

      el.setAttribute('help-url', 'javascript:alert(1)');
      expect(el.querySelectorAll('a')).toHaveLength(0);
      expect(visibleText(el)).toContain(GET_WALLET_TEXT);
    });

    it('a click says NO_WALLET and makes no request to the site', async () => {
      const server = installServer();
      const el = addButton();
      await untilState(el, 'no-wallet');
      const errors = record<SignInButtonFailure>(el, 'atsign-error');
      await el.signIn();
      expect(errors).toEqual([{ code: 'NO_WALLET', message: 'No atSign wallet found' }]);
      expect(el.state).toBe('no-wallet');
      expect(server.requests).toEqual([]);
    });
  });

  it('with a wallet, shows only the button — no help', async () => {
    installWallet();
    installServer();
    const el = addButton();
    await new Promise((resolve) => setTimeout(resolve, 400)); // discovery has had its time
    expect(el.state).toBe('ready');
    expect(visibleText(el)).toBe(SIGN_IN_LABEL);
  });

  it('signs in: one request has the wallet sign the server’s nonce and share the fields, posts the answer, tells the page', async () => {
    const wallet = installWallet();
    const server = installServer();
    const el = addButton({ fields: 'name email', statement: 'Sign in to Example.' });
    const signedIn = record<SignInButtonSuccess>(el, 'atsign-signin');
    const errors = record<SignInButtonFailure>(el, 'atsign-error');

    buttonIn(el).click();
    await untilState(el, 'signed-in');

    // One request, so one window in the wallet.
    expect(wallet.methods()).toEqual(['atsign_signIn']);
    const signParams = wallet.calls[0]!.params as { nonce: string; statement: string; expirationTime: string; fields: string[] };
    expect(signParams).toMatchObject({ nonce: SERVER_NONCE, statement: 'Sign in to Example.', fields: ['name', 'email'] });
    expect(Date.parse(signParams.expirationTime)).toBeGreaterThan(Date.now());

    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/nonce', 'POST /api/verify']);
    const posted = server.requests[1]!.body as { response: SignInResponse };
    expect(posted.response.profile).toEqual(PROFILE);
    expect(posted.response.message).toContain(`Nonce: ${SERVER_NONCE}`);
    // What was signed goes to the server, with the profile signed with it; the persona and grant stay in the page.
    expect(Object.keys(posted).sort()).toEqual(['response']);
    expect(Object.keys(posted.response).sort()).toEqual(['keyBinding', 'message', 'profile', 'profileSignature', 'publicKey', 'signature']);

    expect(signedIn).toEqual([
      { atSign: '@barbara', profile: PROFILE, server: { atSign: '@barbara', keySource: 'self-asserted' } },
    ]);
    expect(errors).toEqual([]);
    expect(visibleText(el)).toBe('Signed in as @barbara');
    expect(buttonIn(el).hidden).toBe(true);
    expect(el.hasAttribute('aria-busy')).toBe(false);

    el.reset();
    expect(el.state).toBe('ready');
    expect(visibleText(el)).toBe(SIGN_IN_LABEL);
  });

  it('asks for no fields when the site names none: straight to signing', async () => {
    const wallet = installWallet();
    const server = installServer();
    const el = addButton();
    const signedIn = record<SignInButtonSuccess>(el, 'atsign-signin');
    await el.signIn();
    expect(wallet.methods()).toEqual(['atsign_signIn']);
    expect((server.requests[1]!.body as { response: SignInResponse }).response).not.toHaveProperty('profile');
    expect(signedIn[0]).toMatchObject({ atSign: '@barbara', profile: {} });
  });

  it('says it is waiting while the wallet is open, and a second click sends nothing more', async () => {
    const { wallet, approve } = installHeldWallet();
    installServer();
    const el = addButton();

    buttonIn(el).click();
    await untilState(el, 'waiting');
    expect(el.getAttribute('aria-busy')).toBe('true');
    expect(visibleText(el)).toContain('Check your wallet…');
    expect(el.querySelector('[role="status"]')!.textContent).toBe('Check your wallet…');

    await vi.waitFor(() => expect(wallet.methods()).toEqual(['atsign_signIn']));
    buttonIn(el).click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(wallet.methods()).toEqual(['atsign_signIn']);

    approve();
    await untilState(el, 'signed-in');
    expect(el.hasAttribute('aria-busy')).toBe(false);
  });

  it('is a native button: reachable by keyboard, keeps focus while waiting, and activates', async () => {
    const { wallet, approve } = installHeldWallet();
    installServer();
    const el = addButton();
    const button = buttonIn(el);
    expect(button).toBeInstanceOf(HTMLButtonElement);
    expect(button.type).toBe('button'); // never submits a form around it
    expect(button.textContent).toBe(SIGN_IN_LABEL);
    expect(button.disabled).toBe(false);
    expect(button.hasAttribute('tabindex')).toBe(false); // in the tab order as every button is

    button.focus();
    expect(document.activeElement).toBe(button);
    // Enter and Space on a native button are a click: the browser does that part.
    button.click();
    await untilState(el, 'waiting');
    await vi.waitFor(() => expect(wallet.methods()).toEqual(['atsign_signIn']));
    // aria-disabled, not disabled: focus stays where the person left it.
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);

    approve();
    await untilState(el, 'signed-in');
  });

  it('passes on any other refusal of its params as the error it is', async () => {
    const wallet = installWallet({
      atsign_signIn: () => {
        throw rpcError(-32602, 'Invalid params: fields: is not a profile field');
      },
    });
    installServer();
    const el = addButton({ fields: 'name nonsense' });
    const errors = record<SignInButtonFailure>(el, 'atsign-error');
    await el.signIn();
    expect(wallet.methods()).toEqual(['atsign_signIn']);
    expect(errors).toEqual([{ code: -32602, message: 'Your wallet could not sign you in. Try again.' }]);
  });

  it('when the person says no in the wallet (4001): atsign-error with the code, and the button is back', async () => {
    installWallet({
      atsign_signIn: () => {
        throw rpcError(4001, 'The person rejected the request.');
      },
    });
    const server = installServer();
    const el = addButton({ fields: 'name email' });
    const signedIn = record<SignInButtonSuccess>(el, 'atsign-signin');
    const errors = record<SignInButtonFailure>(el, 'atsign-error');

    buttonIn(el).click();
    await vi.waitFor(() => expect(errors).toHaveLength(1));

    expect(errors[0]).toEqual({ code: 4001, message: 'Sign-in cancelled' });
    expect(signedIn).toEqual([]);
    expect(el.state).toBe('ready');
    expect(el.hasAttribute('aria-busy')).toBe(false);
    expect(buttonIn(el).hidden).toBe(false);
    expect(buttonIn(el).getAttribute('aria-disabled')).toBe('false');
    expect(visibleText(el)).toBe(`${SIGN_IN_LABEL} Sign-in cancelled`);
    // The nonce was fetched for the wallet to sign; nothing was posted to be verified.
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/nonce']);
  });

  it('when the site cannot reach the atSign’s atServer (503 ATSERVER_UNREACHABLE): says so in its own words, and a retry starts over with a new nonce', async () => {
    installWallet();
    let down = true;
    const server = installServer(() =>
      down
        ? { status: 503, json: { error: 'ATSERVER_UNREACHABLE', message: 'Could not confirm @barbara on the atPlatform (connect ECONNREFUSED 127.0.0.1:1).' } }
        : { status: 200, json: { atSign: '@barbara', keySource: 'atServer' } },
    );
    const el = addButton();
    const signedIn = record<SignInButtonSuccess>(el, 'atsign-signin');
    const errors = record<SignInButtonFailure>(el, 'atsign-error');

    buttonIn(el).click();
    await untilState(el, 'error');
    const sentence = 'Your atSign’s atServer could not be reached, so this site could not confirm your sign-in. Try again later.';
    expect(errors).toEqual([{ code: 'ATSERVER_UNREACHABLE', message: sentence }]);
    expect(signedIn).toEqual([]);
    expect(el.querySelector('[role="status"]')!.textContent).toBe(sentence);
    // The server's own message (an address, an errno) is not for the person.
    expect(visibleText(el)).toBe(`${SIGN_IN_LABEL} ${sentence}`);
    expect(buttonIn(el).hidden).toBe(false);
    expect(buttonIn(el).getAttribute('aria-disabled')).toBe('false');

    // The server spent that nonce: trying again asks for a new one.
    down = false;
    buttonIn(el).click();
    await untilState(el, 'signed-in');
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/nonce', 'POST /api/verify', 'GET /api/nonce', 'POST /api/verify']);
    expect(signedIn).toEqual([{ atSign: '@barbara', profile: {}, server: { atSign: '@barbara', keySource: 'atServer' } }]);
    expect(errors).toHaveLength(1);
  });

  it.each([
    ['the nonce route fails', { nonce: 500 }, 'NONCE_FAILED'],
    ['the site cannot be reached', { down: true }, 'NETWORK'],
    ['the server refuses the signature with a code', { verify: { status: 401, json: { error: 'NONCE_MISMATCH' } } }, 'NONCE_MISMATCH'],
    ['the server refuses without one', { verify: { status: 500, json: null } }, 'VERIFY_FAILED'],
  ] as const)('when %s: atsign-error %s… and an error state', async (_case, setup, code) => {
    installWallet();
    installServer('verify' in setup ? () => setup.verify : undefined);
    if ('nonce' in setup || 'down' in setup) {
      vi.stubGlobal(
        'fetch',
        vi.fn(async () => {
          if ('down' in setup) throw new TypeError('Failed to fetch');
          return new Response('{}', { status: setup.nonce });
        }),
      );
    }
    const el = addButton();
    const errors = record<SignInButtonFailure>(el, 'atsign-error');
    await el.signIn();
    expect(errors).toEqual([{ code, message: expect.any(String) }]);
    expect(el.state).toBe('error');
    expect(visibleText(el)).toContain(errors[0]!.message);
    expect(buttonIn(el).hidden).toBe(false);
  });
});
