// The search page's filter values. The page's HTML holds only each filter's heading: its values
// and their labels are in search/facets.json (src/pages/search/facets.json.ts), fetched when the
// filters are first opened or a shared URL names one, and a filter shows only the values the
// results carry (and those ticked), so neither the page nor the list grows with the content.
// Pure.
import type { FilterValue, SearchFilter } from '../search.ts';
import type { Counts } from './full-text.ts';
import type { Selection } from './instant.ts';

/** The file, as a path inside the site (for `urls.page`). */
export const FACETS_FILE = 'search/facets.json';

/** search/facets.json: each filter's values in a reader's order, as [id, label]. */
export type FacetsFile = Partial<Record<SearchFilter, [string, string][]>>;

/** The file's values of each filter as FilterValues, as readState takes them. */
export const facetOptions = (file: FacetsFile): Partial<Record<SearchFilter, FilterValue[]>> =>
  Object.fromEntries(Object.entries(file).map(([name, values]) => [name, values.map(([id, label]) => ({ id, label }))]));

/**
 * The values a filter shows: those some result carries (a count above 0) and those ticked, in the
 * file's order; every value before there are counts (nothing searched yet).
 */
export function shownValues(name: SearchFilter, values: readonly FilterValue[], counts: Counts | undefined, selection: Selection): FilterValue[] {
  if (!counts) return [...values];
  const ticked = new Set(selection[name] ?? []);
  return values.filter((v) => (counts[name]?.[v.id] ?? 0) > 0 || ticked.has(v.id));
}

/** True when a URL's parameters name a filter: the values' labels are needed before the first search. */
export const namesFilter = (params: URLSearchParams, filters: readonly string[]): boolean => filters.some((name) => params.has(name));
