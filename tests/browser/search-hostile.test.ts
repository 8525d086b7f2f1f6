// The search page over hostile content (issue 11): every payload of tests/support/hostile.ts that
// validate takes as plain text is planted in the fields search shows — titles, aliases, locators,
// commitment and extract text — the tree is built, and the payloads are searched for. Results and
// excerpts (Pagefind's, with its <mark>s) must be text: no element beyond the result list's own,
// no on* attribute, no javascript: URL, no dialog, no console error.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadTree } from '../../src/lib/load.ts';
import { hasChromium, launch, localContext } from '../support/chromium.ts';
import { buildSite, siteFolder } from '../support/build-site.ts';
import { FIELDS, PATHS, PAYLOADS, plantFiles, plantTree, type Field } from '../support/hostile.ts';
import { serve } from '../support/serve.ts';

/** The fields a search result or its excerpt can show. */
const SHOWN = /^(front matter: (title|shortTitle|aliases)|commitment: (title|locator|aliases|text)|extract: (title|locator|text)|prose: paragraph)$/;
/** The only elements the result list is built from. */
const ALLOWED = new Set(['li', 'h2', 'a', 'p', 'mark', 'strong', 'ul']);

describe.runIf(hasChromium)('the search page over hostile content', () => {
  let work: string;
  let outDir: string;
  let browser: Browser;
  let context: BrowserContext;
  let server: Awaited<ReturnType<typeof serve>>;
  const trouble: string[] = [];
  const offsite: string[] = [];

  beforeAll(async () => {
    const accepted = new Map<Field, string[]>();
    for (const field of FIELDS.filter((f) => SHOWN.test(f.name))) {
      const taken = PAYLOADS.filter((payload) => loadTree(plantTree(new Map([[field, [payload]]]))).ok);
      // As in tests/security: keep the largest prefix of them that still loads together.
      let keep = taken.length;
      while (keep > 1 && !loadTree(plantTree(new Map([[field, taken.slice(0, keep)]]))).ok) keep--;
      if (keep) accepted.set(field, taken.slice(0, keep));
    }
    expect(accepted.size).toBeGreaterThan(3);
    work = mkdtempSync(join(tmpdir(), 'reforms-search-hostile-'));
    const files = plantFiles(accepted);
    for (const [which, path] of Object.entries(PATHS) as [keyof typeof PATHS, string][]) {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), files[which]);
    }
    // Inside the project, where the build's prerender chunks find their packages.
    outDir = siteFolder('search-hostile');
    const build = await buildSite({ content: join(work, 'hostile'), base: '/', url: 'https://reforms.example', outDir });
    if (!build.ok) throw new Error(build.log);
    server = await serve(outDir, '/');
    browser = await launch();
    context = await localContext(browser, server.origin, offsite);
    context.on('dialog', (dialog) => {
      trouble.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    context.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('404')) trouble.push(`console: ${message.text()}`);
    });
    context.on('weberror', (error) => trouble.push(`error: ${error.error().message}`));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  // Checked after every test, for the page it opened: each test proves it alone, in any order.
  afterEach(() => {
    expect({ trouble: trouble.splice(0), offsite: offsite.splice(0) }, 'dialogs, script errors or other hosts on the page this test opened').toEqual({
      trouble: [],
      offsite: [],
    });
  });

  it.each(['alert', 'script', 'onerror', 'javascript', 'staying close'])('shows the results for "%s" as text only', async (q) => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(() => document.getElementById('search-results')?.dataset.phase === 'full', undefined, { timeout: 20_000 });
    const found = await page.$$eval(
      '#search-results *',
      (elements, allowed) =>
        elements.flatMap((el) => {
          const out: string[] = [];
          if (!allowed.includes(el.localName)) out.push(`<${el.localName}>`);
          for (const name of el.getAttributeNames()) {
            if (/^on/i.test(name) || name === 'style' || name === 'srcdoc') out.push(`${name}= on <${el.localName}>`);
            if (/^\s*(javascript|data|vbscript):/i.test((el.getAttribute(name) ?? '').replace(/[\t\n\r]/g, '')))
              out.push(`${name}="${el.getAttribute(name)}" on <${el.localName}>`);
          }
          return out;
        }),
      [...ALLOWED],
    );
    const items = await page.locator('#search-results > li').count();
    await page.close();
    expect(found).toEqual([]);
    expect(items, `results for "${q}"`).toBeGreaterThan(0);
  });
});
