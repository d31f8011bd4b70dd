// The floor's service worker: answers every message on a port with itself, at
// once. Ports, as the wallet's relay uses: the floor is the same transport with
// none of the wallet's work.
/* global chrome */
chrome.runtime.onConnect.addListener((port) => {
  port.onMessage.addListener((message) => port.postMessage(message));
});
