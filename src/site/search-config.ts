// Every knob of search ranking and of the search page's lists, in one place: the pages read the
// Pagefind weights from here, the build the vocabulary weight and the preload budget, and the search
// page's script (src/site/search-client/, which bundles this file) the rest. Change ranking here
// and nowhere else. Browser-safe: no imports.
//
// Each value says what was measured for it. "Knobs run" is `node bench/search/knobs.ts` of
// 2026-12-01 (bench/results/knobs.md): the real content built once per variant, one knob moved,
// and the 149 queries of the recall suites (tests/search/) searched through /search/. Their own
// rates (an expected commitment in the top 3 or 5) stay at 100% / 95.5% / 91.7% for every variant
// but the number of instant answers: they cannot tell most values apart. The finer figures are the
// mean reciprocal rank (MRR) of the first expected commitment, in the page's list and in Pagefind's
// own ranking of the same words (the list hides most of it behind the instant answers). A value
// the suites cannot separate from its neighbours says so; it is kept until a query set can.

/** Pagefind's ranking options, passed to `pagefind.options({ ranking })` by the search page. */
export const PAGEFIND_RANKING = {
  /**
   * How much a page's word closest to the query word counts (an exact match over a longer word it
   * begins; Pagefind's default 1). Knobs run, Pagefind's own MRR at 1: 0.991 on the tuned queries (1.000 at 3), 0.667
   * on the one-typo queries (0.700 at 3).
   */
  termSimilarity: 3,
  /**
   * How much a page's length counts against it (default 0.75): source digests are long, commitment
   * pages short. Knobs run at 0.75: one-typo queries 0.667 (0.700 at 0.6), swapped letters 0.375 (0.417);
   * words found only in body text 0.449 (0.435 at 0.6), the one set it helps.
   */
  pageLength: 0.6,
  /**
   * How much the number of times a query word appears on a page counts (default 1). Knobs run at 1: one-typo queries 0.667 (0.700 at
   * 0.6), first letter 0.625 (0.667), swapped 0.375 (0.417).
   */
  termFrequency: 0.6,
} as const;

/** Words of body text in each full-text result's excerpt (Pagefind's `excerptLength`, default 30). Not a ranking knob; not measured. */
export const PAGEFIND_EXCERPT_WORDS = 24;

/**
 * The most pages one Pagefind index holds before the index is written in parts, each by its own
 * Pagefind process (src/site/search-parts.ts). Pagefind needed about 170 KB of memory per page at
 * 10,000 commitments (13,953 pages, 2.4 GB); 8,000 pages keeps a process near 1.4 GB, under the 2 GB
 * goal. The real content (about 220 pages) and 1,000 commitments stay in one index, so their
 * search page loads one. SEARCH_PAGES_PER_PART overrides it for a build (the tests split the fixture).
 */
export const PAGEFIND_PAGES_PER_PART = 8_000;

/**
 * `data-pagefind-weight` of the indexed page parts (default 1; Pagefind weighs an h1 7, and 10 is
 * its most). Knobs run with all four at 1: Pagefind's own MRR 0.991 on the tuned queries (1.000 as
 * they are), 0.656 on one-typo queries (0.700), 0.361 on swapped letters (0.417); words found only
 * in body text gain (list MRR 0.843 against 0.819), the one set that would rather titles weighed
 * nothing.
 */
export const PAGEFIND_WEIGHTS = {
  /** A commitment page's title. At 7 (an h1's weight) nothing measured changed; 10 keeps the title first whatever else a page holds. */
  commitmentTitle: 10,
  /** A commitment's aliases ("Also called"): the names readers use for it. Not varied alone; part of the all-1 run above. */
  commitmentAliases: 8,
  /**
   * The glossary's other terms for what a commitment mentions (indexed, not shown). At 1: one-typo
   * queries 0.667 (0.700 at 6), swapped 0.375 (0.417); body-text words 0.440 (0.435).
   */
  glossaryTerms: 6,
  /**
   * A commitment's own text ("What it committed to"), above its status and history on the same
   * page, which share its words with many other commitments' histories. On the bench's 200
   * generated commitments (seed 1), body-text typos found in the top 5: 21 of 38 at 1, 27 at 3, 29
   * at 6; the real content's everyday questions, recall@3: 0.893 at 1 and 3, 0.875 at 6 (December 2026).
   */
  commitmentText: 3,
  /** An extract page's title. At 10 nothing measured changed (no query's top five moved): below commitments, whose pages are what most queries want. */
  extractTitle: 8,
} as const;

/**
 * How much a match in each field of the instant index counts in MiniSearch (the fields of
 * src/site/search-client/instant.ts). Knobs run with all at 1: the fresh queries' list MRR 0.893
 * (0.902 as they are) and 26 of the 149 queries' top five changed; nothing measured gained.
 */
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

/**
 * How many edits a query word may be from a title word in the instant index, by its length. Knobs
 * run without fuzzy matching: the tuned queries' list MRR 1.000 (0.991 with it), every typo set
 * unchanged, because the vocabulary corrects the query before the full list. Kept for what the
 * suites do not time: a misspelt title gets instant answers while the vocabulary is still loading.
 * Two edits from 6 letters instead of 8: nothing measured changed (9 top fives moved).
 */
export const INSTANT_FUZZY = {
  /** Words this long or longer may be one edit away. */
  oneEditFrom: 4,
  /** Words this long or longer may be two edits away. */
  twoEditsFrom: 8,
} as const;

/**
 * Typo correction against the vocabulary (search/vocabulary.json). Knobs run: one edit up to 7
 * letters changed no query's top five; correcting from 5 letters moved 4 and no rate. The suites
 * cannot separate these values: kept as first set.
 */
export const CORRECTION = {
  /**
   * Shorter words, and prefixes of longer vocabulary words, are corrected only by one edit that
   * makes a pair with a neighbouring word in some title, alias or glossary term (issue 20: "no
   * wrong dor" went to "Dorset", a body word "dor" begins; "door" pairs with "wrong" in "No Wrong
   * Door").
   */
  minLength: 4,
  /** Words shorter than this are never corrected; from this long a query word the instant index does not know makes the page fetch the vocabulary. */
  inPairFrom: 3,
  /** Words up to this long may be corrected by one edit; longer ones by two. */
  oneEditUpTo: 5,
  /**
   * Corrections of the last unknown word the full text searches besides the query as corrected,
   * their results taken in turn (src/site/search-client/run.ts): a rare body-text word then
   * loses no tie to a commoner title word. Measured by the bench's body-text typo set.
   */
  alternatives: 3,
  /**
   * The instant answers kept at the top of the list when the last word had other corrections: they
   * answer only the first, and five of them pushed the one page that holds another ("amost": five
   * titles that say "most" above the page that says "almost") out of the first five.
   */
  leadWithAlternatives: 3,
} as const;

/**
 * How much more a word of a title, alias or glossary term counts in the vocabulary than one
 * occurrence in body text: at the same distance, a correction prefers a title word. Knobs run at 1:
 * no query's top five changed (no query in the suites meets such a tie); kept for the ties the
 * suites lack.
 */
export const VOCABULARY_TITLE_WEIGHT = 10;

/** The search page's list. */
export const RESULT_LIST = {
  /**
   * Instant answers shown before the full-text results. Knobs run: at 3, fresh recall@5 97.7%
   * (95.5% at 5: one query of the 44 more found); at 8, 93.2% ("apprenticeships for care leavers"
   * lost). Not moved to 3: the fresh set is kept untuned, and the tuned set does not change.
   */
  instant: 5,
  /**
   * Results on the first page of the list, and added by each "Show more". Each shown result costs
   * Pagefind a fragment request: a first search for "kinship allowance" fetches 354 KB in 29
   * requests (tests/browser/search.test.ts, under its 400 KB cap).
   */
  page: 20,
  /** Full-text results rendered first, before the rest of the page; not varied (times, not ranking). */
  firstBatch: 5,
  /** A source digest's sub-results (headings, commitments) shown under it; not varied. */
  anchors: 3,
  /**
   * Glossary variants of a query searched in the instant index besides the query itself: a term of
   * the largest group (5 terms) gives 4, and 6 leaves room for a query naming two groups; not varied.
   */
  glossaryVariants: 6,
  /**
   * Pause after a keystroke before the full-text search; the instant answers do not wait. Longer
   * than the 330 ms between keys of an average phone typist (36.2 words a minute, Palin et al.,
   * MobileHCI 2019): at 250 ms Pagefind searched every few keys of a word, and at 10,000
   * commitments its work on the main thread (1.3 s of script, 0.6 s posting to its worker, with a
   * 4× slower CPU) now and then held a keystroke's instant answers for 2.5 s. Ad hoc, 10,000
   * commitments, ten two-word queries typed key by key, throttled: p95 to the first answers
   * 1.2–2.9 s in five runs at 250 ms, 21–44 ms in three at 500 ms. The full list after the last
   * key comes 250 ms later.
   */
  typingPauseMs: 500,
} as const;

/**
 * The most the instant index may weigh (gzip) to travel whole in search/instant.json, which the
 * search page preloads and the first search waits for. The whole index: 12 KB for the real
 * content, 15 KB at 200 commitments, 64 KB at 1,000, 640 KB at 10,000 (over the bench's 1.6 Mbps
 * line, over 3 s before any answer). Over it, the index is split (src/site/search-instant.ts) and
 * instant.json is only its manifest.
 */
export const INSTANT_PRELOAD_BYTES = 100 * 1024;

/**
 * The most a word shard or vocabulary bucket of the instant index should weigh (JSON bytes, before
 * gzip), unless one word alone weighs more: measured at 10,000 commitments (bench/generate.ts).
 */
export const INSTANT_SHARD_BYTES = 24 * 1024;

/** The instant index's word scores travel as integers: score × this (0.5% steps). */
export const INSTANT_SCORE_SCALE = 100;

/** Pages per block of the instant index's page data; an answer fetches the blocks of the pages it shows. */
export const INSTANT_BLOCK = 64;
