// One list from two layers: the instant answers lead, Pagefind's results follow without repeating
// them, a page at a time; each result's excerpt as text; and what an instant answer shows to say
// why it matched. Pure.
import type { Urls } from '../urls.ts';
import type { InstantDoc } from '../search-instant.ts';
import { RESULT_KINDS, STOPWORDS, searchWords } from '../search-rules.ts';
import type { PagefindData, PagefindResult } from './full-text.ts';
import { fuzziness } from './instant.ts';

/** An instant answer's page, from the same URL helpers as the pages themselves. */
export const docUrl = (urls: Urls, doc: InstantDoc): string => urls.entity(RESULT_KINDS[doc.k].entity, doc.id);

/**
 * Where a full-text result's link opens: a source digest at the place inside it that matched
 * best, by the weight of the words matched there (a commitment's anchor when the words are its
 * title, the top when they are the digest's own title or prose); any other page at its top.
 */
export function resultHref(data: PagefindData): string {
  if (!RESULT_KINDS[data.meta.result]?.anchors) return data.url;
  let best: { url: string; score: number } | undefined;
  for (const sub of data.sub_results ?? []) {
    const score = (sub.weighted_locations ?? []).reduce((sum, l) => sum + (l.balanced_score ?? l.weight ?? 0), 0);
    if (score > (best?.score ?? 0)) best = { url: sub.url, score };
  }
  return best?.url ?? data.url;
}

/**
 * Pagefind's results after the instant answers that lead the list: each result's data loaded only
 * when it is to be shown, the pages already shown above left out. `next` loads the next results;
 * "Show more" calls it again and nothing is searched twice. Source digests among the first
 * `digestsAfter` results are held back until the commitments and extracts there are shown: a
 * digest answers questions about the document as a whole, which its title and aliases meet (they
 * are in the instant answers); in the full text its prose matched a word it shares with the pages
 * that answer (issue 20: a commitment ranks above the digest; in the bench's body-text typo set,
 * three digests that say "access" stood above the one commitment meant by "aciess"). Held, not
 * sorted: the first results are shown after five pages' data, and the rest of the first page is
 * read in one batch after them.
 */
export interface Following {
  /** Loads results until `count` more are kept or `read` more have been read (whichever comes first), and returns the kept ones. */
  next(count: number, read?: number): Promise<PagefindData[]>;
  /** True once every result has been read and shown. */
  readonly done: boolean;
  /** How many results the list holds in all: the lead, and every full-text result not among it as far as they have been read. */
  readonly total: number;
}

export function following(results: readonly PagefindResult[], leadUrls: ReadonlySet<string>, digestsAfter = 0): Following {
  let cursor = 0;
  let repeats = 0;
  /** Read and not yet returned. */
  const ready: PagefindData[] = [];
  /** Digests among the first `digestsAfter`, due once those are read. */
  const held: PagefindData[] = [];
  const head = Math.min(digestsAfter, results.length);
  return {
    async next(count, read = Number.POSITIVE_INFINITY) {
      let left = read;
      while (ready.length < count && cursor < results.length && left > 0) {
        const start = cursor;
        // Inside the head, the rest of it at once: each digest held back would otherwise cost
        // another round trip for the page that takes its place.
        const end = cursor < head ? Math.min(head, cursor + left) : Math.min(results.length, cursor + Math.min(count - ready.length, left));
        const batch = results.slice(cursor, end);
        cursor = end;
        left -= batch.length;
        for (const [i, data] of (await Promise.all(batch.map((r) => r.data()))).entries()) {
          if (leadUrls.has(data.url)) repeats++;
          else if (start + i < head && data.meta.result === 's') held.push(data);
          else ready.push(data);
        }
        if (cursor >= head) ready.push(...held.splice(0));
      }
      return ready.splice(0, count);
    },
    get done() {
      return cursor >= results.length && ready.length === 0 && held.length === 0;
    },
    get total() {
      return results.length + leadUrls.size - repeats;
    },
  };
}

/**
 * Pagefind's excerpt (escaped text with <mark> around matches) as segments of plain text, each
 * marked or not, so the page builds it from text nodes and never parses index text as HTML.
 */
export function excerptSegments(excerpt: string): { text: string; marked: boolean }[] {
  // A Map, not an object: an object would answer &constructor; with Object's own function.
  const entities = new Map([
    ['amp', '&'],
    ['lt', '<'],
    ['gt', '>'],
    ['quot', '"'],
    ['apos', "'"],
    ['nbsp', '\u00a0'],
  ]);
  const decode = (text: string) =>
    text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] !== '#') return entities.get(code.toLowerCase()) ?? whole;
      const n = code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    });
  const segments: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) segments.push({ text: decode(part), marked });
  }
  return segments;
}

/** A run of text, marked (a matched word) or not: the page makes a text node or a <mark> of each. */
export interface Segment {
  text: string;
  marked: boolean;
}

/** What an instant answer shows under its title to say why it matched: the matched alias, or the page's opening words. */
export interface Snippet {
  /** "Also called" for an alias; none for the opening words. */
  label?: string;
  segments: Segment[];
}

/** Edits (insert, delete, substitute) from `a` to `b`, stopping early once above `most`. */
function editDistance(a: string, b: string, most: number): number {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...row) > most) return most + 1;
    previous = row;
  }
  return previous[b.length] ?? most + 1;
}

/**
 * True when a word of the text answers a query term as the instant index matches it: the same
 * word, a word the term begins (the word being typed), or within the term's fuzziness.
 */
export const answers = (word: string, term: string): boolean =>
  word === term || word.startsWith(term) || (fuzziness(term) > 0 && editDistance(word, term, fuzziness(term)) <= fuzziness(term));

/** The query's terms that decide a match: its words without the filler a question is padded with. */
const queryTerms = (query: string): string[] => searchWords(query).filter((w) => !STOPWORDS.has(w));

/** `text` as segments, each word some term answers marked (words as searchWords splits them). */
export function markWords(text: string, terms: readonly string[]): Segment[] {
  const segments: Segment[] = [];
  // Marked words with only spaces between them are one mark ("<mark>staying close</mark>").
  const push = (part: string, marked: boolean) => {
    if (!part) return;
    const last = segments.at(-1);
    const before = segments.at(-2);
    if (last && last.marked === marked) last.text += part;
    else if (marked && last && before?.marked && /^[^\S\n]+$/.test(last.text)) {
      segments.pop();
      before.text += last.text + part;
    } else segments.push({ text: part, marked });
  };
  let at = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) {
    const index = match.index ?? 0;
    push(text.slice(at, index), false);
    const word = searchWords(match[0]).join('');
    push(
      match[0],
      terms.some((term) => answers(word, term)),
    );
    at = index + match[0].length;
  }
  push(text.slice(at), false);
  return segments;
}

const covers = (text: string, term: string) => searchWords(text).some((word) => answers(word, term));

/**
 * Why an instant answer matched, as text to show under its title: when the title leaves a query
 * term unmatched and one of the page's aliases matches it, that alias (the one matching most such
 * terms); otherwise the page's own opening words. Matched words are marked either way. Undefined
 * when there is neither.
 */
export function instantSnippet(doc: Pick<InstantDoc, 't' | 'a' | 'o'>, query: string): Snippet | undefined {
  const terms = queryTerms(query);
  const missing = terms.filter((term) => !covers(doc.t, term));
  const aliases = doc.a ? doc.a.split(' · ') : [];
  const score = (alias: string) => missing.filter((term) => covers(alias, term)).length;
  const alias = aliases.reduce<string | undefined>((best, a) => (score(a) > (best === undefined ? 0 : score(best)) ? a : best), undefined);
  if (alias) return { label: 'Also called', segments: markWords(alias, terms) };
  if (doc.o) return { segments: markWords(doc.o, terms) };
  return undefined;
}
