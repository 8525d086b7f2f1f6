// /sitemap.xml, written here rather than by an integration: every page, none of the redirects.
import type { APIRoute } from 'astro';
import { absolute, graph, urls } from '../site/graph.ts';
import { sitemapPaths, sitemapXml } from '../site/sitemap.ts';

export const GET: APIRoute = () =>
  new Response(sitemapXml(sitemapPaths(graph, urls).map(absolute)), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
