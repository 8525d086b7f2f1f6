// Reading the search page (its script: src/site/search-client/) from a browser test.
import type { Page } from 'playwright-core';

/** Waits until the page has finished searching for `query` (as searched, i.e. after any typo correction). */
export async function waitForSearch(page: Page, query: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (q) => {
      const status = document.getElementById('search-status')?.textContent ?? '';
      const busy = document.getElementById('search-results')?.getAttribute('aria-busy');
      return status.includes(`“${q}”`) && busy !== 'true';
    },
    query,
    { timeout },
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
  await page.waitForFunction(() => document.querySelectorAll('#search-filters input[type=checkbox]').length > 0, undefined, { timeout: 15_000 });
}
