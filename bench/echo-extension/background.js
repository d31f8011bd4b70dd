// The floor's service worker: answers every message with itself, at once.
/* global chrome */
chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  sendResponse(message);
});
