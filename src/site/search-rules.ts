// The rules the build and the search page's script share: how text splits into the words search
// compares, which words a query may leave out, and the kinds of result. The build indexes with
// them (src/site/search.ts, src/site/search-instant.ts) and the script (src/site/search-client/)
// bundles this very file, so the two cannot drift. It runs in the browser: nothing here may import
// Node or src/lib at run time (tests/site/search-client.test.ts bundles the script and checks).
import type { EntityKind } from '../lib/markdown.ts';

/**
 * Splits text into the words search compares: lower case, apostrophes dropped ("children's" →
 * "childrens"), letters and digits only. The vocabulary, the instant index and every query use it.
 */
export function searchWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * Words a question or a long phrase is padded with: grammar words, question words, and the filler
 * people type around the term they mean ("is … now a legal duty", "what is the latest on …", "how
 * much …", "the new plan for …"). Never required to match, never the word a result is found by: a
 * query is matched on its other words. Issue 20: "Is Staying Close now a legal duty?" found three
 * summaries and not the commitment, because "now" had to match too. Content words stay out of it,
 * however common ("care", "children", "councils", "government"): they can be what a reader means.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  [
    // grammar
    'a about also am an and any are as at be been being but by can could did do does doing done for from had has have having he her his how i if in is it its me my of on or our she should so some than that the their them then there these they this those to too us was we were what when where whether which while who whom whose why will with would you your',
    // asking and filler
    'actually anymore any currently own does get gets getting go goes going got happen happened happening happens hear heard know latest let lot lots make made many much new now please plan plans really say said says see show still tell thing things today update whats yet',
  ]
    .join(' ')
    .split(' '),
);

/** The words of a query that must match something: stopwords left out, unless that leaves none. */
export function meaningfulWords(query: string): string[] {
  const all = searchWords(query);
  const kept = all.filter((w) => !STOPWORDS.has(w));
  return kept.length ? kept : all;
}

/**
 * The kinds of page a search finds, by the one-letter code the instant index and each page's
 * search record carry: the entity it shows (its URL comes from src/site/urls.ts), the label a
 * result is shown with, and whether its results list the places inside it that matched (Pagefind's
 * sub-results: a source digest's headings and commitment anchors).
 */
export const RESULT_KINDS = {
  c: { entity: 'commitment', label: 'Commitment', anchors: false },
  e: { entity: 'extract', label: 'Extract', anchors: false },
  s: { entity: 'source', label: 'Source digest', anchors: true },
} as const satisfies Record<string, { entity: EntityKind; label: string; anchors: boolean }>;

export type ResultKind = keyof typeof RESULT_KINDS;

/** The search files the build writes and the search page reads, as paths inside the site (for `urls.page`). */
export const SEARCH_FILES = {
  /** The instant index's manifest (src/site/search-instant.ts): it names the other files. */
  instant: 'search/instant.json',
  /** The folder of the instant index's word shards (w/), page blocks (d/) and vocabulary buckets (v/), hashed. */
  instantFolder: 'search/',
  /** Pagefind's folder: its script is `pagefind.js` in it. */
  pagefind: 'pagefind/',
} as const;

/** The filter and value that mark the all-words record of each part of Pagefind's index (src/site/search-parts.ts), which every search leaves out. */
export const ALL_WORDS = { filter: 'index', value: 'all-words' } as const;
