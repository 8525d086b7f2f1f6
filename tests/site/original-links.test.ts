// Issue 21 on the built test sites: every extract and commitment page links to its original as
// far in as the original's kind allows, and says what the link does; an extract page's link
// preview (Open Graph and Twitter: what Teams, Slack and Outlook read) gives the passage's name,
// source and date, its opening in quotation marks, the site's name and the permanent link.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HtmlValidate, type HtmlElement, Parser } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import type { Graph } from '../../src/lib/graph.ts';
import { loadContent } from '../../src/lib/load.ts';
import { SITE_NAME } from '../../src/site/cite.ts';
import { formatDate } from '../../src/site/format.ts';
import { originalLink } from '../../src/site/fragments.ts';
import { SITES } from '../support/sites.ts';

const root = resolve(import.meta.dirname, '../..');
const parser = new Parser(new HtmlValidate({ extends: [] }).getConfigForSync('page.html'));

describe.each(SITES.map((spec) => [spec.name, spec] as const))('the built %s site', (name, spec) => {
  const site = inject('sites')[name];
  const loaded = loadContent(resolve(root, spec.content));
  if (!loaded.ok) throw new Error(`${spec.content} does not load`);
  const graph: Graph = loaded.graph;
  const read = (path: string) => parser.parseHtml(readFileSync(join(site?.outDir ?? '', path, 'index.html'), 'utf8'));
  /** The "Original document" value of a page's summary list. */
  const originalOf = (page: HtmlElement) =>
    page
      .querySelectorAll('dt')
      .find((dt) => dt.textContent.trim() === 'Original document')
      ?.parent?.querySelector('dd');

  it('links every extract and commitment page to its original as far in as the kind allows, saying what the link does', () => {
    if (!site?.ok) throw new Error(site?.log ?? 'not built');
    const counts: Record<string, Record<string, number>> = { extract: {}, commitment: {} };
    const wrong: string[] = [];
    const entries = [
      ...graph.extracts.map((e) => ['extract', `extracts/${e.id}`, e.source, { blocks: e.blocks, locator: e.locator }] as const),
      ...graph.commitments.map((c) => ['commitment', `commitments/${c.id}`, c.source, { locator: c.locator }] as const),
    ];
    for (const [kind, path, sourceId, place] of entries) {
      const source = graph.source.get(sourceId);
      const expected = source && originalLink(source, place);
      const dd = originalOf(read(path));
      const link = dd?.querySelector('a');
      const depth = expected?.depth ?? 'none';
      const tally = counts[kind] ?? {};
      tally[depth] = (tally[depth] ?? 0) + 1;
      if (!expected) {
        if (link || !dd?.textContent.includes('not yet confirmed')) wrong.push(`${path}: expected the statement that the link is not confirmed`);
        continue;
      }
      if (link?.getAttributeValue('href') !== expected.href) wrong.push(`${path}: links ${link?.getAttributeValue('href')}; expected ${expected.href}`);
      if (link?.getAttributeValue('data-original') !== expected.depth) wrong.push(`${path}: data-original ${link?.getAttributeValue('data-original')}`);
      if (!dd?.textContent.includes(expected.note)) wrong.push(`${path}: does not say "${expected.note}"`);
    }
    console.log(`${name} site, links to the original by how far in they go: ${JSON.stringify(counts)}`);
    expect(wrong).toEqual([]);
    if (name === 'fixture') expect(counts.extract).toEqual({ passage: 1 });
  });

  it("gives an extract page a link preview of its name, source, date and opening, the site's name and its permanent link", () => {
    if (!site?.ok) throw new Error(site?.log ?? 'not built');
    const problems: string[] = [];
    for (const e of graph.extracts) {
      const source = graph.source.get(e.source);
      const page = read(`extracts/${e.id}`);
      const meta = (key: string) =>
        page
          .querySelectorAll('meta')
          .find((m) => m.getAttributeValue('property') === key || m.getAttributeValue('name') === key)
          ?.getAttributeValue('content');
      const canonical = page
        .querySelectorAll('link')
        .find((l) => l.getAttributeValue('rel') === 'canonical')
        ?.getAttributeValue('href');
      const permalink = `${spec.url}${spec.base}extracts/${e.id}/`;
      const title = `${e.title} — ${source?.shortTitle}, ${formatDate(source?.published ?? '')}`;
      const words = e.blocks.join(' ').split(/\s+/).slice(0, 4).join(' ');
      const checks: [string, boolean][] = [
        ['og:title', meta('og:title') === title && meta('twitter:title') === title],
        [
          'og:description',
          !!meta('og:description')?.startsWith(`“${words}`) &&
            !!meta('og:description')?.endsWith('”') &&
            meta('twitter:description') === meta('og:description'),
        ],
        ['og:description length', (meta('og:description')?.length ?? 999) <= 200],
        ['og:site_name', meta('og:site_name') === SITE_NAME],
        ['og:url and canonical', meta('og:url') === permalink && canonical === permalink],
      ];
      problems.push(...checks.filter(([, ok]) => !ok).map(([what]) => `extracts/${e.id}: ${what}`));
    }
    expect(problems).toEqual([]);
  });
});
