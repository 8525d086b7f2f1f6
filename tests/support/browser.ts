// The one browser set-up of the suites: a site served as a static host serves it (./serve.ts),
// Debian's Chromium (./chromium.ts) and contexts that watch what a reader would never want a page
// to do — requests to another origin (failed unresolved, and reported), dialogs, console errors,
// uncaught exceptions and Content-Security-Policy violations. `useBrowser` registers the hooks in
// the calling describe block: the server, the run's Chromium, a context of the block's
// own, and after every test a check that the pages it opened did none of those things (each test
// proves it for itself, run alone or in any order).
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { AXE } from './axe.ts';
import { CHROMIUM, connectOrLaunch, hasChromium } from './chromium.ts';
import { serve, type Served } from './serve.ts';
import type { BuiltSite } from './sites.ts';

export { CHROMIUM, hasChromium };

export interface Watch {
  /** Every URL requested by any page of the watched contexts. */
  requests: string[];
  /** Requests to any other origin than the site's (they are aborted, then reported). */
  offsite: string[];
  /** alert/confirm/prompt dialogs, as `page: message` (each is dismissed). */
  dialogs: string[];
  /** Console errors and uncaught exceptions, as `page: message`. */
  errors: string[];
  /** Content-Security-Policy violations, as `page: directive blocked-uri`. */
  csp: string[];
}

export interface ContextOptions extends BrowserContextOptions {
  /** Grants clipboard read and write on the site's origin. */
  clipboard?: boolean;
  /** Requests the test makes fail on purpose: they are aborted, and their failing to load is no error. */
  abort?: RegExp;
}

export interface InBrowser {
  readonly browser: Browser;
  /** `http://127.0.0.1:<port>`, or the origin the suite named when it serves no site. */
  readonly origin: string;
  /** The address of a path inside the site: origin, base, path. */
  url(path: string): string;
  /** The block's own context, made with its options. */
  readonly context: BrowserContext;
  /** What the pages of every context of the block did since the last test ended. */
  readonly seen: Watch;
  /** Another watched context (closed with the block); close it when done to spare Chromium's memory. */
  newContext(options?: ContextOptions): Promise<BrowserContext>;
  /**
   * One tab per context, navigated to `path` inside the site: a new tab costs Chromium a renderer
   * process (about 0.3 s of CPU each on this machine), a navigation replaces the document and its
   * scripts' state. Viewport and colour scheme are set before the navigation where given. With
   * `reuse`, a tab already showing that address (left by the test before, which only read it) is
   * not loaded again: only its size and colour scheme change.
   */
  open(path: string, options?: { into?: BrowserContext; width?: number; height?: number; colorScheme?: 'light' | 'dark'; reuse?: boolean }): Promise<Page>;
  /** Loads axe-core into a page from the site's own origin, as a file: the pages' CSP allows no inline script. */
  addAxe(page: Page): Promise<void>;
}

/** The test site `name` (./sites.ts), built once per run by the global setup (./build-sites.ts). */
export function testSite(name: string): BuiltSite {
  const site = inject('sites')[name];
  if (!site) throw new Error(`the ${name} site was not built`);
  return site;
}

/** For `useBrowser({ site })`: the built site, or its build's output as the failure of every test that needs it. */
export const ifBuilt =
  (site: BuiltSite): (() => BuiltSite) =>
  () => {
    if (!site.ok) throw new Error(`the ${site.name} site did not build:\n${site.log}`);
    return site;
  };

export interface UseBrowser {
  /** The built site to serve, with its base path; called in beforeAll, so it may build one. */
  site?: () => { outDir: string; base: string } | Promise<{ outDir: string; base: string }>;
  /** Without a site: the one origin pages may reach (the suite answers its requests itself). */
  origin?: string;
  /** Options of the block's own context. */
  context?: ContextOptions;
}

const AXE_PATH = '/__test__/axe.min.js';

// One connection per test file to the run's Chromium (./chromium-server.ts; a Chromium of the
// file's own where no global setup started one), made by the first block that needs it and closed
// by the last block's afterAll (the blocks are counted as they are collected). A block that never
// runs (its tests filtered out) leaves it to playwright-core, which closes what it opened when the
// worker's process exits.
let launched: Promise<Browser> | undefined;
let blocks = 0;
let finished = 0;

/** Registers the browser set-up in the calling describe block and returns its handle (usable from beforeAll on). */
export function useBrowser(options: UseBrowser): InBrowser {
  blocks++;
  let browser: Browser;
  let server: Served | undefined;
  let origin = options.origin ?? '';
  let base = '/';
  let context: BrowserContext;
  const contexts: BrowserContext[] = [];
  const tabs = new Map<BrowserContext, Page>();
  const seen: Watch = { requests: [], offsite: [], dialogs: [], errors: [], csp: [] };

  async function newContext({ clipboard, abort, ...contextOptions }: ContextOptions = {}): Promise<BrowserContext> {
    const made = await browser.newContext(contextOptions);
    contexts.push(made);
    made.on('close', () => {
      if (contexts.includes(made)) contexts.splice(contexts.indexOf(made), 1);
      tabs.delete(made);
    });
    if (clipboard) await made.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await made.exposeBinding('__reportCspViolation', ({ page }, text: string) => {
      seen.csp.push(`${page.url()}: ${text}`);
    });
    await made.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
          `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}${event.sample ? ` "${event.sample}"` : ''}`,
        );
      });
    });
    // Watched from events, not by routing every request through this process: interception cost
    // each request two round trips to Node, and the pages of a search make dozens. Every request to
    // another origin is reported here, and one to another host name fails at once: Chromium
    // resolves none but 127.0.0.1 (./chromium.ts).
    made.on('request', (request) => {
      const url = request.url();
      seen.requests.push(url);
      if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin && !abort?.test(url)) seen.offsite.push(url);
    });
    if (abort) await made.route(abort, (route) => route.abort());
    made.on('dialog', (dialog) => {
      seen.dialogs.push(`${dialog.page()?.url()}: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    made.on('console', (message) => {
      if (message.type() !== 'error') return;
      const from = message.location().url;
      if (message.text().startsWith('Failed to load resource:')) {
        // A 404 page is served with status 404 on purpose: that is not an error of the page's. Nor
        // is the favicon the browser asks for on its own, nor a request the test aborts itself.
        const missing = message.text().includes('status of 404') && (from === message.page()?.url() || from.endsWith('/favicon.ico'));
        if (missing || abort?.test(from)) return;
      }
      seen.errors.push(`${message.page()?.url()}: ${message.text()}`);
    });
    made.on('weberror', (error) => seen.errors.push(`${error.page()?.url()}: ${error.error().message}`));
    return made;
  }

  beforeAll(async () => {
    if (options.site) {
      const site = await options.site();
      base = site.base;
      server = await serve(site.outDir, site.base, { [AXE_PATH]: AXE });
      origin = server.origin;
    }
    if (!origin) throw new Error('useBrowser needs a site to serve or an origin');
    launched ??= connectOrLaunch(inject('chromiumEndpoint'));
    browser = await launched;
    context = await newContext(options.context);
  }, 300_000);

  afterAll(async () => {
    for (const made of [...contexts]) await made.close().catch(() => undefined);
    await server?.close();
    finished++;
    if (finished === blocks && launched) {
      const closing = launched;
      launched = undefined;
      await (await closing).close();
    }
  });

  afterEach(() => {
    const trouble = { csp: seen.csp.splice(0), errors: seen.errors.splice(0), dialogs: seen.dialogs.splice(0), offsite: seen.offsite.splice(0) };
    expect(trouble, 'CSP violations, console errors, dialogs or requests to other origins on the pages this test opened').toEqual({
      csp: [],
      errors: [],
      dialogs: [],
      offsite: [],
    });
  });

  return {
    get browser() {
      return browser;
    },
    get origin() {
      return origin;
    },
    url: (path) => `${origin}${base}${path}`,
    get context() {
      return context;
    },
    seen,
    newContext,
    async open(path, { into = context, width, height, colorScheme, reuse = false } = {}) {
      let page = tabs.get(into);
      if (!page || page.isClosed()) {
        page = await into.newPage();
        tabs.set(into, page);
      }
      if (width !== undefined || height !== undefined) {
        const size = page.viewportSize();
        await page.setViewportSize({ width: width ?? size?.width ?? 1280, height: height ?? size?.height ?? 720 });
      }
      if (colorScheme) await page.emulateMedia({ colorScheme });
      const address = `${origin}${base}${path}`;
      if (!reuse || page.url() !== address) await page.goto(address, { waitUntil: 'load' });
      return page;
    },
    addAxe: (page) => page.addScriptTag({ url: `${origin}${AXE_PATH}` }).then(() => undefined),
  };
}
