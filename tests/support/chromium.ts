// Debian's Chromium, driven by playwright-core: headless, no sandbox, no background networking.
// The suites reach it through tests/support/browser.ts (useBrowser), which also keeps every page
// on the site's own origin.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's path, or CHROMIUM=/path/to/chromium for another machine. */
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
