// Typo correction: a query word the indexes do not know is replaced by the nearest word of the
// vocabulary (search/vocabulary.json, written from the graph by src/site/search-files.ts). Pure.
import type { Vocabulary as VocabularyFile } from '../search.ts';
import { CORRECTION } from '../search-config.ts';
import { STOPWORDS, searchWords } from '../search-rules.ts';

/** The vocabulary, made ready for lookups: word → weight (a title word counts more than a body word). */
export interface Vocabulary {
  targets: Map<string, number>;
}

export function prepareVocabulary(json: Partial<VocabularyFile>): Vocabulary {
  return { targets: new Map(Object.entries(json.targets ?? {})) };
}

/** The most edits a correction of `word` may make. */
export const editsFor = (word: string): number => (word.length <= CORRECTION.oneEditUpTo ? 1 : 2);

/**
 * The vocabulary buckets (by word length, [shortest, longest, file]: src/site/search-instant.ts)
 * that can hold a correction of one of `words`: a correction is at most as many letters longer or
 * shorter as it makes edits.
 */
export function bucketsFor(buckets: readonly (readonly [number, number, string])[], words: readonly string[]): string[] {
  const wanted = new Set<string>();
  for (const word of words) {
    const w = searchWords(word).join('');
    if (w.length < CORRECTION.inPairFrom || /\d/.test(w)) continue;
    // Longer words too: correction asks whether the word begins a longer one (correctWord).
    const edits = editsFor(w);
    for (const [, longest, file] of buckets) if (longest >= w.length - edits) wanted.add(file);
  }
  return [...wanted];
}

/**
 * The vocabulary as far as the words asked about need it: each call fetches the buckets their
 * corrections can be in (a bucket that cannot load counts as empty) and resolves to every word in so far.
 */
export function vocabularyLoader(
  buckets: readonly (readonly [number, number, string])[],
  fetch: (path: string) => Promise<unknown>,
): (words: readonly string[]) => Promise<Vocabulary> {
  const vocabulary: Vocabulary = { targets: new Map() };
  const loading = new Map<string, Promise<void>>();
  return async (words) => {
    await Promise.all(
      bucketsFor(buckets, words).map((file) => {
        let bucket = loading.get(file);
        if (!bucket) {
          bucket = fetch(file).then(
            (json) => {
              for (const [word, weight] of prepareVocabulary(json as Partial<VocabularyFile>).targets) vocabulary.targets.set(word, weight);
            },
            () => {},
          );
          loading.set(file, bucket);
        }
        return bucket;
      }),
    );
    return vocabulary;
  };
}

/**
 * Damerau–Levenshtein distance (optimal string alignment: an adjacent swap costs 1), or `max + 1`
 * as soon as it must exceed `max`.
 */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // (The casts: every cell read has been written.)
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      current[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/** The vocabulary words within `max` edits of `w`, best first: fewest edits, then the heavier word (titles weigh more than body text), then one that keeps the first letter. */
function nearest(w: string, vocabulary: Vocabulary, max: number, count: number): string[] {
  const found: { target: string; d: number; weight: number }[] = [];
  for (const [target, weight] of vocabulary.targets) {
    const d = distance(w, target, max);
    if (d <= max) found.push({ target, d, weight });
  }
  const first = (t: string) => (t[0] === w[0] ? 0 : 1);
  found.sort((a, b) => a.d - b.d || b.weight - a.weight || first(a.target) - first(b.target) || (a.target < b.target ? -1 : 1));
  return found.slice(0, count).map((f) => f.target);
}

/**
 * True when the words stand together in some title, alias or glossary term: the search page asks
 * the instant index. A correction that makes such a pair with a neighbouring query word is what the
 * reader meant ("no wrong dor" → "door", from "No Wrong Door"), and such a pair is kept together
 * when words must be dropped (./full-text.ts).
 */
export type Together = (words: readonly string[]) => boolean;

/** Where a word stands in its query: the words either side, for a correction that makes a known pair. */
export interface Context {
  before?: string | undefined;
  after?: string | undefined;
  together?: Together | undefined;
}

/**
 * The nearest vocabulary word to `word`, or undefined when it is known, short, a number, a prefix
 * being typed, or too far from any. Of the nearest, one that stands with a neighbouring word in some
 * title, alias or glossary term (`context`) comes first (a pair two edits away lost "anuary" to
 * "allary" over "January", one edit away, at 10,000 commitments), then the heavier word
 * (titles weigh more than body text), then one that keeps the first letter. A short word (from
 * CORRECTION.inPairFrom letters) or a prefix of some word is corrected only by one edit that makes
 * such a pair: "dor" in "no wrong dor" is "door", not the start of "Dorset".
 */
export function correctWord(word: string, vocabulary: Vocabulary, context: Context = {}): string | undefined {
  const w = searchWords(word).join('');
  if (w.length < CORRECTION.inPairFrom || /\d/.test(w) || vocabulary.targets.has(w)) return undefined;
  const { before, after, together } = context;
  const pairs = (target: string) =>
    together !== undefined && ((before !== undefined && together([before, target])) || (after !== undefined && together([target, after])));
  let prefix = w.length < CORRECTION.minLength;
  if (!prefix) for (const target of vocabulary.targets.keys()) if (target.startsWith(w)) prefix = true;
  const max = prefix || w.length <= CORRECTION.oneEditUpTo ? 1 : 2;
  let best: { target: string; d: number; weight: number; pair: boolean } | undefined;
  for (const [target, weight] of vocabulary.targets) {
    const d = distance(w, target, max);
    if (d > max) continue;
    const pair = pairs(target);
    if (prefix && !pair) continue;
    const better =
      !best ||
      d < best.d ||
      (d === best.d &&
        ((pair && !best.pair) || (pair === best.pair && (weight > best.weight || (weight === best.weight && target[0] === w[0] && best.target[0] !== w[0])))));
    if (better) best = { target, d, weight, pair };
  }
  return best?.target;
}

/**
 * The best corrections of a word the vocabulary does not hold (up to `count`, best first), also
 * where it is the start of longer words (a word still being typed, or a typo that happens to
 * begin a word): the full text searches each (run.ts), so that a rare body-text word loses no
 * tie to a commoner title word. None for a known, short or numeric word.
 */
export function corrections(word: string, vocabulary: Vocabulary, count: number = CORRECTION.alternatives): string[] {
  const w = searchWords(word).join('');
  if (w.length < CORRECTION.minLength || /\d/.test(w) || vocabulary.targets.has(w)) return [];
  return nearest(w, vocabulary, editsFor(w), count);
}

/**
 * The query with each unknown word replaced by its correction; the same string when nothing
 * changed. `isKnown`: words to leave alone; `together`: whether words stand together in a title,
 * alias or glossary term (see `correctWord`).
 */
export function correctQuery(query: string, vocabulary: Vocabulary, isKnown: (word: string) => boolean = () => false, together?: Together): string {
  const words = [...query.matchAll(/[\p{L}\p{N}'’]+/gu)].map((m) => searchWords(m[0]).join(''));
  // The neighbours a correction may pair with: the nearest words either side that are not stopwords.
  const meaningful = words.map((w) => (w && !STOPWORDS.has(w) ? w : undefined));
  const near = (from: number, step: number) => {
    for (let i = from + step; i >= 0 && i < words.length; i += step) if (meaningful[i]) return meaningful[i];
    return undefined;
  };
  let i = -1;
  return query.replace(/[\p{L}\p{N}'’]+/gu, (word) => {
    i++;
    return isKnown(word) ? word : (correctWord(word, vocabulary, { before: near(i, -1), after: near(i, 1), together }) ?? word);
  });
}
