import browser from 'webextension-polyfill';
import { startBackground } from '@/src/background';

export default defineBackground(() => {
  startBackground(browser);
});
