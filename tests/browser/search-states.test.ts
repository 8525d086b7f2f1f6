// The search page's states, on the fixture site under /sub-path/ (UI behaviour is tested on the
// fixture; recall stays on the real content, tests/browser/search-recall.test.ts): what it says
// and links to when its indexes cannot load, the live region that announces results, a box
// cleared in the middle of a search, and the page without JavaScript. The fixture's "staying
// close" is an alias of alpha-staying-close and a word of several pages' text.
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, ifBuilt, testSite, useBrowser } from '../support/browser.ts';
import { waitForDom } from '../support/dom-wait.ts';
import { resultPaths, waitForSearch } from '../support/search.ts';

describe.runIf(hasChromium)('the search page in a browser: its states (fixture under /sub-path/)', () => {
  const chromium = useBrowser({ site: ifBuilt(testSite('fixture')) });

  it('says search could not load, links to browsing by pillar and by source, and leaves nothing busy, when no index loads', async () => {
    // The aborted requests are this test's doing: their failing to load is no script error.
    const broken = await chromium.newContext({ abort: /\/(pagefind\/|search\/instant\.json|_astro\/minisearch\.)/ });
    const page = await broken.newPage();
    await page.goto(chromium.url('search/?q=staying%20close'));
    await waitForDom(page, () => /could not load/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(await page.locator('#search-status').textContent()).toBe('Search could not load. You can browse by pillar or browse by source.');
    expect(await page.locator('#search-status a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      '/sub-path/pillars/',
      '/sub-path/sources/',
    ]);
    expect(await page.locator('[aria-busy="true"]').count()).toBe(0);
    await broken.close();
  });

  it('still answers from titles, and says so, when only the full-text index fails to load', async () => {
    const broken = await chromium.newContext({ abort: /\/pagefind\// });
    const page = await broken.newPage();
    await page.goto(chromium.url('search/?q=staying%20close'));
    await waitForSearch(page, 'staying close');
    expect((await resultPaths(page))[0]).toBe('/sub-path/commitments/alpha-staying-close/');
    expect(await page.locator('#search-correction').textContent()).toBe(
      'Full-text search could not load: showing title matches only. You can also browse by pillar or browse by source.',
    );
    expect(await page.locator('[aria-busy="true"]').count()).toBe(0);
    await broken.close();
  });

  it('announces the number of results in a polite live region', async () => {
    const page = await chromium.open('search/?q=staying%20close');
    await waitForSearch(page, 'staying close');
    const status = page.locator('#search-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.textContent()).toMatch(/^\d+ results? for “staying close”$/);
    expect(Number((await status.textContent())?.split(' ')[0])).toBe(await page.locator('#search-results > li').count());
  });

  it('is not left busy when the box is cleared in the middle of a search', async () => {
    // Pagefind's files are held back, so the search is still waiting for them when the box is cleared.
    const slow = await chromium.newContext();
    const held: Route[] = [];
    let holding = true;
    await slow.route(/\/pagefind\//, (route) => (holding ? void held.push(route) : route.continue()));
    const page = await slow.newPage();
    await page.goto(chromium.url('search/'));
    await page.locator('#search-q').fill('staying close');
    await waitForDom(page, () => document.getElementById('search-results')?.getAttribute('aria-busy') === 'true');
    await page.locator('#search-q').fill('');
    holding = false;
    for (const route of held.splice(0)) await route.continue();
    await expect.poll(() => page.locator('#search-results').getAttribute('aria-busy')).toBe('false');
    expect(await page.locator('#search-results > li').count()).toBe(0);
    expect(await page.locator('#search-status').textContent()).toBe('');
    expect(new URL(page.url()).search).toBe('');
    await slow.close();
  });

  it('says search needs JavaScript, and links to browsing by pillar and by source, when JavaScript is off', async () => {
    const noScript = await chromium.newContext({ javaScriptEnabled: false });
    const page = await chromium.open('search/?q=staying%20close', { into: noScript });
    expect(await page.locator('#search-nojs').isVisible()).toBe(true);
    expect(await page.locator('#search-app').isVisible()).toBe(false);
    expect(await page.locator('#search-nojs').textContent()).toContain('Search needs JavaScript');
    expect(await page.locator('#search-nojs a[href="/sub-path/pillars/"]').textContent()).toBe('by pillar');
    expect(await page.locator('#search-nojs a[href="/sub-path/sources/"]').textContent()).toBe('by source');
    await noScript.close();
  });
});
