// The one place pages get the knowledge graph and the site's URL layout: the content is loaded
// and validated once per build (this module is evaluated once), and rendered when a page asks.
// CONTENT_DIR (relative to the working directory) builds the site from another content tree,
// e.g. a test fixture; it defaults to content/.
import { resolve } from 'node:path';
import type { Graph } from '../lib/graph.ts';
import { loadContent } from '../lib/load.ts';
import { formatProblem } from '../lib/problems.ts';
import { makeAbsolute } from './absolute.ts';
import { makeRenderer } from './render.ts';
import { makeUrls } from './urls.ts';

export const base: string = import.meta.env.BASE_URL;
export const urls = makeUrls(base);
/** Turns a path from `urls` into an absolute URL on the configured site (canonical, permalinks). */
export const absolute = makeAbsolute(import.meta.env.SITE ?? 'http://localhost:4321');
export const contentDir = resolve(process.cwd(), process.env.CONTENT_DIR ?? 'content');

function load(): Graph {
  const result = loadContent(contentDir);
  // The build validates before Astro renders and prints these one per line (src/integrations/);
  // under `astro dev` this error is what the browser shows until the content is fixed.
  if (!result.ok) {
    const error = new Error(`Content has problems:\n${result.problems.map(formatProblem).join('\n')}`);
    // Where in our code the content was loaded says nothing to an author: the message is the report.
    error.stack = error.message;
    throw error;
  }
  return result.graph;
}

export const graph: Graph = load();
/** Renders a record's Markdown with this site's URLs, once per record. */
export const render = makeRenderer(urls);
