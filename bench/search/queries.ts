// The query sets: exact commitment titles, and the same titles with a one-letter typo (a seeded
// substitution, deletion or insertion, never in the first letter) in the title's most distinctive
// word: the one fewest commitment titles share, of five letters or more. Three more typo sets
// (issue 11): the same edit on the word's first letter; two adjacent letters swapped; and a
// misspelt word that occurs in body text only (in no title), searched for on its own.
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

export function mistype(word: string, random: ReturnType<typeof seeded>, from = 1): string {
  for (;;) {
    const at = from === 0 ? 0 : random.int(1, word.length - 1);
    const letter = LETTERS[random.int(0, 25)]!;
    const kind = random.int(0, 2);
    const typo =
      kind === 0
        ? word.slice(0, at) + letter + word.slice(at + 1)
        : kind === 1
          ? word.slice(0, at) + word.slice(at + 1)
          : word.slice(0, at) + letter + word.slice(at);
    if (typo.toLowerCase() !== word.toLowerCase()) return typo;
  }
}

/** Two adjacent letters swapped, at a seeded place where they differ. */
export function transpose(word: string, random: ReturnType<typeof seeded>): string {
  const places = [...word.slice(0, -1)].map((_, i) => i).filter((i) => word[i]!.toLowerCase() !== word[i + 1]!.toLowerCase());
  if (!places.length) return word;
  const at = random.pick(places);
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

export interface QuerySets {
  exact: Query[];
  typo: Query[];
  short: Query[];
  firstLetter: Query[];
  transposed: Query[];
  bodyOnly: Query[];
}

/**
 * Exact titles, typo'd titles, and short queries: a title's two most distinctive words in title
 * order, what a reader who half-remembers a commitment types first; and the further typo sets.
 */
export function makeQueries(commitments: { id: string; title: string; text?: string }[], count: number, seed = 7): QuerySets {
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
  // The same distinctive word, edited at its first letter, or with two letters swapped.
  const firstLetter: Query[] = [];
  const transposed: Query[] = [];
  for (const q of typo) {
    const { word, typo: typed } = q;
    if (!word || !typed) continue;
    const edits = [
      [firstLetter, mistype(word, random, 0)],
      [transposed, transpose(word, random)],
    ] as const;
    for (const [set, typoWord] of edits) if (typoWord !== word) set.push({ query: q.query.replace(typed, typoWord), expect: q.expect, word, typo: typoWord });
  }
  // A word of six letters or more from a commitment's text that no title has and at most two
  // commitments' texts have, mistyped as in the first set, alone: only full text can find it.
  const inTitles = new Set(commitments.flatMap((c) => wordsOf(c.title).map(bare)));
  const textDf = new Map<string, number>();
  for (const c of commitments) for (const word of new Set(wordsOf(c.text ?? '').map(bare))) textDf.set(word, (textDf.get(word) ?? 0) + 1);
  const bodyOnly: Query[] = [];
  for (const c of chosen) {
    const full = commitments.find((x) => x.id === c.id);
    const candidates = [
      ...new Set(
        wordsOf(full?.text ?? '')
          .filter((w) => /^[A-Za-z]{6,}$/.test(w))
          .map(bare),
      ),
    ].filter((w) => !inTitles.has(w) && (textDf.get(w) ?? 0) <= 2);
    if (!candidates.length) continue;
    const word = random.pick(candidates.sort());
    const typoWord = mistype(word, random);
    bodyOnly.push({ query: typoWord, expect: `/commitments/${c.id}/`, word, typo: typoWord });
  }
  return { exact, typo, short, firstLetter, transposed, bodyOnly };
}
