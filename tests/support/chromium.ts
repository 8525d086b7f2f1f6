// Debian's Chromium, driven by playwright-core: headless, no sandbox, no background networking.
// The suites reach it through tests/support/browser.ts (useBrowser), which also keeps every page
// on the site's own origin.
import { existsSync } from 'node:fs';
import { type Browser, type BrowserServer, chromium, type LaunchOptions } from 'playwright-core';

/** Debian's path, or CHROMIUM=/path/to/chromium for another machine. */
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/**
 * Playwright's own `--disable-features` list (playwright-core 1.65, its `chromiumSwitches`), as the
 * browser it launches gets it. Chromium keeps only the last `--disable-features` of a command line,
 * and Playwright puts a caller's switches after its own: a switch of ours naming only our features
 * silently turned all of these back on (among them PaintHolding, which holds back the first paint
 * after a same-origin navigation). So ours names them too. tests/browser/chromium-switches.test.ts reads the list off a
 * Chromium that Playwright launched with its defaults and fails when this copy falls behind.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * The features we turn off besides Playwright's. Chromium 156 opens each new window (a context
 * here) with two WebUI renderers of its own, the address bar's suggestion popups, which a headless
 * page never shows: 1.4 s of CPU per context on this machine, about a third of what a fresh
 * context and its first page cost.
 */
export const OWN_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * Turned off for the suites only: Chromium's process model for a link followed within a site (a
 * new document host, a new browsing instance, the page left kept alive for Back). The suites
 * load about 140 pages a run, mostly one tab navigated from page to page, never going back, and
 * none of these changes what a page does: turned off, a load of a commitment page cost Chromium
 * 95 ms of CPU instead of 139–162 ms (60 loads each, December 2026). The search bench keeps them
 * on, since it times what a reader's browser does.
 */
export const SUITE_DISABLED_FEATURES = ['RenderDocument', 'ProactivelySwapBrowsingInstance', 'BackForwardCache'];

/**
 * For the suites only: V8 runs scripts and WebAssembly in its first tiers (Sparkplug, Liftoff) and
 * never spends background threads optimising them. A test's page lives for seconds, so the
 * optimised code that a reader's long visit would earn was never used: on every load of the real
 * search page with a query, Chromium compiled Pagefind's WebAssembly with TurboFan (about 200 ms
 * of CPU) and optimised scripts (another 200 ms). Loading that page cost 0.63–0.81 s of Chromium's
 * CPU with these flags against 1.22–1.46 s without (12 loads each, three times); the browser
 * suites used 185–199 s of CPU against 205–216 s (December 2026, 2 cores). Nothing a page does
 * changes, only how fast its code runs. The bench keeps V8's defaults.
 */
export const SUITE_JS_FLAGS = '--js-flags=--liftoff-only,--max-opt=1';

const switches = (features: readonly string[]): string[] => [
  // No host name resolves but 127.0.0.1, where the test and bench servers listen: a page's request
  // to another host fails before it leaves the machine (tests/support/browser.ts reports every
  // request to another origin, a bare IP address's included).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  // One switch for every feature turned off, Playwright's and ours: Chromium keeps only the last.
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OWN_DISABLED_FEATURES, ...features].join(',')}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium's switches for the suites. */
export const CHROMIUM_ARGS = [...switches(SUITE_DISABLED_FEATURES), SUITE_JS_FLAGS];

/** Chromium's switches for the search bench (bench/search/browser.ts): the suites' but the process model, which is a reader's. */
export const BENCH_CHROMIUM_ARGS = switches([]);

const OPTIONS: LaunchOptions = { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS };

export function launch(): Promise<Browser> {
  return chromium.launch(OPTIONS);
}

/** One Chromium that several test processes connect to (./chromium-server.ts). */
export function launchServer(): Promise<BrowserServer> {
  return chromium.launchServer(OPTIONS);
}

/** The run's shared Chromium where the global setup started one, or a Chromium of the caller's own. */
export function connectOrLaunch(endpoint: string | undefined): Promise<Browser> {
  return endpoint ? chromium.connect(endpoint) : launch();
}
