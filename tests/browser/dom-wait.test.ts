// The suites' wait on a page's state (tests/support/dom-wait.ts): every search suite rests on it,
// so it must see a change made after it started waiting, and give up with a message that says what
// it waited for, rather than hang or pass.
import { describe, expect, it } from 'vitest';
import { hasChromium, ifBuilt, testSite, useBrowser } from '../support/browser.ts';
import { waitForDom } from '../support/dom-wait.ts';

describe.runIf(hasChromium)('waiting for a state of the page', () => {
  const chromium = useBrowser({ site: ifBuilt(testSite('fixture')) });

  it('resolves on a change made after the wait began, on a page whose CSP forbids eval', async () => {
    const page = await chromium.open('');
    await page.evaluate(() => document.body.removeAttribute('data-later'));
    const waited = waitForDom(page, (value) => document.body.dataset.later === value, 'yes');
    await page.evaluate(() => setTimeout(() => document.body.setAttribute('data-later', 'yes'), 100));
    await expect(waited).resolves.toBeUndefined();
  });

  it('rejects, naming what it waited for, when the state never comes', async () => {
    const page = await chromium.open('');
    await expect(waitForDom(page, () => document.body.dataset.never === 'here', undefined, 300)).rejects.toThrow(
      /waited 300 ms for .*document\.body\.dataset\.never === "here"/,
    );
  });
});
