// The Chromium the suites and the bench launch (tests/support/chromium.ts) turns off every feature
// Playwright turns off, as well as ours. Chromium keeps only the last `--disable-features` of its
// command line, and Playwright writes its own before a caller's, so ours, the last, must carry
// Playwright's list too. This reads both command lines off running browsers (Linux's /proc): a
// bare one it launches, and the run's own, which every suite uses. It fails when our copy of
// Playwright's list falls behind a new playwright-core, and when the suites' V8 flags are lost.
import { readFileSync } from 'node:fs';
import { type BrowserServer, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import {
  CHROMIUM,
  hasChromium,
  launchServer,
  OWN_DISABLED_FEATURES,
  PLAYWRIGHT_DISABLED_FEATURES,
  SUITE_DISABLED_FEATURES,
  SUITE_JS_FLAGS,
} from '../support/chromium.ts';

/** The command line of a Chromium browser process. */
function commandLine(pid: number | undefined): string[] {
  if (pid === undefined) throw new Error('the Chromium server has no process id');
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
}

/** Every `--disable-features` switch on the command line of a Chromium browser process. */
const disabledFeatureSwitches = (pid: number | undefined): string[][] =>
  commandLine(pid)
    .filter((arg) => arg.startsWith('--disable-features='))
    .map((arg) => arg.slice('--disable-features='.length).split(','));

/** The run's own Chromium where the global setup started one (the browser every suite uses), else one launched as it would be. */
async function runsChromium(): Promise<number | undefined> {
  const pid = inject('chromiumPid');
  if (pid !== undefined) return pid;
  const ours = await launchServer();
  onTestFinished(() => ours.close());
  return ours.process().pid;
}

describe.runIf(hasChromium)('the Chromium the suites launch', () => {
  // One bare Chromium, with Playwright's defaults alone, for both tests.
  let bare: BrowserServer;
  beforeAll(async () => {
    bare = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  });
  afterAll(() => bare?.close());

  it("turns off, in the --disable-features switch Chromium keeps (the last), every feature Playwright's defaults turn off, and ours", async () => {
    const playwrights = disabledFeatureSwitches(bare.process().pid);
    expect(playwrights, "Playwright's defaults, without ours: one switch").toHaveLength(1);
    const playwright = playwrights[0] ?? [];

    const kept = new Set(disabledFeatureSwitches(await runsChromium()).at(-1));
    const dropped = playwright.filter((feature) => !kept.has(feature));
    expect(dropped, "Playwright's features our switch turns back on: add them to PLAYWRIGHT_DISABLED_FEATURES").toEqual([]);
    expect([...OWN_DISABLED_FEATURES, ...SUITE_DISABLED_FEATURES].filter((feature) => !kept.has(feature))).toEqual([]);
    // The copy holds nothing Playwright no longer turns off.
    expect(PLAYWRIGHT_DISABLED_FEATURES.filter((feature) => !playwright.includes(feature))).toEqual([]);
  });

  it("keeps V8 in its first tiers with one --js-flags switch, which Playwright's defaults do not set", async () => {
    expect(commandLine(bare.process().pid).filter((arg) => arg.startsWith('--js-flags'))).toEqual([]);
    expect(commandLine(await runsChromium()).filter((arg) => arg.startsWith('--js-flags'))).toEqual([SUITE_JS_FLAGS]);
  });
});
