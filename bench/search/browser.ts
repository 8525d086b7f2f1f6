// Drives the two search pages in Debian's Chromium with playwright-core: a fresh browser context
// (cold cache) per run, DevTools network throttling (150 ms round trip, 1.6 Mbps down, 750 kbps up)
// and 4× CPU slowdown. Measures the first search (bytes and requests from the server's counters,
// time from input event to results shown) and later searches; hit rates come from an unthrottled
// run of every query.
import { chromium, type Browser, type Page } from 'playwright-core';
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
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-extensions'],
  });
}

export interface FirstSearch {
  ms: number;
  bytes: number;
  requests: number;
  /** What loading the page itself cost, before the search. */
  pageBytes: number;
  pageRequests: number;
  files: { path: string; bytes: number }[];
}

export interface ThrottledRun {
  first: FirstSearch;
  later: number[];
}

interface Timing {
  query: string;
  ms: number;
  urls: string[];
}

/** The search box of each page: the bench pages' own, or the site's /search/ page (public/search.js). */
export const SITE_INPUT = '#search-app input[name="q"]';

/**
 * For the site's own search page: records the time from each input event to the animation frame
 * after the result list is marked not busy again, and the top five result links.
 */
const SITE_TIMER = `
window.__timings = [];
let pending = null;
document.addEventListener('input', (event) => { pending = { started: event.timeStamp, query: event.target.value }; }, true);
new MutationObserver((records) => {
  for (const record of records) {
    const list = record.target;
    if (list.id !== 'search-results' || list.getAttribute('aria-busy') !== 'false' || !pending) continue;
    const p = pending;
    pending = null;
    requestAnimationFrame(() => window.__timings.push({ query: p.query, ms: performance.now() - p.started, urls: [...list.querySelectorAll('li h2 a')].slice(0, 5).map((a) => new URL(a.href).pathname) }));
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
`;

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
  await page.waitForFunction((k) => (window as unknown as { __timings: Timing[] }).__timings.length > k, n, { timeout: 300_000, polling: 50 });
}

export async function throttledRun(browser: Browser, server: BenchServer, url: string, queries: Query[], options: { warm: boolean; later: number; site?: boolean }): Promise<ThrottledRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (options.site) await page.addInitScript(SITE_TIMER);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: THROTTLE.latencyMs,
      downloadThroughput: (THROTTLE.downKbps * 1000) / 8,
      uploadThroughput: (THROTTLE.upKbps * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpuSlowdown });
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
    const timings = await page.evaluate(() => (window as unknown as { __timings: Timing[] }).__timings.map((t) => t.ms));
    return {
      first: { ms: timings[0] ?? NaN, bytes: firstCount.bytes, requests: firstCount.requests, pageBytes: loaded.bytes, pageRequests: loaded.requests, files: firstCount.log },
      later: timings.slice(1),
    };
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
