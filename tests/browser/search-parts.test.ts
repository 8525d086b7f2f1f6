// Pagefind's index in parts (src/site/search-parts.ts), as a site of thousands of pages has it, on
// the fixture split three pages a part: the search page merges the parts, and every search gives
// what the one-index fixture gives, the same results in the same order with the same counts, even
// for a word on the pages of one part only (without each part's all-words record, "foreword" found
// four pages there, not two: the parts without it matched "for").
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, ifBuilt, testSite, useBrowser } from '../support/browser.ts';
import { waitForDom } from '../support/dom-wait.ts';
import { openFilters, resultPaths, waitForSearch } from '../support/search.ts';

const QUERIES = ['staying close', 'foreword', 'foreword staying close', 'leaders', 'practice leaders rollout', 'stayng close', 'kinship'];

/** The folders of Pagefind's parts in a built site, and the pages (URLs) each part's fragments hold. */
function partPages(outDir: string): Map<string, { url: string; content: string }[]> {
  const parts = readdirSync(outDir).filter((name) => /^pagefind(-\d+)?$/.test(name));
  return new Map(
    parts.map((part) => {
      const folder = join(outDir, part, 'fragment');
      const fragments = readdirSync(folder).map((file) => {
        // A fragment: gzip, then Pagefind's signature, then JSON.
        const json = gunzipSync(readFileSync(join(folder, file)))
          .toString('utf8')
          .replace(/^pagefind_dcd/, '');
        return JSON.parse(json) as { url: string; content: string };
      });
      return [part, fragments];
    }),
  );
}

/** What a search shows once it has finished: its status line and the results' paths inside the site, in order. */
async function shown(page: Page, base: string) {
  await waitForDom(page, () => document.getElementById('search-results')?.dataset.phase === 'full');
  const status = await page.locator('#search-status').textContent();
  return { status, paths: (await resultPaths(page)).map((path) => path.slice(base.length - 1)) };
}

describe.runIf(hasChromium)('the search index in parts (the fixture, three pages a part)', () => {
  const one = testSite('fixture');
  const parts = testSite('fixture-parts');
  const single = useBrowser({ site: ifBuilt(one) });
  const split = useBrowser({ site: ifBuilt(parts) });

  it('is written in three parts, each with its own pages, and the search page names the further two', () => {
    const pages = partPages(parts.outDir);
    expect([...pages.keys()].sort()).toEqual(['pagefind', 'pagefind-2', 'pagefind-3']);
    const real = [...pages.values()].map((fragments) => fragments.filter((f) => f.url !== '/').map((f) => f.url));
    expect(real.every((urls) => urls.length > 0)).toBe(true);
    expect(new Set(real.flat()).size).toBe(real.flat().length);
    expect(real.flat().sort()).toEqual(
      [...partPages(one.outDir).values()]
        .flat()
        .map((f) => f.url.replace('/sub-path/', '/parts/'))
        .sort(),
    );
    // The premise of the searches below: "foreword" is on pages of some parts and on no page of another.
    const holding = [...pages.values()].map((fragments) => fragments.some((f) => f.url !== '/' && /foreword/i.test(f.content)));
    expect(holding).toContain(true);
    expect(holding).toContain(false);
    const search = readFileSync(join(parts.outDir, 'search/index.html'), 'utf8');
    expect(search).toContain('data-pagefind-parts="[&quot;pagefind-2/&quot;,&quot;pagefind-3/&quot;]"');
    expect(readFileSync(join(one.outDir, 'search/index.html'), 'utf8')).not.toContain('data-pagefind-parts');
  });

  it.each(QUERIES)(
    'finds for "%s" what one index finds, in the same order',
    async (query) => {
      const path = `search/?q=${encodeURIComponent(query)}`;
      const [a, b] = await Promise.all([single.open(path), split.open(path)]);
      const [want, got] = await Promise.all([shown(a, '/sub-path/'), shown(b, '/parts/')]);
      expect(got).toEqual(want);
    },
    60_000,
  );

  it('counts the filters as one index does, and asks every part', async () => {
    split.seen.requests.length = 0;
    const path = 'search/?q=staying%20close';
    const [a, b] = await Promise.all([single.open(path), split.open(path)]);
    await Promise.all([waitForSearch(a, 'staying close'), waitForSearch(b, 'staying close')]);
    await Promise.all([openFilters(a), openFilters(b)]);
    const counts = (page: Page) => page.$$eval('#search-filters li', (items) => items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim()));
    expect(await counts(b)).toEqual(await counts(a));
    const asked = split.seen.requests.map((url) => new URL(url).pathname);
    for (const part of ['pagefind', 'pagefind-2', 'pagefind-3'])
      expect(
        asked.some((p) => p.startsWith(`/parts/${part}/index/`)),
        part,
      ).toBe(true);
  }, 60_000);
});
