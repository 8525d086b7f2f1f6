// Typo correction: a query word the indexes do not know is replaced by the nearest word of the
// vocabulary (search/vocabulary.json, written from the graph by src/site/search-files.ts). Pure.
import type { Vocabulary as VocabularyFile } from '../search.ts';
import { CORRECTION } from '../search-config.ts';
import { searchWords } from '../search-rules.ts';

/** The vocabulary, made ready for lookups: word → weight (a title word counts more than a body word). */
export interface Vocabulary {
  targets: Map<string, number>;
}

export function prepareVocabulary(json: Partial<VocabularyFile>): Vocabulary {
  return { targets: new Map(Object.entries(json.targets ?? {})) };
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

/**
 * The nearest vocabulary word to `word`, or undefined when it is known, short, a number, a prefix
 * being typed, or too far from any. Ties go to the heavier word (titles weigh more than body
 * text), then to one that keeps the first letter.
 */
export function correctWord(word: string, vocabulary: Vocabulary): string | undefined {
  const w = searchWords(word).join('');
  if (w.length < CORRECTION.minLength || /\d/.test(w) || vocabulary.targets.has(w)) return undefined;
  for (const target of vocabulary.targets.keys()) if (target.startsWith(w)) return undefined;
  const max = w.length <= CORRECTION.oneEditUpTo ? 1 : 2;
  let best: { target: string; d: number; weight: number } | undefined;
  for (const [target, weight] of vocabulary.targets) {
    const d = distance(w, target, max);
    if (d > max) continue;
    const better = !best || d < best.d || (d === best.d && (weight > best.weight || (weight === best.weight && target[0] === w[0] && best.target[0] !== w[0])));
    if (better) best = { target, d, weight };
  }
  return best?.target;
}

/** The query with each unknown word replaced by its correction; the same string when nothing changed. `isKnown`: words to leave alone. */
export function correctQuery(query: string, vocabulary: Vocabulary, isKnown: (word: string) => boolean = () => false): string {
  return query.replace(/[\p{L}\p{N}'’]+/gu, (word) => (isKnown(word) ? word : (correctWord(word, vocabulary) ?? word)));
}
