// Drives the two search pages in Debian's Chromium with playwright-core: a fresh browser context
// (cold cache) per run, DevTools network throttling (150 ms round trip, 1.6 Mbps down, 750 kbps up)
// and 4× CPU slowdown. Measures the first search (bytes and requests from the server's counters,
// time from input event to results shown) and later searches; hit rates come from an unthrottled
// run of every query.
import { chromium, type Browser, type Page } from 'playwright-core';
import { BENCH_CHROMIUM_ARGS } from '../../tests/support/chromium.ts';
import type { BenchServer } from './server.ts';
import type { Query } from './queries.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const THROTTLE = { latencyMs: 150, downKbps: 1600, upKbps: 750, cpuSlowdown: 4 };
/** With warming, the first input comes this long after the box gets focus (a reader starting to type). */
export const TYPE_AFTER_FOCUS_MS = 1000;

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The suites' switches (no host but 127.0.0.1, none of the renderers Chromium opens with each
    // new window for the address bar) but not their process model: a reader's browser keeps it.
    args: [...BENCH_CHROMIUM_ARGS, '--disable-extensions'],
  });
}

export interface FirstSearch {
  ms: number;
  fullMs: number;
  bytes: number;
  requests: number;
  /** What loading the page itself cost, before the search. */
  pageBytes: number;
  pageRequests: number;
  files: { path: string; bytes: number }[];
}

export interface ThrottledRun {
  first: FirstSearch;
  /** Later searches: to the first answers, and to the full list. */
  later: number[];
  laterFull: number[];
}

export interface LinkRun {
  /** Navigation start → the first answers shown; → the full list. */
  ms: number;
  fullMs: number;
  /** What the server sent before the first answers (page, scripts, index), and in how many responses. */
  bytes: number;
  requests: number;
  files: { path: string; bytes: number }[];
}

interface Timing {
  query: string;
  /** To the first answers: input event (or navigation start, for a link) → the frame after they are shown. */
  ms: number;
  /** To the complete list (the same as `ms` for the bare pages, which show one list). */
  fullMs: number;
  /** Wall-clock time of the first answers, to count the bytes the server sent before them. */
  at?: number;
  urls: string[];
}

/** The search box of each page: the bench pages' own, or the site's /search/ page (src/site/search-client/). */
export const SITE_INPUT = '#search-app input[name="q"]';

/**
 * For the site's own search page: records, from each input event (or from navigation start, for a
 * /search/?q= link), the time to the animation frame after the first answers are shown (the list's
 * data-phase set: instant answers, or the full list when none came first) and after the full list
 * (data-phase="full"), with the full list's top five links.
 */
const SITE_TIMER = `
window.__timings = [];
let pending = null;
const linked = new URLSearchParams(location.search).get('q');
if (linked) pending = { started: 0, query: linked, first: null };
document.addEventListener('input', (event) => { pending = { started: event.timeStamp, query: event.target.value, first: null }; }, true);
new MutationObserver((records) => {
  for (const record of records) {
    const list = record.target;
    if (list.id !== 'search-results' || !pending) continue;
    const p = pending;
    if (p.first === null) {
      p.first = 'pending';
      requestAnimationFrame(() => { p.first = performance.now() - p.started; p.at = Date.now(); });
    }
    if (list.dataset.phase !== 'full') continue;
    pending = null;
    requestAnimationFrame(() => window.__timings.push({ query: p.query, ms: typeof p.first === 'number' ? p.first : performance.now() - p.started, fullMs: performance.now() - p.started, at: p.at ?? Date.now(), urls: [...list.querySelectorAll('li h2 a')].slice(0, 5).map((a) => new URL(a.href).pathname) }));
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-phase'] });
`;

/** Opens a throttled, cold context with the search's timer installed. */
async function throttledPage(browser: Browser, site: boolean) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (site) await page.addInitScript(SITE_TIMER);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: THROTTLE.latencyMs,
    downloadThroughput: (THROTTLE.downKbps * 1000) / 8,
    uploadThroughput: (THROTTLE.upKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpuSlowdown });
  return { context, page };
}

/**
 * A shared link, throttled and cold: `url` with `?q=query` (the site's /search/ page, or a bare
 * page, which searches at once when given `q`), timed from navigation start to the first answers.
 */
export async function linkRun(browser: Browser, server: BenchServer, url: string, query: string, site: boolean): Promise<LinkRun> {
  const { context, page } = await throttledPage(browser, site);
  try {
    server.reset();
    await page.goto(`${server.origin}${url}${url.includes('?') ? '&' : '?'}q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
    await waitFor(page, 0);
    const timing = await page.evaluate(() => (window as unknown as { __timings: Timing[] }).__timings[0]);
    if (!timing) throw new Error(`no first answers recorded for ${url}`);
    const before = server.counted().log.filter((entry) => entry.at <= (timing.at ?? Infinity));
    return {
      ms: timing.ms,
      fullMs: timing.fullMs,
      bytes: before.reduce((sum, e) => sum + e.bytes, 0),
      requests: before.length,
      files: before.map(({ path, bytes }) => ({ path, bytes })),
    };
  } finally {
    await context.close();
  }
}

async function type(page: Page, selector: string, query: string) {
  await page.evaluate(
    ([sel, q]) => {
      const input = document.querySelector(sel) as HTMLInputElement;
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [selector, query] as const,
  );
}

const count = (page: Page) => page.evaluate(() => (window as unknown as { __timings: Timing[] }).__timings.length);
async function waitFor(page: Page, n: number) {
  await page.waitForFunction((k) => ((window as unknown as { __timings?: Timing[] }).__timings?.length ?? 0) > k, n, { timeout: 300_000, polling: 50 });
}

export async function throttledRun(
  browser: Browser,
  server: BenchServer,
  url: string,
  queries: Query[],
  options: { warm: boolean; later: number; site?: boolean },
): Promise<ThrottledRun> {
  const { context, page } = await throttledPage(browser, options.site ?? false);
  try {
    server.reset();
    const target = options.site ? `${server.origin}${url}` : `${server.origin}${url}${url.includes('?') ? '&' : '?'}warm=${options.warm ? 1 : 0}`;
    await page.goto(target, { waitUntil: 'load' });
    const selector = options.site ? SITE_INPUT : '#q';
    await page.waitForSelector(selector, { state: 'visible' });
    await page.waitForTimeout(300);
    const loaded = server.counted();
    server.reset();
    // Without warming the query arrives without a focus event (the site's page warms on focus).
    if (options.warm) {
      await page.focus(selector);
      await page.waitForTimeout(TYPE_AFTER_FOCUS_MS);
    }
    let firstCount = { requests: 0, bytes: 0, log: [] as { path: string; bytes: number }[] };
    for (const [i, q] of queries.slice(0, 1 + options.later).entries()) {
      const before = await count(page);
      await type(page, selector, q.query);
      await waitFor(page, before);
      if (i === 0) firstCount = server.counted();
    }
    const timings = await page.evaluate(() => (window as unknown as { __timings: Timing[] }).__timings);
    return {
      first: {
        ms: timings[0]?.ms ?? NaN,
        fullMs: timings[0]?.fullMs ?? NaN,
        bytes: firstCount.bytes,
        requests: firstCount.requests,
        pageBytes: loaded.bytes,
        pageRequests: loaded.requests,
        files: firstCount.log,
      },
      later: timings.slice(1).map((t) => t.ms),
      laterFull: timings.slice(1).map((t) => t.fullMs),
    };
  } finally {
    await context.close();
  }
}

/**
 * A reader's pace on a phone: 36.2 words a minute on average (Palin et al., "How do people type on
 * mobile devices?", MobileHCI 2019, 37,370 volunteers), five characters a word, so about 330 ms
 * between keys. The sharded instant index fetches a word's shards from its third letter, while the
 * rest of it is typed; pasting a whole query at once (throttledRun) leaves it no time to.
 */
export const KEY_INTERVAL_MS = 330;

/**
 * The site's search page, throttled and cold, with each query typed key by key at
 * KEY_INTERVAL_MS into a cleared box (the box focused first, as a tap would): the time from the
 * last key's input event to the first answers for the whole query, and to its full list.
 */
export async function typedRun(browser: Browser, server: BenchServer, url: string, queries: Query[]): Promise<{ ms: number[]; fullMs: number[] }> {
  const { context, page } = await throttledPage(browser, true);
  try {
    await page.goto(`${server.origin}${url}`, { waitUntil: 'load' });
    await page.waitForSelector(SITE_INPUT, { state: 'visible' });
    await page.waitForTimeout(300);
    await page.focus(SITE_INPUT);
    await page.waitForTimeout(TYPE_AFTER_FOCUS_MS);
    const ms: number[] = [];
    const fullMs: number[] = [];
    for (const { query } of queries) {
      await type(page, SITE_INPUT, '');
      await page.keyboard.type(query, { delay: KEY_INTERVAL_MS });
      // Timings of a prefix can land while typing (its full list done between two keys): only the whole query's counts.
      const handle = await page.waitForFunction((q) => (window as unknown as { __timings: Timing[] }).__timings.filter((t) => t.query === q).at(-1), query, {
        timeout: 300_000,
        polling: 50,
      });
      const timing = (await handle.jsonValue()) as Timing;
      ms.push(timing.ms);
      fullMs.push(timing.fullMs);
      await page.evaluate(() => {
        (window as unknown as { __timings: Timing[] }).__timings.length = 0;
      });
    }
    return { ms, fullMs };
  } finally {
    await context.close();
  }
}

/** The site's search page, unthrottled: each query's top-five URLs. */
export async function siteTopFive(browser: Browser, server: BenchServer, url: string, queries: string[]): Promise<string[][]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(SITE_TIMER);
    await page.goto(`${server.origin}${url}`, { waitUntil: 'load' });
    await page.waitForSelector(SITE_INPUT, { state: 'visible' });
    const out: string[][] = [];
    for (const q of queries) {
      const before = await count(page);
      await type(page, SITE_INPUT, q);
      await waitFor(page, before);
      out.push(await page.evaluate((i) => (window as unknown as { __timings: Timing[] }).__timings[i]?.urls ?? [], before));
    }
    return out;
  } finally {
    await context.close();
  }
}

/** Runs every query without throttling and returns each query's top-five URLs. */
export async function topFive(browser: Browser, server: BenchServer, url: string, queries: string[]): Promise<string[][]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.origin}${url}`, { waitUntil: 'load' });
    return await page.evaluate(async (list) => {
      const find = (window as unknown as { __find: (q: string) => Promise<{ url: string }[]> }).__find;
      const out: string[][] = [];
      for (const q of list) out.push((await find(q)).map((hit) => hit.url));
      return out;
    }, queries);
  } finally {
    await context.close();
  }
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};
