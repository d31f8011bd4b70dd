// The floor's relay: the least a content script can do to carry a page's
// message to the service worker and back — the same hops as the wallet's
// relay (one port, opened on first use), with none of its work. Only this
// window's own tagged messages; the answer goes to the page's own origin,
// never '*'.
/* global chrome */
const TAG = 'atsign-bench-echo/1';
const origin = location.origin;
let port = null;

window.addEventListener('message', (event) => {
  const d = event.data;
  if (event.source !== window || event.origin !== origin || !d || d.tag !== TAG || d.kind !== 'ping') return;
  if (!port) {
    port = chrome.runtime.connect({ name: 'atsign-bench-echo' });
    port.onMessage.addListener((reply) => window.postMessage({ ...reply, kind: 'pong' }, origin));
    port.onDisconnect.addListener(() => (port = null));
  }
  port.postMessage(d);
});
