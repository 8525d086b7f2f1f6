// What the synthetic content is made of: the real digests' words, phrases and lengths.
// Everything is read from a loaded content graph (content/ by default), so the generated tree
// follows the real content as it grows.
import type { RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Graph } from '../src/lib/graph.ts';
import { plainBlocks } from '../src/lib/markdown.ts';
import type { Random } from './random.ts';

/** An empirical distribution: draws one of the values that were seen. */
export type Lengths = readonly number[];

/** A word-level Markov chain (order 1) over whitespace tokens of real sentences. */
export interface Chain {
  starts: string[];
  next: Map<string, string[]>;
}

export interface Corpus {
  titles: Chain;
  prose: Chain;
  passages: Chain;
  lengths: {
    commitmentTitle: Lengths;
    commitmentText: Lengths;
    commitmentParagraphs: Lengths;
    extractTitle: Lengths;
    extractWords: Lengths;
    extractBlocks: Lengths;
    sourceProse: Lengths;
    framework: Lengths;
    aliases: Lengths;
    pillars: Lengths;
    owners: Lengths;
  };
  rates: {
    status: number;
    note: number;
    due: number;
    funding: number;
    response: number;
    lineage: number;
    extractsPerCommitment: number;
    extractSpeaker: number;
    linkInText: number;
  };
  pools: {
    locators: string[];
    extractLocators: string[];
    owners: string[];
    aliases: string[];
    frameworkTitles: string[];
    publishers: string[];
    people: { name: string; role: string }[];
    speakers: string[];
    dueLabels: string[];
    funding: { amount: string; purpose: string; period?: string }[];
    evidence: { citation: string; url?: string }[];
    kinds: string[];
    coverageMissing: string[];
  };
  /** The real cross-source pillars; the synthetic frameworks are mapped onto them. */
  pillars: { id: string; title: string; description: string; aliases: string[] }[];
  /** Distinct lowercase words in the real content, and how many word tokens it has. */
  vocabulary: Set<string>;
  tokens: number;
  /** Letter trigram model of real words, for made-up names as the vocabulary grows. */
  letters: Map<string, string[]>;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Makes text safe to write back as Markdown prose: no raw HTML, no directives, no code, no links. */
export function clean(text: string): string {
  return text
    .replace(/[<>`[\]\\|#*_{}]/g, '')
    .replace(/:(?=[A-Za-z:])/g, ': ')
    .replace(/\s+/g, ' ')
    .trim();
}

function chain(texts: readonly string[]): Chain {
  const starts: string[] = [];
  const next = new Map<string, string[]>();
  for (const text of texts) {
    const tokens = words(clean(text));
    if (tokens.length === 0) continue;
    starts.push(tokens[0] as string);
    for (let i = 0; i < tokens.length - 1; i++) {
      const key = tokens[i] as string;
      const list = next.get(key) ?? [];
      list.push(tokens[i + 1] as string);
      next.set(key, list);
    }
  }
  return { starts, next };
}

const rate = (count: number, total: number) => (total === 0 ? 0 : count / total);
const unique = <T>(items: T[], key: (item: T) => string = String) => {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(key(item))) return false;
    seen.add(key(item));
    return true;
  });
};

const hasLink = (nodes: readonly RootContent[]) => {
  let found = false;
  for (const node of nodes) {
    visit(node, 'link', () => {
      found = true;
    });
  }
  return found;
};

export function readCorpus(graph: Graph): Corpus {
  const { commitments, extracts, sources } = graph;
  const proseTexts = [
    ...commitments.flatMap((c) => [c.text, c.note ?? '', c.status?.summary ?? '', c.response?.summary ?? '']),
    ...sources.flatMap((s) => [s.description, plainBlocks(s.prose).join(' '), s.coverage.statement]),
  ].filter((text) => text.trim().length > 0);
  const passages = extracts.flatMap((e) => e.blocks);
  const all = [...proseTexts, ...passages, ...commitments.map((c) => c.title), ...extracts.map((e) => e.title)];
  const vocabulary = new Set<string>();
  let tokens = 0;
  for (const text of all) {
    for (const word of words(text)) {
      tokens++;
      const bare = word.toLowerCase().replace(/[^a-z0-9£'-]/g, '');
      if (bare) vocabulary.add(bare);
    }
  }
  const letters = new Map<string, string[]>();
  for (const word of vocabulary) {
    if (!/^[a-z]{4,}$/.test(word)) continue;
    const padded = `^^${word}$`;
    for (let i = 2; i < padded.length; i++) {
      const key = padded.slice(i - 2, i);
      const list = letters.get(key) ?? [];
      list.push(padded[i] as string);
      letters.set(key, list);
    }
  }
  const withLineage = commitments.filter((c) => c.lineage.length > 0).length;
  return {
    titles: chain([...commitments.map((c) => c.title), ...extracts.map((e) => e.title)]),
    prose: chain(proseTexts),
    passages: chain(passages),
    lengths: {
      commitmentTitle: commitments.map((c) => words(c.title).length),
      commitmentText: commitments.map((c) => words(c.text).length),
      commitmentParagraphs: commitments.map((c) => c.text.split('\n\n').length),
      extractTitle: extracts.map((e) => words(e.title).length),
      extractWords: extracts.map((e) => words(e.blocks.join(' ')).length),
      extractBlocks: extracts.map((e) => e.blocks.length),
      sourceProse: sources.map((s) => words(plainBlocks(s.prose).join(' ')).length),
      framework: sources.filter((s) => s.framework.length > 0).map((s) => s.framework.length),
      aliases: commitments.map((c) => c.aliases.length),
      pillars: commitments.map((c) => c.pillars.length),
      owners: commitments.map((c) => c.owners.length),
    },
    rates: {
      status: rate(commitments.filter((c) => c.status).length, commitments.length),
      note: rate(commitments.filter((c) => c.note).length, commitments.length),
      due: rate(commitments.filter((c) => c.due).length, commitments.length),
      funding: rate(commitments.filter((c) => c.funding.length > 0).length, commitments.length),
      response: rate(commitments.filter((c) => c.response).length, commitments.length),
      lineage: rate(withLineage, commitments.length),
      extractsPerCommitment: rate(extracts.length, commitments.length),
      extractSpeaker: rate(extracts.filter((e) => e.speaker).length, extracts.length),
      linkInText: rate(commitments.filter((c) => hasLink(c.body)).length, commitments.length),
    },
    pools: {
      locators: unique(commitments.map((c) => clean(c.locator))),
      extractLocators: unique(extracts.map((e) => clean(e.locator))),
      owners: unique(commitments.flatMap((c) => c.owners)),
      aliases: unique(
        commitments
          .flatMap((c) => c.aliases)
          .map(clean)
          .filter(Boolean),
      ),
      frameworkTitles: unique(sources.flatMap((s) => s.framework.map((f) => clean(f.title)))),
      publishers: unique(sources.flatMap((s) => s.publishers)),
      people: unique(
        sources.flatMap((s) => s.people),
        (p) => p.name,
      ),
      speakers: unique(extracts.flatMap((e) => (e.speaker ? [e.speaker] : []))),
      dueLabels: unique(commitments.flatMap((c) => (c.dueLabel ? [clean(c.dueLabel)] : []))),
      funding: commitments.flatMap((c) => c.funding),
      evidence: commitments.flatMap((c) => c.status?.evidence ?? []),
      kinds: sources.map((s) => s.kind),
      coverageMissing: unique(sources.flatMap((s) => s.coverage.missing)),
    },
    pillars: graph.pillars.map(({ id, title, description, aliases }) => ({ id, title, description, aliases })),
    vocabulary,
    tokens,
    letters,
  };
}

/** Draws from an empirical distribution. */
export const draw = (random: Random, lengths: Lengths, fallback = 1) => (lengths.length ? random.pick(lengths) : fallback);
