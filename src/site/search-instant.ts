// The instant index: what people search for by name (commitment, extract and source titles,
// aliases, ids, source short titles, years, recommendation numbers) with the filter values each
// page carries, written once per build to search/instant.json (src/pages/search/instant.json.ts).
// The search page loads it into MiniSearch (prefix and fuzzy matching) and answers from it as the
// reader types, before Pagefind's full-text results arrive. Body text stays in Pagefind only, so
// the file grows with the number of pages, not with their length. Pure.
// A page's filter values are its search record's (src/site/search.ts), the same Pagefind files it
// under: worked out once, stored here as indexes, and read back by the search page
// (src/site/search-client/instant.ts).
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import type { Graph, SourceRecord } from '../lib/graph.ts';
import { yearOf } from './format.ts';
import { commitmentSearchRecord, extractSearchRecord, type SearchFilter, type SearchRecord, searchVocabulary, sourceSearchRecord } from './search.ts';
import { INSTANT_OPTIONS, type InstantDocument, instantDocuments } from './search-client/instant.ts';
import { INSTANT_BLOCK, INSTANT_PRELOAD_BYTES, INSTANT_SCORE_SCALE as SCORE_SCALE, INSTANT_SHARD_BYTES } from './search-config.ts';
import { type ResultKind, SEARCH_FILES, STOPWORDS } from './search-rules.ts';

/** One page in the instant index. Short keys: the file is fetched before the first answers. */
export interface InstantDoc {
  /** The result kind (src/site/search-rules.ts): c = commitment, e = extract, s = source digest. */
  k: ResultKind;
  id: string;
  /** Title. */
  t: string;
  /** Index into `sources`. */
  s: number;
  /** Aliases, joined with " · ". */
  a?: string;
  /** A review's recommendation number. */
  r?: number;
  /** The page's opening words (a commitment's text, an extract's passage, a digest's summary), shown under an instant answer. */
  o?: string;
  /** The page's filter values, as indexes into `filters`. */
  f: number[];
}

export interface InstantSource {
  /** Short title. */
  t: string;
  /** Aliases, joined with " · ". */
  a: string;
  /** Year of publication. */
  y: string;
}

export interface InstantIndex {
  sources: InstantSource[];
  /** Every filter value some page carries, as [filter, value id]; pages refer to them by index. */
  filters: [SearchFilter, string][];
  /** Glossary groups: a query term of one group also searches the others. */
  glossary: string[][];
  docs: InstantDoc[];
}

const aliasText = (aliases: readonly string[]) => (aliases.length ? { a: aliases.join(' · ') } : {});

/** How many words of a page's opening an instant answer shows: about a line on a phone and a half. */
export const OPENING_WORDS = 14;

/** The first `OPENING_WORDS` words of a text, with "…" where it goes on. */
export function openingWords(text: string | undefined): { o?: string } {
  const words = (text ?? '').split(/\s+/).filter(Boolean);
  if (!words.length) return {};
  return { o: words.length > OPENING_WORDS ? `${words.slice(0, OPENING_WORDS).join(' ')}…` : words.join(' ') };
}

export function instantIndex(graph: Graph): InstantIndex {
  const position = new Map(graph.sources.map((s, i) => [s.id, i]));
  const sourceOf = (id: string) => graph.source.get(id) as SourceRecord;
  // One table of filter values: at 10,000 commitments, repeating ids in every page would double the file.
  const filters: [SearchFilter, string][] = [];
  const at = new Map<string, number>();
  const indexes = (record: SearchRecord) =>
    (Object.entries(record.filters) as [SearchFilter, string[]][]).flatMap(([name, ids]) =>
      ids.map((id) => {
        const key = `${name}=${id}`;
        if (!at.has(key)) at.set(key, filters.push([name, id]) - 1);
        return at.get(key) as number;
      }),
    );
  const doc = (k: ResultKind, id: string, t: string, source: string, record: SearchRecord): InstantDoc => ({
    k,
    id,
    t,
    s: position.get(source) ?? -1,
    f: indexes(record),
  });
  const docs: InstantDoc[] = [
    ...graph.commitments.map((c) => ({
      ...doc('c', c.id, c.title, c.source, commitmentSearchRecord(graph, c, sourceOf(c.source))),
      ...aliasText(c.aliases),
      ...(c.recommendation !== undefined ? { r: c.recommendation } : {}),
      ...openingWords(c.text),
    })),
    ...graph.extracts.map((e) => ({ ...doc('e', e.id, e.title, e.source, extractSearchRecord(graph, e, sourceOf(e.source))), ...openingWords(e.blocks[0]) })),
    ...graph.sources.map((s) => ({ ...doc('s', s.id, s.title, s.id, sourceSearchRecord(s)), ...openingWords(s.description) })),
  ];
  return {
    sources: graph.sources.map((s) => ({ t: s.shortTitle, a: s.aliases.join(' · '), y: yearOf(s.published) })),
    filters,
    glossary: graph.glossary.map((g) => [...g.terms]),
    docs,
  };
}

// The instant index as served: split so that a search fetches only what its words need, whatever
// the size of the content. MiniSearch indexes every page once, here, and its index is cut into
// files (the search page puts the parts it fetches back together: src/site/search-client/instant.ts):
// - word shards: the index's words, grouped by how they begin (a prefix trie cut so that no shard
//   outgrows INSTANT_SHARD_BYTES unless one word alone does), each word with its pages and a score
//   worked out here from the whole index, so a page's score does not depend on which shards are in;
// - blocks of pages (title, kind, id, source, aliases, filter values), fetched for the answers shown;
// - the typo-correction vocabulary (src/site/search.ts), in buckets by word length: a word's
//   corrections are at most two letters longer or shorter.
// Shards, blocks and buckets are named by a hash of their content (immutable); the manifest
// (search/instant.json) names them and carries the sources, filter values and glossary. Where the
// whole index fits INSTANT_PRELOAD_BYTES, the manifest carries the pages themselves instead, which
// the search page indexes in MiniSearch as they are (smaller than shards with their scores).

/** A word shard: [word, field id, page numbers as gaps from the previous, scores × SCORE_SCALE]. */
export interface InstantShard {
  t: [string, number, number[], number[]][];
}

export interface InstantManifest {
  sources: InstantSource[];
  /** Every filter value some page carries, as [filter, value id]; pages refer to them by index. */
  filters: [SearchFilter, string][];
  glossary: string[][];
  /** Pages in the index (MiniSearch's document count, for its scoring). */
  n: number;
  /** Word shards: key → file. A word is in the shard of the longest key it begins with ("" holds the rest). */
  shards: Record<string, string>;
  /** Pages per block. */
  block: number;
  /** The blocks of pages, in order: file of each. */
  blocks: string[];
  /** Vocabulary buckets: [shortest word, longest word, file]. */
  vocabulary: [number, number, string][];
  /** Every page, carried in the manifest where the whole index fits INSTANT_PRELOAD_BYTES: the search page indexes them itself (no shards, no blocks). */
  docs?: InstantDoc[];
}

export interface InstantFile {
  index: InstantIndex;
  manifest: InstantManifest;
  /** The manifest's text, as served (search/instant.json). */
  json: string;
  /** Every other file: path inside the site → text. */
  files: Map<string, string>;
  /** Always true: the manifest is small at any size; kept for the search page. */
  preload: boolean;
}

/** An instant index as one file: its text, and whether it fits the preload budget. */
export interface IndexFile {
  index: InstantIndex;
  json: string;
  preload: boolean;
}

/** True when an instant index's JSON fits the first answers' budget (INSTANT_PRELOAD_BYTES, gzip). */
export const preloadable = (json: string, budget = INSTANT_PRELOAD_BYTES): boolean => gzipSync(json).length <= budget;

/**
 * The file for an index: with the pages' opening words while it fits the preload budget, without
 * them past it. They add about 70% to the file (15 → 26 KB gzipped at 200 generated commitments,
 * 615 → 1,083 KB at 10,000), and where the file is not preloaded every byte of it delays an answer;
 * instant answers then say why they matched by the alias that did, where one did.
 */
export function fileFor(index: InstantIndex, budget = INSTANT_PRELOAD_BYTES): IndexFile {
  const json = JSON.stringify(index);
  if (preloadable(json, budget)) return { index, json, preload: true };
  const lean = { ...index, docs: index.docs.map(({ o: _opening, ...doc }) => doc) };
  const leanJson = JSON.stringify(lean);
  return { index: lean, json: leanJson, preload: preloadable(leanJson, budget) };
}

/** MiniSearch's BM25+ parameters (its defaults, which INSTANT_OPTIONS keeps). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 10).replace(/[-_]/g, 'x');

/**
 * Cuts words into shards by prefix: a prefix whose words weigh more than `target` bytes is split
 * by the next letter; a child that weighs little stays with its parent. Returns the keys ("" first).
 */
export function shardKeys(weights: ReadonlyMap<string, number>, target: number): string[] {
  const keys: string[] = [];
  const split = (prefix: string, words: string[]) => {
    let own = 0;
    const children = new Map<string, string[]>();
    for (const word of words) {
      if (word.length === prefix.length) own += weights.get(word) ?? 0;
      else {
        const next = word.slice(0, prefix.length + 1);
        const list = children.get(next);
        if (list) list.push(word);
        else children.set(next, [word]);
      }
    }
    const total = words.reduce((sum, w) => sum + (weights.get(w) ?? 0), 0);
    keys.push(prefix);
    if (total <= target) return;
    // The heaviest children get shards of their own; the light ones stay here while the shard has room.
    const sized = [...children].map(([key, list]) => ({ key, list, bytes: list.reduce((sum, w) => sum + (weights.get(w) ?? 0), 0) }));
    sized.sort((a, b) => a.bytes - b.bytes || (a.key < b.key ? -1 : 1));
    for (const child of sized) {
      if (own + child.bytes <= target / 2) own += child.bytes;
      else split(child.key, child.list);
    }
  };
  split('', [...weights.keys()]);
  return keys.sort();
}

/** The key of the shard holding `word`: the longest key it begins with. */
export const shardOf = (keys: readonly string[], word: string): string =>
  keys.reduce((best, key) => (word.startsWith(key) && key.length > best.length ? key : best), '');

/** The budgets the index is cut by: INSTANT_PRELOAD_BYTES and INSTANT_SHARD_BYTES unless a test asks for others. */
export interface InstantBudgets {
  /** Below this (gzip), shards and blocks travel in the manifest. */
  preload: number;
  /** A shard's target (JSON bytes). */
  shard: number;
  /** Pages per block. */
  block?: number;
}

/** The instant index's files for `graph`, cut by `budgets`; `instantFile` keeps one per graph. */
export function instantFiles(graph: Graph, budgets: InstantBudgets = { preload: INSTANT_PRELOAD_BYTES, shard: INSTANT_SHARD_BYTES }): InstantFile {
  const index = instantIndex(graph);
  // With the pages' opening words while it fits, without them past it (fileFor).
  const whole = fileFor(index, budgets.preload);
  const small = whole.preload;
  // A small index travels as pages (below): no shards to work out.
  const engine = new MiniSearch<InstantDocument>(INSTANT_OPTIONS);
  if (!small) engine.addAll(instantDocuments(index));
  const js = engine.toJSON();
  // Each word's pages and scores per field, as MiniSearch would score them with the whole index in.
  const entries = new Map<string, InstantShard['t']>();
  const weights = new Map<string, number>();
  for (const [term, fields] of js.index) {
    // Queries never search a stopword (INSTANT_OPTIONS).
    if (STOPWORDS.has(term)) continue;
    const rows: InstantShard['t'] = [];
    for (const [field, postings] of Object.entries(fields as Record<string, Record<string, number>>)) {
      const fieldId = Number(field);
      const average = js.averageFieldLength[fieldId] ?? 1;
      const pages = Object.entries(postings)
        .map(([id, tf]) => {
          const length = (js.fieldLength as Record<string, number[]>)[id]?.[fieldId] ?? 0;
          const score = BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / average));
          return [Number((js.documentIds as Record<string, number>)[id]), Math.round(score * SCORE_SCALE)] as const;
        })
        .sort((a, b) => a[0] - b[0]);
      rows.push([term, fieldId, pages.map(([id], i) => id - (i ? (pages[i - 1]?.[0] ?? 0) : 0)), pages.map(([, s]) => s)]);
    }
    entries.set(term, rows);
    weights.set(term, JSON.stringify(rows).length);
  }
  const files = new Map<string, string>();
  const file = (folder: string, name: string, text: string) => {
    const path = `${SEARCH_FILES.instantFolder}${folder}${name}.${hashOf(text)}.json`;
    files.set(path, text);
    return path;
  };
  const keys = small ? [''] : shardKeys(weights, budgets.shard);
  const shards = new Map<string, InstantShard>(keys.map((key) => [key, { t: [] }]));
  for (const [term, rows] of [...entries].sort(([a], [b]) => (a < b ? -1 : 1))) shards.get(shardOf(keys, term))?.t.push(...rows);
  const block = small ? Math.max(1, index.docs.length) : (budgets.block ?? INSTANT_BLOCK);
  const blocks: InstantDoc[][] = [];
  // Blocks are fetched for the answers shown: without the opening words (about 70% more).
  const lean = index.docs.map(({ o: _opening, ...doc }) => doc);
  for (let i = 0; i < lean.length; i += block) blocks.push(lean.slice(i, i + block));
  // The vocabulary in buckets of word lengths, each at least INSTANT_SHARD_BYTES unless it is the last.
  const targets = Object.entries(searchVocabulary(graph).targets);
  const byLength = new Map<number, [string, number][]>();
  for (const entry of targets) {
    const list = byLength.get(entry[0].length);
    if (list) list.push(entry);
    else byLength.set(entry[0].length, [entry]);
  }
  const vocabulary: [number, number, string][] = [];
  let bucket: [string, number][] = [];
  let from = 0;
  const lengths = [...byLength.keys()].sort((a, b) => a - b);
  lengths.forEach((length, i) => {
    if (!bucket.length) from = length;
    bucket.push(...(byLength.get(length) ?? []));
    const last = i === lengths.length - 1;
    if (last || JSON.stringify(bucket).length >= budgets.shard) {
      vocabulary.push([from, last ? 1000 : length, file('v/', `${from}`, JSON.stringify({ targets: Object.fromEntries(bucket) }))]);
      bucket = [];
    }
  });
  const manifest: InstantManifest = {
    sources: index.sources,
    filters: index.filters,
    glossary: index.glossary,
    n: small ? index.docs.length : js.documentCount,
    shards: {},
    block,
    blocks: [],
    vocabulary,
  };
  if (small) manifest.docs = whole.index.docs;
  else {
    for (const [key, shard] of shards) manifest.shards[key] = file('w/', key || '_', JSON.stringify(shard));
    manifest.blocks = blocks.map((docs, i) => file('d/', `${i}`, JSON.stringify(docs)));
  }
  return { index, manifest, json: JSON.stringify(manifest), files, preload: true };
}

const files = new WeakMap<Graph, InstantFile>();

/**
 * The instant index of a graph and its files: worked out once per graph (the search page and the
 * build's search files both need it; under `astro dev` each edit makes a new graph).
 */
export function instantFile(graph: Graph): InstantFile {
  let file = files.get(graph);
  if (!file) {
    file = instantFiles(graph);
    files.set(graph, file);
  }
  return file;
}
