// The search page's layout and behaviour, on the fixture site under /sub-path/ (issues 18 and 20):
// the first result on the first screen of a phone and a desktop with one search box and the
// filters behind one button after the count; filters whose values come from the results, OR
// counts within a group, kept in the URL, by keyboard; the header box of another page; the
// instant index preloaded, the full text on focus, the vocabulary only for an unknown word;
// instant answers that say why they matched; the tracker list a query names, offered first; axe
// at a phone's size and a desktop's, with a list offered and a correction shown.
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Graph } from '../../src/lib/graph.ts';
import { loadContent } from '../../src/lib/load.ts';
import { trackerLists } from '../../src/site/tracker.ts';
import { AXE, axeViolations } from '../support/axe.ts';
import { hasChromium, useBrowser } from '../support/browser.ts';
import { waitForDom } from '../support/dom-wait.ts';
import { openFilters, resultPaths, waitForSearch } from '../support/search.ts';

const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 800 };

describe.runIf(hasChromium)('the search page on the fixture site', () => {
  const site = inject('sites').fixture;
  if (!site) throw new Error('the fixture site was not built');
  let graph: Graph;
  const contexts: BrowserContext[] = [];
  // The site served, Chromium, and after every test a check for script errors, CSP violations,
  // dialogs and requests to other hosts on the pages it opened (tests/support/browser.ts).
  const chromium = useBrowser({
    site: () => {
      if (!site.ok) throw new Error(`the fixture site did not build:\n${site.log}`);
      const loaded = loadContent(resolve(import.meta.dirname, '../..', site.content));
      if (!loaded.ok) throw new Error(`${site.content} does not load`);
      graph = loaded.graph;
      return site;
    },
  });

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  // One context per kind of device, kept for the file and navigated from test to test: a new
  // context and its first page cost Chromium about 1 s of CPU, a navigation in an open tab about
  // 0.15 s. Nothing the search page does outlives a navigation (its state is in the URL; it keeps
  // no storage), so a test still proves its claim alone. The two tests that count requests make a
  // context of their own, where nothing is cached from another test.
  const kept = new Map<string, Promise<BrowserContext>>();

  /** A page at the given size (a phone with touch by default), the CSP bypassed only where axe is injected. */
  const open = async (path: string, viewport = PHONE, options: { axe?: boolean; fresh?: boolean } = {}): Promise<Page> => {
    const phone = viewport.width < 600;
    const made = () => chromium.newContext({ viewport, isMobile: phone, hasTouch: phone, bypassCSP: options.axe ?? false });
    if (options.fresh) {
      const context = await made();
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(chromium.url(path));
      return page;
    }
    const key = `${viewport.width}x${viewport.height}${options.axe ? ' axe' : ''}`;
    if (!kept.has(key)) kept.set(key, made());
    return chromium.open(path, { into: await (kept.get(key) as Promise<BrowserContext>) });
  };
  const top = (page: Page, selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => Math.round(el.getBoundingClientRect().top + window.scrollY));
  const params = (page: Page) => new URL(page.url()).searchParams;

  for (const [size, viewport] of [
    ['a 360 × 780 phone', PHONE],
    ['a 1280 × 800 desktop', DESKTOP],
  ] as const)
    it(`shows the first result of “staying close” on the first screen of ${size}, under one search box and the count, with the filters behind one button`, async () => {
      const page = await open('search/?q=staying%20close', viewport);
      await waitForSearch(page, 'staying close');
      const first = await top(page, '#search-results > li');
      console.log(`fixture: first result of "staying close" starts ${first} px down at ${size}`);
      expect(first, 'px from the top of the page to the first result').toBeLessThan(viewport.height - 80);
      expect(await page.locator('input[type=search]').count(), 'search boxes on the page').toBe(1);
      // The button comes after the count and before the results; the filters it controls are closed.
      const toggle = page.getByRole('button', { name: /^Filters/ });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      // On a wide screen the button sits beside the count, on a phone under it: either way it follows the count and precedes the results.
      const order = await page.evaluate(() =>
        ['search-q', 'search-status', 'search-results'].map((id) => document.getElementById(id)?.getBoundingClientRect().top ?? -1),
      );
      expect(order, 'the box, the count and the results, top to bottom').toEqual([...order].sort((a, b) => a - b));
      expect(
        await page.evaluate(() => {
          const status = document.getElementById('search-status');
          const toggle = document.getElementById('search-filters-toggle');
          return !!status && !!toggle && (status.compareDocumentPosition(toggle) & Node.DOCUMENT_POSITION_FOLLOWING) > 0;
        }),
        'the filters button follows the count',
      ).toBe(true);
      const toggleBox = await toggle.boundingBox();
      expect((toggleBox?.y ?? Infinity) + (toggleBox?.height ?? 0), 'the filters button ends above the first result').toBeLessThanOrEqual(first);
      expect(await top(page, '#search-filters-toggle')).toBeLessThan(first);
      expect(await page.locator('#search-filters').isVisible()).toBe(false);
      expect(await page.locator('details[data-filter]:visible').count()).toBe(0);
    });

  it('keeps the page free of filter values: they come from search/facets.json when the filters are opened, and only the values the results carry', async () => {
    const html = await (await fetch(chromium.url('search/'))).text();
    expect(html).not.toMatch(/type="checkbox"/);
    // Only the first source has a page on accredited practice leaders.
    const page = await open('search/?q=accredited', PHONE, { fresh: true });
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await waitForSearch(page, 'accredited');
    expect(fetched).not.toContain(`${site.base}search/facets.json`);
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.locator('details[data-filter=source] summary').click();
    await expect.poll(() => page.locator('input[name=source]').count()).toBeGreaterThan(0);
    expect(fetched).toContain(`${site.base}search/facets.json`);
    // Every source shown has a result among those listed, and says how many.
    const counts = await page.locator('details[data-filter=source] [data-count]').allTextContents();
    expect(
      counts.every((c) => /^\((\d+)\)$/.test(c) && c !== '(0)'),
      counts.join(' '),
    ).toBe(true);
    const shown = await page.locator('input[name=source]').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    const metas = await page.locator('#search-results > li .meta').allTextContents();
    for (const id of shown)
      expect(
        metas.some((m) => m.includes(graph.source.get(id)?.shortTitle ?? '?')),
        id,
      ).toBe(true);
    expect(shown.length).toBeLessThan(graph.sources.length);
  });

  it('opens the filters from the keyboard and ticks one with Space, narrowing the results and putting the filter in the URL', async () => {
    const page = await open('search/?q=staying%20close');
    await waitForSearch(page, 'staying close');
    const before = await page.locator('#search-results > li').count();
    await page.locator('#search-filters-toggle').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#search-filters-toggle').getAttribute('aria-expanded')).toBe('true');
    await page.locator('details[data-filter=status] summary').focus();
    await page.keyboard.press('Enter');
    await page.locator('input[name=status][value=delivered]').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => params(page).getAll('status')).toEqual(['delivered']);
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/for “staying close”, with filters$/);
    await waitForSearch(page, 'staying close');
    const after = await page.locator('#search-results > li').count();
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    for (const tag of await page.locator('#search-results .meta .tag').allTextContents()) expect(tag).toBe('Delivered');
    expect(await page.locator('input[name=status][value=delivered] ~ label [data-count]').textContent(), 'the ticked status counts the results shown').toBe(
      `(${after})`,
    );
    expect(await page.locator('#search-filters-toggle').textContent()).toBe('Filters (1 selected)');
    // The box keeps focus through the search that follows.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('delivered');
  });

  it('applies the filters of a shared URL on load, by id or by the title of an older link, and writes them back as ids', async () => {
    const page = await open('search/?q=staying%20close&source=Beta');
    await waitForSearch(page, 'staying close');
    expect(params(page).getAll('source')).toEqual(['beta-2023']);
    const metas = await page.locator('#search-results > li .meta').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    expect(metas.every((m) => m.includes('Beta'))).toBe(true);
    expect(await page.locator('#search-filters-toggle').textContent()).toBe('Filters (1 selected)');
    await page.locator('#search-filters-toggle').click();
    expect(await page.locator('input[name=source][value="beta-2023"]').isChecked()).toBe(true);
    expect(await page.locator('details[data-filter=source]').getAttribute('open')).not.toBeNull();
  });

  it('says why an instant answer matched: the commitment’s opening words with the matched words marked, built as text', async () => {
    const page = await open('search/?q=staying%20close');
    await waitForSearch(page, 'staying close');
    const answer = page.locator('#search-results > li.instant:has(a[href$="/commitments/alpha-staying-close/"])');
    const text = graph.commitment.get('alpha-staying-close')?.text ?? '';
    expect(await answer.locator('.snippet').textContent()).toBe(text);
    expect(await answer.locator('.snippet mark').allTextContents()).toEqual(['staying close']);
    expect(await answer.locator('.snippet *:not(mark)').count()).toBe(0);
    expect(await page.locator('#search-results').textContent()).not.toContain('Also called:');
  });

  it('offers the tracker list a query names first, under the count, with its count: “what is overdue”', async () => {
    const overdue = trackerLists(graph).find((list) => list.slug === 'overdue');
    const n = overdue?.commitments.length ?? -1;
    expect(n).toBeGreaterThan(0);
    const page = await open('search/?q=what%20is%20overdue');
    await expect.poll(() => page.locator('#search-offer').isVisible()).toBe(true);
    const link = page.locator('#search-offer a');
    expect(await link.textContent()).toBe(`See the ${n} overdue commitment${n === 1 ? '' : 's'}`);
    expect(new URL((await link.getAttribute('href')) ?? '', chromium.origin).pathname).toBe(`${site.base}tracker/overdue/`);
    // First under the count: before any result, and nothing but the filters' button between them.
    await waitForDom(page, () => document.getElementById('search-results')?.dataset.phase === 'full');
    const offerTop = await top(page, '#search-offer');
    expect(offerTop).toBeGreaterThan(await top(page, '#search-status'));
    if (await page.locator('#search-results > li').count()) expect(offerTop).toBeLessThan(await top(page, '#search-results > li'));
    expect(offerTop).toBeLessThan(PHONE.height - 80);
    await link.click();
    await page.waitForURL(/\/tracker\/overdue\/$/);
    expect(await page.locator('[data-answer]').textContent()).toMatch(new RegExp(`^${n} commitments? `));
    // A query that names no list offers none.
    const other = await open('search/?q=staying%20close');
    await waitForSearch(other, 'staying close');
    expect(await other.locator('#search-offer').isVisible()).toBe(false);
    expect((await resultPaths(other)).length).toBeGreaterThan(0);
  });

  it("counts OR within a group: ticking one source leaves the other sources' counts as they were", async () => {
    const page = await open('search/?q=staying%20close', DESKTOP);
    await waitForSearch(page, 'staying close');
    await openFilters(page);
    const counts = () => page.locator('details[data-filter=source] [data-count]').allTextContents();
    const before = await counts();
    expect(before.filter((c) => c !== '(0)').length, before.join(' ')).toBeGreaterThan(1);
    await page.locator('details[data-filter=source] summary').click();
    await page.locator('input[name=source][value="alpha-2016"]').check();
    await expect.poll(() => params(page).getAll('source')).toEqual(['alpha-2016']);
    await waitForSearch(page, 'staying close');
    await expect.poll(counts).toEqual(before);
  });

  it('takes a search typed in the header box of any other page to the search page, with results', async () => {
    const page = await open('commitments/alpha-staying-close/', DESKTOP);
    expect(await page.locator('script[src*="/_astro/search."]').count()).toBe(0);
    await page.locator('#site-search').fill('staying close');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=staying\+close$/);
    await waitForSearch(page, 'staying close');
    expect(await resultPaths(page)).toContain(`${site.base}commitments/alpha-staying-close/`);
  });

  it('preloads the instant index, loads the full-text index when the box gets focus, and the vocabulary only for an unknown word', async () => {
    const context = await chromium.newContext({ viewport: DESKTOP });
    contexts.push(context);
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(chromium.url('search/'));
    await page.waitForLoadState('networkidle');
    expect(fetched).toContain(`${site.base}search/instant.json`);
    expect(fetched.filter((p) => p.startsWith(`${site.base}_astro/minisearch.`))).toHaveLength(1);
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
  });

  // Between them, the two sizes show every part of the page that can appear: the list offered on
  // the phone, the correction (of "stayng") on the desktop; results and open filters on both.
  for (const [size, viewport, query, searched, shows] of [
    ['360 × 780', PHONE, 'delivered', 'delivered', '#search-offer'],
    ['1280 × 800', DESKTOP, 'delivered stayng', 'delivered staying', '#search-correction'],
  ] as const)
    it(`has no axe-core WCAG 2.2 AA violation at ${size}, with results, the filters open and ${shows === '#search-offer' ? 'a list offered' : 'a correction'}`, async () => {
      const page = await open(`search/?q=${encodeURIComponent(query)}&source=alpha-2016`, viewport, { axe: true });
      await waitForSearch(page, searched);
      await page.locator('#search-filters-toggle').click();
      await expect.poll(() => page.locator('input[name=source]').count()).toBeGreaterThan(0);
      for (const details of await page.locator('details[data-filter]').all()) await details.evaluate((el) => el.setAttribute('open', ''));
      expect(await page.locator(shows).isVisible()).toBe(true);
      await page.addScriptTag({ path: AXE });
      expect(await axeViolations(page, `search page at ${size}`)).toEqual([]);
    });
});
