// Hostile content. The policy: raw HTML, and any link that is not http(s), mailto or an entity
// link, is REFUSED by validate with a located error (src/lib/parse-digest.ts); and the renderer
// never passes HTML through (remark-rehype without allowDangerousHtml, Astro's escaping for
// every other field), so what validate accepts is plain text. This suite proves both halves:
//
// 1. Every payload of tests/support/hostile.ts is planted on its own in every field an editor
//    writes. Either validate refuses it with a problem at the file and line it was planted on, or
//    it is taken as plain text.
// 2. Every payload taken as plain text is planted at once in one tree, which is built. No page
//    holds it as live markup (parsed as HTML: no script but our own files, no on* attribute, no
//    javascript:/data: URL, no iframe/object/style/base...), and Chromium loading every page of
//    that build sees no dialog, no console error and no CSP violation; the search page shows the
//    payloads it finds as text, and "Copy quotation" copies them as inert text.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HtmlValidate, Parser, type HtmlElement } from 'html-validate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTree, type LoadResult } from '../../src/lib/load.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { hasChromium, useBrowser } from '../support/browser.ts';
import { buildSite, siteFolder } from '../support/build-site.ts';
import { listFiles } from '../support/dist.ts';
import { searchPaths } from '../support/search.ts';
import { FIELDS, PATHS, PAYLOADS, lineOf, marker, plantFiles, plantTree, type Field } from '../support/hostile.ts';

interface Planting {
  field: Field;
  payload: string;
  result: LoadResult;
}

/** Fields where nothing but a valid id, an http(s) URL or a bare directive may stand. */
const MUST_REFUSE =
  /: (id|framework\[\]\.id|related\[\]\.source|sourcePillar|pillars|previousIds|lineage\[\]\.commitment|commitments|maps\[\]\.entries)$|^directive: |: url$|status\.evidence\[\]\.url$|^prose: entity link$/;

const plantings: Planting[] = [];
const accepted = new Map<Field, string[]>();
let work: string;
let outDir: string;
let build: { ok: boolean; log: string };

beforeAll(async () => {
  const started = performance.now();
  for (const field of FIELDS) {
    for (const payload of PAYLOADS) {
      const result = loadTree(plantTree(new Map([[field, [payload]]])));
      plantings.push({ field, payload, result });
      if (result.ok) accepted.set(field, [...(accepted.get(field) ?? []), payload]);
    }
  }
  console.log(
    `hostile content: ${plantings.length} plantings (${PAYLOADS.length} payloads × ${FIELDS.length} fields): ` +
      `${plantings.filter((p) => !p.result.ok).length} refused by validate, ${plantings.filter((p) => p.result.ok).length} taken as plain text (${Math.round(performance.now() - started)} ms)`,
  );
  // Planted together, some fields can no longer hold all their payloads (two URLs are not one
  // URL): keep, field by field, the largest prefix that still loads. Each payload left out was
  // still accepted on its own, and is in the build through the other fields it was accepted in.
  const combining = performance.now();
  for (const [field, payloads] of accepted) {
    let keep = payloads.length;
    while (keep > 1 && !loadTree(plantTree(new Map([[field, payloads.slice(0, keep)]]))).ok) keep--;
    accepted.set(field, payloads.slice(0, keep));
  }
  console.log(`hostile content: combining took ${Math.round(performance.now() - combining)} ms`);
  work = mkdtempSync(join(tmpdir(), 'reforms-hostile-'));
  const files = plantFiles(accepted);
  for (const [which, path] of Object.entries(PATHS) as [keyof typeof PATHS, string][]) {
    const file = join(work, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, files[which]);
  }
  outDir = siteFolder('hostile');
  build = await buildSite({ content: join(work, 'hostile'), base: '/', url: 'https://reforms.example', outDir });
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('hostile content in every field', () => {
  it('the template tree, with harmless values in every field, is valid', () => {
    const result = loadTree(plantTree());
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it('is refused by validate with a file:line:col problem at the line it was planted on, or taken as plain text', () => {
    expect(plantings.length, 'every payload planted in every field').toBe(PAYLOADS.length * FIELDS.length);
    const unlocated = plantings.flatMap(({ field, payload, result }) => {
      if (result.ok) return [];
      const file = PATHS[field.file];
      const line = lineOf(field);
      const here = result.problems.filter((p) => p.file === file && p.line === line);
      const formatted = here.map(formatProblem);
      if (here.length === 0)
        return [`${field.name} ← ${JSON.stringify(payload)}: no problem at ${file}:${line}; got ${result.problems.map(formatProblem).slice(0, 2).join(' | ')}`];
      const unclear = formatted.filter((text) => !text.startsWith(`${file}:${line}:`) || !/expected/.test(text) || /\n\s+at /.test(text));
      return unclear.map((text) => `${field.name} ← ${JSON.stringify(payload)}: unclear problem ${text}`);
    });
    expect(unlocated).toEqual([]);
  });

  it('refuses every payload in an id, a URL field, an entity link and a directive (only a genuine https:// URL passes a URL field)', () => {
    const guarded = plantings.filter(({ field }) => MUST_REFUSE.test(field.name));
    expect(new Set(guarded.map(({ field }) => field.name)).size, 'fields that must refuse every payload').toBeGreaterThanOrEqual(10);
    const passed = guarded
      .filter(({ field, payload, result }) => result.ok && !(/url$/.test(field.name) && payload.startsWith('https://')))
      .map(({ field, payload }) => `${field.name} ← ${JSON.stringify(payload)}`);
    expect(passed).toEqual([]);
  });

  it('refuses raw HTML in prose, commitment text and extract text, comments that hide markup included', () => {
    const markup = plantings.filter(
      ({ field, payload }) => /^(prose: paragraph|commitment: text|extract: text)$/.test(field.name) && /<[a-z!/]/i.test(payload),
    );
    expect(new Set(markup.map(({ field }) => field.name)).size, 'the three Markdown fields, each with markup planted').toBe(3);
    const passed = markup.filter(({ result }) => result.ok).map(({ field, payload }) => `${field.name} ← ${JSON.stringify(payload)}`);
    expect(passed).toEqual([]);
  });
});

/** Entity-decodes an attribute value as a browser would, then drops what a browser ignores in a URL scheme. */
function urlScheme(value: string): string {
  const decoded = value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n')
    .replace(/&amp;/gi, '&');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers strip these from URLs
  return decoded.replace(/[\u0000-\u0020]/g, '').toLowerCase();
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'cite', 'background', 'ping', 'srcset', 'manifest']);
const FORBIDDEN_ELEMENTS = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'style',
  'base',
  'svg',
  'math',
  'portal',
  'template',
  'noscript',
]);

/** Every piece of live markup on a built page that did not come from our own templates. */
function liveMarkup(html: string, ownScripts: Set<string>, parser: Parser): string[] {
  const out: string[] = [];
  const rootElement = parser.parseHtml(html);
  for (const element of rootElement.querySelectorAll('*') as HtmlElement[]) {
    const tag = element.tagName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(tag)) out.push(`<${tag}> element`);
    if (tag === 'script') {
      const src = element.getAttributeValue('src');
      if (!src || !ownScripts.has(new URL(src, 'https://reforms.example/').pathname))
        out.push(`<script${src ? ` src="${src}"` : ''}> that is not one of our files`);
    }
    if (tag === 'meta' && element.getAttributeValue('http-equiv')?.toLowerCase() === 'refresh') {
      const target = /url=(.*)$/i.exec(element.getAttributeValue('content') ?? '')?.[1] ?? '';
      if (!target.startsWith('/')) out.push(`<meta http-equiv="refresh"> to ${target}`);
    }
    for (const attribute of element.attributes) {
      const name = attribute.key.toLowerCase();
      const value = typeof attribute.value === 'string' ? attribute.value : String(attribute.value ?? '');
      if (name.startsWith('on')) out.push(`${name}= attribute on <${tag}>`);
      if (name === 'style' || name === 'srcdoc') out.push(`${name}= attribute on <${tag}>`);
      if (URL_ATTRIBUTES.has(name) && /^(javascript|data|vbscript):/.test(urlScheme(value))) out.push(`${name}="${value.slice(0, 40)}" on <${tag}>`);
    }
  }
  return out;
}

describe('the built site of every payload taken as plain text', () => {
  it('builds', () => {
    expect(build.ok, build.log).toBe(true);
  });

  it('holds none of them as live markup on any page, yet shows each one as text', () => {
    if (!build.ok) throw new Error(build.log);
    const files = listFiles(outDir);
    const pages = files.filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
    const ownScripts = new Set(files.filter((f) => f.endsWith('.js')).map((f) => `/${f}`));
    const parser = new Parser(new HtmlValidate({ extends: [] }).getConfigForSync('page.html'));
    const problems = pages.flatMap((file) => liveMarkup(readFileSync(join(outDir, file), 'utf8'), ownScripts, parser).map((p) => `${file}: ${p}`));
    expect(problems).toEqual([]);
    expect(pages.length).toBeGreaterThan(10);

    const output = files
      .filter((f) => /\.(html|json|csv)$/.test(f) && !f.startsWith('pagefind/'))
      .map((f) => readFileSync(join(outDir, f), 'utf8'))
      .join('\n');
    const builtPayloads = new Set([...accepted.values()].flat());
    expect(builtPayloads.size, 'payloads taken as plain text, to look for on the pages').toBeGreaterThan(0);
    const missing = [...builtPayloads].map(marker).filter((m) => !output.includes(m));
    expect(missing, 'payloads taken as plain text but found on no page').toEqual([]);
    console.log(`hostile content: ${pages.length} built pages parsed; ${builtPayloads.size} distinct payloads shown as text, none as markup`);
  });

  describe.runIf(hasChromium)('in Chromium', () => {
    const chromium = useBrowser({
      site: () => {
        if (!build.ok) throw new Error(build.log);
        return { outDir, base: '/' };
      },
      context: { clipboard: true },
    });
    const seen = chromium.seen;

    it('loads every page with no dialog, no console error, no CSP violation and no live markup in the DOM', async () => {
      const pages = listFiles(outDir).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
      expect(pages.length).toBeGreaterThan(10);
      const live: string[] = [];
      // One tab for every page: a new tab per page would cost Chromium a renderer process each.
      const page = await chromium.context.newPage();
      for (const file of pages) {
        const path = `/${file.replace(/index\.html$/, '')}`;
        await page.goto(chromium.url(path.slice(1)), { waitUntil: 'load' });
        if (readFileSync(join(outDir, file), 'utf8').includes('<meta http-equiv="refresh"'))
          await page.waitForURL((url) => url.pathname !== path, { timeout: 5_000 });
        await page.waitForLoadState('load');
        // Focus and hover everything, in case a handler slipped through that only fires then.
        const found = await page.evaluate(() => {
          const out: string[] = [];
          for (const el of document.querySelectorAll<HTMLElement>('*')) {
            el.focus?.();
            el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
            for (const attr of el.getAttributeNames()) {
              const value = el.getAttribute(attr) ?? '';
              if (/^on/i.test(attr)) out.push(`${attr}= on <${el.localName}>`);
              const isUrl = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'cite', 'background', 'ping', 'srcset'].includes(attr);
              if (isUrl && /^\s*(javascript|data|vbscript):/i.test(value.replace(/[\t\n\r]/g, '')))
                out.push(`${attr}="${value.slice(0, 40)}" on <${el.localName}>`);
            }
            if (el.localName === 'script' && !(el as HTMLScriptElement).src) out.push('inline <script>');
          }
          return out;
        });
        live.push(...found.map((f) => `${path}: ${f}`));
      }
      await page.close();
      expect({ dialogs: seen.dialogs, errors: seen.errors, csp: seen.csp, offsite: seen.offsite, live }).toEqual({
        dialogs: [],
        errors: [],
        csp: [],
        offsite: [],
        live: [],
      });
      console.log(`hostile content: Chromium loaded ${pages.length} pages`);
    }, 120_000);

    // The search page over the same build (issue 11): the payloads are searched for, and the
    // results and excerpts (Pagefind's, with its <mark>s) must be text — no element beyond the
    // result list's own, no on* attribute, no javascript: URL — with no dialog or console error.
    const RESULT_ELEMENTS = ['li', 'h2', 'a', 'p', 'mark', 'strong', 'ul'];
    // One tab on the search page, searched again for each word, as a reader would: the first of
    // these tests to run, in whatever order, opens it.
    let searchTab: Page | undefined;
    it.each(['alert', 'script', 'onerror', 'javascript', 'staying close'])('shows the search results for "%s" as text only', async (q) => {
      if (!searchTab || searchTab.isClosed()) {
        searchTab = await chromium.context.newPage();
        await searchTab.goto(chromium.url('search/'), { waitUntil: 'load' });
      }
      const page = searchTab;
      await searchPaths(page, q);
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
        RESULT_ELEMENTS,
      );
      expect(found).toEqual([]);
      expect(await page.locator('#search-results > li').count(), `results for "${q}"`).toBeGreaterThan(0);
    });

    // Issue 21: "Copy quotation" builds its HTML from text. Over every payload the quotation can carry
    // (the passage, its title, speaker and place, the source's title and publishers), the clipboard
    // must hold quotation markup only, the payloads as text, and pasting it must run nothing.
    it('copies a quotation of hostile content as inert text: quotation markup only, every payload as text, nothing run when pasted', async () => {
      const page = await chromium.context.newPage();
      try {
        await page.goto(chromium.url('extracts/alpha-foreword/'), { waitUntil: 'load' });
        await page.getByRole('button', { name: 'Copy quotation' }).click();
        await expect.poll(() => page.locator('#announce').textContent()).toBe('Quotation copied');
        const copied = await page.evaluate(async () => {
          const [item] = await navigator.clipboard.read();
          if (!item) throw new Error('nothing on the clipboard');
          const html = await (await item.getType('text/html')).text();
          const plain = await (await item.getType('text/plain')).text();
          const doc = new DOMParser().parseFromString(html, 'text/html');
          const all = [...doc.body.querySelectorAll('*')];
          // Pasted where a reader would paste it: an editable box.
          const box = document.createElement('div');
          box.contentEditable = 'true';
          document.body.append(box);
          box.focus();
          document.execCommand('insertHTML', false, html);
          await new Promise((done) => setTimeout(done, 200));
          return {
            plain,
            text: doc.body.textContent ?? '',
            elements: [...new Set(all.map((el) => el.localName))].sort(),
            attributes: [...new Set(all.flatMap((el) => el.getAttributeNames().map((name) => `${el.localName}[${name}]`)))].sort(),
            hrefs: all.filter((el) => el.localName === 'a').map((el) => el.getAttribute('href') ?? ''),
            pasted: [...new Set([...box.querySelectorAll('*')].map((el) => el.localName))].sort(),
          };
        });
        expect(copied.elements.filter((el) => !['a', 'blockquote', 'br', 'cite', 'li', 'p', 'ul'].includes(el))).toEqual([]);
        expect(copied.attributes.filter((attr) => attr !== 'a[href]')).toEqual([]);
        expect(copied.hrefs.length).toBeGreaterThan(0);
        expect(copied.hrefs.filter((href) => !href.startsWith(chromium.url('extracts/alpha-foreword/')))).toEqual([]);
        expect(
          copied.pasted.filter((el) => ['script', 'img', 'svg', 'iframe', 'object', 'style', 'math', 'details', 'form', 'base', 'meta'].includes(el)),
        ).toEqual([]);
        const carried = FIELDS.filter((field) => /^(extract: (title|locator|speaker|text)|front matter: (title|publishers))$/.test(field.name));
        const markers = [...new Set(carried.flatMap((field) => accepted.get(field) ?? []).map(marker))];
        expect(markers.length, 'payloads the quotation carries').toBeGreaterThan(10);
        expect(
          markers.filter((m) => !copied.plain.includes(m)),
          'payloads missing from the text/plain',
        ).toEqual([]);
        expect(
          markers.filter((m) => !copied.text.includes(m)),
          'payloads missing from the text of the text/html',
        ).toEqual([]);
        expect({ dialogs: seen.dialogs, errors: seen.errors, csp: seen.csp }).toEqual({ dialogs: [], errors: [], csp: [] });
        console.log(`hostile content: "Copy quotation" carried ${markers.length} payloads as text; elements ${copied.elements.join(', ')}`);
      } finally {
        await page.close();
      }
    }, 60_000);
  });
});
