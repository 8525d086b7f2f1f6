// `astro dev` for authors: content/ is watched; an edit re-validates the whole tree, prints its
// problems (or that it is valid) in the terminal, and reloads the open page. The pages read the
// graph from src/site/graph.ts, which the edit invalidates, so the next request loads the content
// again: a problem then shows in the browser as Astro's error overlay, and fixing it recovers
// without a restart.
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EnvironmentModuleNode, Plugin } from 'vite';
import { loadContent } from '../lib/load.ts';
import { formatProblem } from '../lib/problems.ts';

/** The module every page gets the graph from. */
const GRAPH_MODULE = fileURLToPath(new URL('../site/graph.ts', import.meta.url));

const isContentFile = (contentDir: string, file: string) => resolve(file).startsWith(contentDir + sep) && /\.(md|ya?ml)$/.test(file);

/** Validates the tree and says in the terminal what an author needs to know. */
export function reportContent(contentDir: string): boolean {
  const started = performance.now();
  const checked = loadContent(contentDir);
  const ms = Math.round(performance.now() - started);
  if (checked.ok) {
    const { sources, commitments, extracts } = checked.graph;
    console.log(`content is valid: ${sources.length} sources, ${commitments.length} commitments, ${extracts.length} extracts (${ms} ms)`);
    return true;
  }
  const count = `${checked.problems.length} content problem${checked.problems.length === 1 ? '' : 's'}`;
  console.error(`${checked.problems.map(formatProblem).join('\n')}\n${count}: the pages show them until they are fixed (${ms} ms)`);
  return false;
}

export function contentWatch(contentDir: string): Plugin {
  return {
    name: 'childrens-social-care-reforms:content-watch',
    apply: 'serve',
    configureServer(server) {
      server.watcher.add(contentDir);
      reportContent(contentDir);
      const changed = (file: string) => {
        if (!isContentFile(contentDir, file)) return;
        console.log(`${relative(process.cwd(), file)} changed`);
        // Invalidate the graph module and every page that imports it, in each server environment.
        for (const environment of Object.values(server.environments)) {
          const graph = environment.moduleGraph.getModulesByFile(GRAPH_MODULE);
          const seen = new Set<EnvironmentModuleNode>();
          for (const module of graph ?? []) environment.moduleGraph.invalidateModule(module, seen, Date.now(), true);
        }
        reportContent(contentDir);
        // The server-side module runner drops what it evaluated; the browser reloads the page.
        for (const environment of Object.values(server.environments)) environment.hot.send({ type: 'full-reload', path: '*' });
      };
      server.watcher.on('change', changed);
      server.watcher.on('add', changed);
      server.watcher.on('unlink', changed);
    },
  };
}
