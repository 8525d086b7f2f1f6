// The text directives the site writes (src/site/fragments.ts), followed by Chromium: for passages
// of awkward text (dashes, commas, quotes, &, non-ASCII, a list), a stand-in for the original
// document holds the passage between two screens of other text, and the link built from the
// passage must open it scrolled to the passage. A directive for words the page lacks must not
// scroll: the check tells the two apart. No network: the stand-in is served by the test.
import { beforeAll, describe, expect, it } from 'vitest';
import { withTextDirective, textDirective } from '../../src/site/fragments.ts';
import { escapeHtml } from '../../src/site/quotation.ts';
import { hasChromium, useBrowser } from '../support/browser.ts';

const ORIGIN = 'https://original.test';

/** Passages as an extract holds them (plain-text blocks; a list as its items) and as the original shows them. */
const PASSAGES: [what: string, blocks: string[], html: string][] = [
  [
    'dashes and a hyphen',
    ['first, people and leadership – bringing the best into the profession and giving them the right knowledge and skills — for their well-being.'],
    '',
  ],
  [
    'curly quotes and em dashes',
    ['“Putting Children First” sets out—against each of these three pillars—how we will create the conditions to enable excellence.'],
    '',
  ],
  ['an ampersand', ['As Mills & Reeve put it, councils’ spending on children’s homes rose & kept rising, year after year after year.'], ''],
  ['non-ASCII letters and signs', ['Victoria Climbié’s death led to reform; the 2016–2024 programme cost £200 million, 64% of what was planned.'], ''],
  [
    'a paragraph and a list',
    ['We will keep caring: 10:30 is not a directive.', 'first, people', 'second, practice'],
    '<p>We will keep caring: 10:30 is not a directive.</p><ul><li>first, people</li><li>second, practice</li></ul>',
  ],
];

const page = (passage: string) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>Original</title><body>` +
  `<p style="height:3000px">Words before the passage, a well-being of other text, with commas, dashes – and more.</p>` +
  `<div id="passage">${passage}</div>` +
  `<p style="height:3000px">Words after the passage.</p></body></html>`;

describe.runIf(hasChromium)('text fragments the site writes, in Chromium', () => {
  const served = new Map<string, string>();
  // The stand-in original's origin is the only one pages may reach; the test answers its requests.
  const chromium = useBrowser({ origin: ORIGIN, context: { viewport: { width: 1024, height: 700 } } });

  beforeAll(async () => {
    await chromium.context.route(`${ORIGIN}/**`, (route) => {
      const body = served.get(new URL(route.request().url()).pathname);
      return body ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }) : route.abort();
    });
  });

  /** Opens a stand-in original at a link and says whether the passage is on screen. */
  async function opensAtPassage(path: string, passageHtml: string, directive: string): Promise<boolean> {
    served.set(path, page(passageHtml));
    const tab = await chromium.context.newPage();
    try {
      await tab.goto(withTextDirective(`${ORIGIN}${path}`, directive), { waitUntil: 'load' });
      const onScreen = () =>
        tab.evaluate(() => {
          const box = document.getElementById('passage')?.getBoundingClientRect();
          return !!box && box.top < innerHeight && box.bottom > 0;
        });
      // Chromium scrolls to a text fragment shortly after load.
      for (let i = 0; i < 20 && !(await onScreen()); i++) await tab.waitForTimeout(100);
      return await onScreen();
    } finally {
      await tab.close();
    }
  }

  it.each(PASSAGES)('opens the original at a passage with %s', async (what, blocks, html) => {
    const directive = textDirective(blocks);
    if (!directive) throw new Error('no directive');
    const passageHtml = html || `<p>${escapeHtml(blocks.join(' '))}</p>`;
    console.log(`${what}: #:~:${directive}`);
    expect(await opensAtPassage(`/${encodeURIComponent(what)}`, passageHtml, directive)).toBe(true);
  });

  it('does not scroll for words the page lacks (the check can fail)', async () => {
    const directive = textDirective(['Words that stand nowhere on this page, whatever they say at length.']);
    if (!directive) throw new Error('no directive');
    expect(await opensAtPassage('/absent', '<p>Another passage entirely.</p>', directive)).toBe(false);
  });
});
