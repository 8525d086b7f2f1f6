// What a reader would never want a page to do, recorded for the browser suites: requests to other
// origins, dialogs, console errors, uncaught exceptions and Content-Security-Policy violations.
// Chromium itself is launched by tests/support/chromium.ts (headless, background networking off).
import type { BrowserContext } from 'playwright-core';
import { CHROMIUM, launch } from './chromium.ts';

export { CHROMIUM, launch as launchChromium };

export interface Watch {
  /** Every URL requested by any page of the context. */
  requests: string[];
  /** Requests to any other origin than the site's (they are aborted, then reported). */
  offsite: string[];
  /** alert/confirm/prompt dialogs, as `page: message` (each is dismissed). */
  dialogs: string[];
  /** Console errors and uncaught exceptions, as `page: message`. */
  errors: string[];
  /** Content-Security-Policy violations, as `page: directive blocked-uri`. */
  csp: string[];
}

/**
 * Watches every page of a context: records every request (and aborts any to another origin),
 * every dialog, console error and uncaught exception, and every CSP violation (reported by a
 * `securitypolicyviolation` listener installed before any of the page's own scripts run).
 */
export async function watch(context: BrowserContext, origin: string): Promise<Watch> {
  const seen: Watch = { requests: [], offsite: [], dialogs: [], errors: [], csp: [] };
  await context.exposeBinding('__reportCspViolation', ({ page }, text: string) => {
    seen.csp.push(`${page.url()}: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}${event.sample ? ` "${event.sample}"` : ''}`,
      );
    });
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    seen.requests.push(url);
    if (new URL(url).origin === origin) return route.continue();
    seen.offsite.push(url);
    return route.abort();
  });
  context.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.page()?.url()}: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A 404 page is served with status 404 on purpose: that is not an error of the page's.
    // Nor is the favicon the browser asks for on its own (the site has none: one request fewer).
    const missing = message.text().startsWith('Failed to load resource: the server responded with a status of 404');
    if (missing && (message.location().url === message.page()?.url() || message.location().url.endsWith('/favicon.ico'))) return;
    seen.errors.push(`${message.page()?.url()}: ${message.text()}`);
  });
  context.on('weberror', (error) => seen.errors.push(`${error.page()?.url()}: ${error.error().message}`));
  return seen;
}
