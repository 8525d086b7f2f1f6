// The instant index: what people search for by name (commitment, extract and source titles,
// aliases, ids, source short titles, years, recommendation numbers) with the filter ids each page
// carries, written once at build time to search/instant.json (src/pages/search/instant.json.ts).
// The search page loads it into MiniSearch (prefix and fuzzy matching) and answers from it as the
// reader types, before Pagefind's full-text results arrive. Body text stays in Pagefind only, so
// the file grows with the number of pages, not with their length. Pure.
import { gzipSync } from 'node:zlib';
import type { Graph } from '../lib/graph.ts';
import { yearOf } from './format.ts';
import { frameworkId } from './search.ts';

/** One page in the instant index. Short keys: the file is fetched before the first answers. */
export interface InstantDoc {
  /** c = commitment, e = extract, s = source digest. */
  k: 'c' | 'e' | 's';
  id: string;
  /** Title. */
  t: string;
  /** Index into `sources`. */
  s: number;
  /** Aliases, joined with " · ". */
  a?: string;
  /** A review's recommendation number. */
  r?: number;
  /** Pillars, as indexes into `pillars`. */
  p?: number[];
  /** Framework entries, as indexes into `frameworks`. */
  f?: number[];
  /** Commitment status id. */
  st?: string;
}

export interface InstantSource {
  id: string;
  /** Short title. */
  t: string;
  /** Aliases, joined with " · ". */
  a: string;
  /** Year of publication. */
  y: string;
  /** Kind id. */
  k: string;
}

export interface InstantIndex {
  /** Page paths, with `{id}` where the id goes. */
  urls: Record<InstantDoc['k'], string>;
  sources: InstantSource[];
  /** Pillar ids. */
  pillars: string[];
  /** Framework entry ids (`source/entry`). */
  frameworks: string[];
  /** Glossary groups: a query term of one group also searches the others. */
  glossary: string[][];
  docs: InstantDoc[];
}

const aliasText = (aliases: readonly string[]) => (aliases.length ? { a: aliases.join(' · ') } : {});

/** Ids as indexes into one table each: at 10,000 commitments, repeating them would double the file. */
function table() {
  const ids: string[] = [];
  const at = new Map<string, number>();
  const index = (id: string) => {
    if (!at.has(id)) at.set(id, ids.push(id) - 1);
    return at.get(id) as number;
  };
  const list = <K extends string>(key: K, values: readonly string[]) =>
    values.length ? ({ [key]: [...new Set(values)].map(index) } as Record<K, number[]>) : {};
  return { ids, list };
}

export function instantIndex(graph: Graph, urls: { commitment(id: string): string; extract(id: string): string; source(id: string): string }): InstantIndex {
  const position = new Map(graph.sources.map((s, i) => [s.id, i]));
  const at = (id: string) => position.get(id) ?? -1;
  const pillars = table();
  const frameworks = table();
  for (const p of graph.pillars) pillars.list('p', [p.id]);
  const docs: InstantDoc[] = [
    ...graph.commitments.map(
      (c): InstantDoc => ({
        k: 'c',
        id: c.id,
        t: c.title,
        s: at(c.source),
        ...aliasText(c.aliases),
        ...(c.recommendation !== undefined ? { r: c.recommendation } : {}),
        ...pillars.list('p', c.pillars),
        ...frameworks.list('f', [frameworkId(c.source, c.sourcePillar)]),
        ...(c.status ? { st: c.status.value } : {}),
      }),
    ),
    ...graph.extracts.map((e): InstantDoc => {
      const quoted = e.commitments.map((id) => graph.commitment.get(id)).filter((c) => c !== undefined);
      return {
        k: 'e',
        id: e.id,
        t: e.title,
        s: at(e.source),
        ...pillars.list(
          'p',
          quoted.flatMap((c) => c.pillars),
        ),
        ...frameworks.list(
          'f',
          quoted.map((c) => frameworkId(c.source, c.sourcePillar)),
        ),
      };
    }),
    ...graph.sources.map((s): InstantDoc => ({ k: 's', id: s.id, t: s.title, s: at(s.id) })),
  ];
  return {
    urls: { c: urls.commitment('{id}'), e: urls.extract('{id}'), s: urls.source('{id}') },
    sources: graph.sources.map((s) => ({ id: s.id, t: s.shortTitle, a: s.aliases.join(' · '), y: yearOf(s.published), k: s.kind })),
    pillars: pillars.ids,
    frameworks: frameworks.ids,
    glossary: graph.glossary.map((g) => [...g.terms]),
    docs,
  };
}

/**
 * The most the instant index may weigh (gzip) to be preloaded with the search page and waited for
 * by the first search: the first answers' budget. Above it (thousands of commitments), Pagefind
 * answers first and the instant index is fetched afterwards, for the later keystrokes.
 */
export const INSTANT_PRELOAD_BYTES = 100 * 1024;

/** True when the instant index fits the first answers' budget. */
export const preloadInstant = (index: InstantIndex): boolean => gzipSync(JSON.stringify(index)).length <= INSTANT_PRELOAD_BYTES;
