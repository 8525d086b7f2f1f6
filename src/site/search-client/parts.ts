// Pagefind's index in parts (src/site/search-parts.ts): each part holds one record with every word
// of the site, which no search may return. Pure: wraps the loaded Pagefind.
import { ALL_WORDS } from '../search-parts.ts';
import type { Counts, Pagefind } from './full-text.ts';

const withoutFilter = (counts: Counts): Counts => Object.fromEntries(Object.entries(counts).filter(([name]) => name !== ALL_WORDS.filter));

/** Pagefind whose every search leaves out the parts' all-words records, and whose counts never name them. */
export function withoutAllWords(pagefind: Pagefind): Pagefind {
  return {
    options: (options) => pagefind.options(options),
    init: () => pagefind.init(),
    mergeIndex: (path, options) => pagefind.mergeIndex(path, options),
    filters: async () => withoutFilter(await pagefind.filters()),
    search: async (term, options) => {
      const found = await pagefind.search(term, { ...options, filters: { ...options.filters, [ALL_WORDS.filter]: { none: [ALL_WORDS.value] } } });
      return { ...found, filters: withoutFilter(found.filters) };
    },
  };
}
