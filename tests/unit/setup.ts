import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';
import { installOnConnect } from './support/fake-ports';

beforeEach(() => {
  fakeBrowser.reset();
  installOnConnect();
});
