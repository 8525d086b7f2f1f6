// The one place pages get the knowledge graph: loaded and validated once per build, not per page.
// CONTENT_DIR (relative to the working directory) builds the site from another content tree,
// e.g. a test fixture; it defaults to content/.
import { resolve } from 'node:path';
import { loadContent } from '../lib/load.ts';
import { formatProblem } from '../lib/problems.ts';
import { makeUrls } from '../lib/urls.ts';
import type { Graph } from '../lib/graph.ts';
import { makeAbsolute } from './absolute.ts';

export const base: string = import.meta.env.BASE_URL;
export const urls = makeUrls(base);
/** Turns a path from `urls` into an absolute URL on the configured site (canonical, permalinks). */
export const absolute = makeAbsolute(import.meta.env.SITE ?? 'http://localhost:4321');
export const contentDir = resolve(process.cwd(), process.env.CONTENT_DIR ?? 'content');

/** scripts/build.ts loads and validates the content before Astro starts, in the same process:
 *  pages reuse that graph rather than loading everything a second time. */
export const PRELOADED = Symbol.for('childrens-social-care-reforms.graph');
type Preloaded = { contentDir: string; home: string; graph: Graph };

function load(): Graph {
  const preloaded = (globalThis as { [PRELOADED]?: Preloaded })[PRELOADED];
  if (preloaded && preloaded.contentDir === contentDir && preloaded.home === urls.home()) return preloaded.graph;
  const result = loadContent(contentDir, { base });
  if (!result.ok) {
    // scripts/build.ts validates first and prints these; this guards a direct `astro build`.
    throw new Error(`Content has problems:\n${result.problems.map(formatProblem).join('\n')}`);
  }
  return result.graph;
}

export const graph: Graph = load();
