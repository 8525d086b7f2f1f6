// The site's Astro integration: everything `astro build` does beyond rendering pages, so that
// `astro build` alone makes the whole site and `astro preview` serves it.
// - before anything is built: load and validate the content; a content problem is printed as
//   file:line:col, one per line, and stops the build (no stack trace, nothing written);
// - the search page's script, bundled from TypeScript (./search-client.ts) before the pages, which
//   name its hashed files, and written with them;
// - after the pages (astro:build:done): the Pagefind index of the pages meant to be found (source
//   digests, commitments, extracts), in parts at thousands of pages (src/site/search-parts.ts),
//   and the search files (src/site/search-files.ts), made while Pagefind writes its index.
// `astro dev` gets the content watcher (./content-watch.ts) instead.
// Environment: CONTENT_DIR (another content tree, relative to the working directory);
// SEARCH_PAGES_PER_PART (the most pages in one part of Pagefind's index, instead of
// PAGEFIND_PAGES_PER_PART: the suites split the fixture's index with it).
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { Graph } from '../lib/graph.ts';
import { loadContentOnceParallel } from '../lib/content-store.ts';
import { formatProblem, type Problem } from '../lib/problems.ts';
import { PAGEFIND_PAGES_PER_PART } from '../site/search-config.ts';
import { writeSearchFiles } from '../site/search-files.ts';
import { allWords, allWordsRecord, graphIndexParts, type IndexPart, partFolder } from '../site/search-parts.ts';
import { contentWatch, unwatched } from './content-watch.ts';
import { bundleSearchClient, type SearchClient, type SearchClientPaths } from './search-client.ts';

/** Folders of generated files under the project, besides the build's output (.gitignore lists them too). */
const GENERATED = ['bench/tmp'];

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
 * The files of part `n`'s folder the search page never loads: Pagefind's ready-made UIs in every
 * part, and in the further parts also Pagefind's script, its worker and its WebAssembly, which the
 * search page loads from the first part only (a merged part loads its metadata and index alone).
 */
async function unused(folder: string, n: number): Promise<string[]> {
  const files = n === 0 ? [] : (await readdir(folder)).filter((file) => /^(pagefind\.js|pagefind-worker\.js|wasm\..+\.pagefind)$/.test(file));
  return [...PAGEFIND_UIS, ...files].map((file) => resolve(folder, file));
}

/** Pagefind's Node API as imported, one backend process per module instance. */
type PagefindApi = typeof pagefind;

/**
 * Pagefind's Node API keeps one backend process per module instance, and one process indexes one
 * part at a time on about one core: each further part gets a module instance of its own (the query
 * makes Node load the module again), so its own process.
 */
const pagefindFor = async (part: number): Promise<PagefindApi> =>
  part === 0 ? pagefind : ((await import(`${import.meta.resolve('pagefind')}?part=${part}`)) as PagefindApi);

/** The number from SEARCH_PAGES_PER_PART, or the configured one. */
function pagesPerPart(): number {
  const set = process.env.SEARCH_PAGES_PER_PART;
  if (set === undefined || set === '') return PAGEFIND_PAGES_PER_PART;
  const n = Number(set);
  if (!Number.isInteger(n) || n < 1) throw new Error(`SEARCH_PAGES_PER_PART is "${set}": expected a whole number of pages, 1 or more`);
  return n;
}

/**
 * Pagefind's index of the pages meant to be found, in parts (src/site/search-parts.ts) each read
 * and written by its own Pagefind process, with `alongside` run while they write. At 10,000
 * commitments most of Pagefind's time is compressing the index it writes on one core; this
 * process's thread is free meanwhile. Where there is more than one part, each also gets the
 * all-words record (`words`, made while the parts read the pages).
 */
async function indexPages<T>(
  dir: string,
  parts: readonly IndexPart[],
  words: () => string,
  alongside: () => Promise<T>,
): Promise<{ pages: number[]; alongside: T }> {
  const apis = await Promise.all(parts.map((_, n) => pagefindFor(n)));
  try {
    const started = performance.now();
    const reading = Promise.all(
      parts.map(async (part, n) => {
        const { index, errors } = await (apis[n] as PagefindApi).createIndex({});
        if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: dir, glob: part.glob });
        if (added.errors.length) throw new Error(`Pagefind could not index ${dir} (${part.glob}): ${added.errors.join('; ')}`);
        return { index, pages: added.page_count };
      }),
    );
    // Handled now, so that a part failing while the words are made is not an unhandled rejection; awaited below.
    reading.catch(() => undefined);
    // Once the requests are out, this thread is free while Pagefind's processes read.
    await new Promise((settled) => setImmediate(settled));
    const content = parts.length > 1 ? words() : '';
    const indexes = await reading;
    if (content) {
      const added = await Promise.all(indexes.map(({ index }) => index.addCustomRecord(allWordsRecord(content))));
      const failed = added.flatMap((a) => a.errors);
      if (failed.length) throw new Error(`Pagefind could not add the all-words record: ${failed.join('; ')}`);
    }
    console.log(`pagefind reading: ${Math.round(performance.now() - started)} ms`);
    // Pagefind has the requests before `alongside` starts, so they run at once; any failing fails all.
    const [written, other] = await Promise.all([
      time('pagefind writing', () => Promise.all(indexes.map(({ index }, n) => index.writeFiles({ outputPath: resolve(dir, parts[n]?.folder ?? '') })))),
      alongside(),
    ]);
    const failed = written.flatMap((w) => w.errors);
    if (failed.length) throw new Error(`Pagefind could not write its index: ${failed.join('; ')}`);
    await Promise.all(
      parts.flatMap((part, n) => unused(resolve(dir, part.folder), n).then((files) => Promise.all(files.map((file) => rm(file, { force: true }))))),
    );
    return { pages: indexes.map((i) => i.pages), alongside: other };
  } finally {
    await Promise.all(apis.map((api) => api.close()));
  }
}

/** Under `astro dev`, Vite serves the script's TypeScript itself (no bundle, no hash). */
const DEV_SEARCH_CLIENT: SearchClientPaths = { script: 'src/site/search-client/main.ts' };

/** Tells the pages where the search page's script is (src/pages/search.astro reads it). */
const searchClientDefine = (paths: SearchClientPaths) => ({ 'import.meta.env.REFORMS_SEARCH_CLIENT': JSON.stringify(paths) });

/** Tells the search page the folders of Pagefind's index parts (src/pages/search.astro reads it). */
const pagefindPartsDefine = (folders: readonly string[]) => ({ 'import.meta.env.REFORMS_PAGEFIND_PARTS': JSON.stringify(folders) });

export default function reforms(): AstroIntegration {
  let graph: Graph | undefined;
  let client: SearchClient | undefined;
  let parts: IndexPart[] = [];
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
              define: {
                ...searchClientDefine(DEV_SEARCH_CLIENT),
                ...pagefindPartsDefine([partFolder(0)]),
              },
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
        parts = graphIndexParts(graph, pagesPerPart());
        client = await time('search client', bundleSearchClient);
        updateConfig({
          vite: {
            define: {
              ...searchClientDefine({ script: client.script, minisearch: client.minisearch }),
              ...pagefindPartsDefine(parts.map((part) => part.folder)),
            },
          },
        });
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
        const { pages, alongside } = await time('search index', () =>
          indexPages(
            outDir,
            parts,
            () => allWords(loaded),
            () => time('search files', () => writeSearchFiles(loaded, outDir)),
          ),
        );
        const total = pages.reduce((a, b) => a + b, 0);
        console.log(`indexed ${total} pages`);
        if (pages.length > 1) console.log(`the search index is in ${pages.length} parts (${parts.map((part, n) => `${part.folder} ${pages[n]}`).join(', ')})`);
        console.log(`${alongside.files} instant index files, ${alongside.words} words in the search vocabulary`);
      },
    },
  };
}
