// npm run build — validate content, render the site with Astro, then index it with Pagefind.
// Content errors are printed as file:line messages and stop the build before Astro starts.
// Environment: SITE_BASE (host under a sub-path), SITE_URL (absolute origin for canonical links),
// CONTENT_DIR (another content tree, e.g. a test fixture) and OUT_DIR (instead of dist/).
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { build } from 'astro';
import * as pagefind from 'pagefind';
import { loadContent } from '../src/lib/load.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { makeUrls } from '../src/lib/urls.ts';
import { searchVocabulary } from '../src/site/search.ts';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(process.env.OUT_DIR ?? resolve(root, 'dist'));
const content = resolve(process.env.CONTENT_DIR ?? resolve(root, 'content'));
const time = async <T>(label: string, work: () => Promise<T> | T): Promise<T> => {
  const started = performance.now();
  const value = await work();
  console.log(`${label}: ${Math.round(performance.now() - started)} ms`);
  return value;
};

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const checked = await time('validate', () => loadContent(content, { base: process.env.SITE_BASE ?? '/' }));
if (!checked.ok) {
  for (const problem of checked.problems) console.error(formatProblem(problem));
  console.error(`\n${checked.problems.length} content problem${checked.problems.length === 1 ? '' : 's'}; the site was not built.`);
  process.exit(1);
}

// Hand the validated graph to the pages (src/site/graph.ts) so content is loaded once per build.
(globalThis as Record<symbol, unknown>)[Symbol.for('childrens-social-care-reforms.graph')] = {
  contentDir: content,
  home: makeUrls(process.env.SITE_BASE ?? '/').home(),
  graph: checked.graph,
};

await rm(dist, { recursive: true, force: true });
await time('pages', () => build({ root, outDir: dist, logLevel: 'warn' }));

await time('search index', async () => {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dist });
    if (added.errors.length) throw new Error(`Pagefind could not index dist/: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: resolve(dist, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    // public/search.js uses Pagefind's JS API; its ready-made UIs are never loaded, so they are not shipped.
    for (const ui of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js']) {
      await rm(resolve(dist, 'pagefind', ui), { force: true });
    }
    console.log(`indexed ${added.page_count} pages`);
  } finally {
    await pagefind.close();
  }
});

// The typo-correction vocabulary (public/search.js): words to correct to from titles, aliases and
// the glossary, and every other word the index holds, read back from Pagefind's page fragments.
await time('search vocabulary', async () => {
  const folder = resolve(dist, 'pagefind', 'fragment');
  const texts = await Promise.all((await readdir(folder)).map(async (name) => {
    const raw = gunzipSync(await readFile(resolve(folder, name))).toString('utf8');
    const fragment = JSON.parse(raw.slice(raw.indexOf('{'))) as { content: string; meta: Record<string, string> };
    return `${fragment.meta.title ?? ''}\n${fragment.content}`;
  }));
  const vocabulary = searchVocabulary(checked.graph, texts);
  await mkdir(resolve(dist, 'search'), { recursive: true });
  await writeFile(resolve(dist, 'search', 'vocabulary.json'), JSON.stringify(vocabulary));
  console.log(`${Object.keys(vocabulary.targets).length} correction targets, ${vocabulary.known.split(' ').length} other known words`);
});
