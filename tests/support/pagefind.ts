// A stand-in for Pagefind for the search client's unit tests.
import type { Pagefind, PagefindData } from '../../src/site/search-client/full-text.ts';
import { searchWords } from '../../src/site/search-rules.ts';

/**
 * A stand-in for Pagefind: pages of words, a page matching when it has every word searched; it
 * counts what it is asked. Like Pagefind, it loads a page's data once (its fragment) however often
 * it is asked for it, and gives a page the same id in every search.
 */
export function fakePagefind(pages: { url: string; text: string; kind?: 'c' | 'e' | 's' }[]) {
  const asked = { searches: [] as (string | null)[], data: 0 };
  const loaded = new Set<string>();
  const engine: Pagefind = {
    options: async () => {},
    init: async () => {},
    mergeIndex: async () => {},
    filters: async () => ({}),
    search: async (term) => {
      asked.searches.push(term);
      const wanted = searchWords(term ?? '');
      const hits = pages.filter((p) => wanted.every((w) => searchWords(p.text).includes(w)));
      return {
        filters: {},
        results: hits.map((p) => ({
          id: p.url,
          data: async (): Promise<PagefindData> => {
            if (!loaded.has(p.url)) asked.data++;
            loaded.add(p.url);
            return { url: p.url, excerpt: p.text, meta: { title: p.text, result: p.kind ?? 'c', type: 'Commitment', source: '', year: '' } };
          },
        })),
      };
    },
  };
  return { engine, asked };
}
