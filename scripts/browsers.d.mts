export function findBrowsers(): { chromium: string | null; firefox: string | null; certutil: string | null };
export function ensureBrowsers(): { chromium: string; firefox: string; certutil: string };
