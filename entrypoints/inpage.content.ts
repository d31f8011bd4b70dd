import { installProvider } from '@/src/inpage/provider';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  allFrames: true,
  world: 'MAIN',
  main() {
    installProvider(window);
  },
});
