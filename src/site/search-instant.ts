// The instant index: what people search for by name (commitment, extract and source titles,
// aliases, ids, source short titles, years, recommendation numbers) with the filter values each
// page carries, written once per build to search/instant.json (src/pages/search/instant.json.ts).
// The search page loads it into MiniSearch (prefix and fuzzy matching) and answers from it as the
// reader types, before Pagefind's full-text results arrive. Body text stays in Pagefind only, so
// the file grows with the number of pages, not with their length. Pure.
// A page's filter values are its search record's (src/site/search.ts), the same Pagefind files it
// under: worked out once, stored here as indexes, and read back by the search page
// (src/site/search-client/instant.ts).
import { gzipSync } from 'node:zlib';
import type { Graph, SourceRecord } from '../lib/graph.ts';
import { yearOf } from './format.ts';
import { INSTANT_PRELOAD_BYTES } from './search-config.ts';
import type { ResultKind } from './search-rules.ts';
import { commitmentSearchRecord, extractSearchRecord, type SearchFilter, type SearchRecord, sourceSearchRecord } from './search.ts';

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

export interface InstantFile {
  index: InstantIndex;
  /** The file's text, as served. */
  json: string;
  /** True when it fits the first answers' budget (`preloadable`): the search page preloads it and waits for it. */
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
export function fileFor(index: InstantIndex, budget = INSTANT_PRELOAD_BYTES): InstantFile {
  const json = JSON.stringify(index);
  if (preloadable(json, budget)) return { index, json, preload: true };
  const lean = { ...index, docs: index.docs.map(({ o: _opening, ...doc }) => doc) };
  const leanJson = JSON.stringify(lean);
  return { index: lean, json: leanJson, preload: preloadable(leanJson, budget) };
}

const files = new WeakMap<Graph, InstantFile>();

/**
 * The instant index of a graph, its JSON and whether it is preloaded: worked out once per graph
 * (the search page and search/instant.json both need it; under `astro dev` each edit makes a new graph).
 */
export function instantFile(graph: Graph): InstantFile {
  let file = files.get(graph);
  if (!file) {
    file = fileFor(instantIndex(graph));
    files.set(graph, file);
  }
  return file;
}
