// The one place pages get the knowledge graph: loaded and validated once per build, not per page.
import { resolve } from 'node:path';
import { loadContent } from '../lib/load.ts';
import { formatProblem } from '../lib/problems.ts';
import { makeUrls } from '../lib/urls.ts';
import type { Graph } from '../lib/graph.ts';

export const base: string = import.meta.env.BASE_URL;
export const urls = makeUrls(base);

function load(): Graph {
  const result = loadContent(resolve(process.cwd(), 'content'), { base });
  if (!result.ok) {
    // scripts/build.ts validates first and prints these; this guards a direct `astro build`.
    throw new Error(`Content has problems:\n${result.problems.map(formatProblem).join('\n')}`);
  }
  return result.graph;
}

export const graph: Graph = load();
