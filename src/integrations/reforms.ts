// The site's Astro integration: everything `astro build` does beyond rendering pages, so that
// `astro build` alone makes the whole site and `astro preview` serves it.
// - before anything is built: load and validate the content; a content problem is printed as
//   file:line:col, one per line, and stops the build (no stack trace, nothing written);
// - the search page's script, bundled from TypeScript (./search-client.ts) before the pages, which
//   name its hashed files, and written with them;
// - after the pages (astro:build:done): the Pagefind index of the pages meant to be found (source
//   digests, commitments, extracts), and the search files (src/site/search-files.ts), made while
//   Pagefind writes its index.
// `astro dev` gets the content watcher (./content-watch.ts) instead.
// Environment: CONTENT_DIR (another content tree, relative to the working directory).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { Graph } from '../lib/graph.ts';
import { loadContentOnceParallel } from '../lib/content-store.ts';
import { formatProblem, type Problem } from '../lib/problems.ts';
import { writeSearchFiles } from '../site/search-files.ts';
import { SEARCH_FILES } from '../site/search-rules.ts';
import { contentWatch, unwatched } from './content-watch.ts';
import { bundleSearchClient, type SearchClient, type SearchClientPaths } from './search-client.ts';

/** Folders of generated files under the project, besides the build's output (.gitignore lists them too). */
const GENERATED = ['bench/tmp'];

/** The page kinds a reader searches for; every other page (lists, redirects, data) stays out of the index. */
export const INDEXED_PAGES = '{sources,commitments,extracts}/*/index.html';

// The search page's script uses Pagefind's JS API; its ready-made UIs are never loaded, so they are not shipped.
const PAGEFIND_UIS = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

export const contentDirectory = (): string => resolve(process.cwd(), process.env.CONTENT_DIR ?? 'content');

/** What a reader of the terminal sees for a content tree with problems. */
export function problemReport(problems: readonly Problem[], outcome: string): string {
  const count = `${problems.length} content problem${problems.length === 1 ? '' : 's'}`;
  return `${problems.map(formatProblem).join('\n')}\n\n${count}; ${outcome}`;
}

async function time<T>(label: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const value = await work();
  console.log(`${label}: ${Math.round(performance.now() - started)} ms`);
  return value;
}

/**
 * Pagefind's index of the pages meant to be found, with `alongside` run while Pagefind writes it.
 * Pagefind works in its own process, and at 10,000 commitments most of its time (about 14 of 24 s)
 * is one thread compressing the index it writes; this process's thread is free meanwhile.
 */
async function indexPages<T>(dir: string, alongside: () => Promise<T>): Promise<{ pages: number; alongside: T }> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await time('pagefind reading', () => index.addDirectory({ path: dir, glob: INDEXED_PAGES }));
    if (added.errors.length) throw new Error(`Pagefind could not index ${dir}: ${added.errors.join('; ')}`);
    // Pagefind has the request before `alongside` starts, so the two run at once; either failing fails both.
    const [written, other] = await Promise.all([
      time('pagefind writing', () => index.writeFiles({ outputPath: resolve(dir, SEARCH_FILES.pagefind) })),
      alongside(),
    ]);
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    await Promise.all(PAGEFIND_UIS.map((ui) => rm(resolve(dir, SEARCH_FILES.pagefind, ui), { force: true })));
    return { pages: added.page_count, alongside: other };
  } finally {
    await pagefind.close();
  }
}

/** Under `astro dev`, Vite serves the script's TypeScript itself (no bundle, no hash). */
const DEV_SEARCH_CLIENT: SearchClientPaths = { script: 'src/site/search-client/main.ts' };

/** Tells the pages where the search page's script is (src/pages/search.astro reads it). */
const searchClientDefine = (paths: SearchClientPaths) => ({ 'import.meta.env.REFORMS_SEARCH_CLIENT': JSON.stringify(paths) });

export default function reforms(): AstroIntegration {
  let graph: Graph | undefined;
  let client: SearchClient | undefined;
  let pagesStarted = 0;
  return {
    name: 'childrens-social-care-reforms',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig }) => {
        if (command === 'dev') {
          updateConfig({
            vite: {
              plugins: [contentWatch(contentDirectory())],
              server: {
                watch: {
                  ignored: [unwatched([fileURLToPath(config.outDir), ...GENERATED.map((dir) => fileURLToPath(new URL(dir, config.root)))], contentDirectory())],
                },
              },
              define: searchClientDefine(DEV_SEARCH_CLIENT),
              // The search script imports MiniSearch (plain ES modules, no dependencies) only when it
              // loads the instant index: found that late, Vite's optimiser would re-bundle its
              // dependencies mid-search and fail the first search. Served as it is, it never does.
              optimizeDeps: { exclude: ['minisearch'] },
            },
          });
          return;
        }
        if (command !== 'build') return;
        // Where the pages find the content store and the tree (src/site/graph.ts).
        updateConfig({
          vite: {
            define: {
              'import.meta.env.REFORMS_CONTENT_STORE': JSON.stringify(pathToFileURL(fileURLToPath(new URL('../lib/content-store.ts', import.meta.url))).href),
              'import.meta.env.REFORMS_CONTENT_DIR': JSON.stringify(contentDirectory()),
            },
          },
        });
        const checked = await time('validate', () => loadContentOnceParallel(contentDirectory()));
        if (!checked.ok) {
          console.error(problemReport(checked.problems, 'the site was not built.'));
          // Exit here rather than throw: a thrown error reaches the terminal with Astro's stack trace.
          process.exit(1);
        }
        graph = checked.graph;
        client = await time('search client', bundleSearchClient);
        updateConfig({ vite: { define: searchClientDefine({ script: client.script, minisearch: client.minisearch }) } });
        // Only now, with content that builds: a failed validation leaves the last good site in place.
        await rm(config.outDir, { recursive: true, force: true });
      },
      'astro:build:start': () => {
        pagesStarted = performance.now();
      },
      'astro:build:done': async ({ dir }) => {
        console.log(`pages: ${Math.round(performance.now() - pagesStarted)} ms`);
        if (!graph || !client) throw new Error('the content was not loaded, or the search script not bundled, before the build');
        const outDir = fileURLToPath(dir);
        for (const [path, bytes] of client.files) {
          await mkdir(dirname(resolve(outDir, path)), { recursive: true });
          await writeFile(resolve(outDir, path), bytes);
        }
        const loaded = graph;
        const { pages, alongside } = await time('search index', () => indexPages(outDir, () => time('search files', () => writeSearchFiles(loaded, outDir))));
        console.log(`indexed ${pages} pages`);
        console.log(`${alongside.files} instant index files, ${alongside.words} words in the search vocabulary`);
      },
    },
  };
}
