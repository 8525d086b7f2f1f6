import type { Graph } from '../lib/graph.ts';
import { PAGE_TEMPLATES, type PageTemplate } from './templates.ts';
import type { Urls } from './urls.ts';

/** The path of every page a reader can land on (no redirects, no 404), in a stable order: from the page templates. */
export function sitemapPaths(graph: Graph, urls: Urls): string[] {
  return Object.values(PAGE_TEMPLATES as Record<string, PageTemplate>)
    .filter((template) => template.sitemap)
    .flatMap((template) => template.paths(graph, urls));
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function sitemapXml(locations: readonly string[]): string {
  const entries = locations.map((loc) => `  <url><loc>${escapeXml(loc)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</urlset>\n`;
}
