// The instant layer: the instant index (search/instant.json, src/site/search-instant.ts) in
// MiniSearch, answering by title, alias, id, source, year and recommendation number as the reader
// types, with prefix and fuzzy matching. Pure: MiniSearch is passed in (the page loads it on demand).
import type MiniSearch from 'minisearch';
import type { CombinationOperator, Options, Query, SearchOptions } from 'minisearch';
import type { SearchFilter } from '../search.ts';
import { INSTANT_BOOST, INSTANT_CHUNK, INSTANT_FUZZY, RESULT_LIST } from '../search-config.ts';
import type { InstantDoc, InstantIndex } from '../search-instant.ts';
import { STOPWORDS, searchWords } from '../search-rules.ts';

/** Filter → value ids: what a reader ticked, or what a page carries. */
export type Selection = Partial<Record<SearchFilter, string[]>>;

/** The fields each page is indexed under, as MiniSearch documents (the array index is the id). */
export interface InstantDocument {
  id: number;
  title: string;
  aliases: string;
  source: string;
  year: string;
  rec: string;
  code: string;
}

/** How many edits a query word may be from a title word: none for short words, two for long ones. */
export const fuzziness = (term: string): number => (term.length >= INSTANT_FUZZY.twoEditsFrom ? 2 : term.length >= INSTANT_FUZZY.oneEditFrom ? 1 : 0);

/** MiniSearch's options for the instant index: field weights, our word splitting, prefix on the word being typed, fuzzy on longer words. */
export const INSTANT_OPTIONS: Options<InstantDocument> = {
  fields: Object.keys(INSTANT_BOOST),
  tokenize: (text) => searchWords(text),
  searchOptions: {
    boost: { ...INSTANT_BOOST },
    combineWith: 'AND',
    prefix: (_term, i, terms) => i === terms.length - 1,
    fuzzy: (term) => fuzziness(term),
    processTerm: (term) => (STOPWORDS.has(term) ? null : term),
  },
};

/** The instant file's pages as MiniSearch documents. */
export function instantDocuments(file: InstantIndex): InstantDocument[] {
  return file.docs.map((doc, id) => {
    const source = file.sources[doc.s];
    return {
      id,
      title: doc.t,
      aliases: doc.k === 's' ? `${source?.t ?? ''} · ${source?.a ?? ''}` : (doc.a ?? ''),
      source: doc.k === 's' ? '' : (source?.t ?? ''),
      year: source?.y ?? '',
      rec: doc.r ? `recommendation ${doc.r}` : '',
      code: doc.id,
    };
  });
}

/** A page's filter values, read back from the file's table: the same as its search record's. */
export function docFilters(file: InstantIndex, doc: InstantDoc): Selection {
  const filters: Selection = {};
  for (const i of doc.f) {
    const entry = file.filters[i];
    if (!entry) continue;
    const [name, id] = entry;
    filters[name] = [...(filters[name] ?? []), id];
  }
  return filters;
}

/** True when a page carries one of the selected values in every group that has a selection (OR within a group, AND across groups). */
export const passes = (filters: Selection, selected: Selection): boolean =>
  Object.entries(selected).every(([name, values]) => values.some((v) => filters[name as SearchFilter]?.includes(v)));

/**
 * The MiniSearch query: the words as typed, or also each glossary synonym of a term they contain
 * ("locums" also searches "agency social workers"). Each variant combines its own words as
 * `combineWith` says (AND unless told), and the variants are ORed: a nested query takes its
 * parent's `combineWith`, so without it each variant's words would be ORed too, and "free
 * prescriptions for care leavers" answered with every title that says "care" (issue 20).
 */
export function instantQuery(query: string, glossary: readonly (readonly string[])[], combineWith: CombinationOperator = 'AND'): Query {
  const text = ` ${searchWords(query).join(' ')} `;
  const variants: string[] = [];
  for (const group of glossary) {
    const terms = group.map((t) => searchWords(t).join(' '));
    const used = terms.find((t) => text.includes(` ${t} `));
    if (used) for (const other of terms) if (other !== used) variants.push(text.replace(` ${used} `, ` ${other} `).trim());
  }
  if (!variants.length) return query;
  return { combineWith: 'OR', queries: [query, ...variants.slice(0, RESULT_LIST.glossaryVariants)].map((q) => ({ combineWith, queries: [q] })) };
}

/** The instant index in MiniSearch, with each page's filter values. */
export interface Instant {
  index: MiniSearch<InstantDocument>;
  file: InstantIndex;
  filters: Selection[];
}

/** Indexes the instant file, in chunks, so that indexing thousands of titles never blocks a keystroke for long. */
export async function loadInstant(Engine: typeof MiniSearch, file: InstantIndex): Promise<Instant> {
  const index = new Engine<InstantDocument>(INSTANT_OPTIONS);
  await index.addAllAsync(instantDocuments(file), { chunkSize: INSTANT_CHUNK });
  return { index, file, filters: file.docs.map((doc) => docFilters(file, doc)) };
}

/** The instant answers for `query` under the selected filters, best first; `options` as MiniSearch's. */
export function answer(engine: Instant | undefined, query: string, filters: Selection, options: SearchOptions = {}): InstantDoc[] {
  if (!engine || !query) return [];
  const hits = engine.index.search(instantQuery(query, engine.file.glossary, options.combineWith ?? 'AND'), {
    ...options,
    filter: (hit) => passes(engine.filters[hit.id] ?? {}, filters),
  });
  // A hit's id is an index into the file's docs.
  return hits.slice(0, RESULT_LIST.instant).map((hit) => engine.file.docs[hit.id] as InstantDoc);
}

/** True when some title, alias or id of the instant index has a word that `word` begins (no fuzzy matching). */
export const knows = (engine: Instant | undefined, word: string): boolean =>
  engine ? engine.index.search(word, { prefix: true, fuzzy: false, combineWith: 'OR', processTerm: (t) => t }).length > 0 : false;

/** A word and its plural or singular by a final "s", as the glossary matches terms. */
const withPlural = (word: string): string[] => [word, word.endsWith('s') && word.length > 3 ? word.slice(0, -1) : `${word}s`];

/**
 * True when the words stand together in one title, alias or id of the instant index, or in one
 * glossary term, each word exactly or with a plural "s" added or taken away (no prefix or fuzzy
 * matching): a known pair for typo correction and for the words a question must keep
 * (./correct.ts, ./full-text.ts).
 */
export function together(engine: Instant | undefined, words: readonly string[]): boolean {
  if (!engine || !words.length) return false;
  const inTerm = engine.file.glossary.some((group) =>
    group.some((term) => {
      const termWords = searchWords(term);
      return words.every((w) => withPlural(w).some((form) => termWords.includes(form)));
    }),
  );
  if (inTerm) return true;
  const query: Query = { combineWith: 'AND', queries: words.map((w) => ({ combineWith: 'OR', queries: withPlural(w) })) };
  return engine.index.search(query, { prefix: false, fuzzy: false, processTerm: (t) => t }).length > 0;
}
