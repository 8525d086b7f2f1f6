// Reading the search page (its script: src/site/search-client/) from a browser test.
import type { Page } from 'playwright-core';
import { waitForDom } from './dom-wait.ts';

/** Waits until the page has finished searching for `query` (as searched, i.e. after any typo correction). */
export async function waitForSearch(page: Page, query: string, timeout = 15_000): Promise<void> {
  await waitForDom(
    page,
    (q) => {
      const status = document.getElementById('search-status')?.textContent ?? '';
      const busy = document.getElementById('search-results')?.getAttribute('aria-busy');
      return status.includes(`“${q}”`) && busy !== 'true';
    },
    query,
    timeout,
  );
}

/** The paths of the results shown, in order. */
export function resultPaths(page: Page): Promise<string[]> {
  return page.$$eval('#search-results > li > h2 > a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** The details line of each result shown (type · source · … · year), without its status badge. */
export function resultMetas(page: Page): Promise<string[]> {
  return page.$$eval('#search-results > li > .meta', (metas) =>
    metas.map((meta) =>
      [...meta.childNodes]
        .filter((node) => !(node instanceof Element && node.classList.contains('tag')))
        .map((node) => node.textContent)
        .join('')
        .trim(),
    ),
  );
}

/** Opens the filters (behind one button after the result count) and waits for their values, which the page fetches the first time. */
export async function openFilters(page: Page): Promise<void> {
  const toggle = page.locator('#search-filters-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await waitForDom(page, () => document.querySelectorAll('#search-filters input[type=checkbox]').length > 0);
}

/**
 * Searches for `q` as the recall suites and benches read the page: the box filled, the form
 * submitted, this query's own full answer awaited (the phase is cleared first, and the page sets
 * "full" when, and only when, a search has finished); the paths of the results, in order.
 */
export async function searchPaths(page: Page, q: string): Promise<string[]> {
  await page.evaluate((query) => {
    const form = document.querySelector<HTMLFormElement>('#search-app form');
    const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
    const list = document.getElementById('search-results');
    if (!form || !input || !list) throw new Error('the search page has no form, box or result list');
    input.value = query;
    delete list.dataset.phase;
    form.requestSubmit();
  }, q);
  await waitForDom(page, () => {
    const status = document.getElementById('search-status')?.textContent ?? '';
    return /( for “|^No results)/.test(status) && document.getElementById('search-results')?.dataset.phase === 'full';
  });
  return resultPaths(page);
}

/** The commitment ids among result paths, in order. */
export const commitmentIds = (paths: readonly string[]): string[] =>
  paths.map((path) => /\/commitments\/([^/]+)\/$/.exec(path)?.[1]).filter((id): id is string => id !== undefined);
