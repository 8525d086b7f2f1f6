// The query sets: exact commitment titles, and the same titles with a one-letter typo (a seeded
// substitution, deletion or insertion, never in the first letter) in the title's most distinctive
// word: the one fewest commitment titles share, of five letters or more.
import { seeded } from '../random.ts';

export interface Query {
  query: string;
  /** The commitment's page, which should be in the top five. */
  expect: string;
  /** For typos: the word as written and as mistyped. */
  word?: string;
  typo?: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const wordsOf = (title: string) => title.split(/\s+/).filter(Boolean);
const bare = (word: string) => word.toLowerCase().replace(/[^a-z]/g, '');

export function mistype(word: string, random: ReturnType<typeof seeded>): string {
  for (;;) {
    const at = random.int(1, word.length - 1);
    const letter = LETTERS[random.int(0, 25)]!;
    const kind = random.int(0, 2);
    const typo = kind === 0 ? word.slice(0, at) + letter + word.slice(at + 1) : kind === 1 ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + letter + word.slice(at);
    if (typo.toLowerCase() !== word.toLowerCase()) return typo;
  }
}

/**
 * Exact titles, typo'd titles, and short queries: a title's two most distinctive words in title
 * order, what a reader who half-remembers a commitment types first.
 */
export function makeQueries(commitments: { id: string; title: string }[], count: number, seed = 7): { exact: Query[]; typo: Query[]; short: Query[] } {
  const random = seeded(seed);
  const df = new Map<string, number>();
  for (const { title } of commitments) for (const word of new Set(wordsOf(title).map(bare))) df.set(word, (df.get(word) ?? 0) + 1);
  const chosen = random.sample(commitments, count);
  const exact = chosen.map((c) => ({ query: c.title, expect: `/commitments/${c.id}/` }));
  const typo: Query[] = [];
  for (const c of chosen) {
    const words = wordsOf(c.title);
    const candidates = words
      .map((word, index) => ({ word, index, key: bare(word) }))
      .filter((w) => /^[A-Za-z]{5,}$/.test(w.word.replace(/[^A-Za-z]/g, '')) && w.key.length >= 5)
      .sort((a, b) => (df.get(a.key) ?? 0) - (df.get(b.key) ?? 0) || b.key.length - a.key.length);
    const target = candidates[0];
    if (!target) continue;
    const core = target.word.match(/[A-Za-z]+/)![0];
    const mistyped = mistype(core, random);
    const edited = [...words];
    edited[target.index] = target.word.replace(core, mistyped);
    typo.push({ query: edited.join(' '), expect: `/commitments/${c.id}/`, word: core, typo: mistyped });
  }
  const short = chosen.map((c) => {
    const words = wordsOf(c.title).map((word, index) => ({ word: word.replace(/[^\p{L}\p{N}'’-]/gu, ''), index }));
    const picked = words
      .filter((w) => w.word.length >= 4)
      .sort((a, b) => (df.get(bare(a.word)) ?? 0) - (df.get(bare(b.word)) ?? 0) || b.word.length - a.word.length)
      .slice(0, 2)
      .sort((a, b) => a.index - b.index);
    return { query: picked.map((w) => w.word).join(' ') || c.title, expect: `/commitments/${c.id}/` };
  });
  return { exact, typo, short };
}
