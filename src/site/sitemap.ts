import type { Graph } from '../lib/graph.ts';
import { developmentYears } from './status.ts';
import { trackerLists } from './tracker.ts';
import type { Urls } from './urls.ts';

/** The path of every page a reader can land on (no redirects, no 404), in a stable order. */
export function sitemapPaths(graph: Graph, urls: Urls): string[] {
  return [
    urls.home(),
    urls.page('sources/'),
    ...graph.sources.map((s) => urls.source(s.id)),
    ...graph.commitments.map((c) => urls.commitment(c.id)),
    ...graph.extracts.map((e) => urls.extract(e.id)),
    urls.page('pillars/'),
    ...graph.pillars.map((p) => urls.pillar(p.id)),
    urls.page('timeline/'),
    urls.page('tracker/'),
    ...trackerLists(graph).map((list) => urls.page(`tracker/${list.slug}/`)),
    urls.page('tracker/changes/'),
    ...developmentYears(graph).map((year) => urls.page(`tracker/changes/${year}/`)),
    urls.page('data/'),
    urls.page('search/'),
  ];
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function sitemapXml(locations: readonly string[]): string {
  const entries = locations.map((loc) => `  <url><loc>${escapeXml(loc)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</urlset>\n`;
}
