// Waiting for a page's DOM to reach a state, without polling on every frame.
//
// Playwright's waitForFunction polls on requestAnimationFrame by default: while a test waits, the
// page keeps producing frames, which costs the renderer, browser and GPU processes CPU on a
// 2-core machine that the suite is short of. The search suites wait on hundreds of searches; with
// a wait that re-checks only when the DOM changes, the recall suite alone used 31 s of Chromium
// CPU instead of 33 s (one run each, December 2026).
import type { Page } from 'playwright-core';

/**
 * Resolves once `predicate(arg)` is true in the page, checked now and again on each change of the
 * DOM (and every 250 ms, for a state that is not in the DOM). The predicate runs in the page: it
 * may use only the page's globals and its argument. Rejects after `timeout` ms, naming what it
 * waited for.
 */
export async function waitForDom<A = undefined>(page: Page, predicate: (arg: A) => boolean, arg?: A, timeout = 15_000): Promise<void> {
  // A string, not a function, crosses into the page: the site's CSP forbids eval, and DevTools'
  // own evaluation is not bound by it.
  const test = await page.evaluateHandle(`(${predicate.toString()})`);
  try {
    await page.evaluate(
      ([check, value, ms, name]) =>
        new Promise<void>((resolve, reject) => {
          const holds = () => (check as unknown as (a: unknown) => boolean)(value);
          if (holds()) return resolve();
          const finish = (error?: Error) => {
            observer.disconnect();
            clearInterval(tick);
            clearTimeout(limit);
            if (error) reject(error);
            else resolve();
          };
          const recheck = () => {
            if (holds()) finish();
          };
          const observer = new MutationObserver(recheck);
          observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
          const tick = setInterval(recheck, 250);
          const limit = setTimeout(() => finish(new Error(`waited ${ms} ms for ${name}`)), ms);
        }),
      [test, arg as unknown, timeout, predicate.toString().replace(/\s+/g, ' ').slice(0, 200)] as const,
    );
  } finally {
    await test.dispose();
  }
}
