// What a site without the SDK would write: discover the wallet, keep its
// provider, and record every answer and event so tests can read them.
window.site = (() => {
  const providers = [];
  const events = [];
  window.addEventListener('atsign:announceProvider', (event) => {
    providers.push(event.detail);
    show();
  });
  function show() {
    const name = providers[0]?.info.name;
    document.getElementById('wallet')?.replaceChildren(name ? `Wallet found: ${name}` : 'No wallet found');
  }
  document.addEventListener('DOMContentLoaded', show);
  window.dispatchEvent(new Event('atsign:requestProvider'));

  const provider = () => {
    if (!providers[0]) throw new Error('no wallet was announced');
    return providers[0].provider;
  };
  /** Resolves with { result } or { error: { code, message } }, never rejects. */
  async function request(method, params) {
    try {
      return { result: await provider().request(params === undefined ? { method } : { method, params }) };
    } catch (error) {
      return { error: { code: error.code, message: error.message } };
    }
  }
  // Asked at once, while the page is still loading — before the wallet's relay
  // in this frame has started.
  const early = { askedWhile: document.readyState, answer: request('atsign_getGrant') };
  return {
    providers,
    events,
    early,
    request,
    listen(name) {
      provider().on(name, (data) => events.push({ name, data }));
    },
  };
})();
