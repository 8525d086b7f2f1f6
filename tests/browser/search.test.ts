// Search (issues 5, 11, 18 and 20) on the real content: what Pagefind indexes (read back from its
// fragment files), which pages load which script, and what only real content can show in
// Chromium: the named commitment first, full-text results with locators and snippets, a
// recommendation number, the glossary's interchangeable terms, typo correction against the real
// vocabulary, results for the matching words of a long question, "Show more" (the fixture has too
// few pages for a second batch) and the bytes a first search costs. The page's behaviour (layout,
// filters, URL state, the header box, warming, axe) is checked on the fixture:
// tests/browser/search-page.test.ts and tests/browser/search-states.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type Fragment, readFragments, readPages } from '../support/dist.ts';
import { hasChromium, ifBuilt, testSite, useBrowser } from '../support/browser.ts';
import { resultMetas, resultPaths, searchPaths, waitForSearch } from '../support/search.ts';
import { STATUSES } from '../../src/lib/schema/statuses.ts';

const sites = () => inject('sites');

/** The search page's script in a built site: the build's hashed bundle (src/integrations/search-client.ts), as a path inside the site. */
function searchScript(outDir: string): string {
  const found = readdirSync(join(outDir, '_astro')).filter((name) => /^search\.[A-Z0-9]+\.js$/.test(name));
  if (found.length !== 1) throw new Error(`expected one search script in ${outDir}/_astro, found ${JSON.stringify(found)}`);
  return `_astro/${found[0]}`;
}

describe('the search index of the real content', () => {
  const site = sites().content;
  if (!site) throw new Error('the content site was not built');
  let indexed: Fragment[];
  const byUrl = (url: string) => indexed.find((f) => f.url === url);

  beforeAll(() => {
    if (!site.ok) throw new Error(`the content site did not build:\n${site.log}`);
    indexed = readFragments(site.outDir);
  });

  it('holds exactly one result per commitment page, extract page and source digest, and nothing else', () => {
    const pages = [...readPages(site.outDir, '/').keys()];
    const expected = pages.filter(
      (url) =>
        /^\/(commitments|extracts|sources)\/[a-z]/.test(url) && !readFileSync(join(site.outDir, url, 'index.html'), 'utf8').includes('http-equiv="refresh"'),
    );
    expect(indexed.map((f) => f.url).sort()).toEqual(expected.sort());
  });

  it("gives each source digest sub-results at its headings and at every commitment's anchor, titled by the commitment", () => {
    const digest = byUrl('/sources/stable-homes-built-on-love-2023/');
    const anchors = new Map(digest?.anchors.map((a) => [a.id, a.title ?? a.text]));
    expect(anchors.get('shbl-staying-close')).toBe('Staying Close offered nationally to young people leaving residential care');
    expect(anchors.get('framework-family-help')).toBeTruthy();
    expect([...anchors.values()]).toContain('Summary');
  });

  it('keeps chrome out of the index: header, navigation, footer, breadcrumbs, contents, copy and cite buttons', () => {
    const chrome = [
      'Skip to main content',
      'An independent reference, not an official',
      'Open data and licence',
      'Copy link',
      'Copy citation',
      'Cite this',
      'Permanent link',
      'Contents',
    ];
    const leaks = indexed.flatMap((f) => chrome.filter((text) => f.content.includes(text)).map((text) => `${f.url}: "${text}"`));
    expect(leaks).toEqual([]);
  });

  it('records the title, source, locator, year and kind of each commitment, and files it under filter ids, not titles', () => {
    const page = byUrl('/commitments/kcshft-profit-cap/');
    expect(page?.meta).toMatchObject({
      title: "A backstop power to cap providers' profits",
      type: 'Commitment',
      source: expect.any(String),
      year: '2024',
      locator: expect.any(String),
    });
    expect(page?.filters).toMatchObject({ source: ['keeping-children-safe-helping-families-thrive-2024'], year: ['2024'], kind: ['policy-statement'] });
    expect(page?.filters.framework?.[0]).toMatch(/^keeping-children-safe-helping-families-thrive-2024\/[a-z0-9-]+$/);
    const values = indexed.flatMap((f) => Object.entries(f.filters).flatMap(([name, ids]) => ids.map((id) => `${name}=${id}`)));
    expect(values.filter((v) => !/^[a-z]+=[a-z0-9-]+(\/[a-z0-9-]+)?$/.test(v))).toEqual([]);
    const statuses = indexed.filter((f) => f.filters.status);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((f) => f.meta.status && f.url.startsWith('/commitments/'))).toBe(true);
    expect(page?.content.startsWith('A backstop power')).toBe(true);
  });

  it('keeps a summary list\'s terms apart from their values in the indexed text ("Funding £45m", not "Funding£45m")', () => {
    // Most terms are not indexed at all (every page of a kind has them); those of facts only some pages have are.
    const terms = new Set(
      [...readPages(site.outDir, '/').values()].flatMap((page) =>
        [...page.html.matchAll(/<dt[^>]*>([^<]+)<\/dt>/g)].map((m) => (m[1] ?? '').replaceAll('&#39;', "'")),
      ),
    );
    expect(terms.size).toBeGreaterThan(5);
    const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const joined = indexed.flatMap((f) =>
      [...terms].filter((term) => new RegExp(`${literal(term)}(?=[A-Z0-9£])`).test(f.content)).map((term) => `${f.url}: "${term}" runs into its value`),
    );
    expect(joined).toEqual([]);
    expect(byUrl('/commitments/shbl-families-first-pathfinder/')?.content).toContain('Funding £45m for Families First for Children Pathfinder');
  });

  it("indexes a commitment's aliases and the glossary terms for the practitioner words it uses", () => {
    const rules = byUrl('/commitments/shbl-agency-social-worker-rules/');
    expect(rules?.content).toMatch(/locums/);
    const kinship = byUrl('/commitments/shbl-kinship-care-strategy/');
    expect(kinship?.content).toMatch(/family and friends care/);
  });
});

describe.each(['fixture', 'content'])('scripts on the built %s site', (name) => {
  it('load only where needed: the search script on the search page alone, copy.js only on pages with a copy button', () => {
    const site = sites()[name];
    if (!site?.ok) throw new Error(`the ${name} site did not build`);
    const script = searchScript(site.outDir);
    const wrong = [...readPages(site.outDir, site.base).values()].flatMap((page) => {
      const scripts = [...page.html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => (m[1] ?? '').slice(site.base.length));
      const expected = [...(/\sdata-copy(-from)?=/.test(page.html) ? ['copy.js'] : []), ...(page.url === `${site.base}search/` ? [script] : [])];
      return JSON.stringify(scripts) === JSON.stringify(expected)
        ? []
        : [`${page.url}: loads ${JSON.stringify(scripts)}, expected ${JSON.stringify(expected)}`];
    });
    expect(wrong).toEqual([]);
  });
});

describe.runIf(hasChromium)(
  'the search page in a browser (real content)',
  () => {
    const site = testSite('content');
    // Chromium's pages may reach the site alone; after every test, no script error, CSP violation,
    // dialog or request to another host on the pages it opened (tests/support/browser.ts).
    const chromium = useBrowser({ site: ifBuilt(site) });
    // One tab per context, navigated from test to test.
    const open = (path: string, into?: BrowserContext): Promise<Page> => chromium.open(path, { into });
    const search = (page: Page) => new URL(page.url()).searchParams;

    it('puts the named commitment first as the query is typed, and writes the query into the URL', async () => {
      const page = await open('search/');
      await page.locator('#search-q').focus();
      await page.keyboard.type('profit cap');
      await waitForSearch(page, 'profit cap');
      expect((await resultPaths(page))[0]).toBe('/commitments/kcshft-profit-cap/');
      expect(search(page).get('q')).toBe('profit cap');
    });

    it('shows instant answers first, then full-text results with their locator and a snippet with the match highlighted, each page once', async () => {
      const page = await open('search/?q=kinship%20allowance');
      await waitForSearch(page, 'kinship allowance');
      const first = page.locator('#search-results > li').first();
      expect(await first.getAttribute('class')).toBe('instant');
      expect(await first.locator('h2 a').textContent()).toBeTruthy();
      expect((await resultMetas(page))[0]).toMatch(/^Commitment · (Stable Homes, Built on Love|Keeping children safe, helping families thrive) · 20(23|24)$/);
      const fullText = page.locator('#search-results > li:not(.instant)').first();
      expect(await fullText.locator('.meta').textContent()).toMatch(/^(Commitment|Extract|Source digest) · .+ · 20\d\d/);
      expect(await fullText.locator('mark').count()).toBeGreaterThan(0);
      const paths = await resultPaths(page);
      expect(new Set(paths).size).toBe(paths.length);
    });

    it("answers a recommendation number, and shows a commitment's status as a text badge", async () => {
      const page = await open('search/?q=Narey%20recommendation%205');
      await waitForSearch(page, 'Narey recommendation 5');
      // The commitment, and the extract that quotes the recommendation, before anything else.
      expect((await resultPaths(page)).slice(0, 2)).toContain('/commitments/narey-r05-no-wrong-door/');
      expect(await page.locator('#search-results > li:has(a[href$="/narey-r05-no-wrong-door/"]) .meta').textContent()).toContain('Recommendation 5');
      const tags = await page.locator('#search-results .meta .tag').allTextContents();
      expect(tags.length).toBeGreaterThan(0);
      expect(tags.every((tag) => (Object.values(STATUSES) as string[]).includes(tag))).toBe(true);
    });

    it("finds the same commitments under practitioners' interchangeable terms from the glossary", async () => {
      // One page, searched again for each term, as a reader would.
      const page = await open('search/');
      const top = async (q: string) => (await searchPaths(page, q)).filter((p) => p.startsWith('/commitments/')).slice(0, 3);
      expect(await top('locums')).toContain('/commitments/shbl-agency-social-worker-rules/');
      expect(await top('agency social workers')).toContain('/commitments/shbl-agency-social-worker-rules/');
      expect((await top('family and friends carers')).every((p) => p.includes('kinship'))).toBe(true);
      const safeguarding = ['pcf-multi-agency-safeguarding', 'shbl-safeguarding-leadership-education', 'kcshft-education-in-safeguarding-arrangements'];
      const lscb = await top('LSCB');
      expect(
        lscb.some((p) => safeguarding.some((id) => p.includes(id))),
        `LSCB found ${lscb.join(', ')}`,
      ).toBe(true);
    });

    it('corrects a misspelt word to the nearest indexed word and offers a link to search the original words', async () => {
      const page = await open('search/?q=kinsip%20care%20strategy');
      await waitForSearch(page, 'kinship care strategy');
      expect(await page.locator('#search-correction').textContent()).toBe('Showing results for kinship care strategy. Search instead for kinsip care strategy');
      expect((await resultPaths(page)).filter((p) => p.startsWith('/commitments/'))[0]).toBe('/commitments/shbl-kinship-care-strategy/');
      await page.getByRole('link', { name: 'Search instead for kinsip care strategy' }).click();
      // Taken as typed, "kinsip" is on no page: the results are for the words that are.
      await waitForSearch(page, 'care strategy');
      expect(search(page).get('exact')).toBe('1');
      expect(await page.locator('#search-correction').textContent()).toBe('No page has all of your words; showing results for care strategy.');
      expect(await page.locator('#search-status').textContent()).toMatch(/^\d+ results? for “care strategy”$/);
    });

    it('never ends a question in "No results" while some of its words are on a page: it shows the results for those, best first, and says so', async () => {
      const page = await open('search/');
      for (const q of [
        'how many recommendations did the Narey review make',
        'number of children in residential care in 2015',
        'what did the government say about xyzzy and staying close',
      ]) {
        const paths = await searchPaths(page, q);
        const status = (await page.locator('#search-status').textContent()) ?? '';
        expect(status, q).toMatch(/^\d+ results? for “/);
        if (!status.includes(q))
          expect(await page.locator('#search-correction').textContent(), q).toMatch(
            /^(No page has all of your words; showing results for |Only summaries have all of your words: first the pages for )/,
          );
        if (q.includes('xyzzy')) {
          // "what", "did", "the", "say", "about" and "and" are filler (issue 20), "xyzzy" is on no page.
          expect(status).toContain('“government staying close”');
          expect(paths.slice(0, 5).some((p) => p.includes('staying-close'))).toBe(true);
        }
      }
    });

    it('shows the next results after those shown when "Show more" is pressed, keeping the list as it was and searching no further, and moves focus to the first new one', async () => {
      const page = await open('search/?q=care');
      await waitForSearch(page, 'care');
      const items = page.locator('#search-results > li');
      const before = await items.count();
      expect(before).toBe(20);
      // Marks on the items shown: a search run again rebuilds the list, and they would go.
      await items.evaluateAll((lis) => {
        for (const li of lis) li.setAttribute('data-shown-before', '');
      });
      await page.locator('#search-more').click();
      await expect.poll(() => items.count()).toBeGreaterThan(before);
      expect(await page.locator('#search-results > li[data-shown-before]').count()).toBe(before);
      expect(await page.locator('#search-results > li:not([data-shown-before])').count()).toBeLessThanOrEqual(20);
      expect(await page.evaluate(() => document.activeElement?.closest('li')?.hasAttribute('data-shown-before'))).toBe(false);
      expect(await page.evaluate(() => document.activeElement === document.querySelector('#search-results > li:not([data-shown-before]) a'))).toBe(true);
      // The count stays that of the same search (it may lose the instant answers found again among the new results).
      expect(await page.locator('#search-status').textContent()).toMatch(/^\d+ results for “care”$/);
      expect(await page.locator('#search-results').getAttribute('aria-busy')).toBe('false');
      const paths = await resultPaths(page);
      expect(new Set(paths).size).toBe(paths.length);
    });

    it('fetches a small, measured amount for a first search (printed), all from this site', async () => {
      // Playwright sees the requests of Pagefind's web worker too (the index chunks and WebAssembly);
      // the test server sends no compression, so body length is the bytes on the wire.
      const cold = await chromium.newContext();
      const page = await cold.newPage();
      const sizes: Promise<{ url: string; bytes: number }>[] = [];
      cold.on('response', (response) =>
        sizes.push(
          response.body().then(
            (body) => ({ url: response.url(), bytes: body.length }),
            () => ({ url: response.url(), bytes: 0 }),
          ),
        ),
      );
      await page.goto(chromium.url('search/?q=kinship%20allowance'));
      await waitForSearch(page, 'kinship allowance');
      await page.waitForLoadState('networkidle');
      const all = await Promise.all(sizes);
      const total = all.reduce((sum, e) => sum + e.bytes, 0);
      const search = all.filter((e) => /\/(pagefind\/|search\/|_astro\/(search|minisearch)\.)/.test(e.url)).reduce((sum, e) => sum + e.bytes, 0);
      console.log(
        `first search for "kinship allowance": ${(total / 1024).toFixed(1)} KB over ${all.length} requests, of which search (scripts, instant index, Pagefind) ${(search / 1024).toFixed(1)} KB:\n  ${all.map((e) => `${(e.bytes / 1024).toFixed(1)} KB ${new URL(e.url).pathname}`).join('\n  ')}`,
      );
      expect(all.every((e) => e.url.startsWith(chromium.origin))).toBe(true);
      expect(total).toBeLessThan(400 * 1024);
      await cold.close();
    });
  },
  60_000,
);

describe.runIf(hasChromium)('the search page in a browser (fixture under /sub-path/)', () => {
  const site = testSite('fixture');
  const chromium = useBrowser({ site: ifBuilt(site) });

  it('finds fixture commitments and links them under the base path', async () => {
    const page = await chromium.open('search/?q=staying%20close');
    await waitForSearch(page, 'staying close');
    const paths = await resultPaths(page);
    expect(paths).toContain('/sub-path/commitments/alpha-staying-close/');
    expect(paths.every((p) => p.startsWith('/sub-path/'))).toBe(true);
  }, 60_000);
});
