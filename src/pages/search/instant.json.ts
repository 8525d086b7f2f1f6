// /search/instant.json: the instant index the search page answers from as the reader types
// (src/site/search-instant.ts), worked out once per build from the graph and shared with the
// search page, which preloads it while it is small enough.
import type { APIRoute } from 'astro';
import { graph } from '../../site/graph.ts';
import { instantFile } from '../../site/search-instant.ts';

export const GET: APIRoute = () => new Response(instantFile(graph).json, { headers: { 'content-type': 'application/json; charset=utf-8' } });
