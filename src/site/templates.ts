// Every HTML page template of the site, once: the page file that renders it, every path it
// renders for a graph, and the one page that stands for it in the browser checks. The sitemap and
// the browser checks (axe, 320 px, keyboard, requests) derive from this list, and a test fails
// when a page file under src/pages/ is in no template: a new template cannot go unchecked.
import type { Graph } from '../lib/graph.ts';
import { developmentYears } from './status.ts';
import { trackerLists } from './tracker.ts';
import type { Urls } from './urls.ts';

export interface PageTemplate {
  /** The .astro file under src/pages/ that renders it. */
  file: string;
  /** Every page of this template for a graph, in a stable order (redirect pages left out). */
  paths: (graph: Graph, urls: Urls) => string[];
  /** Listed in sitemap.xml (the 404 page is not). */
  sitemap: boolean;
  /** The page the browser checks open for this template: by default the first path. */
  sample?: (graph: Graph, urls: Urls) => string | undefined;
}

/** The biggest of a list, by a measure: the longest digest or pillar stands for its template. */
const largest = <T extends { id: string }>(items: readonly T[], size: (item: T) => number) => [...items].sort((a, b) => size(b) - size(a))[0];

export const PAGE_TEMPLATES = {
  home: { file: 'index.astro', paths: (_, urls) => [urls.home()], sitemap: true },
  sources: { file: 'sources/index.astro', paths: (_, urls) => [urls.page('sources/')], sitemap: true },
  source: {
    file: 'sources/[id].astro',
    paths: (graph, urls) => graph.sources.map((s) => urls.source(s.id)),
    sitemap: true,
    sample: (graph, urls) => {
      const source = largest(graph.sources, (s) => s.commitments.length + s.extracts.length);
      return source && urls.source(source.id);
    },
  },
  commitment: {
    file: 'commitments/[id].astro',
    paths: (graph, urls) => graph.commitments.map((c) => urls.commitment(c.id)),
    sitemap: true,
    // One with a lineage chain, developments and an Act section where there is one: the fullest page.
    sample: (graph, urls) => {
      const c = largest(graph.commitments, (c) => c.lineage.length + c.status.developments.length + c.legislation.length);
      return c && urls.commitment(c.id);
    },
  },
  extract: { file: 'extracts/[id].astro', paths: (graph, urls) => graph.extracts.map((e) => urls.extract(e.id)), sitemap: true },
  pillars: { file: 'pillars/index.astro', paths: (_, urls) => [urls.page('pillars/')], sitemap: true },
  pillar: {
    file: 'pillars/[id].astro',
    paths: (graph, urls) => graph.pillars.map((p) => urls.pillar(p.id)),
    sitemap: true,
    sample: (graph, urls) => {
      const pillar = largest(graph.pillars, (p) => graph.commitmentsByPillar.get(p.id)?.length ?? 0);
      return pillar && urls.pillar(pillar.id);
    },
  },
  timeline: { file: 'timeline.astro', paths: (_, urls) => [urls.page('timeline/')], sitemap: true },
  tracker: { file: 'tracker/index.astro', paths: (_, urls) => [urls.page('tracker/')], sitemap: true },
  'tracker list': {
    file: 'tracker/[status].astro',
    paths: (graph, urls) => trackerLists(graph).map((list) => urls.page(`tracker/${list.slug}/`)),
    sitemap: true,
    sample: (graph, urls) => {
      const list = largest(
        trackerLists(graph).map((l) => ({ ...l, id: l.slug })),
        (l) => l.commitments.length,
      );
      return list && urls.page(`tracker/${list.slug}/`);
    },
  },
  'tracker changes': { file: 'tracker/changes/index.astro', paths: (_, urls) => [urls.page('tracker/changes/')], sitemap: true },
  'tracker changes by year': {
    file: 'tracker/changes/[year].astro',
    paths: (graph, urls) => developmentYears(graph).map((year) => urls.page(`tracker/changes/${year}/`)),
    sitemap: true,
  },
  data: { file: 'data/index.astro', paths: (_, urls) => [urls.page('data/')], sitemap: true },
  search: { file: 'search.astro', paths: (_, urls) => [urls.page('search/')], sitemap: true },
  '404': { file: '404.astro', paths: (_, urls) => [urls.page('404.html')], sitemap: false, sample: (_, urls) => urls.page('no-such-page/') },
} as const satisfies Record<string, PageTemplate>;

export type TemplateName = keyof typeof PAGE_TEMPLATES;
export const TEMPLATE_NAMES = Object.keys(PAGE_TEMPLATES) as TemplateName[];

/** The page that stands for a template in the browser checks; undefined where the graph has none. */
export function samplePath(name: TemplateName, graph: Graph, urls: Urls): string | undefined {
  const template: PageTemplate = PAGE_TEMPLATES[name];
  return template.sample ? template.sample(graph, urls) : template.paths(graph, urls)[0];
}
