// /search/minisearch.js: MiniSearch (the npm dependency, its ES module build) minified for the
// search page, which imports it to load the instant index. Served from our own origin: the site
// makes no request to any other.
import type { APIRoute } from 'astro';
import { transform } from 'esbuild';
import source from 'minisearch?raw';

export const GET: APIRoute = async () => {
  const { code } = await transform(source, { minify: true, format: 'esm', target: 'es2020', legalComments: 'inline' });
  return new Response(code, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
};
