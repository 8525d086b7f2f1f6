// What the search index holds about each page (Pagefind filters and metadata), the glossary terms
// a commitment is indexed under, and the vocabulary the search page corrects typos against.
// Pure: pages render these into their HTML, scripts/build.ts writes the vocabulary.
import type { CommitmentRecord, ExtractRecord, Graph, SourceRecord } from '../lib/graph.ts';
import type { GlossaryGroup } from '../lib/schema/glossary.ts';
import { SOURCE_KINDS } from '../lib/schema/source.ts';
import { yearOf } from './format.ts';

/** The filters (facets) of the search page, in the order shown, with their labels. */
export const SEARCH_FILTERS = {
  source: 'Source',
  pillar: 'Pillar',
  framework: "Source's own pillar",
  year: 'Year',
  kind: 'Kind of source',
} as const;

export type SearchFilter = keyof typeof SEARCH_FILTERS;

export interface SearchRecord {
  /** Pagefind metadata shown with each result. */
  meta: { title: string; type: string; source: string; year: string; locator?: string };
  filters: Record<SearchFilter, string[]>;
}

const sourceFilters = (source: SourceRecord) => ({
  source: [source.shortTitle],
  year: [yearOf(source.published)],
  kind: [SOURCE_KINDS[source.kind]],
});

/** How a framework entry reads as a filter value: its title and its source, e.g. "Family help (Stable Homes, Built on Love)". */
export function frameworkLabel(source: SourceRecord, entryId: string): string {
  const entry = source.framework.find((e) => e.id === entryId);
  return `${entry?.title ?? entryId} (${source.shortTitle})`;
}

const pillarTitles = (graph: Graph, ids: readonly string[]) => [...new Set(ids)].map((id) => graph.pillar.get(id)?.title ?? id);

export function commitmentSearchRecord(graph: Graph, c: CommitmentRecord, source: SourceRecord): SearchRecord {
  return {
    meta: { title: c.title, type: 'Commitment', source: source.shortTitle, year: yearOf(source.published), locator: c.locator },
    filters: { ...sourceFilters(source), pillar: pillarTitles(graph, c.pillars), framework: [frameworkLabel(source, c.sourcePillar)] },
  };
}

/** An extract is filed under the pillars and framework entries of the commitments it quotes. */
export function extractSearchRecord(graph: Graph, e: ExtractRecord, source: SourceRecord): SearchRecord {
  const quoted = e.commitments.map((id) => graph.commitment.get(id)).filter((c) => c !== undefined);
  return {
    meta: { title: e.title, type: 'Extract', source: source.shortTitle, year: yearOf(source.published), locator: e.locator },
    filters: {
      ...sourceFilters(source),
      pillar: pillarTitles(graph, quoted.flatMap((c) => c.pillars)),
      framework: [...new Set(quoted.map((c) => frameworkLabel(graph.source.get(c.source) ?? source, c.sourcePillar)))],
    },
  };
}

export function sourceSearchRecord(source: SourceRecord): SearchRecord {
  return {
    meta: { title: source.title, type: 'Source digest', source: source.shortTitle, year: yearOf(source.published) },
    filters: { ...sourceFilters(source), pillar: [], framework: [] },
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `term` appears in `text` as whole words, ignoring case, hyphens/spaces and a plural "s". */
export function mentions(text: string, term: string): boolean {
  const words = term.trim().replace(/s$/i, '').split(/[\s-]+/).map(escapeRegExp).join('[\\s-]+');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${words}s?(?=$|[^\\p{L}\\p{N}])`, 'iu').test(text);
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

/**
 * Splits text into the words search compares: lower case, apostrophes dropped ("children's" →
 * "childrens"), letters and digits only. public/search.js splits queries the same way.
 */
export function searchWords(text: string): string[] {
  return text.toLowerCase().replace(/['’]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}

export interface Vocabulary {
  /** Words typos are corrected to (from titles, aliases and the glossary), each with how often it occurs there. */
  targets: Record<string, number>;
  /** Every other word in the index: a query word found here is never "corrected". */
  known: string;
}

/**
 * The typo-correction vocabulary, written to `search/vocabulary.json`. `indexed` is the text of
 * every page in the search index (what Pagefind stored), so that a correctly spelt word that
 * occurs only in body text is left alone.
 */
export function searchVocabulary(graph: Graph, indexed: readonly string[]): Vocabulary {
  const targets = new Map<string, number>();
  const add = (text: string) => {
    for (const word of searchWords(text)) if (word.length >= 3 && !/\d/.test(word)) targets.set(word, (targets.get(word) ?? 0) + 1);
  };
  for (const c of graph.commitments) [c.title, ...c.aliases].forEach(add);
  for (const e of graph.extracts) add(e.title);
  for (const s of graph.sources) [s.title, s.shortTitle, ...s.aliases, ...s.framework.map((f) => f.title)].forEach(add);
  for (const p of graph.pillars) [p.title, ...p.aliases].forEach(add);
  for (const group of graph.glossary) group.terms.forEach(add);
  const known = new Set<string>();
  for (const text of indexed) for (const word of searchWords(text)) if (!targets.has(word) && !/\d/.test(word)) known.add(word);
  return {
    targets: Object.fromEntries([...targets].sort(([a], [b]) => a.localeCompare(b))),
    known: [...known].sort().join(' '),
  };
}
