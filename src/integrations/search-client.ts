// The search page's script (src/site/search-client/, TypeScript) bundled for the browser with
// esbuild: one hashed file for the page and one for MiniSearch, which the page imports only when it
// loads the instant index. Both go under _astro/ beside Astro's own hashed assets; the search page
// names them (src/pages/search.astro) and loads them as external modules, so the
// Content-Security-Policy still allows no inline script.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = fileURLToPath(new URL('../site/search-client/main.ts', import.meta.url));
/** Where the files go, inside the site. */
const FOLDER = '_astro';

/** The bundle: each file's path inside the site, and its bytes. */
export interface SearchClient {
  /** The page's script, e.g. `_astro/search.3KQ2X6VA.js`. */
  script: string;
  /** MiniSearch, imported by the script; preloaded by the page where the instant index is. */
  minisearch: string;
  files: Map<string, Uint8Array>;
}

/** What the search page needs to know, as the integration passes it to the pages (import.meta.env.REFORMS_SEARCH_CLIENT); no MiniSearch file under `astro dev`. */
export interface SearchClientPaths {
  script: string;
  minisearch?: string;
}

export async function bundleSearchClient(): Promise<SearchClient> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { search: ENTRY, minisearch: 'minisearch' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    // MiniSearch's licence comment stays with it.
    legalComments: 'inline',
    outdir: FOLDER,
    entryNames: '[name].[hash]',
    chunkNames: 'chunk.[hash]',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const files = new Map(result.outputFiles.map((file) => [relative(ROOT, file.path).split('\\').join('/'), file.contents]));
  // Each entry point's output is named after its key above.
  const entry = (name: string) => {
    const path = Object.keys(result.metafile.outputs).find((out) => out.startsWith(`${FOLDER}/${name}.`) && out.endsWith('.js'));
    if (!path) throw new Error(`esbuild wrote no ${name} script`);
    return path;
  };
  return { script: entry('search'), minisearch: entry('minisearch'), files };
}
