// /search/facets.json: every search filter's values with their labels (src/site/search.ts's
// searchFacets), for the search page's filters, which fetch it when first opened
// (src/site/search-client/facets.ts). Kept out of the page itself, whose weight then does not grow
// with the content.
import type { APIRoute } from 'astro';
import type { FacetsFile } from '../../site/search-client/facets.ts';
import { graph } from '../../site/graph.ts';
import { searchFacets } from '../../site/search.ts';

export const GET: APIRoute = () => {
  const file: FacetsFile = Object.fromEntries(searchFacets(graph).map((f) => [f.name, f.values.map((v) => [v.id, v.label])]));
  return new Response(JSON.stringify(file), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
