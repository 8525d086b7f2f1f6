// The search's state is its URL: /search/?q=…&pillar=…&exact=1. Filter values are ids; a URL
// shared before ids (?pillar=Care+leavers) is read by label and written back with ids. Pure.
import type { FilterValue, SearchFilter } from '../search.ts';
import type { Selection } from './instant.ts';

export interface SearchState {
  /** The query as typed. */
  q: string;
  /** Search the words as typed: no typo correction (the "Search instead for …" link). */
  exact: boolean;
  filters: Selection;
}

/** The id a filter value from a URL stands for: itself when it is an id, else the id whose label it is (URLs from before ids), else undefined. */
export function filterId(value: string, options: readonly FilterValue[]): string | undefined {
  if (options.some((o) => o.id === value)) return value;
  const wanted = value.trim().toLowerCase();
  return options.find((o) => o.label.toLowerCase() === wanted)?.id;
}

/** The state a URL's parameters hold, given each filter's values (those the form offers); unknown values are left out. */
export function readState(params: URLSearchParams, options: Partial<Record<SearchFilter, readonly FilterValue[]>>): SearchState {
  const filters: Selection = {};
  for (const [name, values] of Object.entries(options) as [SearchFilter, FilterValue[]][]) {
    const wanted = new Set(params.getAll(name).map((v) => filterId(v, values)));
    const ids = values.map((v) => v.id).filter((id) => wanted.has(id));
    if (ids.length) filters[name] = ids;
  }
  return { q: params.get('q') ?? '', exact: params.get('exact') === '1', filters };
}

/** The URL query for a state (without "?"): the query unless blank, each filter's ids, and exact. */
export function writeState({ q, exact, filters }: SearchState): string {
  const params = new URLSearchParams();
  if (q.trim()) params.set('q', q);
  for (const [name, ids] of Object.entries(filters)) for (const id of ids) params.append(name, id);
  if (exact) params.set('exact', '1');
  return params.toString();
}
