export function findBrowsers(): { chromium: string | null; firefox: string | null };
export function ensureBrowsers(): { chromium: string; firefox: string };
