// One search, from what the reader asked to what the list shows, with the layers passed in: the
// instant answers first (corrected against the vocabulary when a word is unknown), then Pagefind's
// full text after them, then the counts. No DOM: the page (./page.ts) shows each step as it comes,
// and a test can run it with stand-ins for the layers.
import { CORRECTION, RESULT_LIST } from '../search-config.ts';
import type { InstantDoc } from '../search-instant.ts';
import { meaningfulWords, searchWords } from '../search-rules.ts';
import type { Urls } from '../urls.ts';
import { correctQuery, corrections, distance, type Vocabulary } from './correct.ts';
import { type Counts, exactFirst, type Found, fullText, fullTextEither, orCounts, type Pagefind, type PagefindData, readOnce } from './full-text.ts';
import { answer, fuzziness, type Instant, knows, loadWords, type Selection, together } from './instant.ts';
import { docUrl, type Following, following } from './results.ts';

export interface SearchRequest {
  /** The query as typed, trimmed. */
  typed: string;
  /** No typo correction. */
  exact: boolean;
  filters: Selection;
  /** Started by a keystroke: the full text waits for a pause in typing. */
  typing: boolean;
}

/** Where each layer comes from. Each settles to undefined rather than fail: either layer can fail on its own. */
export interface Layers {
  /** The instant layer: waited for where it is preloaded, else whatever is in by now. */
  instant(): Promise<Instant | undefined>;
  pagefind(): Promise<Pagefind | undefined>;
  /** The vocabulary, as far as corrections of these words need it (fetched on first use); empty where it cannot load. */
  vocabulary(words: readonly string[]): Promise<Vocabulary>;
  /** Resolves once the browser has painted what is shown. */
  painted(): Promise<void>;
  /** Resolves after `ms` milliseconds. */
  pause(ms: number): Promise<void>;
}

/** What the page is told as the search goes; `current()` false stops the search at its next step (a newer one has started). */
export interface Progress {
  current(): boolean;
  /** Instant answers, shown before anything else. */
  instant(engine: Instant, docs: InstantDoc[]): void;
  /** The top of the list: the answers that lead it and the first full-text results. */
  first(engine: Instant | undefined, lead: InstantDoc[], results: PagefindData[]): void;
}

export interface Outcome {
  engine: Instant | undefined;
  /** False when the full-text index could not load: the list holds title matches only. */
  fullText: boolean;
  /** The query as searched: as typed, or corrected. */
  query: string;
  found: Found;
  /** The instant answers at the top of the list. */
  lead: InstantDoc[];
  /** The full-text results of the first page of the list, less the lead. */
  results: PagefindData[];
  /** The rest of the full-text results, for "Show more". */
  more: Following;
  /** Filter counts, OR within a group; undefined without the full text. */
  counts: Counts | undefined;
}

const NOTHING: Found['result'] = { results: [], filters: {} };

/** Runs one search; undefined when a newer search took over, 'failed' when neither layer loaded. */
export async function runSearch(request: SearchRequest, layers: Layers, progress: Progress, urls: Urls): Promise<Outcome | 'failed' | undefined> {
  const { typed, exact, filters } = request;
  const engine = await layers.instant();
  if (!progress.current()) return;

  // A word the instant index does not know is checked against the vocabulary, fetched now.
  let query = typed;
  let checked: Vocabulary | undefined;
  const known = (word: string) => knows(engine, word);
  const pair = (words: readonly string[]) => together(engine, words);
  let shown = false;
  const show = (docs: InstantDoc[]) => {
    if (!engine || !docs.length) return;
    progress.instant(engine, docs);
    shown = true;
  };
  // The answers whose pages are in, shown while the others' pages come.
  const early = (docs: InstantDoc[]) => {
    if (progress.current()) show(docs);
  };
  // The instant index's shards for the words typed: fetched now, where the index is split.
  if (engine && typed) await loadWords(engine, typed);
  if (!progress.current()) return;
  if (engine && typed && !exact && searchWords(typed).some((w) => w.length >= CORRECTION.inPairFrom && !/\d/.test(w) && !known(w))) {
    // MiniSearch's own fuzzy match answers at once; the vocabulary then corrects the query for the full text.
    show(await answer(engine, typed, filters, {}, early));
    // Painted before the correction starts: with the vocabulary already in, correcting runs on
    // without yielding, and the answers waited for it (the slowest later searches in the bench
    // were these, a query with one mistyped word).
    if (shown) await layers.painted();
    if (!progress.current()) return;
    checked = await layers.vocabulary(searchWords(typed));
    query = correctQuery(typed, checked, known, pair);
    if (!progress.current()) return;
  }

  // A word the vocabulary knows is spelt as meant (corrected, or found in body text only): matching
  // it loosely in titles would put "better" first for "letter".
  const vocabulary = checked;
  const fuzzy = exact ? { fuzzy: false } : vocabulary ? { fuzzy: (term: string) => (vocabulary.targets.has(term) ? 0 : fuzziness(term)) } : {};
  const instantDocs = await answer(engine, query, filters, fuzzy, early);
  if (!progress.current()) return;
  show(instantDocs);

  // Pagefind only now (unless focus started it), once the instant answers are painted: on a slow
  // line it would hold them up.
  if (shown) await layers.painted();
  if (!progress.current()) return;
  const loading = layers.pagefind();
  if (request.typing) {
    await layers.pause(RESULT_LIST.typingPauseMs);
    if (!progress.current()) return;
  }
  const pagefind = await loading;
  if (!progress.current()) return;
  if (!pagefind && !engine) return 'failed';

  // The last word, where the instant index does not know it: the full text also searches its other
  // best corrections (a rare body-text word, a word still being typed), results taken in turn.
  const last = searchWords(typed).at(-1) ?? '';
  const others =
    vocabulary && !known(last)
      ? corrections(last, vocabulary)
          .map((word) => query.replace(/[\p{L}\p{N}'’]+(?=[^\p{L}\p{N}'’]*$)/u, word))
          .filter((q) => q !== query)
      : [];
  let found: Found = { result: NOTHING, used: meaningfulWords(query), dropped: [] };
  if (pagefind)
    found = others.length
      ? await fullTextEither(pagefind, [query, ...others], filters, known, engine ? pair : undefined)
      : await fullText(pagefind, query, filters, known, engine ? pair : undefined);
  if (!progress.current()) return;
  // Without the instant index (not in yet), the words on no page are the unknown ones: correct them now.
  if (pagefind && !engine && !exact && found.dropped.length) {
    const absent = new Set(found.dropped);
    const corrected = correctQuery(typed, await layers.vocabulary(found.dropped), (word) => !absent.has(searchWords(word).join('')));
    if (!progress.current()) return;
    if (corrected !== typed) {
      query = corrected;
      found = await fullText(pagefind, query, filters, known, engine ? pair : undefined);
      if (!progress.current()) return;
    }
  }

  // A word the reader did not type (a correction, or an alternative to an unknown last word):
  // the pages that have it as corrected come before those that only share its stem.
  const typedWords = searchWords(typed);
  const correctedTo = new Map(
    [...new Set([query, ...others].flatMap((q) => searchWords(q)))]
      .filter((w) => !typedWords.includes(w))
      .map((w) => [w, Math.min(...typedWords.map((t) => distance(t, w, 3)))]),
  );
  found = { ...found, result: { ...found.result, results: readOnce(found.result.results) } };
  if (correctedTo.size && found.result.results.length > 1) {
    found = { ...found, result: { ...found.result, results: await exactFirst(found.result.results, correctedTo, RESULT_LIST.page) } };
    if (!progress.current()) return;
  }

  // When words were dropped, the instant answers are the titles that have every remaining word: a
  // title with only some of them (ORed, as until issue 20) put five titles that merely say "care
  // leavers" above the one page that answers "free prescriptions for care leavers".
  const answers = found.dropped.length ? await answer(engine, found.used.join(' '), filters, fuzzy) : instantDocs;
  if (!progress.current()) return;
  // The instant answers are for one correction of the unknown word; where it had others, room is
  // left in the first five for the pages that hold them.
  const lead = others.length ? answers.slice(0, CORRECTION.leadWithAlternatives) : answers;
  const more = following(found.result.results, new Set(lead.map((doc) => docUrl(urls, doc))), RESULT_LIST.page);
  const wanted = Math.max(0, RESULT_LIST.page - lead.length);
  // The top of the list first, then the rest of the page.
  const first = await more.next(wanted, RESULT_LIST.firstBatch);
  if (!progress.current()) return;
  progress.first(engine, lead, first);
  const rest = await more.next(wanted - first.length);
  if (!progress.current()) return;
  const counts = pagefind ? await orCounts(pagefind, found.used.join(' '), filters) : undefined;
  if (!progress.current()) return;
  return { engine, fullText: pagefind !== undefined, query, found, lead, results: [...first, ...rest], more, counts };
}
