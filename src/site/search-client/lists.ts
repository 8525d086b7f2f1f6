// Queries that name one of the tracker's lists ("overdue", "what has been delivered", "in
// progress"): the search page offers that list first, under the result count. The lists, their
// names and counts come from the build (src/site/tracker.ts's trackerLists, read from the status
// registry, rendered into the page by src/pages/search.astro), never from a copy here. Pure.
import { STOPWORDS, searchWords } from '../search-rules.ts';

/** One tracker list as the search page knows it: its path under /tracker/, its title and how many commitments it holds. */
export interface TrackerListLink {
  slug: string;
  title: string;
  count: number;
}

/** Words that ask for a list without naming one ("show me all commitments that are …"): never part of a list's name. */
const ASKING = new Set(['show', 'me', 'all', 'list', 'lists', 'commitment', 'commitments', 'tracker', 'status', 'still', 'now', 'currently', 'whats', 'been']);

const naming = (text: string) =>
  searchWords(text)
    .filter((w) => !STOPWORDS.has(w) && !ASKING.has(w))
    .join(' ');

/** The list a query names, by its title or its path ("in-progress"), once filler and asking words are left out; undefined when it names none. */
export function namedList(query: string, lists: readonly TrackerListLink[]): TrackerListLink | undefined {
  const asked = naming(query);
  if (!asked) return undefined;
  return lists.find((list) => naming(list.title) === asked || naming(list.slug) === asked);
}

/** The offer's words: "See the 6 overdue commitments", "See the 1 commitment with the status “In progress”". */
export function listOffer(list: TrackerListLink): string {
  const noun = list.count === 1 ? 'commitment' : 'commitments';
  return list.slug === 'overdue' ? `See the ${list.count} overdue ${noun}` : `See the ${list.count} ${noun} with the status “${list.title}”`;
}
