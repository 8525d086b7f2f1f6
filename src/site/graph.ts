// The one place pages get the knowledge graph and the site's URL layout, and render its Markdown.
// In a build, the integration (src/integrations/reforms.ts) has already loaded and validated the
// content through the content store, and says where that module is: importing it natively, by its
// file URL rather than through Vite's bundle, gives the pages the same module and so the same
// graph, without parsing the content twice. Under `astro dev` the content is loaded here, again
// after each edit (src/integrations/content-watch.ts invalidates this module).
// CONTENT_DIR (relative to the working directory) builds the site from another content tree,
// e.g. a test fixture; it defaults to content/.
import { resolve } from 'node:path';
import type { Graph } from '../lib/graph.ts';
import { loadContent } from '../lib/load.ts';
import { formatProblem } from '../lib/problems.ts';
import { readCorrectionsSetting } from '../maintenance/correction.ts';
import { makeAbsolute } from './absolute.ts';
import { makeRenderer } from './render.ts';
import type { SiteContext } from './routes/context.ts';
import { makeUrls } from './urls.ts';

export const base: string = import.meta.env.BASE_URL;
export const urls = makeUrls(base);
/** Turns a path from `urls` into an absolute URL on the configured site (canonical, permalinks). */
export const absolute = makeAbsolute(import.meta.env.SITE ?? 'http://localhost:4321');
/** Where readers' corrections go (SITE_CORRECTIONS: a mailto: or https:// issue-form address); undefined when not set. */
export const corrections = (() => {
  const setting = readCorrectionsSetting(process.env.SITE_CORRECTIONS);
  if (setting.ok) return setting.target;
  // A build (the integration has set the content store) stops with the one line: a thrown error
  // would reach the terminal with a stack trace. Under `astro dev` the page shows it until fixed.
  if (import.meta.env.REFORMS_CONTENT_STORE) {
    console.error(`${setting.message}; the site was not built.`);
    process.exit(1);
  }
  const error = new Error(setting.message);
  error.stack = error.message;
  throw error;
})();
export const contentDir: string = import.meta.env.REFORMS_CONTENT_DIR ?? resolve(process.cwd(), process.env.CONTENT_DIR ?? 'content');
const contentStore: string | undefined = import.meta.env.REFORMS_CONTENT_STORE;

async function load(): Promise<Graph> {
  const result = contentStore
    ? ((await import(/* @vite-ignore */ contentStore)) as typeof import('../lib/content-store.ts')).loadContentOnce(contentDir)
    : loadContent(contentDir);
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

export const graph: Graph = await load();
/** Renders a record's Markdown with this site's URLs, once per record. */
export const render = makeRenderer(urls);
/** The graph with this site's URLs and renderer: what the route modules (src/site/routes/) take. */
export const site: SiteContext = { graph, urls, absolute, render };
