// The full-text layer: Pagefind's index of every source digest, commitment and extract page.
// Pure: Pagefind is passed in (the page imports it on demand), so a test can give a stand-in.
import type { SearchRecord } from '../search.ts';
import { RESULT_LIST } from '../search-config.ts';
import { meaningfulWords, searchWords } from '../search-rules.ts';
import type { Together } from './correct.ts';
import type { Selection } from './instant.ts';

// Pagefind ships no types for its browser API: these cover the parts used here.
/** One result's data: its URL, excerpt (escaped text with <mark>s), metadata (the page's search record) and sub-results. */
export interface PagefindData {
  url: string;
  excerpt: string;
  /** The page's indexed text (Pagefind's stand-ins in tests may leave it out). */
  content?: string;
  meta: SearchRecord['meta'];
  /** The places inside the page that matched (headings and anchors), each with its matched words' weights. */
  sub_results?: { url: string; title: string; weighted_locations?: { weight?: number; balanced_score?: number }[] }[];
}
export interface PagefindResult {
  /** Pagefind's id for the page: the same page has the same id in every search. */
  id?: string;
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
  /** Adds another index (a folder of Pagefind's files) to every later search; resolves once it is loaded. */
  mergeIndex(path: string, options: object): Promise<void>;
  filters(): Promise<Counts>;
  search(term: string | null, options: { filters: Record<string, { any: string[] } | { none: string[] }> }): Promise<PagefindSearch>;
}

/** A search's results, the words it used, and the query words it left out (on no page, or with no page having all of them). */
export interface Found {
  result: PagefindSearch;
  used: string[];
  dropped: string[];
  /** Only summaries had every word: they follow the pages found by `used`, and the page says so. */
  summariesHadAll?: true;
}

/** The selection as Pagefind takes it: OR within each filter. */
export const pagefindFilters = (filters: Selection): Record<string, { any: string[] }> =>
  Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, { any: values }]));

/**
 * The order in which words leave a query that no page matches whole: the word the most pages have
 * first (it says least), and words that stand together with a neighbouring query word in some
 * title, alias or glossary term ("staying close" in "is staying close a legal duty") only after
 * every other word, so the term a reader typed is never lost to the words around it. `count`: how
 * many pages have each word. Pure.
 */
export function droppingOrder(terms: readonly string[], count: (term: string) => number, together?: Together): string[] {
  const paired = new Set<string>();
  if (together)
    for (let i = 1; i < terms.length; i++) {
      const a = terms[i - 1] as string;
      const b = terms[i] as string;
      if (a !== b && together([a, b])) {
        paired.add(a);
        paired.add(b);
      }
    }
  return [...terms].sort((a, b) => Number(paired.has(a)) - Number(paired.has(b)) || count(b) - count(a));
}

/**
 * True when one of a search's first results (those the list shows first) is a page that answers
 * on its own, a commitment or an extract, not only source digests. A digest is long: its prose,
 * coverage notes and headings can hold every word of a long question without being about it.
 */
async function answers(result: PagefindSearch): Promise<boolean> {
  const first = await Promise.all(result.results.slice(0, RESULT_LIST.firstBatch).map((r) => r.data()));
  return first.some((data) => data.meta.result !== 's');
}

/**
 * True when Pagefind answered `term` with a shorter word it does have: given a word on no page, it
 * searches the longest prefix of it that some page has (its pull request 315), so "zebras" found
 * the four pages that cite "s.30ZE". Read from the words marked in the first result's excerpt: none
 * shares even the term's first two letters. A word of the same stem shares more, even where the
 * stemmer cuts deep ("using" is stemmed to "use"), so it is never taken for a fallback; a fallback
 * to a real prefix ("doc" for "document") is left to stand, as Pagefind gives it. A result with no
 * marked word is taken as a match.
 */
async function prefixOnly(result: PagefindSearch, term: string): Promise<boolean> {
  const first = result.results[0];
  if (!first) return false;
  const marked = [...(await first.data()).excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].flatMap((m) => searchWords(m[1] ?? ''));
  const shared = (word: string) => {
    let i = 0;
    while (i < word.length && word[i] === term[i]) i++;
    return i;
  };
  return marked.length > 0 && marked.every((word) => shared(word) < Math.min(2, term.length));
}

/**
 * Pagefind's results for the meaningful words. When no page has them all, or only source digests
 * do (issue 20: "can councils club together to buy children's home places" found one digest), the
 * results for the largest set of them that some commitment or extract has, dropping words in
 * `droppingOrder` (the commonest first, a known pair last), then the digests that had every word;
 * if no smaller set finds more than digests, the digests alone. Pagefind itself passes over a word
 * that is on no page: such words are found (only those `isKnown` does not vouch for need a look)
 * and reported as dropped, as is a word Pagefind could answer only by a prefix of it (`prefixOnly`).
 */
export async function fullText(engine: Pagefind, query: string, filters: Selection, isKnown: (word: string) => boolean, together?: Together): Promise<Found> {
  const options = { filters: pagefindFilters(filters) };
  const terms = query ? meaningfulWords(query) : [];
  const search = (text: string | undefined) => engine.search(text || null, options);
  const absent: string[] = [];
  for (const term of terms) {
    if (isKnown(term)) continue;
    const alone = await search(term);
    if (!alone.results.length || (await prefixOnly(alone, term))) absent.push(term);
  }
  const present = terms.filter((t) => !absent.includes(t));
  if (terms.length && !present.length) return { result: { results: [], filters: {} }, used: [], dropped: terms };
  const whole = await search(present.join(' '));
  if (present.length < 2 || (whole.results.length && (await answers(whole)))) return { result: whole, used: present, dropped: absent };
  const counts = await Promise.all(terms.map(async (t) => (absent.includes(t) ? 0 : (await search(t)).results.length)));
  const count = (t: string) => counts[terms.indexOf(t)] ?? 0;
  const found = (result: PagefindSearch, used: readonly string[]): Found => ({
    result,
    used: present.filter((t) => used.includes(t)),
    dropped: terms.filter((t) => !used.includes(t)),
  });
  // Words leave in order until a commitment or an extract has all those left.
  const order = droppingOrder(
    present.filter((t) => count(t) > 0),
    count,
    together,
  );
  let used = [...order];
  let result = used.length === present.length ? whole : await search(used.join(' '));
  /** The first smaller set some page has (digests only): the answer when no set finds more. */
  let fallback: Found | undefined;
  for (;;) {
    if (result.results.length) {
      if (await answers(result)) {
        if (!whole.results.length) return found(result, used);
        // The digests that had every word follow the pages found by fewer.
        const ids = new Set(result.results.map((r) => r.id));
        return {
          ...found({ ...result, results: [...result.results, ...whole.results.filter((r) => r.id === undefined || !ids.has(r.id))] }, used),
          summariesHadAll: true,
        };
      }
      fallback ??= found(result, used);
    }
    const next = order.shift();
    if (next === undefined || used.length <= 1) break;
    used = used.filter((t) => t !== next);
    result = await search(used.join(' '));
  }
  if (whole.results.length) return { result: whole, used: present, dropped: absent };
  return fallback ?? found(result, used);
}

/**
 * The full text for several spellings of one query (the query as corrected first, then other
 * corrections of its unknown word): each searched as `fullText` does, their results taken in turn
 * (first of each, then second of each…), each page once. The words used and dropped are the first's.
 */
export async function fullTextEither(
  engine: Pagefind,
  queries: readonly string[],
  filters: Selection,
  isKnown: (word: string) => boolean,
  together?: Together,
): Promise<Found> {
  const [first, ...others] = await Promise.all(queries.map((q) => fullText(engine, q, filters, isKnown, together)));
  if (!first || !others.length) return first ?? { result: { results: [], filters: {} }, used: [], dropped: [] };
  const lists = [first, ...others].map((found) => found.result.results);
  const seen = new Set<string>();
  const results: PagefindResult[] = [];
  for (let i = 0; lists.some((list) => i < list.length); i++) {
    for (const list of lists) {
      const result = list[i];
      if (!result) continue;
      const key = result.id ?? `${lists.indexOf(list)}:${i}`;
      if (seen.has(key)) continue;
      seen.add(key);
      results.push(result);
    }
  }
  return { ...first, result: { ...first.result, results } };
}

/**
 * The results with the pages that hold a corrected word exactly as corrected ahead of those Pagefind
 * matched only by its stem, among the first `depth`; the order is otherwise kept. Pagefind indexes
 * stems, so "replace" also finds every page that says "replaced" or "replacement", and a rare
 * body-text word a typo was corrected to ("reqplace") came 6th to 13th behind them (issue 20, the
 * bench's body-text typo set). `words`: each word the reader did not type, with its distance from
 * what was typed, best correction first. The nearest words come first; words as near take turns,
 * each bringing its next page, so every correction as near is seen near the top: the merged lists
 * alone did not do that, because Pagefind gives "followed", "follow" and "follows" the same pages in
 * the same order, and the one page that says "follows" came 6th for "followe". Reads each page's
 * text from its data, which the list loads anyway.
 */
export async function exactFirst(results: readonly PagefindResult[], words: ReadonlyMap<string, number>, depth: number): Promise<PagefindResult[]> {
  if (!words.size || results.length < 2) return [...results];
  const head = results.slice(0, depth);
  const held = await Promise.all(
    head.map(async (result) => {
      const text = new Set(searchWords((await result.data()).content ?? ''));
      return [...words.keys()].filter((word) => text.has(word));
    }),
  );
  const nearest = held.map((has) => Math.min(...has.map((word) => words.get(word) as number)));
  const placed = new Set<number>();
  const order: PagefindResult[] = [];
  for (const d of [...new Set(words.values())].sort((a, b) => a - b)) {
    // Each word of this distance: the pages that hold it and no nearer word, in the merged order.
    const turns = [...words].filter(([, at]) => at === d).map(([word]) => head.flatMap((_, i) => (nearest[i] === d && held[i]?.includes(word) ? [i] : [])));
    for (let k = 0; turns.some((pages) => k < pages.length); k++)
      for (const pages of turns) {
        const i = pages[k];
        if (i === undefined || placed.has(i)) continue;
        placed.add(i);
        order.push(head[i] as PagefindResult);
      }
  }
  return [...order, ...head.filter((_, i) => !placed.has(i)), ...results.slice(depth)];
}

/** The results, each reading its data once however often it is asked (the list reorders them by it, then shows them). */
export const readOnce = (results: readonly PagefindResult[]): PagefindResult[] =>
  results.map((result) => {
    let data: Promise<PagefindData> | undefined;
    return { ...result, data: () => (data ??= result.data()) };
  });

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
