// The instant layer: the instant index (search/instant.json, src/site/search-instant.ts) in
// MiniSearch, answering by title, alias, id, source, year and recommendation number as the reader
// types, with prefix and fuzzy matching. Pure: MiniSearch is passed in (the page loads it on demand).
import type MiniSearch from 'minisearch';
import type { CombinationOperator, Options, Query, SearchOptions } from 'minisearch';
import type { SearchFilter } from '../search.ts';
import { INSTANT_BOOST, INSTANT_FUZZY, INSTANT_SCORE_SCALE as SCORE_SCALE, RESULT_LIST } from '../search-config.ts';
import type { InstantDoc, InstantIndex, InstantManifest, InstantShard } from '../search-instant.ts';
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
export function instantDocuments(file: Pick<InstantIndex, 'sources' | 'docs'>): InstantDocument[] {
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
export function docFilters(file: Pick<InstantIndex, 'filters'>, doc: InstantDoc): Selection {
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

/** Fetches a file of the instant index by its path inside the site, parsed. */
export type FetchJson = (path: string) => Promise<unknown>;

/**
 * The instant index as far as it is in: the manifest, the word shards and page blocks fetched so
 * far (src/site/search-instant.ts), and MiniSearch over the shards' words, put back together
 * whenever a shard comes in. Each word's scores were worked out at build time over the whole index,
 * so an answer does not depend on which other shards are in.
 */
export interface Instant {
  index: MiniSearch<InstantDocument>;
  file: InstantManifest;
  Engine: typeof MiniSearch;
  fetch: FetchJson;
  /** Shards in (by key), and those on the way. */
  shards: Map<string, InstantShard | Promise<void>>;
  /** Pages whose block is in, by number. */
  docs: Map<number, InstantDoc>;
  blocks: Map<number, Promise<void>>;
  /** Each page's filter values, worked out when its block comes in. */
  filters: Map<number, Selection>;
}

/**
 * MiniSearch's BM25+ turned into a sum of the build's scores: with b = 0 and d = 0 a page's score
 * for a word is idf × tf·(k+1)/(tf+k), which for a very large k is idf × tf, and the build wrote
 * its score as tf (src/site/search-instant.ts).
 */
const PRECOMPUTED = { k: 1e9, b: 0, d: 0 };

const keysOf = (file: InstantManifest) => Object.keys(file.shards);

/** The shards a word needs: the one holding it and, when it may be the start of a longer word (`prefix`), every shard of words it begins. */
export function shardsFor(file: InstantManifest, word: string, prefix: boolean): string[] {
  const keys = keysOf(file);
  const holding = keys.reduce((best, key) => (word.startsWith(key) && key.length > best.length ? key : best), '');
  return [holding, ...(prefix ? keys.filter((key) => key.length > word.length && key.startsWith(word)) : [])];
}

/** In an index of more than one shard, a word still being typed is searched from its third letter. */
export const PREFIX_FROM = 3;

/** The words of a query the instant index can search now: stopwords out, a short last word out where the index is sharded. */
function wordsToLoad(file: InstantManifest, query: string): { word: string; prefix: boolean }[] {
  const words = searchWords(query).filter((w) => !STOPWORDS.has(w));
  const sharded = keysOf(file).length > 1;
  return words.flatMap((word, i) => {
    const prefix = i === words.length - 1;
    if (sharded && prefix && word.length < PREFIX_FROM) return [];
    return [{ word, prefix }];
  });
}

function rebuild(engine: Instant): void {
  const index: [string, Record<string, Record<string, number>>][] = [];
  const ids: Record<string, number> = {};
  const fields = Object.keys(INSTANT_BOOST);
  const lengths: Record<string, number[]> = {};
  const ones = fields.map(() => 1);
  for (const shard of engine.shards.values()) {
    if (shard instanceof Promise) continue;
    let term = '';
    let data: Record<string, Record<string, number>> = {};
    for (const [word, field, gaps, scores] of shard.t) {
      if (word !== term) {
        if (term) index.push([term, data]);
        term = word;
        data = {};
      }
      const postings: Record<string, number> = {};
      let id = 0;
      gaps.forEach((gap, i) => {
        id += gap;
        postings[id] = (scores[i] ?? 0) / SCORE_SCALE;
        ids[id] = id;
        lengths[id] = ones;
      });
      data[field] = postings;
    }
    if (term) index.push([term, data]);
  }
  engine.index = engine.Engine.loadJS<InstantDocument>(
    {
      documentCount: engine.file.n,
      nextId: engine.file.n,
      documentIds: ids,
      fieldIds: Object.fromEntries(fields.map((f, i) => [f, i])),
      fieldLength: lengths,
      averageFieldLength: ones,
      storedFields: {},
      dirtCount: 0,
      index,
      serializationVersion: 2,
    },
    { ...INSTANT_OPTIONS, searchOptions: { ...INSTANT_OPTIONS.searchOptions, bm25: PRECOMPUTED } },
  );
}

/** Fetches the shards `query`'s words need that are not in yet, and puts MiniSearch back together with them. */
export async function loadWords(engine: Instant, query: string): Promise<void> {
  const wanted = new Set(wordsToLoad(engine.file, query).flatMap(({ word, prefix }) => shardsFor(engine.file, word, prefix)));
  const waiting: Promise<void>[] = [];
  let added = false;
  for (const key of wanted) {
    const known = engine.shards.get(key);
    if (known instanceof Promise) waiting.push(known);
    else if (!known) {
      const path = engine.file.shards[key];
      if (!path) continue;
      const loading = engine.fetch(path).then((shard) => {
        engine.shards.set(key, shard as InstantShard);
        added = true;
      });
      engine.shards.set(key, loading);
      waiting.push(loading);
    }
  }
  await Promise.all(waiting);
  if (added) rebuild(engine);
}

/** Fetches the blocks of these pages that are not in yet. */
async function loadPages(engine: Instant, ids: readonly number[]): Promise<void> {
  const size = engine.file.block;
  await Promise.all(
    [...new Set(ids.map((id) => Math.floor(id / size)))].map((n) => {
      let loading = engine.blocks.get(n);
      if (!loading) {
        const path = engine.file.blocks[n];
        loading = (path ? engine.fetch(path) : Promise.resolve([])).then((docs) => {
          (docs as InstantDoc[]).forEach((doc, i) => {
            engine.docs.set(n * size + i, doc);
            engine.filters.set(n * size + i, docFilters(engine.file, doc));
          });
        });
        engine.blocks.set(n, loading);
      }
      return loading;
    }),
  );
}

/** The instant index, from its manifest: what the manifest carries is in at once, the rest is fetched as words need it. */
export function loadInstant(Engine: typeof MiniSearch, file: InstantManifest, fetch: FetchJson): Instant {
  const engine: Instant = {
    index: new Engine<InstantDocument>(INSTANT_OPTIONS),
    file,
    Engine,
    fetch,
    shards: new Map(),
    docs: new Map(),
    blocks: new Map(),
    filters: new Map(),
  };
  // A small index comes whole, as pages: indexed here, as MiniSearch indexes them at build time.
  if (file.docs) {
    engine.index.addAll(instantDocuments({ sources: file.sources, docs: file.docs }));
    file.docs.forEach((doc, id) => {
      engine.docs.set(id, doc);
      engine.filters.set(id, docFilters(file, doc));
    });
  }
  return engine;
}

/** Hits looked at, at most, for answers under filters: each needs its page's block. */
const FILTERED_HITS = 200;

/**
 * The instant answers for `query` under the selected filters, best first; `options` as MiniSearch's.
 * Fetches what it needs. Where some of the pages to show are not in yet (no filters selected:
 * filtered answers need each page's filters first), `leading` first gets the answers before the
 * first missing one: while a word is typed key by key, the best answers of the word so far are
 * usually those of the whole word, and their pages came in with it (bench: a round trip for the
 * others' page blocks was most of a later keystroke's wait at 10,000).
 */
export async function answer(
  engine: Instant | undefined,
  query: string,
  filters: Selection,
  options: SearchOptions = {},
  leading?: (docs: InstantDoc[]) => void,
): Promise<InstantDoc[]> {
  if (!engine || !query) return [];
  const combineWith = options.combineWith ?? 'AND';
  const q = instantQuery(query, engine.file.glossary, combineWith);
  // The query's spellings: as typed, and each glossary variant.
  const texts = (query: Query): string[] =>
    typeof query === 'string' ? [query] : typeof query === 'object' && 'queries' in query ? query.queries.flatMap(texts) : [];
  await Promise.all(texts(q).map((text) => loadWords(engine, text)));
  let search: Query = q;
  if (keysOf(engine.file).length > 1) {
    // A word left out (a short word still being typed, in a sharded index) is not searched.
    const trimmed = texts(q)
      .map((text) =>
        wordsToLoad(engine.file, text)
          .map((w) => w.word)
          .join(' '),
      )
      .filter(Boolean);
    if (!trimmed.length) return [];
    search = trimmed.length === 1 ? (trimmed[0] as string) : { combineWith: 'OR', queries: trimmed.map((t) => ({ combineWith, queries: [t] })) };
  }
  const hits = engine.index.search(search, options).map((hit) => hit.id as number);
  const wanted = RESULT_LIST.instant;
  if (!Object.keys(filters).length) {
    const top = hits.slice(0, wanted);
    if (leading) {
      const firstMissing = top.findIndex((id) => !engine.docs.has(id));
      if (firstMissing > 0) leading(top.slice(0, firstMissing).map((id) => engine.docs.get(id) as InstantDoc));
    }
    await loadPages(engine, top);
    return top.map((id) => engine.docs.get(id)).filter((doc) => doc !== undefined);
  }
  const found: InstantDoc[] = [];
  for (let from = 0; from < Math.min(hits.length, FILTERED_HITS) && found.length < wanted; from += wanted * 4) {
    const next = hits.slice(from, from + wanted * 4);
    await loadPages(engine, next);
    for (const id of next) {
      const doc = engine.docs.get(id);
      if (doc && found.length < wanted && passes(engine.filters.get(id) ?? {}, filters)) found.push(doc);
    }
  }
  return found;
}

/** True when some title, alias or id of the instant index has a word that `word` begins (no fuzzy matching); its shards must be in (loadWords). */
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
