// Pagefind's index in parts, for a site too big for one Pagefind process: each part is its own
// index in its own folder, written by its own Pagefind process (on its own core), and the search
// page merges them (Pagefind's `mergeIndex`). At 10,000 commitments one process needed 2.4 GB and
// spent about 19 s building and compressing on one core; two halves side by side needed 1.2 GB
// each and 13.6 s together (December 2026). Pages are shared out by the last character of their
// id, the only split Pagefind's globs can express: the characters are dealt out so that the parts
// hold about as many pages each, which also keeps each part's word statistics (and so the scores
// the page merges) alike. Pure: the integration writes the parts, the search page names them.
import type { Graph } from '../lib/graph.ts';
import { PAGEFIND_PAGES_PER_PART } from './search-config.ts';
import { ALL_WORDS, SEARCH_FILES } from './search-rules.ts';

/** Every character an id can end with (ID_PATTERN in src/lib/schema/primitives.ts). */
export const ID_ENDINGS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** The folders (inside the site) of the indexed pages, one per entity kind Pagefind indexes. */
export const INDEXED_FOLDERS = ['sources', 'commitments', 'extracts'] as const;

/** The page kinds a reader searches for; every other page (lists, redirects, data) stays out of the index. */
export const INDEXED_PAGES = `{${INDEXED_FOLDERS.join(',')}}/*/index.html`;

export interface IndexPart {
  /** The part's folder inside the site, e.g. `pagefind/`; the first is Pagefind's usual one. */
  folder: string;
  /** The pages it indexes, as a glob under the site's folder. */
  glob: string;
  /** The characters its pages' ids end with. */
  endings: string;
  /** How many of the graph's pages it holds. */
  pages: number;
}

/** How many parts for this many indexed pages: one until a part would hold more than `perPart`. */
export const partCount = (pages: number, perPart = PAGEFIND_PAGES_PER_PART): number => Math.max(1, Math.ceil(pages / perPart));

/** The folder of part `n` (0-based): Pagefind's own for the first, siblings after it. */
export const partFolder = (n: number): string => (n === 0 ? SEARCH_FILES.pagefind : `${SEARCH_FILES.pagefind.replace(/\/$/, '')}-${n + 1}/`);

/**
 * The parts for pages with these ids: each id ending goes to the part with the fewest pages so far,
 * the commonest endings first (ties by character), so the split is the same for the same ids.
 * Every ending has a part, even one no id has yet: a page is never left out of the index.
 */
export function indexParts(ids: readonly string[], perPart = PAGEFIND_PAGES_PER_PART): IndexPart[] {
  const count = partCount(ids.length, perPart);
  if (count === 1) return [{ folder: partFolder(0), glob: INDEXED_PAGES, endings: ID_ENDINGS, pages: ids.length }];
  const byEnding = new Map([...ID_ENDINGS].map((c) => [c, 0]));
  for (const id of ids) {
    const last = id.at(-1) ?? '';
    if (!byEnding.has(last)) throw new Error(`id "${id}" ends with "${last}", which no index part takes (expected one of ${ID_ENDINGS})`);
    byEnding.set(last, (byEnding.get(last) ?? 0) + 1);
  }
  const parts = Array.from({ length: count }, () => ({ endings: [] as string[], pages: 0 }));
  for (const [ending, pages] of [...byEnding].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))) {
    const lightest = parts.reduce((best, part) => (part.pages < best.pages ? part : best));
    lightest.endings.push(ending);
    lightest.pages += pages;
  }
  // One ending can outweigh all the rest (ids that all end alike): a part left empty gives its endings to the last part with pages.
  const filled = parts.filter((part) => part.pages > 0);
  for (const empty of parts.filter((part) => part.pages === 0)) filled.at(-1)?.endings.push(...empty.endings);
  return filled.map((part, n) => {
    const endings = [...part.endings].sort().join('');
    return { folder: partFolder(n), glob: `{${INDEXED_FOLDERS.join(',')}}/*[${endings}]/index.html`, endings, pages: part.pages };
  });
}

/** The ids of every page Pagefind indexes. */
export const indexedIds = (graph: Graph): string[] => [...graph.sources, ...graph.commitments, ...graph.extracts].map((entity) => entity.id);

/** The graph's index parts. */
export const graphIndexParts = (graph: Graph, perPart = PAGEFIND_PAGES_PER_PART): IndexPart[] => indexParts(indexedIds(graph), perPart);

/** The all-words record as Pagefind's `addCustomRecord` takes it. */
export const allWordsRecord = (content: string) => ({
  url: '/',
  content,
  // The pages' language (lang="en-GB" in src/components/Layout.astro) as Pagefind writes it: in any other, the record would be in an index of its own.
  language: 'en-gb',
  filters: { [ALL_WORDS.filter]: [ALL_WORDS.value] },
  meta: { title: '' },
});

/**
 * Every word of the indexed pages' content, once each: each part gets one record holding them all,
 * so that every word is in every part and Pagefind never loosens a query word that is only on
 * another part's pages (it matches a word on no page of its own index loosely, part by part).
 */
export function allWords(graph: Graph): string {
  const words = new Set<string>();
  const seen = new Set<object>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const word of value.split(/\s+/)) if (word) words.add(word);
    } else if (value && typeof value === 'object' && !seen.has(value)) {
      seen.add(value);
      for (const inner of value instanceof Map ? value.values() : Object.values(value)) add(inner);
    }
  };
  for (const entity of [...graph.sources, ...graph.commitments, ...graph.extracts, ...graph.pillars, ...graph.glossary]) add(entity);
  return [...words].join(' ');
}
