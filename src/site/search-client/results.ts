// One list from two layers: the instant answers lead, Pagefind's results follow without repeating
// them, a page at a time; and each result's excerpt as text. Pure.
import type { Urls } from '../urls.ts';
import type { InstantDoc } from '../search-instant.ts';
import { RESULT_KINDS } from '../search-rules.ts';
import type { PagefindData, PagefindResult } from './full-text.ts';

/** An instant answer's page, from the same URL helpers as the pages themselves. */
export const docUrl = (urls: Urls, doc: InstantDoc): string => urls.entity(RESULT_KINDS[doc.k].entity, doc.id);

/**
 * Pagefind's results after the instant answers that lead the list: each result's data loaded only
 * when it is to be shown, the pages already shown above left out. `next` loads the next results;
 * "Show more" calls it again and nothing is searched twice.
 */
export interface Following {
  /** Loads results until `count` more are kept or `read` more have been read (whichever comes first), and returns the kept ones. */
  next(count: number, read?: number): Promise<PagefindData[]>;
  /** True once every result has been read. */
  readonly done: boolean;
  /** How many results the list holds in all: the lead, and every full-text result not among it as far as they have been read. */
  readonly total: number;
}

export function following(results: readonly PagefindResult[], leadUrls: ReadonlySet<string>): Following {
  let cursor = 0;
  let repeats = 0;
  return {
    async next(count, read = Number.POSITIVE_INFINITY) {
      const kept: PagefindData[] = [];
      let left = read;
      while (kept.length < count && cursor < results.length && left > 0) {
        const batch = results.slice(cursor, cursor + Math.min(count - kept.length, left));
        cursor += batch.length;
        left -= batch.length;
        for (const data of await Promise.all(batch.map((r) => r.data()))) {
          if (leadUrls.has(data.url)) repeats++;
          else kept.push(data);
        }
      }
      return kept;
    },
    get done() {
      return cursor >= results.length;
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
