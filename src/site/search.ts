// What the search index holds about each page (Pagefind filters and metadata), the glossary terms
// a commitment is indexed under, and the vocabulary the search page corrects typos against.
// Pure: pages render these into their HTML, the integration writes the vocabulary
// (src/site/search-files.ts). Word rules and result kinds: src/site/search-rules.ts, which the
// search page's script shares; weights: src/site/search-config.ts.
import type { CommitmentRecord, ExtractRecord, Graph, SourceRecord } from '../lib/graph.ts';
import type { GlossaryGroup } from '../lib/schema/glossary.ts';
import { plainBlocks } from '../lib/markdown.ts';
import { STATUSES } from '../lib/schema/commitment.ts';
import { SOURCE_KINDS } from '../lib/schema/source.ts';
import { yearOf } from './format.ts';
import { compareDates, compareIds, compareTitles } from './order.ts';
import { VOCABULARY_TITLE_WEIGHT } from './search-config.ts';
import { RESULT_KINDS, type ResultKind, searchWords } from './search-rules.ts';

/** The filters (facets) of the search page, in the order shown, with their labels. */
export const SEARCH_FILTERS = {
  source: 'Source',
  pillar: 'Pillar',
  framework: "Source's own pillar",
  status: 'Status',
  year: 'Year',
  kind: 'Kind of source',
} as const;

export type SearchFilter = keyof typeof SEARCH_FILTERS;

/**
 * A filter value is an id (pillar id, source id, `source/entry` for a framework entry, year, kind
 * id, status id) so that a shared URL survives a retitle; the label is only what the page shows.
 */
export interface FilterValue {
  id: string;
  label: string;
}

export interface SearchRecord {
  /** Pagefind metadata shown with each result: `result` is the result kind's code (RESULT_KINDS), `type` its label. */
  meta: { title: string; result: ResultKind; type: string; source: string; year: string; locator?: string; status?: string };
  /** Filter value ids. */
  filters: Record<SearchFilter, string[]>;
}

const sourceFilters = (source: SourceRecord) => ({
  source: [source.id],
  year: [yearOf(source.published)],
  kind: [source.kind],
});

/** How a framework entry reads as a filter label: its title and its source, e.g. "Family help (Stable Homes, Built on Love)". */
export function frameworkLabel(source: SourceRecord, entryId: string): string {
  const entry = source.framework.find((e) => e.id === entryId);
  return `${entry?.title ?? entryId} (${source.shortTitle})`;
}

/** A framework entry's filter id: entry ids are unique only within their source. */
export const frameworkId = (sourceId: string, entryId: string): string => `${sourceId}/${entryId}`;

export function commitmentSearchRecord(_graph: Graph, c: CommitmentRecord, source: SourceRecord): SearchRecord {
  const status = c.status?.value;
  return {
    meta: {
      title: c.title,
      result: 'c',
      type: RESULT_KINDS.c.label,
      source: source.shortTitle,
      year: yearOf(source.published),
      locator: c.locator,
      ...(status ? { status: STATUSES[status] } : {}),
    },
    filters: { ...sourceFilters(source), pillar: [...new Set(c.pillars)], framework: [frameworkId(source.id, c.sourcePillar)], status: status ? [status] : [] },
  };
}

/** An extract is filed under the pillars and framework entries of the commitments it quotes. */
export function extractSearchRecord(graph: Graph, e: ExtractRecord, source: SourceRecord): SearchRecord {
  const quoted = e.commitments.map((id) => graph.commitment.get(id)).filter((c) => c !== undefined);
  return {
    meta: { title: e.title, result: 'e', type: RESULT_KINDS.e.label, source: source.shortTitle, year: yearOf(source.published), locator: e.locator },
    filters: {
      ...sourceFilters(source),
      pillar: [...new Set(quoted.flatMap((c) => c.pillars))],
      framework: [...new Set(quoted.map((c) => frameworkId(c.source, c.sourcePillar)))],
      status: [],
    },
  };
}

export function sourceSearchRecord(source: SourceRecord): SearchRecord {
  return {
    meta: { title: source.title, result: 's', type: RESULT_KINDS.s.label, source: source.shortTitle, year: yearOf(source.published) },
    filters: { ...sourceFilters(source), pillar: [], framework: [], status: [] },
  };
}

/**
 * Every filter value a search can meet, with its label, in a reader's order: sources by date,
 * pillars, statuses and kinds as their lists order them, framework entries by source then as the
 * source frames them, years ascending. Values no record carries are left out.
 */
export function searchFacets(graph: Graph): { name: SearchFilter; label: string; values: FilterValue[] }[] {
  const used = new Map<SearchFilter, Set<string>>(Object.keys(SEARCH_FILTERS).map((name) => [name as SearchFilter, new Set<string>()]));
  const records = [
    ...graph.commitments.map((c) => commitmentSearchRecord(graph, c, graph.source.get(c.source) as SourceRecord)),
    ...graph.extracts.map((e) => extractSearchRecord(graph, e, graph.source.get(e.source) as SourceRecord)),
    ...graph.sources.map(sourceSearchRecord),
  ];
  for (const r of records) for (const [name, ids] of Object.entries(r.filters)) for (const id of ids) used.get(name as SearchFilter)?.add(id);
  const byDate = [...graph.sources].sort((a, b) => compareDates(a.published, b.published) || compareTitles(a.shortTitle, b.shortTitle));
  const all: Record<SearchFilter, FilterValue[]> = {
    source: byDate.map((s) => ({ id: s.id, label: s.shortTitle })),
    pillar: graph.pillars.map((p) => ({ id: p.id, label: p.title })),
    framework: byDate.flatMap((s) => s.framework.map((f) => ({ id: frameworkId(s.id, f.id), label: frameworkLabel(s, f.id) }))),
    status: Object.entries(STATUSES).map(([id, label]) => ({ id, label })),
    year: [...new Set(graph.sources.map((s) => yearOf(s.published)))].sort().map((y) => ({ id: y, label: y })),
    kind: Object.entries(SOURCE_KINDS).map(([id, label]) => ({ id, label })),
  };
  return (Object.keys(SEARCH_FILTERS) as SearchFilter[])
    .map((name) => ({ name, label: SEARCH_FILTERS[name], values: all[name].filter((v) => used.get(name)?.has(v.id)) }))
    .filter((f) => f.values.length > 0);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Each term's pattern, compiled once per build: every commitment page asks about every glossary
// term, and compiling the pattern anew each time was most of what this module cost a build.
const termPatterns = new Map<string, RegExp>();

function termPattern(term: string): RegExp {
  let pattern = termPatterns.get(term);
  if (!pattern) {
    const words = term
      .trim()
      .replace(/s$/i, '')
      .split(/[\s-]+/)
      .map(escapeRegExp)
      .join('[\\s-]+');
    pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${words}s?(?=$|[^\\p{L}\\p{N}])`, 'iu');
    termPatterns.set(term, pattern);
  }
  return pattern;
}

/** True when `term` appears in `text` as whole words, ignoring case, hyphens/spaces and a plural "s". */
export function mentions(text: string, term: string): boolean {
  return termPattern(term).test(text);
}

/**
 * The glossary terms a commitment is indexed under: every term of each group that one of its
 * words (title, aliases or text) belongs to, less the terms it already uses.
 */
export function glossaryTerms(glossary: readonly GlossaryGroup[], c: Pick<CommitmentRecord, 'title' | 'aliases' | 'text'>): string[] {
  const text = [c.title, ...c.aliases, c.text].join('\n');
  const terms: string[] = [];
  for (const group of glossary) {
    if (!group.terms.some((term) => mentions(text, term))) continue;
    for (const term of group.terms) if (!mentions(text, term) && !terms.includes(term)) terms.push(term);
  }
  return terms;
}

export interface Vocabulary {
  /**
   * Every word of three letters or more a page can be found by, each with its weight: a word in
   * titles, aliases or the glossary (what people search for by name) counts ten times an occurrence
   * in body text, so a correction prefers a title word over a rare body word at the same distance.
   */
  targets: Record<string, number>;
}

/**
 * The typo-correction vocabulary, written to `search/vocabulary.json` and fetched by the search
 * page only when a query word is unknown to the instant index. Built from the graph (never from
 * the full-text index's own files), body text included, so that a misspelt word that occurs only
 * in body text is corrected too, and a correctly spelt one is left alone.
 */
export function searchVocabulary(graph: Graph): Vocabulary {
  const targets = new Map<string, number>();
  const add = (weight: number) => (text: string | undefined) => {
    for (const word of searchWords(text ?? '')) if (word.length >= 3 && !/\d/.test(word)) targets.set(word, (targets.get(word) ?? 0) + weight);
  };
  const named = add(VOCABULARY_TITLE_WEIGHT);
  const body = add(1);
  for (const c of graph.commitments) {
    [c.title, ...c.aliases].forEach(named);
    [c.text, c.locator, c.note, c.status?.summary, c.response?.summary].forEach(body);
  }
  for (const e of graph.extracts) {
    named(e.title);
    [...e.blocks, e.locator].forEach(body);
  }
  for (const s of graph.sources) {
    [s.title, s.shortTitle, ...s.aliases, ...s.framework.map((f) => f.title)].forEach(named);
    plainBlocks(s.prose).forEach(body);
  }
  for (const p of graph.pillars) {
    [p.title, ...p.aliases].forEach(named);
    body(p.description);
  }
  for (const group of graph.glossary) group.terms.forEach(named);
  return { targets: Object.fromEntries([...targets].sort(([a], [b]) => compareIds(a, b))) };
}
