// Heading ids: github-slugger with a prefix, collected in the pass that writes them. A content tree
// made here (the good fixture plus the four hard cases) is rendered and built: a `#` heading in
// prose, a heading inside a block quote, a prose heading equal to a commitment id, and two
// commitments with the same sub-heading. Every id on the digest page is unique and every
// contents link lands on the heading it names.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { makeRenderer, renderMarkdown } from '../../src/site/render.ts';
import { makeUrls } from '../../src/site/urls.ts';
import { parseMarkdown } from '../../src/lib/markdown.ts';
import { buildSite } from '../support/build-site.ts';
import { duplicateIds } from '../support/dist.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'reforms-headings-'));
const content = join(work, 'content');
const outDir = join(work, 'dist');

const block = (id: string, title: string) => `
:::commitment{#${id}}
\`\`\`yaml
title: ${title}
locator: "Chapter 2, p. 20"
sourcePillar: people
pillars: [workforce]
status: { value: not-known, asOf: "2024-01", checked: "2026-12-01", summary: No later statement was found. }
\`\`\`
What is promised.

### Who pays

The department pays for ${title.toLowerCase()}.
:::
`;

// Appended after the last block, so the fixture's own lines keep their numbers.
const HARD_CASES = `
# A top-level heading

Prose under a \`#\` heading.

> ## A heading in a quote
>
> Quoted prose.

## alpha-staying-close

A prose heading spelt like a commitment id.

## Summary

A second heading with the same text as an earlier one.
${block('alpha-heading-one', 'First funded role')}${block('alpha-heading-two', 'Second funded role')}`;

beforeAll(() => {
  cpSync(resolve(root, 'tests/fixtures/good'), content, { recursive: true });
  const file = join(content, 'sources/alpha-2016.md');
  writeFileSync(file, readFileSync(file, 'utf8') + HARD_CASES);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const load = () => {
  const result = loadContent(content);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.graph;
};

describe('the render step', () => {
  const urls = makeUrls('/sub/');

  it('resolves entity links to this site and leaves other links alone', () => {
    const { html } = renderMarkdown(parseMarkdown('[a](commitment:x) [b](pillar:y) [c](https://example.org/)').children, {
      resolve: urls.entity,
      headingPrefix: 'h_',
    });
    expect(html).toBe('<p><a href="/sub/commitments/x/">a</a> <a href="/sub/pillars/y/">b</a> <a href="https://example.org/">c</a></p>');
  });

  it('collects every heading with the id it wrote, in document order, whatever its depth or container', () => {
    const graph = load();
    const source = graph.source.get('alpha-2016');
    if (!source) throw new Error('alpha-2016 did not load');
    const { html, headings } = makeRenderer(urls).prose(source);
    expect(headings).toEqual([
      { depth: 2, id: 'h_summary', text: 'Summary' },
      { depth: 2, id: 'h_structure', text: 'Structure' },
      { depth: 1, id: 'h_a-top-level-heading', text: 'A top-level heading' },
      { depth: 2, id: 'h_a-heading-in-a-quote', text: 'A heading in a quote' },
      { depth: 2, id: 'h_alpha-staying-close', text: 'alpha-staying-close' },
      { depth: 2, id: 'h_summary-1', text: 'Summary' },
    ]);
    for (const heading of headings) expect(html).toContain(` id="${heading.id}">${heading.text}</h${heading.depth}>`);
  });

  it("prefixes a block's headings with its id, so two blocks' equal headings differ", () => {
    const graph = load();
    const render = makeRenderer(urls);
    const ids = ['alpha-heading-one', 'alpha-heading-two'].map((id) => {
      const record = graph.commitment.get(id);
      if (!record) throw new Error(`${id} did not load`);
      return render.block(record).headings.map((h) => h.id);
    });
    expect(ids).toEqual([['alpha-heading-one__who-pays'], ['alpha-heading-two__who-pays']]);
  });
});

describe('the digest page built from the hard cases', () => {
  let page = '';
  beforeAll(async () => {
    const built = await buildSite({ content, base: '/', url: 'https://reforms.example', outDir });
    if (!built.ok) throw new Error(built.log);
    page = readFileSync(join(outDir, 'sources/alpha-2016/index.html'), 'utf8');
  }, 300_000);

  it('has no id twice', () => {
    expect(page).toContain('id="alpha-staying-close"');
    expect(duplicateIds(page)).toEqual([]);
  });

  it('sends every contents link to the heading it names', () => {
    const nav = /<nav class="contents"[^>]*>([\s\S]*?)<\/nav>/.exec(page)?.[1] ?? '';
    const links = [...nav.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map((m) => ({ id: m[1] ?? '', text: m[2] ?? '' }));
    const prose = links.filter((link) => link.id.startsWith('h_'));
    expect(prose.map((link) => link.text)).toEqual(['Summary', 'Structure', 'A top-level heading', 'A heading in a quote', 'alpha-staying-close', 'Summary']);
    for (const link of links) {
      const target = new RegExp(`<(h[1-6]|section|div|details)[^>]* id="${link.id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(page);
      expect(target, `#${link.id} (${link.text})`).not.toBeNull();
      if (link.id.startsWith('h_')) expect(target?.[2]).toBe(link.text);
    }
  });
});
