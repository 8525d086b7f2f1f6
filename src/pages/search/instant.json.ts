// /search/instant.json: the instant index the search page answers from as the reader types
// (src/site/search-instant.ts), written once per build from the graph.
import type { APIRoute } from 'astro';
import { graph, urls } from '../../site/graph.ts';
import { instantIndex } from '../../site/search-instant.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(instantIndex(graph, urls)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
