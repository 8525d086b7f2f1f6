// Pagefind's index in parts (src/site/search-parts.ts): each part holds one record with every word
// of the site, which no search may return. Pure: wraps the loaded Pagefind.
import { ALL_WORDS } from '../search-rules.ts';
import type { Counts, Pagefind } from './full-text.ts';

const withoutFilter = ({ [ALL_WORDS.filter]: _, ...counts }: Counts): Counts => counts;

/** Pagefind whose every search leaves out the parts' all-words records, and whose counts never name them. */
export const withoutAllWords = (pagefind: Pagefind): Pagefind => ({
  ...pagefind,
  filters: async () => withoutFilter(await pagefind.filters()),
  search: async (term, options) => {
    const found = await pagefind.search(term, { filters: { ...options.filters, [ALL_WORDS.filter]: { none: [ALL_WORDS.value] } } });
    return { ...found, filters: withoutFilter(found.filters) };
  },
});
