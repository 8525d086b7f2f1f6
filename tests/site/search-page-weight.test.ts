// The search page does not grow with the content (issue 20): built from a generated tree several
// times the real content's size (bench/generate.ts), its body is the real content's, numbers aside
// (the tracker lists' counts), and it weighs under 20 KB gzipped. Its filter values (about 3,000
// framework entries at 10,000 commitments) are in search/facets.json, which the page fetches when
// the filters are opened, and which is checked here to hold them.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateTree, realContentCorpus, writeTree } from '../../bench/generate.ts';
import { loadContent } from '../../src/lib/load.ts';
import type { FacetsFile } from '../../src/site/search-client/facets.ts';
import { buildSite, siteFolder } from '../support/build-site.ts';

const COMMITMENTS = 400;
const KB = 1024;

describe(`the search page built from ${COMMITMENTS} generated commitments`, () => {
  const real = inject('sites').content;
  const work = siteFolder('search-weight');
  const content = join(work, 'content');
  const outDir = join(work, 'dist');
  let page = '';

  beforeAll(async () => {
    if (!real?.ok) throw new Error('the content site did not build');
    writeTree(generateTree({ commitments: COMMITMENTS, seed: 7, corpus: realContentCorpus() }), content);
    const built = await buildSite({ content, base: real.base, url: real.url, outDir });
    if (!built.ok) throw new Error(built.log);
    page = readFileSync(join(outDir, 'search/index.html'), 'utf8');
  }, 300_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** The page's body, every number made 0: what would grow with the content if anything did. */
  const body = (html: string) => (/<body>[\s\S]*<\/body>/.exec(html)?.[0] ?? '').replace(/\d+/g, '0');

  it('has the same body as the real content’s search page, numbers aside, and weighs under 20 KB gzipped', () => {
    const realPage = readFileSync(join(real?.outDir ?? '', 'search/index.html'), 'utf8');
    const gz = gzipSync(page).length;
    console.log(
      `search page: ${(gz / KB).toFixed(1)} KB gzipped at ${COMMITMENTS} generated commitments, ${(gzipSync(realPage).length / KB).toFixed(1)} KB for the real content`,
    );
    expect(body(page)).toBe(body(realPage));
    expect(gz).toBeLessThan(20 * KB);
  });

  it('leaves the filter values to search/facets.json, which holds every one of them', () => {
    const loaded = loadContent(content);
    if (!loaded.ok) throw new Error('the generated tree does not load');
    const { graph } = loaded;
    const facets = JSON.parse(readFileSync(join(outDir, 'search/facets.json'), 'utf8')) as FacetsFile;
    expect(facets.source?.length).toBe(graph.sources.length);
    expect(facets.framework?.length).toBeGreaterThan(graph.sources.length);
    expect(page).not.toContain('type="checkbox"');
    // A framework entry's label is on no page's search form: it is in the file only.
    const [, label] = facets.framework?.[0] ?? [];
    expect(label).toBeTruthy();
    expect(readFileSync(join(outDir, 'search/facets.json'), 'utf8')).toContain(JSON.stringify(label).slice(1, -1));
    expect(page).not.toContain(label);
  });
});
