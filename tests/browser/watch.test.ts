// The browser set-up's own guard (tests/support/browser.ts, ./chromium.ts): a request to another
// origin is reported to the test that made it, and one to another host name fails unresolved,
// without leaving the machine. Every browser suite's "no request to any other origin" rests on
// this; without it those checks could pass on a page that called out.
import { describe, expect, it } from 'vitest';
import { hasChromium, ifBuilt, testSite, useBrowser } from '../support/browser.ts';

describe.runIf(hasChromium)('the browser suites’ watch on other origins', () => {
  const chromium = useBrowser({ site: ifBuilt(testSite('fixture')) });

  it('reports a request to another origin, which fails without reaching any host', async () => {
    // A context of its own: the error page it is left on stays out of the other test's tab.
    const context = await chromium.newContext();
    const page = await context.newPage();
    const elsewhere = 'http://elsewhere.example/page';
    const failure = await page.goto(elsewhere).then(
      () => 'loaded',
      (error: Error) => error.message,
    );
    expect(failure, 'the navigation to another origin').toMatch(/net::ERR_NAME_NOT_RESOLVED/);
    // Taken out of the record here, or the check after this test would fail it, as it should.
    expect(chromium.seen.offsite.splice(0)).toEqual([elsewhere]);
    await context.close();
  });

  it('records, and does not report, requests to the site itself', async () => {
    const from = chromium.seen.requests.length;
    await chromium.open('');
    const requests = chromium.seen.requests.slice(from);
    expect(requests[0]).toBe(chromium.url(''));
    expect(requests.every((url) => url.startsWith(chromium.origin))).toBe(true);
    expect(chromium.seen.offsite).toEqual([]);
  });
});
