// Search (issues 5, 11 and 18): what Pagefind indexes on the built sites (read back from its fragment
// files), which pages load which script, and the search page driven in Debian's Chromium — instant
// answers then full text in one list, filters by id (and by title from old URLs) with OR counts,
// URL state, typo correction, results for the matching words, "Show more", the layout, the header
// box, warming on focus and the bytes a first search costs. Its failure states, live region, a box
// cleared mid-search and the no-JavaScript state: tests/browser/search-states.test.ts (fixture).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { AXE, axeViolations } from '../support/axe.ts';
import { readPages } from '../support/dist.ts';
import { hasChromium, useBrowser } from '../support/browser.ts';
import { openFilters, resultMetas, resultPaths, waitForSearch } from '../support/search.ts';
import { STATUSES } from '../../src/lib/schema/statuses.ts';

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: { element: string; id: string; title?: string; text?: string }[];
}

function fragments(outDir: string): Fragment[] {
  const folder = join(outDir, 'pagefind', 'fragment');
  return readdirSync(folder).map((name) => {
    const raw = gunzipSync(readFileSync(join(folder, name))).toString('utf8');
    return JSON.parse(raw.slice(raw.indexOf('{'))) as Fragment;
  });
}

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
    indexed = fragments(site.outDir);
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

  it('keeps a summary list\'s terms apart from their values in the indexed text ("Kind Implementation strategy", not "KindImplementation strategy")', () => {
    const terms = new Set(
      [...readPages(site.outDir, '/').values()].flatMap((page) =>
        [...page.html.matchAll(/<dt>([^<]+)<\/dt>/g)].map((m) => (m[1] ?? '').replaceAll('&#39;', "'")),
      ),
    );
    expect(terms.size).toBeGreaterThan(5);
    const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const joined = indexed.flatMap((f) =>
      [...terms].filter((term) => new RegExp(`${literal(term)}(?=[A-Z0-9£])`).test(f.content)).map((term) => `${f.url}: "${term}" runs into its value`),
    );
    expect(joined).toEqual([]);
    expect(byUrl('/sources/stable-homes-built-on-love-2023/')?.content).toContain('Kind Implementation strategy and consultation');
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
    const site = sites().content;
    if (!site) throw new Error('the content site was not built');
    // Chromium's pages may reach the site alone; after every test, no script error, CSP violation,
    // dialog or request to another host on the pages it opened (tests/support/browser.ts).
    const chromium = useBrowser({
      site: () => {
        if (!site.ok) throw new Error(`the content site did not build:\n${site.log}`);
        return site;
      },
    });
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

    it('filters by status id, counting each status', async () => {
      const page = await open('search/?q=staying%20close&status=delivered');
      await waitForSearch(page, 'staying close');
      await openFilters(page);
      expect(await page.locator('input[name=status][value=delivered]').isChecked()).toBe(true);
      const items = await page.locator('#search-results > li').all();
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(await item.locator('.meta .tag').textContent()).toBe('Delivered');
      expect(await page.locator('input[name=status][value=delivered] ~ label [data-count]').textContent()).toBe(`(${items.length})`);
    });

    it('restores a search and its filters from a URL shared with title values, rewrites them as ids, and narrows results to them', async () => {
      const page = await open('search/?q=staying%20close&source=Keep%20on%20Caring');
      await waitForSearch(page, 'staying close');
      expect(await page.locator('#search-q').inputValue()).toBe('staying close');
      expect(await page.locator('#search-filters-toggle').textContent()).toBe('Filters (1 selected)');
      await openFilters(page);
      expect(await page.locator('input[name=source][value="keep-on-caring-2016"]').isChecked()).toBe(true);
      expect(search(page).getAll('source')).toEqual(['keep-on-caring-2016']);
      const metas = await resultMetas(page);
      expect(metas.length).toBeGreaterThan(0);
      expect(metas.every((meta) => meta.includes('Keep on Caring'))).toBe(true);
      const count = await page.locator('input[name=source][value="keep-on-caring-2016"] ~ label [data-count]').textContent();
      expect(count).toBe(`(${metas.length})`);
      expect(await page.locator('details[data-filter=source] [data-selected]').textContent()).toBe('(1 selected)');
    });

    it("counts OR within a group: ticking one source leaves the other sources' counts as they were", async () => {
      const page = await open('search/?q=staying%20close');
      await waitForSearch(page, 'staying close');
      await openFilters(page);
      const counts = () => page.locator('details[data-filter=source] [data-count]').allTextContents();
      const before = await counts();
      expect(before.filter((c) => c !== '(0)').length).toBeGreaterThan(2);
      await page.locator('details[data-filter=source] summary').click();
      await page.locator('input[name=source][value="keep-on-caring-2016"]').check();
      await expect.poll(() => search(page).getAll('source')).toEqual(['keep-on-caring-2016']);
      await waitForSearch(page, 'staying close');
      await expect.poll(counts).toEqual(before);
    });

    it('narrows results when a filter is ticked with the keyboard, and adds the filter to the URL', async () => {
      const page = await open('search/?q=care%20leavers');
      await waitForSearch(page, 'care leavers');
      const before = await page.locator('#search-results > li').count();
      // The filters' button, after the count, opens them with Enter.
      await page.locator('#search-filters-toggle').focus();
      await page.keyboard.press('Enter');
      await openFilters(page);
      await page.locator('details[data-filter=year] summary').focus();
      await page.keyboard.press('Enter');
      await page.locator('input[name=year][value="2016"]').focus();
      await page.keyboard.press('Space');
      await expect.poll(() => search(page).getAll('year')).toEqual(['2016']);
      await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/for “care leavers”, with filters$/);
      const metas = await resultMetas(page);
      expect(metas.every((meta) => meta.endsWith('2016'))).toBe(true);
      expect(metas.length).toBeLessThanOrEqual(before);
    });

    it("finds the same commitments under practitioners' interchangeable terms from the glossary", async () => {
      const top = async (q: string) => {
        const page = await open(`search/?q=${encodeURIComponent(q)}`);
        await waitForSearch(page, q);
        const paths = (await resultPaths(page)).filter((p) => p.startsWith('/commitments/')).slice(0, 3);
        return paths;
      };
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
      for (const q of [
        'how many recommendations did the Narey review make',
        'number of children in residential care in 2015',
        'what did the government say about xyzzy and staying close',
      ]) {
        const page = await open(`search/?q=${encodeURIComponent(q)}`);
        await page.waitForFunction(
          () =>
            document.getElementById('search-results')?.dataset.phase === 'full' && / for “/.test(document.getElementById('search-status')?.textContent ?? ''),
        );
        const status = (await page.locator('#search-status').textContent()) ?? '';
        expect(status, q).toMatch(/^\d+ results? for “/);
        if (!status.includes(q))
          expect(await page.locator('#search-correction').textContent(), q).toMatch(
            /^(No page has all of your words; showing results for |Only summaries have all of your words: first the pages for )/,
          );
      }
      const page = await open('search/?q=what%20did%20the%20government%20say%20about%20xyzzy%20and%20staying%20close');
      // "what", "did", "the", "say", "about" and "and" are filler (issue 20), "xyzzy" is on no page.
      await waitForSearch(page, 'government staying close');
      expect((await resultPaths(page)).slice(0, 5).some((p) => p.includes('staying-close'))).toBe(true);
    });

    it('shows the first result in view at 1280×800 and on a 375×740 phone, the filters closed behind their button after the count', async () => {
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 375, height: 740 },
      ]) {
        const sized = await chromium.newContext({ viewport });
        const page = await open('search/?q=staying%20close', sized);
        await waitForSearch(page, 'staying close');
        const result = await page.locator('#search-results > li').first().boundingBox();
        const toggle = await page.locator('#search-filters-toggle').boundingBox();
        const status = await page.locator('#search-status').boundingBox();
        expect(result && result.y + 80 < viewport.height, `${viewport.width} px: the first result's top at ${result?.y}`).toBe(true);
        // The button follows the count (beside it or under it) and comes before the first result.
        expect(
          await page.evaluate(() => {
            const status = document.getElementById('search-status');
            const toggle = document.getElementById('search-filters-toggle');
            return !!status && !!toggle && (status.compareDocumentPosition(toggle) & Node.DOCUMENT_POSITION_FOLLOWING) > 0;
          }),
        ).toBe(true);
        expect(status && toggle && result && status.y < result.y && toggle.y + toggle.height <= result.y).toBe(true);
        expect(await page.locator('#search-filters').isVisible()).toBe(false);
        await sized.close();
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

    it('takes a search typed in the header box of any page to the search page, with results', async () => {
      const page = await open('commitments/kcshft-profit-cap/');
      expect(await page.locator('script[src*="/_astro/search."]').count()).toBe(0);
      await page.locator('#site-search').fill('staying close');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\/\?q=staying\+close$/);
      await waitForSearch(page, 'staying close');
      expect((await resultPaths(page)).length).toBeGreaterThan(3);
    });

    it('preloads the instant index, loads the full-text index when the box gets focus, and the vocabulary only for an unknown word', async () => {
      const page = await chromium.context.newPage();
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      await page.goto(chromium.url('search/'));
      await page.waitForLoadState('networkidle');
      expect(fetched).toContain(`${site.base}search/instant.json`);
      expect(fetched.filter((p) => /^\/_astro\/minisearch\.[A-Z0-9]+\.js$/.test(p))).toHaveLength(1);
      expect(fetched.filter((p) => p.includes('/pagefind/'))).toEqual([]);
      await page.locator('#search-q').focus();
      // Warming is a chain of requests (meta, then index chunks): wait for each.
      await expect.poll(() => fetched.some((p) => p.endsWith('.pf_meta')), { timeout: 15_000 }).toBe(true);
      await expect.poll(() => fetched.some((p) => p.endsWith('.pagefind')), { timeout: 15_000 }).toBe(true);
      await page.keyboard.type('staying close');
      await waitForSearch(page, 'staying close');
      const vocabulary = () => fetched.filter((p) => p.startsWith(`${site.base}search/v/`));
      expect(vocabulary()).toEqual([]);
      await page.locator('#search-q').fill('');
      await page.keyboard.type('stayng close');
      await waitForSearch(page, 'staying close');
      expect(vocabulary().length).toBeGreaterThan(0);
      await page.close();
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

    it('has no axe-core WCAG 2.2 AA violation with results, open filters with counts and a correction shown', async () => {
      // axe is injected as an inline script, which the page's Content-Security-Policy refuses: bypass it for this check only.
      const axeContext = await chromium.newContext({ bypassCSP: true });
      const page = await open('search/?q=kinsip&pillar=Care%20leavers', axeContext);
      await waitForSearch(page, 'kinship');
      await openFilters(page);
      for (const details of await page.locator('details[data-filter]').all()) await details.evaluate((el) => el.setAttribute('open', ''));
      await page.addScriptTag({ path: AXE });
      const violations = await axeViolations(page, 'search page with results, filters and a correction');
      expect(violations).toEqual([]);
      await axeContext.close();
    });
  },
  60_000,
);

describe.runIf(hasChromium)('the search page in a browser (fixture under /sub-path/)', () => {
  const site = sites().fixture;
  const chromium = useBrowser({
    site: () => {
      if (!site?.ok) throw new Error(`the fixture site did not build:\n${site?.log}`);
      return site;
    },
  });

  it('finds fixture commitments and links them under the base path', async () => {
    const page = await chromium.open('search/?q=staying%20close');
    await waitForSearch(page, 'staying close');
    const paths = await resultPaths(page);
    expect(paths).toContain('/sub-path/commitments/alpha-staying-close/');
    expect(paths.every((p) => p.startsWith('/sub-path/'))).toBe(true);
  }, 60_000);
});
