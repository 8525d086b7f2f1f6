// What every route needs besides the graph: the site's URL layout and how to make a URL absolute.
// Pages pass the site's own (src/site/graph.ts); tests pass the fixture's, with no build.
import type { Graph } from '../../lib/graph.ts';
import type { makeRenderer } from '../render.ts';
import type { Urls } from '../urls.ts';

export interface SiteContext {
  graph: Graph;
  urls: Urls;
  absolute: (path: string) => string;
  render: ReturnType<typeof makeRenderer>;
}

export interface Crumb {
  href: string;
  text: string;
}

/** Home › Sources › <source>: the trail of every page that belongs to a source. */
export const sourceCrumbs = ({ urls }: SiteContext, source: { id: string; shortTitle: string }): Crumb[] => [
  { href: urls.home(), text: 'Home' },
  { href: urls.page('sources/'), text: 'Sources' },
  { href: urls.source(source.id), text: source.shortTitle },
];
