// npm run build — validate content, render the site with Astro, then index it with Pagefind.
// Content errors are printed as file:line messages and stop the build before Astro starts.
// Environment: SITE_BASE (host under a sub-path), SITE_URL (absolute origin for canonical links),
// CONTENT_DIR (another content tree, e.g. a test fixture) and OUT_DIR (instead of dist/).
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'astro';
import * as pagefind from 'pagefind';
import { loadContent } from '../src/lib/load.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { writeSearchFiles } from '../src/site/search-files.ts';

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
const checked = await time('validate', () => loadContent(content));
if (!checked.ok) {
  for (const problem of checked.problems) console.error(formatProblem(problem));
  console.error(`\n${checked.problems.length} content problem${checked.problems.length === 1 ? '' : 's'}; the site was not built.`);
  process.exit(1);
}

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

// The typo-correction vocabulary (public/search.js), built from the graph.
await time('search files', async () => {
  const { words } = await writeSearchFiles(checked.graph, dist);
  console.log(`${words} words in the search vocabulary`);
});
