// Debian's Chromium, driven by playwright-core as tests/support/site-in-browser.ts does: headless, no
// sandbox, no background networking; every request to a host other than the test server is
// blocked and recorded.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

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

/** A context that may only reach `origin`; requests elsewhere are aborted and pushed to `offsite`. */
export async function localContext(browser: Browser, origin: string, offsite: string[], options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.route('**/*', (route) => {
    if (route.request().url().startsWith(origin)) return route.continue();
    offsite.push(route.request().url());
    return route.abort();
  });
  return context;
}
