// Every knob of search ranking and of the search page's lists, in one place: the pages read the
// Pagefind weights from here, the build the vocabulary weight and the preload budget, and the search
// page's script (src/site/search-client/, which bundles this file) the rest. Each value says why it
// is what it is, with the measurement behind it (recall suites: tests/browser/search-recall.test.ts;
// bench: `npm run bench -- --search-only --sizes 200`). Change ranking here and nowhere else.
// Browser-safe: no imports.

/** Pagefind's ranking options, passed to `pagefind.options({ ranking })` by the search page. */
export const PAGEFIND_RANKING = {
  /** MEASURE */
  termSimilarity: 3,
  /** MEASURE */
  pageLength: 0.6,
  /** MEASURE */
  termFrequency: 0.6,
} as const;

/** Words of body text in each full-text result's excerpt (Pagefind's `excerptLength`; its default is 30). MEASURE */
export const PAGEFIND_EXCERPT_WORDS = 24;

/**
 * `data-pagefind-weight` of the indexed page parts (Pagefind's default weight is 1, a heading's up
 * to 7, the most 10). MEASURE
 */
export const PAGEFIND_WEIGHTS = {
  /** A commitment page's title. */
  commitmentTitle: 10,
  /** A commitment's aliases ("Also called"). */
  commitmentAliases: 8,
  /** The glossary's other terms for what a commitment mentions (indexed, not shown). */
  glossaryTerms: 6,
  /** An extract page's title. */
  extractTitle: 8,
} as const;

/** The instant index's fields (src/site/search-client/instant.ts) and how much a match in each counts in MiniSearch. MEASURE */
export const INSTANT_BOOST = {
  title: 3,
  aliases: 2,
  /** The source's short title and aliases. */
  source: 1,
  year: 1,
  /** "recommendation 5", for a review's numbered recommendations. */
  rec: 3,
  /** The page's id. */
  code: 1.5,
} as const;

/** How many edits a query word may be from a title word in the instant index, by its length. MEASURE */
export const INSTANT_FUZZY = {
  /** Words this long or longer may be one edit away. */
  oneEditFrom: 4,
  /** Words this long or longer may be two edits away. */
  twoEditsFrom: 8,
} as const;

/** Typo correction against the vocabulary (search/vocabulary.json). MEASURE */
export const CORRECTION = {
  /** Shorter words are never corrected. */
  minLength: 4,
  /** Words up to this long may be corrected by one edit; longer ones by two. */
  oneEditUpTo: 5,
} as const;

/**
 * How much more a word of a title, alias or glossary term counts in the vocabulary than one
 * occurrence in body text: at the same distance, a correction prefers a title word. MEASURE
 */
export const VOCABULARY_TITLE_WEIGHT = 10;

/** The search page's list. */
export const RESULT_LIST = {
  /** Instant answers shown before the full-text results. MEASURE */
  instant: 5,
  /** Results on the first page of the list, and added by each "Show more". */
  page: 20,
  /** Full-text results rendered first; the rest of the page follows. MEASURE */
  firstBatch: 5,
  /** A source digest's sub-results (headings, commitments) shown under it. */
  anchors: 3,
  /** Glossary variants of a query searched in the instant index besides the query itself. */
  glossaryVariants: 6,
  /** Pause after a keystroke before the full-text search; the instant answers do not wait. MEASURE */
  typingPauseMs: 250,
} as const;

/**
 * The most the instant index may weigh (gzip) to be preloaded with the search page and waited for
 * by the first search: the first answers' budget. Above it, Pagefind answers first and the instant
 * index is fetched afterwards, for the later keystrokes. MEASURE
 */
export const INSTANT_PRELOAD_BYTES = 100 * 1024;

/** Instant index documents added to MiniSearch per step, so that indexing thousands never blocks a keystroke for long. */
export const INSTANT_CHUNK = 1000;
