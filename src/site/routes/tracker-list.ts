// Everything a tracker list page (/tracker/<status>/, /tracker/overdue/) renders.
import { formatDate } from '../format.ts';
import { bySource, closingWords, newestAsOf, type TrackerList, trackerLists } from '../tracker.ts';
import type { Crumb, SiteContext } from './context.ts';

export interface TrackerListPage {
  list: TrackerList;
  path: string;
  crumbs: Crumb[];
  groups: ReturnType<typeof bySource>;
  /** What the list holds, after "Commitments …". */
  what: string;
}

export function trackerListPage({ graph, urls }: SiteContext, list: TrackerList): TrackerListPage {
  const reference = newestAsOf(graph);
  return {
    list,
    path: urls.page(`tracker/${list.slug}/`),
    crumbs: [
      { href: urls.home(), text: 'Home' },
      { href: urls.page('tracker/'), text: 'Delivery tracker' },
    ],
    groups: bySource(graph, list.commitments),
    what:
      list.slug === 'overdue'
        ? `due before ${reference ? formatDate(reference) : 'the newest status'} (the date of the newest status on this site) and not ${closingWords()}`
        : `with the status "${list.title}"`,
  };
}

export const trackerListPaths = (context: SiteContext) =>
  trackerLists(context.graph).map((list) => ({ params: { status: list.slug }, props: trackerListPage(context, list) }));
