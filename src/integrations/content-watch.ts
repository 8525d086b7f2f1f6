// `astro dev` for authors: content/ is watched; an edit re-validates the whole tree, prints its
// problems (or that it is valid) in the terminal, and reloads the open page. While there are
// problems, every page shows them (file:line:col, as in the terminal) instead of the site; once
// they are fixed, the pages read the graph again from src/site/graph.ts, which the edit
// invalidated: no restart is needed.
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EnvironmentModuleNode, Plugin } from 'vite';
import { loadContent } from '../lib/load.ts';
import { formatProblem, type Problem } from '../lib/problems.ts';

/** The module every page gets the graph from. */
const GRAPH_MODULE = fileURLToPath(new URL('../site/graph.ts', import.meta.url));

const isContentFile = (contentDir: string, file: string) => resolve(file).startsWith(contentDir + sep) && /\.(md|ya?ml)$/.test(file);

/** Validates the tree and says in the terminal what an author needs to know; returns the problems. */
export function reportContent(contentDir: string): Problem[] {
  const started = performance.now();
  const checked = loadContent(contentDir);
  const ms = Math.round(performance.now() - started);
  if (checked.ok) {
    const { sources, commitments, extracts } = checked.graph;
    console.log(`content is valid: ${sources.length} sources, ${commitments.length} commitments, ${extracts.length} extracts (${ms} ms)`);
    return [];
  }
  const count = `${checked.problems.length} content problem${checked.problems.length === 1 ? '' : 's'}`;
  console.error(`${checked.problems.map(formatProblem).join('\n')}\n${count}: the pages show them until they are fixed (${ms} ms)`);
  return checked.problems;
}

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The page shown instead of the site while the content has problems; Vite's client reloads it on the next edit. */
export function problemsPage(problems: readonly Problem[]): string {
  const count = `${problems.length} content problem${problems.length === 1 ? '' : 's'}`;
  const items = problems.map((problem) => `<li><code>${escapeHtml(formatProblem(problem))}</code></li>`).join('\n');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${count}</title><script type="module" src="/@vite/client"></script></head>
<body><main><h1>${count}</h1><p>Fix ${problems.length === 1 ? 'it' : 'them'} and this page reloads by itself.</p><ul>
${items}
</ul></main></body></html>
`;
}

export function contentWatch(contentDir: string): Plugin {
  return {
    name: 'childrens-social-care-reforms:content-watch',
    apply: 'serve',
    configureServer(server) {
      server.watcher.add(contentDir);
      let problems = reportContent(contentDir);
      server.middlewares.use((request, response, next) => {
        if (problems.length === 0 || request.method !== 'GET' || !request.headers.accept?.includes('text/html')) return next();
        response.writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        response.end(problemsPage(problems));
      });
      const changed = (file: string) => {
        if (!isContentFile(contentDir, file)) return;
        console.log(`${relative(process.cwd(), file)} changed`);
        // Invalidate the graph module and every page that imports it, in each server environment.
        for (const environment of Object.values(server.environments)) {
          const graph = environment.moduleGraph.getModulesByFile(GRAPH_MODULE);
          const seen = new Set<EnvironmentModuleNode>();
          for (const module of graph ?? []) environment.moduleGraph.invalidateModule(module, seen, Date.now(), true);
        }
        problems = reportContent(contentDir);
        // The server-side module runner drops what it evaluated; the browser reloads the page.
        for (const environment of Object.values(server.environments)) environment.hot.send({ type: 'full-reload', path: '*' });
      };
      server.watcher.on('change', changed);
      server.watcher.on('add', changed);
      server.watcher.on('unlink', changed);
    },
  };
}
