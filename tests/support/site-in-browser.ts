// Browser checks of a built test site: Debian's Chromium driven by playwright-core over the
// built sites (built once by tests/support/build-sites.ts) served on 127.0.0.1. For every page
// template: the answer on a phone's first screen, axe-core (WCAG 2.2 AA), 320 px, no request to
// any other origin; no CSP violation or console error on any page opened. Behaviour (copy link,
// citation and quotation, share, no JavaScript, keyboard-only navigation, searching from every
// box) is the same whatever the content, so it is checked on the fixture alone (issue 18); the
// real content is checked for what its size and variety can break: layout, first screen, axe.
// One file per site calls this (tests/browser/site-<name>.test.ts), so two workers can take one each.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { loadContent } from '../../src/lib/load.ts';
import type { Graph } from '../../src/lib/graph.ts';
import { isKnownLocator } from '../../src/lib/locator.ts';
import { STATUS_VALUES } from '../../src/lib/schema/statuses.ts';
import { formatDate } from '../../src/site/format.ts';
import { samplePath, TEMPLATE_NAMES, type TemplateName } from '../../src/site/templates.ts';
import { makeUrls } from '../../src/site/urls.ts';
import { axeViolations } from './axe.ts';
import { hasChromium, useBrowser } from './browser.ts';
import { parsePlainQuotation } from './quotation.ts';

const root = resolve(import.meta.dirname, '../..');

/** Every page template of the site (src/site/templates.ts): each gets its own tests below. */
const TEMPLATES = TEMPLATE_NAMES;
type Template = TemplateName;

/** One page of each template for a graph, as a path inside the site (no base, no leading slash). */
function templates(graph: Graph): Record<Template, string> {
  const urls = makeUrls('/');
  return Object.fromEntries(TEMPLATES.map((name) => [name, (samplePath(name, graph, urls) ?? '/').replace(/^\//, '')])) as Record<Template, string>;
}

export interface SiteChecks {
  /** Run the behaviour checks (copying, sharing, no JavaScript, Tab order, searching from every box). */
  behaviour: boolean;
  /**
   * The templates whose axe check also runs in the dark theme. The theme changes colours only, so
   * a template's dark check on one site covers it on the other, with one exception: the status
   * badges and bars, whose colours differ by status. The real tracker shows every status.
   */
  dark: 'all' | readonly TemplateName[];
}

/** The browser checks of one test site (tests/support/sites.ts), as a describe block of the calling test file. */
export function describeSiteInBrowser(name: string, checks: SiteChecks): void {
  const darkToo = (template: TemplateName) => checks.dark === 'all' || checks.dark.includes(template);
  /** A behaviour test: registered on a site that runs them, absent (not skipped) on the others. */
  const behaviour = (title: string, fn: () => Promise<void>, timeout?: number): void => {
    if (checks.behaviour) it(title, fn, timeout);
  };
  describe.runIf(hasChromium)(`in a browser, the ${name} site`, () => {
    const site = inject('sites')[name];
    if (!site) throw new Error(`site "${name}" was not built`);
    let graph: Graph;
    let pages: Record<Template, string>;
    const chromium = useBrowser({
      site: () => {
        if (!site.ok) throw new Error(`the ${name} site did not build:\n${site.log}`);
        const loaded = loadContent(resolve(root, site.content));
        if (!loaded.ok) throw new Error(`${site.content} does not load`);
        graph = loaded.graph;
        pages = templates(graph);
        return site;
      },
      context: { clipboard: true },
    });
    const seen = chromium.seen;

    /** The built file a template path is served from: an unknown path gets 404.html. */
    const builtFile = (path: string) => {
      const file = join(site.outDir, path, 'index.html');
      return existsSync(file) ? file : join(site.outDir, '404.html');
    };

    // One tab, navigated from page to page, at 1024 × 800 in the light theme unless a test says otherwise.
    const open = (path: string, options: { width?: number; colorScheme?: 'light' | 'dark'; reuse?: boolean } = {}): Promise<Page> =>
      chromium.open(path, { width: options.width ?? 1024, height: 800, colorScheme: options.colorScheme ?? 'light', reuse: options.reuse });

    // A template's first-screen test only reads its page: the template's page check, registered
    // right after it, takes the tab as it was left instead of loading the page again (one load
    // fewer per template). Only when that test ran just before, whatever the order: any other test
    // in between clears the hand-over.
    let untouched: { path: string; from: number } | undefined;
    let handedOver: { path: string; from: number } | undefined;
    beforeEach(() => {
      handedOver = untouched;
      untouched = undefined;
    });

    // The search page's answer is its first result, for a search by a commitment's title: the script marks it once shown.
    const answerPath = (template: Template) =>
      template === 'search' ? `${pages.search ?? ''}?q=${encodeURIComponent(graph.commitments[0]?.title ?? '')}` : (pages[template] ?? '');
    const firstScreen = (template: Template): void => {
      it(`puts the ${template} page's answer ([data-answer]) on the first screen of a 360 × 780 phone`, async () => {
        const from = seen.requests.length;
        const page = await open(answerPath(template), { width: 360 });
        await page.setViewportSize({ width: 360, height: 780 });
        await page.waitForSelector('[data-answer]', { state: 'attached', timeout: 15_000 }).catch(() => undefined);
        const top = await page.evaluate(() => {
          const answer = document.querySelector('[data-answer]');
          return answer ? Math.round(answer.getBoundingClientRect().top + window.scrollY) : null;
        });
        console.log(`${name} ${template}: answer starts ${top} px down at 360 × 780`);
        expect(top, `${template} page (${answerPath(template)}): no element marked data-answer`).not.toBeNull();
        // Its first lines, not just its top edge, must show: 80 px is a heading and a line of text.
        expect(top ?? Infinity, `${template} page (${answerPath(template)}): px from the top to the answer`).toBeLessThanOrEqual(780 - 80);
        untouched = { path: answerPath(template), from };
      });
    };

    // One page load per template carries every check of a rendered page: axe (in the dark theme
    // too where `checks.dark` says; the theme follows prefers-color-scheme, which Chromium
    // re-applies without a reload), the 320 px layout (media queries re-apply on resize) and the
    // requests the page made.
    const pageChecks = (template: Template): void => {
      const themes = darkToo(template) ? 'the light or dark theme' : 'the light theme';
      it(`the ${template} page: no axe-core WCAG 2.2 AA violation in ${themes}, fits 320 px without sideways scrolling, asks nothing of another origin`, async () => {
        const path = pages[template] ?? '';
        const reuse = handedOver?.path === path;
        // The requests of the load, the hand-over's where the tab is taken as it was left.
        const from = reuse && handedOver ? handedOver.from : seen.requests.length;
        const page = await open(path, { colorScheme: 'light', reuse });
        await chromium.addAxe(page);
        const violations = await axeViolations(page, `${template} page (${path}), light theme`);
        if (darkToo(template)) {
          // A template chosen for its status colours must show every one of them, or the dark check misses some.
          if (checks.dark !== 'all') {
            const shown = await page.evaluate(() => [...document.querySelectorAll('[class*="badge-"]')].flatMap((el) => [...el.classList]));
            expect(
              STATUS_VALUES.filter((value) => !shown.includes(`badge-${value}`)),
              `${template} page: statuses with no badge`,
            ).toEqual([]);
          }
          await page.emulateMedia({ colorScheme: 'dark' });
          expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
          violations.push(...(await axeViolations(page, `${template} page (${path}), dark theme`)));
        }
        expect(violations).toEqual([]);

        await page.setViewportSize({ width: 320, height: 800 });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${template} page (${path}) at 320 px: the page's width`).toBeLessThanOrEqual(320);
        // A wide table may scroll inside its own box, never the page: the box itself must fit.
        const boxes = await page.evaluate(() => [...document.querySelectorAll('.table-wrap')].map((box) => box.getBoundingClientRect().right));
        expect(Math.max(0, ...boxes), `${template} page (${path}) at 320 px: the right edge of its widest table box`).toBeLessThanOrEqual(320);

        const requests = seen.requests.slice(from);
        expect(requests.length, `${template} page: requests seen`).toBeGreaterThan(0);
        expect(requests.filter((url) => new URL(url).origin !== chromium.origin)).toEqual([]);
      }, 60_000);
    };

    for (const template of TEMPLATES) {
      firstScreen(template);
      pageChecks(template);
    }

    it('shows a commitment\'s status, with its "In law" line where an Act carries it, on the first screen of a 360 × 780 phone', async () => {
      const page = await open(pages.commitment ?? '', { width: 360 });
      await page.setViewportSize({ width: 360, height: 780 });
      const box = await page.locator('.status-now').boundingBox();
      const law = await page.locator('.status-now .in-law').count();
      const expected = graph.commitment.get(pages.commitment?.split('/')[1] ?? '')?.legislation.length ?? 0;
      expect(box, 'no .status-now on the commitment page').not.toBeNull();
      expect(box?.y ?? Infinity, 'px from the top to the status').toBeLessThan(780 - 40);
      expect(law > 0).toBe(expected > 0);
    });

    // The site is built with SITE_URL https://reforms.example and served on 127.0.0.1: every address
    // the copy buttons show and copy must be the one the reader is on (issue 21).
    const here = (path: string) => chromium.url(path);

    behaviour('copies the permanent URL of a commitment, on the host the reader is on, shows it, and announces "Link copied"', async () => {
      const id = pages.commitment?.split('/')[1] ?? '';
      const page = await open(pages.commitment ?? '');
      expect(await page.locator('a[data-permalink]').first().textContent()).toBe(here(`commitments/${id}/`));
      await page.getByRole('button', { name: 'Copy link' }).first().click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(here(`commitments/${id}/`));
      await expect.poll(() => page.locator('#announce').textContent()).toBe('Link copied');
    });

    behaviour(
      "copies a commitment's permanent URL from its entry on its source's summary page, and links each extract's line, at the extract's id, to its page",
      async () => {
        const commitment = graph.commitments[0];
        const extract = graph.extracts.find((e) => e.source === commitment?.source) ?? graph.extracts[0];
        if (!commitment || !extract) throw new Error(`the ${name} site has no commitment or extract`);
        const page = await open(`sources/${commitment.source}/`);
        // The button is the copy script's: the built page carries none for an entry.
        expect(readFileSync(builtFile(`sources/${commitment.source}/`), 'utf8')).not.toContain(
          `data-copy="${chromium.url(`commitments/${commitment.id}/`).replace(chromium.origin, '')}"`,
        );
        const button = page.locator(`[id="${commitment.id}"] button[data-copy]`);
        expect(await button.getAttribute('aria-label')).toBe(`Copy link: ${commitment.title}`);
        await button.click();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(here(`commitments/${commitment.id}/`));
        await expect.poll(() => page.locator('#announce').textContent()).toBe('Link copied');
        const line = await open(`sources/${extract.source}/#${extract.id}`);
        expect(new URL((await line.locator(`[id="${extract.id}"] a`).getAttribute('href')) ?? '', chromium.origin).pathname).toBe(
          new URL(here(`extracts/${extract.id}/`)).pathname,
        );
      },
    );

    behaviour('copies the plain-text citation, which ends with the permanent URL on this host and the day it was copied', async () => {
      const page = await open(pages.extract ?? '');
      await page.getByRole('button', { name: 'Copy citation' }).click();
      const text = await page.evaluate(() => navigator.clipboard.readText());
      const today = await page.evaluate(() => new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }));
      expect(text).toMatch(/^.+ \(\d{4}\) .+ Quoted in: .+ Available at: https?:\/\/\S+\/extracts\/[a-z0-9-]+\/ \(Accessed \d{1,2} [A-Z][a-z]+ \d{4}\)$/);
      expect(text.endsWith(`Available at: ${here(pages.extract ?? '')} (Accessed ${today})`)).toBe(true);
      // The page itself carries no date: two builds stay byte-identical.
      expect(await page.locator('#cite').textContent()).not.toContain('Accessed');
      await expect.poll(() => page.locator('#announce').textContent()).toBe('Citation copied');
    });

    /** The quotation as the page shows it: paragraphs, and lists as their items. */
    const shownQuotation = (page: Page) =>
      page.evaluate(() =>
        [...(document.querySelector('[data-quotation] blockquote')?.children ?? [])].map((child) =>
          /^[OU]L$/.test(child.tagName)
            ? [...child.children].map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '')
            : (child.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
        ),
      );

    /** What the clipboard holds, by type. */
    const clipboardItems = (page: Page) =>
      page.evaluate(async () => {
        const out: Record<string, string> = {};
        for (const item of await navigator.clipboard.read()) for (const type of item.types) out[type] = await (await item.getType(type)).text();
        return out;
      });

    /** The fields the copied quotation must carry, from the graph and the page's own citation. */
    const expectedFields = async (page: Page) => {
      const id = pages.extract?.split('/')[1] ?? '';
      const extract = graph.extract.get(id);
      const source = extract && graph.source.get(extract.source);
      if (!extract || !source) throw new Error(`no extract ${id}`);
      const today = await page.evaluate(() => new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }));
      const fields: Record<string, string> = {};
      if (extract.speaker) fields['Speaker or author'] = extract.speaker;
      fields.Source = `${source.title} (${source.publishers.join(', ')}, ${formatDate(source.published)})`;
      if (isKnownLocator(extract.locator)) fields['Where in the document'] = extract.locator;
      fields['Cite as'] = `${(await page.locator('#cite').textContent())?.trim()} (Accessed ${today})`;
      fields.Link = here(`extracts/${id}/`);
      return { extract, source, fields };
    };

    behaviour('copies an extract as a quotation, as text/html and text/plain that parse back field by field', async () => {
      const page = await open(pages.extract ?? '');
      await page.evaluate(() => navigator.clipboard.writeText('before'));
      await page.getByRole('button', { name: 'Copy quotation' }).click();
      // The same button, found by what it is rather than by its label, which changes.
      const button = page.locator('[data-quotation] button[data-copy-quotation]');
      await expect.poll(() => page.locator('#announce').textContent()).toBe('Quotation copied');
      expect(await button.textContent(), 'the button says it copied').toBe('Copied');
      await expect.poll(() => button.textContent(), { timeout: 5_000 }).toBe('Copy quotation');

      const { fields } = await expectedFields(page);
      const quotation = await shownQuotation(page);
      expect(quotation.length).toBeGreaterThan(0);
      const copied = await clipboardItems(page);
      expect(Object.keys(copied).sort()).toEqual(['text/html', 'text/plain']);

      console.log(`${name} site, "Copy quotation" on ${pages.extract}:\n--- text/plain\n${copied['text/plain']}--- text/html\n${copied['text/html']}`);
      const plain = parsePlainQuotation(copied['text/plain'] ?? '');
      expect(plain.blocks, 'text/plain: the quotation').toEqual(quotation);
      expect(plain.fields, 'text/plain: the fields under it').toEqual(fields);

      const html = await page.evaluate((markup) => {
        const doc = new DOMParser().parseFromString(markup, 'text/html');
        const quote = doc.querySelector('blockquote');
        const lines = (doc.querySelector('blockquote + p')?.innerHTML ?? '').split(/<br\s*\/?>/).map((part) => {
          const holder = doc.createElement('div');
          holder.innerHTML = part;
          return holder.textContent ?? '';
        });
        return {
          elements: [...new Set([...doc.body.querySelectorAll('*')].map((el) => el.localName))].sort(),
          attributes: [
            ...new Set([...doc.body.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().map((name) => `${el.localName}[${name}]`))),
          ].sort(),
          blocks: [...(quote?.children ?? [])].map((child) =>
            child.localName === 'ul' ? [...child.children].map((li) => li.textContent ?? '') : (child.textContent ?? ''),
          ),
          lines,
          links: [...doc.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]),
          cite: doc.querySelector('cite')?.textContent,
        };
      }, copied['text/html'] ?? '');
      expect(html.blocks, 'text/html: the quotation').toEqual(quotation);
      expect(
        Object.fromEntries(html.lines.map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)])),
        'text/html: the fields',
      ).toEqual(fields);
      expect(html.links, 'text/html: the citation and the permanent link, linked').toEqual([
        [fields.Link, fields.Link],
        [fields.Link, fields.Link],
      ]);
      expect(html.cite).toBe(fields.Source?.slice(0, fields.Source.lastIndexOf(' (')));
      expect(
        html.elements.every((el) => ['a', 'blockquote', 'br', 'cite', 'li', 'meta', 'p', 'ul'].includes(el)),
        html.elements.join(', '),
      ).toBe(true);
      expect(
        html.attributes.every((attr) => attr === 'a[href]' || attr.startsWith('meta[')),
        html.attributes.join(', '),
      ).toBe(true);
    });

    behaviour('copies the quotation as plain text alone where the browser has no ClipboardItem', async () => {
      const page = await chromium.context.newPage();
      try {
        await page.addInitScript(() => {
          delete (window as { ClipboardItem?: unknown }).ClipboardItem;
        });
        await page.goto(here(pages.extract ?? ''));
        expect(await page.evaluate(() => typeof ClipboardItem)).toBe('undefined');
        await page.evaluate(() => navigator.clipboard.writeText('before'));
        await page.getByRole('button', { name: 'Copy quotation' }).click();
        await expect.poll(() => page.locator('#announce').textContent()).toBe('Quotation copied');
        const copied = await clipboardItems(page);
        expect(Object.keys(copied), 'plain text only').toEqual(['text/plain']);
        const plain = parsePlainQuotation(copied['text/plain'] ?? '');
        expect(plain.blocks).toEqual(await shownQuotation(page));
        expect(plain.fields).toEqual((await expectedFields(page)).fields);
      } finally {
        await page.close();
      }
    });

    behaviour('offers the system share sheet, with the quotation and its permanent link, only where the browser has one', async () => {
      const plainPage = await open(pages.extract ?? '');
      const native = await plainPage.evaluate(() => typeof navigator.share === 'function');
      expect(await plainPage.locator('button[data-share]').isVisible()).toBe(native);
      const page = await chromium.context.newPage();
      try {
        await page.addInitScript(() => {
          const shared: ShareData[] = [];
          Object.assign(window, { __shared: shared });
          Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: async (data: ShareData) => void shared.push(data) });
        });
        await page.goto(here(pages.extract ?? ''));
        await page.getByRole('button', { name: 'Share' }).click();
        const shared = await page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared);
        const { extract, fields } = await expectedFields(page);
        expect(shared).toHaveLength(1);
        expect(shared[0]?.title).toBe(extract.title);
        expect(shared[0]?.url).toBe(fields.Link);
        const text = parsePlainQuotation(shared[0]?.text ?? '');
        expect(text.blocks).toEqual(await shownQuotation(page));
        const { Link: _link, ...rest } = fields;
        expect(text.fields, 'the fields but the link, which is shared as the url').toEqual(rest);
      } finally {
        await page.close();
      }
    });

    behaviour('keeps the quotation and citation as selectable text, with no copy button, without JavaScript', async () => {
      const noScript = await chromium.newContext({ javaScriptEnabled: false });
      try {
        const page = await noScript.newPage();
        await page.goto(here(pages.extract ?? ''));
        expect((await page.locator('[data-quotation] blockquote').textContent())?.trim().length).toBeGreaterThan(0);
        expect(await page.locator('#cite').isVisible()).toBe(true);
        expect(await page.locator('main button:visible').count()).toBe(0);
      } finally {
        await noScript.close();
      }
    });

    for (const template of TEMPLATES) {
      behaviour(
        `reaches every link, button and field of the ${template} page by Tab alone, each with a visible focus style`,
        async () => {
          const page = await open(pages[template] ?? '');
          const total = await page.evaluate(() => {
            const controls = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea')].filter(
              (el) => (!el.hidden && !el.closest('[hidden]') && el.getClientRects().length > 0) || el.classList.contains('skip-link'),
            );
            controls.forEach((el, index) => {
              el.setAttribute('data-tab', String(index));
            });
            return controls.length;
          });
          // Each focus is recorded in the page as it happens, so a Tab costs one round trip, not two.
          await page.evaluate(() => {
            const log: { tab: string | null; label: string; visible: boolean }[] = [];
            Object.assign(window, { __focusLog: log });
            document.addEventListener('focusin', (event) => {
              const el = event.target as HTMLElement;
              const style = getComputedStyle(el);
              const visible = (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
              log.push({ tab: el.getAttribute('data-tab'), label: `${el.tagName} ${el.textContent?.trim().slice(0, 40)}`, visible });
            });
          });
          // Tab pressed as the keyboard does (Chromium's input events, which Playwright's own
          // keyboard.press sends too), all sent at once: Chromium handles them in order, and the
          // suite pays one round trip instead of one per press (the fixture's 15 Tab tests: 15.1 → 8.7 s).
          const input = await page.context().newCDPSession(page);
          const tab = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 };
          await Promise.all(
            Array.from({ length: total + 5 }, () => [
              input.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...tab }),
              input.send('Input.dispatchKeyEvent', { type: 'keyUp', ...tab }),
            ]).flat(),
          );
          await input.detach();
          const log = await page.evaluate(() => (window as unknown as { __focusLog: { tab: string | null; label: string; visible: boolean }[] }).__focusLog);
          const reached = new Set(log.flatMap((focus) => (focus.tab ? [focus.tab] : [])));
          const unfocusable = log.filter((focus) => !focus.visible).map((focus) => focus.label);
          const missed = await page.evaluate(
            (seen) =>
              [...document.querySelectorAll<HTMLElement>('[data-tab]')]
                .filter((el) => !seen.includes(el.getAttribute('data-tab') ?? ''))
                .map((el) => `${el.tagName} "${el.textContent?.trim().slice(0, 40)}"`),
            [...reached],
          );
          expect(missed, `${template} page: controls never reached by Tab`).toEqual([]);
          expect(unfocusable, `${template} page: focused controls with no visible focus style`).toEqual([]);
        },
        60_000,
      );
    }

    behaviour(
      "makes no request to any other origin when a search is run from any box in a page's main content",
      async () => {
        const from = seen.requests.length;
        // The pages with a search box in <main>, read from the built files: a template that gains one is checked without being listed.
        const searchable = Object.values(pages).filter((path) => /<main[^>]*>[\s\S]*type="search"[\s\S]*<\/main>/.test(readFileSync(builtFile(path), 'utf8')));
        expect(searchable).toContain('search/');
        for (const path of [...searchable, 'search/?q=staying+close']) {
          const page = await open(path);
          const box = page.locator('main input[type="search"]').first();
          if ((await box.count()) > 0) {
            await box.fill('staying close');
            await box.press('Enter');
          }
          // A search fetches its index after load, and Enter in a plain form (home, 404) navigates to
          // /search/: wait until the network is quiet, or closing the page mid-navigation can hang
          // Chromium. Bounded, so a page that never goes quiet cannot hang the suite.
          await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
        }
        const requests = seen.requests.slice(from);
        expect(
          requests.some((url) => url.includes('/pagefind/')),
          'the searches loaded the full-text index',
        ).toBe(true);
        expect(requests.filter((url) => new URL(url).origin !== chromium.origin)).toEqual([]);
      },
      120_000,
    );
  });
}
