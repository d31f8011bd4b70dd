// The page-world script: wxt.config.ts builds this file on its own, without
// WXT's content-script wrapper, as every page pays for each byte.
import { installProvider } from './provider';

installProvider(window);
