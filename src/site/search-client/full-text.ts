// The full-text layer: Pagefind's index of every source digest, commitment and extract page.
// Pure: Pagefind is passed in (the page imports it on demand), so a test can give a stand-in.
import type { SearchRecord } from '../search.ts';
import { meaningfulWords } from '../search-rules.ts';
import type { Selection } from './instant.ts';

// Pagefind ships no types for its browser API: these cover the parts used here.
/** One result's data: its URL, excerpt (escaped text with <mark>s), metadata (the page's search record) and sub-results. */
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: SearchRecord['meta'];
  sub_results?: { url: string; title: string }[];
}
export interface PagefindResult {
  data(): Promise<PagefindData>;
}
/** Filter → value id → pages. */
export type Counts = Record<string, Record<string, number> | undefined>;
export interface PagefindSearch {
  results: PagefindResult[];
  filters: Counts;
}
export interface Pagefind {
  options(options: object): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Counts>;
  search(term: string | null, options: { filters: Record<string, { any: string[] }> }): Promise<PagefindSearch>;
}

/** A search's results, the words it used, and the query words it left out (on no page, or with no page having all of them). */
export interface Found {
  result: PagefindSearch;
  used: string[];
  dropped: string[];
}

/** The selection as Pagefind takes it: OR within each filter. */
export const pagefindFilters = (filters: Selection): Record<string, { any: string[] }> =>
  Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, { any: values }]));

/**
 * Pagefind's results for the meaningful words; when no page has them all, for the largest set of
 * them some page has, dropping first the word the most pages have (it says least). Pagefind
 * itself passes over a word that is on no page: such words are found (only those `isKnown` does
 * not vouch for need a look) and reported as dropped.
 */
export async function fullText(engine: Pagefind, query: string, filters: Selection, isKnown: (word: string) => boolean): Promise<Found> {
  const options = { filters: pagefindFilters(filters) };
  const terms = query ? meaningfulWords(query) : [];
  const search = (text: string | undefined) => engine.search(text || null, options);
  const absent: string[] = [];
  for (const term of terms) if (!isKnown(term) && !(await search(term)).results.length) absent.push(term);
  const present = terms.filter((t) => !absent.includes(t));
  if (terms.length && !present.length) return { result: { results: [], filters: {} }, used: [], dropped: terms };
  let result = await search(present.join(' '));
  if (result.results.length || present.length < 2) return { result, used: present, dropped: absent };
  const counts = await Promise.all(terms.map(async (t) => (absent.includes(t) ? 0 : (await search(t)).results.length)));
  const count = (t: string) => counts[terms.indexOf(t)] ?? 0;
  let used = terms.filter((t) => count(t) > 0);
  while (used.length) {
    result = await search(used.join(' '));
    if (result.results.length) break;
    const widest = used.reduce((a, b) => (count(b) > count(a) ? b : a));
    used = used.filter((t) => t !== widest);
  }
  return { result, used, dropped: terms.filter((t) => !used.includes(t)) };
}

/**
 * Counts for OR within a group: each group with a selection is counted as if nothing in it were
 * ticked. Pagefind counts only once its filter index is in, which is loaded here, after the
 * results are shown: at thousands of pages it weighs more than the first results.
 */
export async function orCounts(engine: Pagefind, query: string, filters: Selection): Promise<Counts> {
  await engine.filters();
  const counts = { ...(await engine.search(query || null, { filters: pagefindFilters(filters) })).filters };
  for (const name of Object.keys(filters)) {
    const others = Object.fromEntries(Object.entries(filters).filter(([n]) => n !== name));
    counts[name] = (await engine.search(query || null, { filters: pagefindFilters(others) })).filters[name];
  }
  return counts;
}
