// `astro dev` for authors: content/ is watched; an edit re-validates the whole tree, prints its
// problems (or that it is valid) in the terminal, and reloads the open page. While there are
// problems, every page shows them (file:line:col, as in the terminal) instead of the site; once
// they are fixed, the pages read the graph again from src/site/graph.ts, which the edit
// invalidated: no restart is needed.
//
// Quiet by design: each problem is printed once per change and nothing else is. An editor's save
// often fires two or three watcher events; they are taken as one change. The server's module
// runners are not sent a "full-reload" (that re-runs every page module at once, and each that
// reads the broken graph would print the problems again under Vite's "An error happened during
// full reload"); their copy of the graph and of every module that imports it is dropped instead,
// to be read again on the next request. While there are problems, no request reaches Astro's
// renderer at all (a favicon or a feed request would otherwise print them again under an empty
// "Stack trace:"): pages get the list, anything else Astro would render a short plain answer.
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EnvironmentModuleNode, isRunnableDevEnvironment, type Plugin, type ViteDevServer } from 'vite';
import { loadContent } from '../lib/load.ts';
import { formatProblem, type Problem } from '../lib/problems.ts';

/** The module every page gets the graph from. */
const GRAPH_MODULE = fileURLToPath(new URL('../site/graph.ts', import.meta.url));

/** Watcher events closer together than this are one change (an editor's save, a `git checkout`). */
export const SETTLE_MS = 80;

const isContentFile = (contentDir: string, file: string) => resolve(file).startsWith(contentDir + sep) && /\.(md|ya?ml)$/.test(file);

/**
 * What Vite's watcher leaves alone under `astro dev`: everything inside `folders` (the build's
 * output, the bench's generated trees), except the content being watched and the folders on the
 * way to it. Vite watches the whole project, and `npm run bench` leaves tens of thousands of files
 * in bench/tmp/: with them watched, the first page of `npm run dev` came after 30 s and 44 s of
 * CPU instead of 6.5 s and 7 s (December 2026).
 */
export function unwatched(folders: readonly string[], contentDir: string): (path: string) => boolean {
  const inside = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);
  const content = resolve(contentDir);
  return (path) => {
    const file = resolve(path);
    return !inside(file, content) && !inside(content, file) && folders.some((dir) => inside(file, resolve(dir)));
  };
}

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

/**
 * Whether Vite itself serves a request (its client, a module, a dependency, a file in public/),
 * so that it never reaches Astro's renderer. Everything else — pages, endpoints, the 404 page for a
 * missing favicon — Astro renders from the graph.
 */
export function servedByVite(url: string, base: string, publicDir: string | false): boolean {
  const [rawPath = '/', query = ''] = url.split('?');
  if (/(?:^|&)(?:import|raw|url|worker|inline|direct|html-proxy|t=)/.test(query)) return true;
  const path = rawPath.startsWith(base) ? `/${rawPath.slice(base.length)}` : rawPath;
  if (/^\/(?:@|node_modules\/|src\/|__)/.test(path)) return true;
  if (!publicDir) return false;
  let file: string;
  try {
    file = join(publicDir, decodeURIComponent(path));
  } catch {
    return false;
  }
  return file.startsWith(publicDir) && existsSync(file) && statSync(file).isFile();
}

/** Drops every server environment's copy of the graph module and of every module that imports it; the client reloads. */
function reloadAfterContentChange(server: ViteDevServer): void {
  for (const environment of Object.values(server.environments)) {
    // The server's own module graph: what to transform again.
    const seen = new Set<EnvironmentModuleNode>();
    for (const module of environment.moduleGraph.getModulesByFile(GRAPH_MODULE) ?? []) environment.moduleGraph.invalidateModule(module, seen, Date.now(), true);
    if (environment.config.consumer === 'client') {
      environment.hot.send({ type: 'full-reload', path: '*' });
    } else if (isRunnableDevEnvironment(environment)) {
      // What the runner has evaluated: the graph and its importers, up to the page modules, run again on next use.
      const evaluated = environment.runner.evaluatedModules;
      const queue = [...(evaluated.getModulesByFile(GRAPH_MODULE) ?? [])];
      const dropped = new Set<string>();
      while (queue.length > 0) {
        const node = queue.pop();
        if (!node || dropped.has(node.id)) continue;
        dropped.add(node.id);
        evaluated.invalidateModule(node);
        for (const importer of node.importers) {
          const parent = evaluated.getModuleById(importer);
          if (parent) queue.push(parent);
        }
      }
    } else {
      environment.hot.send({ type: 'full-reload', path: '*' });
    }
  }
}

export function contentWatch(contentDir: string): Plugin {
  return {
    name: 'childrens-social-care-reforms:content-watch',
    apply: 'serve',
    configureServer(server) {
      server.watcher.add(contentDir);
      let problems = reportContent(contentDir);
      const publicDir = server.config.publicDir ? resolve(server.config.publicDir) : false;
      server.middlewares.use((request, response, next) => {
        if (problems.length === 0 || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
        if (request.headers.accept?.includes('text/html')) {
          response.writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
          response.end(problemsPage(problems));
          return;
        }
        if (servedByVite(request.url ?? '/', server.config.base, publicDir)) return next();
        const count = `${problems.length} content problem${problems.length === 1 ? '' : 's'}`;
        response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        response.end(`${count}: see the terminal, or open any page, for the list.\n`);
      });

      const changedFiles = new Set<string>();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = () => {
        timer = undefined;
        for (const file of [...changedFiles].sort()) console.log(`${relative(process.cwd(), file)} changed`);
        changedFiles.clear();
        problems = reportContent(contentDir);
        reloadAfterContentChange(server);
      };
      const changed = (file: string) => {
        if (!isContentFile(contentDir, file)) return;
        changedFiles.add(file);
        if (timer) clearTimeout(timer);
        timer = setTimeout(settle, SETTLE_MS);
      };
      server.watcher.on('change', changed);
      server.watcher.on('add', changed);
      server.watcher.on('unlink', changed);
      server.httpServer?.on('close', () => {
        if (timer) clearTimeout(timer);
      });
    },
  };
}
