// Hostile text everywhere a site, a file or the person can put text: markup,
// script, attribute break-outs, javascript: URLs, HTML entities, direction and
// zero-width characters, and strings as long as each place allows. Every view
// that shows it must show it as the text it is. The wallet's pages have a
// strict CSP, so an injected handler would not run there anyway: the checks
// are on the shape of the DOM (nothing was made from the payload), on marker
// globals a handler would set, and on the text a person reads.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAtPlatform, type LocalAtPlatform } from '../../testing/atplatform/index.mjs';
import { buildDemo } from '../../demo/build.mjs';
import { startDemoServer } from '../../demo/server.mjs';
import type { Persona } from '@/src/shared/persona';
import { browserNames, launchWallet, type E2EPage, type WalletBrowser } from './harness';
import { atKeysFixtures } from './harness/fixtures';
import { callFrom } from './harness/wallet-api';
import type { ParamsOf, ResultOf, UiMethodName } from '@/src/shared/methods';
import { walletWithAtSign } from './harness/wallet-setup';
import { ApprovalPage } from './pages/approval-page';
import { OnboardingPage } from './pages/onboarding-page';
import { SitePage } from './pages/site-page';
import { startTestSite, type TestSite } from './site/server';

// ---- the payloads ------------------------------------------------------------
// Each one that makes an element marks it with an attribute named "xss" (or is
// an <xss> element), and each handler sets the global `xss` or <html data-xss>:
// things the wallet and the demo never make themselves.

/** A payload as long as a place allows (`max` characters), script all the way. */
const long = (max: number) =>
  '<img src=x xss onerror=document.documentElement.dataset.xss=1>"><svg xss onload=xss=8>'.repeat(10).slice(0, max);

const PAYLOADS = {
  'img onerror': '<img src=x xss onerror=xss=1>',
  script: '<script xss>xss=2</script>',
  'attribute break-out': '"><svg xss onload=xss=3>',
  'javascript: link': '<a xss href=javascript:xss=4>open</a>',
  'title break-out': '</title><script xss>xss=5</script>',
  'javascript: frame': '<iframe xss src=javascript:xss=6>',
  'HTML entities': '&lt;b xss&gt;&amp;&#60;xss&#62;&quot;',
  'direction and zero-width': 'bill\u202Efdp.exe\u202C \u200Bzero\u200Dwidth\uFEFF!',
  'javascript: URL': 'javascript:xss=7//',
} as const;
type PayloadName = keyof typeof PAYLOADS;
const NAMES = Object.keys(PAYLOADS) as PayloadName[];
/** Payloads that are markup, which a page that did render HTML would turn into elements. */
const MARKUP: PayloadName[] = [
  'img onerror',
  'script',
  'attribute break-out',
  'javascript: link',
  'title break-out',
  'javascript: frame',
];

// Persona values of "Work": one payload in every kind of field.
const WORK = {
  name: PAYLOADS['title break-out'],
  nickname: PAYLOADS['direction and zero-width'],
  website: 'https://evil.example/"><img src=x xss onerror=xss=1>',
  picture: 'https://evil.example/"><svg xss onload=xss=3>.png',
  address: `${PAYLOADS['HTML entities']}\n${PAYLOADS.script}`,
  'x-note': long(200),
} as const;
const NOTE_LABEL = PAYLOADS['attribute break-out'];
/** The persona whose name is a payload ("Family", renamed). */
const PERSONA_NAME = PAYLOADS['img onerror'];
/** An atSign made only of characters the atSign rules allow, that reads as markup. */
const MARKUP_ATSIGN = '@"><svg><xss>';
const BARBARA = '@barbara';

// ---- what a view shows ---------------------------------------------------------

interface Findings {
  /** elements made from a payload */
  created: string[];
  /** inline event handler attributes, which the wallet's own markup never has */
  handlers: string[];
  /** javascript: (or vbscript:) in any attribute that loads or follows a URL */
  scriptUrls: string[];
  /** what a handler that ran would have left */
  ran: string[];
}
const INERT: Findings = { created: [], handlers: [], scriptUrls: [], ran: [] };

/** Looks at the whole document, head included. Self-contained: it runs in the page. */
function findInjected(): Findings {
  const all = Array.from(document.querySelectorAll('*'));
  const tag = (el: Element) => el.localName;
  const urlAttribute = /^(href|src|action|formaction|xlink:href|data|poster|background|srcdoc)$/i;
  return {
    created: all
      .filter((el) => el.localName === 'xss' || el.hasAttribute('xss') || (el.localName === 'img' && el.getAttribute('src') === 'x'))
      .map(tag),
    handlers: all.flatMap((el) =>
      Array.from(el.attributes, (a) => a.name)
        .filter((name) => /^on/i.test(name))
        .map((name) => `${tag(el)}[${name}]`),
    ),
    scriptUrls: all.flatMap((el) =>
      Array.from(el.attributes)
        .filter((a) => urlAttribute.test(a.name) && /^\s*(javascript|vbscript):/i.test(a.value))
        .map((a) => `${tag(el)}[${a.name}]`),
    ),
    ran: [
      'xss' in window ? 'window.xss' : '',
      document.documentElement.hasAttribute('data-xss') ? 'html[data-xss]' : '',
    ].filter(Boolean),
  };
}

const findings = (page: E2EPage) => page.evaluate(findInjected, undefined);
/** All the text of the page, as characters (hidden parts and form values aside). */
const bodyText = (page: E2EPage) => page.evaluate(() => document.body.textContent ?? '', undefined);
/** What a person reads: the rendered text. */
const shownText = (page: E2EPage) => page.evaluate(() => document.body.innerText, undefined);

async function expectInert(page: E2EPage) {
  expect(await findings(page)).toEqual(INERT);
}

// ---- setting things up -----------------------------------------------------------

/** Calls a wallet method from an extension page kept open for it; throws on an error reply. */
async function call<M extends UiMethodName>(page: E2EPage, method: M, params?: ParamsOf<M>): Promise<ResultOf<M>> {
  const reply = await callFrom(page, method, params);
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code} ${reply.error.message}`);
  return reply.result;
}

async function savePersona(page: E2EPage, name: string, change: Partial<Persona>): Promise<Persona> {
  const persona = (await call(page, 'wallet_listPersonas')).find((p) => p.name === name)!;
  return call(page, 'wallet_savePersona', {
    id: persona.id,
    name: change.name ?? persona.name,
    fields: { ...persona.fields, ...change.fields },
    labels: { ...persona.labels, ...change.labels },
  });
}

/** Barbara's key file with its owner named otherwise (or not named, so the file name must say). */
function keyFile(owner: { key?: string; field?: string }): string {
  const barbara = atKeysFixtures().find((f) => f.file === '@barbara.atKeys')!;
  const { '@barbara': selfKey, ...rest } = JSON.parse(barbara.content) as Record<string, string>;
  const file: Record<string, string> = { ...rest };
  if (owner.key) file[owner.key] = selfKey!;
  if (owner.field) file.atsign = owner.field;
  return JSON.stringify(file);
}

let demoRoot: string;
let files: string;

beforeAll(async () => {
  [demoRoot, files] = await Promise.all([
    mkdtemp(join(tmpdir(), 'atsign-demo-')),
    mkdtemp(join(tmpdir(), 'atsign-xss-')),
  ]);
  await buildDemo({ outDir: demoRoot });
});
afterAll(async () => {
  await Promise.all([demoRoot, files].map((dir) => dir && rm(dir, { recursive: true, force: true })));
});

describe.each(browserNames)('%s: hostile text stays text', (browserName) => {
  let wallet: WalletBrowser;
  let site: TestSite;
  let demo: { origin: string; close(): Promise<void> };
  /** An extension page kept open to put state in place and read it back. */
  let control: E2EPage;
  let platform: LocalAtPlatform;

  beforeAll(async () => {
    site = await startTestSite();
    // An atPlatform of this file's own for the demo to confirm sign-ins on. The atSign that reads as
    // markup cannot be on it: an atServer's keys allow only letters, digits, - and _ and emoji in an
    // atSign, so the demo is signed in to as Barbara, with the payloads as her persona.
    const barbara = atKeysFixtures().find((f) => f.file === '@barbara.atKeys')!;
    platform = await startLocalAtPlatform({ atKeys: [barbara.path] });
    demo = await startDemoServer({ port: 0, root: demoRoot, atPlatform: { root: platform.root, ca: platform.ca } });
    wallet = await launchWallet(browserName);
    await walletWithAtSign(wallet);
    control = await wallet.openExtensionPage('/popup.html');
    await savePersona(control, 'Work', { fields: WORK, labels: { 'x-note': NOTE_LABEL } });
    await savePersona(control, 'Family', { name: PERSONA_NAME });
  });
  afterAll(async () => {
    await wallet?.close();
    await Promise.all([site?.close(), demo?.close()]);
    await platform?.stop();
  });

  it('the checks see each markup payload when a page does render it as HTML', async () => {
    // The control: a page without a CSP that puts each payload in with innerHTML.
    const page = await wallet.newPage(site.url('/no-csp.html'));
    // Each markup payload as it is; the URL values where a careless page would put them, in an attribute;
    // the atSign that reads as markup.
    const careless: [string, string][] = [
      ...MARKUP.map((name): [string, string] => [name, PAYLOADS[name]]),
      ['website in an href', `<a href="${WORK.website}">site</a>`],
      ['picture in a src', `<img src="${WORK.picture}">`],
      ['markup atSign', MARKUP_ATSIGN],
    ];
    for (const [name, html] of careless) {
      await page.evaluate((html) => {
        const box = document.createElement('div');
        box.id = 'careless';
        box.innerHTML = html;
        document.body.append(box);
      }, html);
      expect(await findings(page), name).not.toEqual(INERT);
      await page.evaluate(() => document.getElementById('careless')?.remove(), undefined);
    }
    // A handler really runs there, and leaves its mark where the checks look.
    await page.evaluate((html) => void document.body.insertAdjacentHTML('beforeend', html), PAYLOADS['img onerror']);
    await expect.poll(() => findings(page).then((f) => f.ran)).toEqual(['window.xss']);
    // Rendered as HTML, entities become other characters: the literal check tells.
    await page.evaluate(
      (html) => void document.body.insertAdjacentHTML('beforeend', `<p>${html}</p>`),
      PAYLOADS['HTML entities'],
    );
    expect(await bodyText(page)).not.toContain(PAYLOADS['HTML entities']);
    await page.close();
  });

  it('refuses site-supplied text the wallet has no place for, before any window opens', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    const refused = [
      ['atsign_connect', { fields: ['name'], purpose: long(301) }],
      ['atsign_connect', { fields: ['name'], purpose: 'x'.repeat(100_000) }],
      ['atsign_connect', { fields: [PAYLOADS['img onerror']] }],
      ['atsign_connect', { fields: ['name'], optionalFields: [PAYLOADS['javascript: URL']] }],
      ['atsign_connect', { fields: ['name'], atSign: MARKUP_ATSIGN }],
      ['atsign_signIn', { nonce: 'nonce0001', statement: PAYLOADS['direction and zero-width'] }],
      ['atsign_signIn', { nonce: 'nonce0001', statement: `line one\n${PAYLOADS.script}` }],
      ['atsign_signIn', { nonce: 'nonce0001', statement: long(301) }],
      ['atsign_signIn', { nonce: PAYLOADS['img onerror'] }],
      ['atsign_signIn', { nonce: 'nonce0001', requestId: PAYLOADS['img onerror'] }],
      ['atsign_signIn', { nonce: 'nonce0001', resources: [PAYLOADS['javascript: link']] }],
      ['atsign_signIn', { nonce: 'nonce0001', domain: PAYLOADS['attribute break-out'] }],
      ['atsign_signIn', { nonce: 'nonce0001', atSign: MARKUP_ATSIGN }],
    ] as const;
    for (const [method, params] of refused) {
      expect((await page.request(method, params)).error?.code, JSON.stringify(params).slice(0, 80)).toBe(-32602);
    }
    expect(await wallet.countExtensionPages('/approve.html')).toBe(0);
    await page.close();
  });

  it('shows a site’s purpose as text, whatever it holds', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    const purposes = [...NAMES.map((name) => PAYLOADS[name]), long(300)];
    for (const [i, purpose] of purposes.entries()) {
      await page.start(`purpose-${i}`, 'atsign_connect', { fields: ['name'], purpose });
      const approval = await ApprovalPage.waitFor(wallet);
      await expectInert(approval.page);
      const quoted = await approval.page.evaluate(() => document.querySelector('blockquote')?.textContent, undefined);
      expect(quoted).toBe(`“${purpose.trim()}”`);
      // Read as rendered too, where no browser drops invisible characters from the rendered text.
      if (!/[\u200b-\u200f\u202a-\u202e\ufeff]/.test(purpose)) {
        expect(await shownText(approval.page)).toContain(purpose.trim());
      }
      await approval.reject();
      expect((await page.settle(`purpose-${i}`)).error?.code).toBe(4001);
    }
    await page.close();
  });

  it('shows persona names, values and labels as text in the approval window', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    await page.start('values', 'atsign_connect', {
      fields: ['name', 'website', 'picture', 'x-note'],
      optionalFields: ['nickname', 'address'],
      purpose: PAYLOADS['javascript: link'],
    });
    const approval = await ApprovalPage.waitFor(wallet);
    // The personas arrive after the request itself: wait for the list, then read it.
    await expect
      .poll(() =>
        approval.page.evaluate(() => Array.from(document.querySelectorAll('#persona option'), (o) => o.textContent), undefined),
      )
      .toContain(PERSONA_NAME);
    await approval.choose({ persona: 'Work', fields: { Nickname: true, Address: true }, duration: 'Until I revoke' });
    await expectInert(approval.page);
    const values = await approval.page.evaluate(
      (names) => names.map((name) => document.getElementById(`share-${name}-value`)?.textContent ?? null),
      Object.keys(WORK),
    );
    expect(values).toEqual(Object.values(WORK));
    const label = await approval.page.evaluate(
      () => document.querySelector('label[for="share-x-note"]')?.textContent,
      undefined,
    );
    expect(label).toBe(NOTE_LABEL);
    // A picture on the web is not loaded: its address is shown, no <img> points at it.
    expect(await approval.page.evaluate(() => document.querySelectorAll('img[src^="https:"]').length, undefined)).toBe(0);
    await approval.approve();
    const { result } = await page.settle('values');
    // The site gets the values exactly as they are: escaping is each page's own job.
    expect(result).toMatchObject({ profile: WORK });
    await page.close();
  });

  it('shows a site’s statement, request id and resources as the text of the message to sign', async () => {
    const page = await SitePage.open(wallet, site.url('/'));
    // The statement is one line: every payload the message grammar allows, side by side; then one as long as allowed.
    const allowed = NAMES.filter((name) => name !== 'direction and zero-width');
    const statements = [allowed.map((name) => PAYLOADS[name]).join(' '), long(300)];
    const resources = [
      'javascript:xss=9//',
      'javascript:alert(document.domain)',
      'data:text/html;base64,PHhzcz4=',
      'https://evil.example/?q=%3Cxss%3E',
    ];
    for (const [i, statement] of statements.entries()) {
      await page.start(`statement-${i}`, 'atsign_signIn', {
        nonce: `xssNonce${i}0`,
        statement,
        requestId: `javascript:xss=${i}`,
        resources,
      });
      const approval = await ApprovalPage.waitFor(wallet);
      await expectInert(approval.page);
      const message = await approval.message();
      expect(message.split('\n')).toEqual(
        expect.arrayContaining([statement, `Request ID: javascript:xss=${i}`, ...resources.map((r) => `- ${r}`)]),
      );
      expect(await shownText(approval.page)).toContain(statement);
      expect(await approval.page.evaluate(() => document.querySelectorAll('a').length, undefined)).toBe(0);
      await approval.reject();
      expect((await page.settle(`statement-${i}`)).error?.code).toBe(4001);
    }
    await page.close();
  });

  it('shows persona names, values and labels as text on the personas page, and a name typed there too', async () => {
    const page = await wallet.openExtensionPage('/personas.html');
    await page.clickRole('button', 'Add persona');
    await page.fillLabel('Persona name', PAYLOADS.script, 'form[aria-label="Add persona"]');
    await page.clickRole('button', 'Add');
    await expect
      .poll(async () => (await call(control, 'wallet_listPersonas')).map((p) => p.name))
      .toEqual(['Public', 'Work', PERSONA_NAME, PAYLOADS.script]);
    const editing = () => page.textOf('#editor-heading');
    await page.clickRole('button', 'Work');
    await expect.poll(editing).toBe('Edit Work');
    await expectInert(page);
    const text = await bodyText(page);
    for (const name of [PERSONA_NAME, PAYLOADS.script, WORK.picture]) expect(text).toContain(name);
    const inputs = await page.evaluate(
      () =>
        Array.from(
          document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input:not([type=file]), textarea'),
          (input) => input.value,
        ),
      undefined,
    );
    const { picture: _shownAsText, ...typed } = WORK;
    expect(inputs).toEqual(expect.arrayContaining([...Object.values(typed), NOTE_LABEL]));
    // Asking to delete it names it, in a sentence and on the button.
    await page.clickRole('button', PERSONA_NAME);
    await expect.poll(editing).toBe(`Edit ${PERSONA_NAME}`);
    await page.clickRole('button', 'Delete persona');
    await page.waitForRole('button', `Delete ${PERSONA_NAME}`);
    await expectInert(page);
    expect(await shownText(page)).toContain(`Delete ${PERSONA_NAME}?`);
    await page.clickRole('button', 'Cancel');
    await page.close();

    // A web address or picture that would run script, or show a page, is not a value the wallet keeps.
    const work = (await call(control, 'wallet_listPersonas')).find((p) => p.name === 'Work')!;
    const saveWork = (fields: Record<string, string>) =>
      callFrom(control, 'wallet_savePersona', {
        id: work.id,
        name: work.name,
        fields: { ...work.fields, ...fields },
        labels: work.labels,
      });
    expect((await saveWork({})).ok).toBe(true);
    const scripted: Record<string, string>[] = [
      { website: PAYLOADS['javascript: URL'] },
      { website: 'data:text/html,<script>xss=1</script>' },
      { picture: 'javascript:xss=1//.png' },
      { picture: 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9eHNzPTE+' },
    ];
    for (const fields of scripted) {
      const reply = await saveWork(fields);
      expect(reply.ok ? null : reply.error.code, JSON.stringify(fields)).toBe(-32602);
    }
    expect((await call(control, 'wallet_listPersonas')).find((p) => p.name === 'Work')!.fields).toEqual(WORK);
  });

  it('refuses an .atKeys file whose atSign is a payload, and says so in text', async () => {
    const onboarding = await OnboardingPage.open(wallet);
    // A value from the file is quoted as JSON quotes it, with invisible
    // characters (a direction override among them) escaped, so it cannot
    // reorder the sentence around it.
    const cases = [
      {
        file: 'owner-key.atKeys',
        content: keyFile({ key: `@${PAYLOADS['img onerror']}` }),
        shown: JSON.stringify(`@${PAYLOADS['img onerror']}`),
      },
      // The "atsign" field's value is not quoted back, only named: nothing of it is shown.
      { file: 'atsign-field.atKeys', content: keyFile({ field: PAYLOADS['title break-out'] }), shown: 'the "atsign" field' },
      {
        file: `@${PAYLOADS['attribute break-out']}.atKeys`,
        content: keyFile({}),
        shown: JSON.stringify(`@${PAYLOADS['attribute break-out']}.atKeys`),
      },
      { file: 'bidi.atKeys', content: keyFile({ key: `@bar\u202Ebara` }), shown: '"@bar\\u202ebara"' },
    ];
    for (const { file, content, shown } of cases) {
      const path = join(files, file);
      await writeFile(path, content);
      await onboarding.importFile(path);
      await expect.poll(() => onboarding.alertText().catch(() => '')).toMatch(/not valid/);
      // As characters: a browser may leave direction marks out of innerText.
      const alert = await onboarding.page.evaluate(
        () => document.querySelector('[role="alert"]:not(:empty)')?.textContent ?? '',
        undefined,
      );
      expect(alert).toContain(shown);
      expect(alert).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      await expectInert(onboarding.page);
      // What was chosen is named as the file it is.
      const chosen = await onboarding.page.evaluate(() => document.querySelector('.file-chosen__name')?.textContent, undefined);
      expect(chosen).toBe(file);
    }
    expect((await call(control, 'wallet_getState')).identities.map((i) => i.atSign)).toEqual(['@barbara']);

    // One the rules allow, though it reads as markup, is added — and shown as text.
    const path = join(files, 'markup.atKeys');
    await writeFile(path, keyFile({ key: MARKUP_ATSIGN }));
    await onboarding.importFile(path);
    await onboarding.page.waitForRole('heading', `${MARKUP_ATSIGN} is in your wallet`);
    await expectInert(onboarding.page);
    expect(await shownText(onboarding.page)).toContain(MARKUP_ATSIGN);
    await onboarding.close();
  });

  it('keeps every payload text on the demo site, as the site receives and shows it', async () => {
    // Sign in to the demo sharing a payload as the name, from a persona whose name is another.
    await call(control, 'wallet_setActiveAtSign', { atSign: BARBARA });
    await savePersona(control, 'Public', {
      name: PAYLOADS['attribute break-out'],
      fields: { name: PAYLOADS['img onerror'], email: 'x@evil.example' },
    });

    const page = await wallet.newPage(`${demo.origin}/`);
    await page.clickRole('button', 'Sign in with atSign');
    const signIn = await ApprovalPage.waitFor(wallet);
    await signIn.choose({ persona: PAYLOADS['attribute break-out'], duration: '1 hour' });
    expect((await signIn.message()).split('\n')[1]).toBe(BARBARA);
    await expectInert(signIn.page);
    await signIn.approve();

    await expect.poll(() => page.textOf('#account-heading')).toBe(`Signed in as ${BARBARA}`);
    const shownName = () => page.evaluate(() => document.querySelector('#profile dd')?.textContent ?? null, undefined);
    expect(await shownName()).toBe(PAYLOADS['img onerror']);
    await expectInert(page);

    // Each payload in turn, as the wallet tells the open page about the edit.
    for (const name of [...NAMES.filter((n) => n !== 'img onerror'), 'long'] as const) {
      const value = name === 'long' ? long(200) : PAYLOADS[name];
      await savePersona(control, PAYLOADS['attribute break-out'], { fields: { name: value } });
      await expect.poll(shownName, { message: name }).toBe(value);
      await expectInert(page);
    }
    await page.close();
    await call(control, 'wallet_setActiveAtSign', { atSign: '@barbara' });
  });

  it('shows payloads as text in the popup: Sites, Activity and Personas', async () => {
    const popup = await wallet.openExtensionPage('/popup.html');
    await popup.waitForRole('article', site.origin);
    await popup.waitForRole('article', demo.origin);
    await expectInert(popup);
    const siteText = (origin: string) =>
      popup.evaluate(
        (origin) => document.querySelector(`h3[data-origin="${origin}"]`)?.closest('article')?.textContent ?? '',
        origin,
      );
    expect(await siteText(demo.origin)).toContain(`atSign${BARBARA}`);
    expect(await siteText(site.origin)).toContain(NOTE_LABEL);
    // The chip's remove button names the label as text too.
    await popup.waitForRole('button', `Remove ${NOTE_LABEL} from ${site.origin}`);
    const personaOptions = await popup.evaluate(
      () => Array.from(document.querySelectorAll('select option'), (o) => o.textContent),
      undefined,
    );
    expect(personaOptions).toEqual(expect.arrayContaining([PERSONA_NAME, PAYLOADS.script, PAYLOADS['attribute break-out']]));

    // What the person searches for is said back to them, as text.
    await popup.fillLabel('Search sites', PAYLOADS['img onerror']);
    await expect
      .poll(() => popup.textOf('.status.empty p'))
      .toBe(`No site’s address contains “${PAYLOADS['img onerror']}”. Check the spelling, or search for part of the name.`);
    await expectInert(popup);

    await popup.clickRole('tab', 'Activity');
    // The entries, not only the export buttons that show at once: the payloads are in the entries.
    await popup.waitForRole('list', 'Activity, newest first');
    await expectInert(popup);
    const activity = await popup.evaluate(
      () => Array.from(document.querySelectorAll('[aria-label="Activity, newest first"] li'), (li) => li.textContent ?? ''),
      undefined,
    );
    expect(activity.find((entry) => entry.includes('Connected') && entry.includes(site.origin))).toContain(NOTE_LABEL);

    await popup.clickRole('tab', 'Personas');
    await popup.waitForRole('button', 'Edit personas');
    await expectInert(popup);
    const names = await popup.evaluate(
      () => Array.from(document.querySelectorAll('[aria-label="Your personas"] li'), (li) => li.textContent),
      undefined,
    );
    // Public was renamed to a payload for the demo's sign-in.
    expect(names).toEqual([PAYLOADS['attribute break-out'], 'Work', PERSONA_NAME, PAYLOADS.script]);
    await popup.close();
  });
});
