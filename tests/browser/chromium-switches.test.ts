// The Chromium the suites and the bench launch (tests/support/chromium.ts) turns off every feature
// Playwright turns off, as well as ours. Chromium keeps only the last `--disable-features` of its
// command line, and Playwright writes its own before a caller's, so ours, the last, must carry
// Playwright's list too. This reads both command lines off running browsers (Linux's /proc): a
// bare one it launches, and the run's own, which every suite uses. It fails when our copy of
// Playwright's list falls behind a new playwright-core.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { CHROMIUM, hasChromium, launchServer, OWN_DISABLED_FEATURES, PLAYWRIGHT_DISABLED_FEATURES, SUITE_DISABLED_FEATURES } from '../support/chromium.ts';

/** Every `--disable-features` switch on the command line of a Chromium browser process. */
function disabledFeatureSwitches(pid: number | undefined): string[][] {
  if (pid === undefined) throw new Error('the Chromium server has no process id');
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    .split('\0')
    .filter((arg) => arg.startsWith('--disable-features='))
    .map((arg) => arg.slice('--disable-features='.length).split(','));
}

describe.runIf(hasChromium)('the Chromium the suites launch', () => {
  it("turns off, in the --disable-features switch Chromium keeps (the last), every feature Playwright's defaults turn off, and ours", async () => {
    const bare = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    onTestFinished(() => bare.close());
    const playwrights = disabledFeatureSwitches(bare.process().pid);
    expect(playwrights, "Playwright's defaults, without ours: one switch").toHaveLength(1);
    const playwright = playwrights[0] ?? [];

    // The run's own Chromium where the global setup started one (the browser every suite uses),
    // else one launched as it would be.
    let pid = inject('chromiumPid');
    if (pid === undefined) {
      const ours = await launchServer();
      onTestFinished(() => ours.close());
      pid = ours.process().pid;
    }
    const kept = new Set(disabledFeatureSwitches(pid).at(-1));
    const dropped = playwright.filter((feature) => !kept.has(feature));
    expect(dropped, "Playwright's features our switch turns back on: add them to PLAYWRIGHT_DISABLED_FEATURES").toEqual([]);
    expect([...OWN_DISABLED_FEATURES, ...SUITE_DISABLED_FEATURES].filter((feature) => !kept.has(feature))).toEqual([]);
    // The copy holds nothing Playwright no longer turns off.
    expect(PLAYWRIGHT_DISABLED_FEATURES.filter((feature) => !playwright.includes(feature))).toEqual([]);
  });
});
