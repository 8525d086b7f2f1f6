// @ts-check
// The search page's script (loaded by /search/ only; every other page's header box is a plain GET
// form to it). Two layers, one list:
//   1. instant answers, as the reader types, from search/instant.json (titles, aliases, ids,
//      source short titles, years, recommendation numbers; src/site/search-instant.ts) loaded into
//      MiniSearch (search/minisearch.js) with prefix and fuzzy matching;
//   2. Pagefind's full-text results after them, less the pages the instant answers already show.
// The form's URL is the search's state: filter values are ids, and a URL with the titles used
// before (?pillar=Care+leavers) is mapped to them. A query word the instant index does not know
// fetches search/vocabulary.json (built from the graph) and is corrected to the nearest word.
// When no page has all the meaningful words, the results for the words that do match are shown.

// Pagefind has no types for its browser API: these cover the parts used here.
/**
 * @typedef {import('../src/site/search-instant.ts').InstantIndex} InstantIndex
 * @typedef {import('../src/site/search-instant.ts').InstantDoc} InstantDoc
 * @typedef {{ targets: Map<string, number> }} Vocabulary
 * @typedef {Record<string, string[]>} Selection filter name → ids ticked
 * @typedef {Record<string, (string | undefined)[]>} PageFilters filter name → a page's ids
 * @typedef {{ index: import('minisearch').default, file: InstantIndex, filters: PageFilters[] }} Instant
 * @typedef {Record<string, Record<string, number> | undefined>} Counts filter name → id → pages
 * @typedef {{ url: string, excerpt: string, meta: import('../src/site/search.ts').SearchRecord['meta'], sub_results?: { url: string, title: string }[] }} PagefindData
 * @typedef {{ results: { data(): Promise<PagefindData> }[], filters: Counts }} PagefindSearch
 * @typedef {{ options(o: object): Promise<void>, init(): Promise<void>, filters(): Promise<Counts>, search(term: string | null, o: { filters: Record<string, { any: string[] }> }): Promise<PagefindSearch> }} Pagefind
 * @typedef {{ result: PagefindSearch, used: string[], dropped: string[] }} Found
 */

const PAGE_SIZE = 20;
/** Instant answers shown before the full-text results. */
const INSTANT_MAX = 5;
/** Full-text results rendered first; the rest of the page follows. */
const FIRST_BATCH = 5;
/** Pause after a keystroke before the full-text search (the instant answers do not wait). */
const TYPING_PAUSE_MS = 250;

/** Words a question or a long phrase is padded with; never required to match. */
export const STOPWORDS = new Set(
  'a about an and are as at be been by can could did do does for from had has have how i in is it its of on or our should that the their there they this to was we were what when where which who why will with would you your'.split(
    ' ',
  ),
);

/**
 * Query words as both indexes compare them: lower case, apostrophes dropped ("children's" → "childrens").
 * @param {string} text
 */
export const words = (text) =>
  text
    .toLowerCase()
    .replace(/['’]/g, '')
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The words of a query that must match something: stopwords left out, unless that leaves none.
 * @param {string} query
 */
export function meaningfulWords(query) {
  const all = words(query);
  const kept = all.filter((w) => !STOPWORDS.has(w));
  return kept.length ? kept : all;
}

/**
 * Damerau–Levenshtein distance (optimal string alignment: an adjacent swap costs 1), or
 * `max + 1` as soon as it must exceed `max`. (The casts: every cell read has been written.)
 * @param {string} a
 * @param {string} b
 * @param {number} max
 */
export function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  /** @type {number[]} */
  let before = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(/** @type {number} */ (previous[j]) + 1, /** @type {number} */ (current[j - 1]) + 1, /** @type {number} */ (previous[j - 1]) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, /** @type {number} */ (before[j - 2]) + 1);
      current[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return /** @type {number} */ (previous[b.length]);
}

/**
 * The vocabulary file's contents (word → weight), made ready for lookups.
 * @param {{ targets?: Record<string, number> }} json
 */
export function prepareVocabulary(json) {
  return { targets: new Map(Object.entries(json.targets ?? {})) };
}

/**
 * The nearest vocabulary word to `word`, or undefined when it is known, short, a number, a prefix
 * being typed, or too far from any. Ties go to the heavier word (titles weigh more than body
 * text), then to one that keeps the first letter.
 * @param {string} word
 * @param {Vocabulary} vocabulary
 */
export function correctWord(word, vocabulary) {
  const w = words(word).join('');
  if (w.length < 4 || /\d/.test(w) || vocabulary.targets.has(w)) return undefined;
  for (const target of vocabulary.targets.keys()) if (target.startsWith(w)) return undefined;
  const max = w.length <= 5 ? 1 : 2;
  /** @type {{ target: string, d: number, weight: number } | undefined} */
  let best;
  for (const [target, weight] of vocabulary.targets) {
    const d = distance(w, target, max);
    if (d > max) continue;
    const better = !best || d < best.d || (d === best.d && (weight > best.weight || (weight === best.weight && target[0] === w[0] && best.target[0] !== w[0])));
    if (better) best = { target, d, weight };
  }
  return best?.target;
}

/**
 * The query with each unknown word replaced by its correction; the same string when nothing changed.
 * @param {string} query
 * @param {Vocabulary} vocabulary
 * @param {(word: string) => boolean} [isKnown] words to leave alone
 */
export function correctQuery(query, vocabulary, isKnown = () => false) {
  return query.replace(/[\p{L}\p{N}'’]+/gu, (word) => (isKnown(word) ? word : (correctWord(word, vocabulary) ?? word)));
}

/**
 * Pagefind's excerpt (escaped text with <mark> around matches) as segments of plain text, each
 * marked or not, so the page builds it from text nodes and never parses index text as HTML.
 * @param {string} excerpt
 */
export function excerptSegments(excerpt) {
  // A Map, not an object: an object would answer &constructor; with Object's own function.
  const entities = new Map([
    ['amp', '&'],
    ['lt', '<'],
    ['gt', '>'],
    ['quot', '"'],
    ['apos', "'"],
    ['nbsp', '\u00a0'],
  ]);
  /** @param {string} text */
  const decode = (text) =>
    text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, /** @type {string} */ code) => {
      if (code[0] !== '#') return entities.get(code.toLowerCase()) ?? whole;
      const n = code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    });
  const segments = [];
  let marked = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) segments.push({ text: decode(part), marked });
  }
  return segments;
}

/**
 * How many edits a query word may be from a title word: none for short words, two for long ones.
 * @param {string} term
 */
export const fuzziness = (term) => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0);

/**
 * MiniSearch's options for the instant index: field weights, our word splitting, prefix on the word being typed, fuzzy on longer words.
 * @type {import('minisearch').Options}
 */
export const INSTANT_OPTIONS = {
  fields: ['title', 'aliases', 'source', 'year', 'rec', 'code'],
  tokenize: (text) => words(text),
  searchOptions: {
    boost: { title: 3, aliases: 2, rec: 3, code: 1.5, source: 1, year: 1 },
    combineWith: 'AND',
    prefix: (_term, i, terms) => i === terms.length - 1,
    fuzzy: (term) => fuzziness(term),
    processTerm: (term) => (STOPWORDS.has(term) ? null : term),
  },
};

/**
 * The instant file's pages as MiniSearch documents (the array index is the id).
 * @param {InstantIndex} file
 */
export function instantDocuments(file) {
  return file.docs.map((doc, id) => {
    const source = file.sources[doc.s];
    return {
      id,
      title: doc.t,
      aliases: doc.k === 's' ? `${source?.t ?? ''} · ${source?.a ?? ''}` : (doc.a ?? ''),
      source: doc.k === 's' ? '' : (source?.t ?? ''),
      year: source?.y ?? '',
      rec: doc.r ? `recommendation ${doc.r}` : '',
      code: doc.id,
    };
  });
}

/**
 * A page's filter ids, as the form's groups name them.
 * @param {InstantIndex} file
 * @param {InstantDoc} doc
 */
export function docFilters(file, doc) {
  const source = file.sources[doc.s];
  return {
    source: source ? [source.id] : [],
    year: source ? [source.y] : [],
    kind: source ? [source.k] : [],
    pillar: (doc.p ?? []).map((i) => file.pillars[i]),
    framework: (doc.f ?? []).map((i) => file.frameworks[i]),
    status: doc.st ? [doc.st] : [],
  };
}

/**
 * True when a page carries one of the selected values in every group that has a selection (OR within a group, AND across groups).
 * @param {PageFilters} filters
 * @param {Selection} selected
 */
export const passes = (filters, selected) => Object.entries(selected).every(([name, values]) => values.some((v) => filters[name]?.includes(v)));

/**
 * The MiniSearch query: the words as typed, or also each glossary synonym of a term they contain
 * ("locums" also searches "agency social workers").
 * @param {string} query
 * @param {string[][]} glossary
 * @returns {import('minisearch').Query}
 */
export function instantQuery(query, glossary) {
  const text = ` ${words(query).join(' ')} `;
  const variants = [];
  for (const group of glossary) {
    const terms = group.map((t) => words(t).join(' '));
    const used = terms.find((t) => text.includes(` ${t} `));
    if (used) for (const other of terms) if (other !== used) variants.push(text.replace(` ${used} `, ` ${other} `).trim());
  }
  return variants.length ? { combineWith: 'OR', queries: [query, ...variants.slice(0, 6)] } : query;
}

/**
 * The id a filter value from a URL stands for: itself when it is an id, else the id whose label it is (URLs from before ids), else undefined.
 * @param {string} value
 * @param {{ id: string, label: string }[]} options
 */
export function filterId(value, options) {
  if (options.some((o) => o.id === value)) return value;
  const wanted = value.trim().toLowerCase();
  return options.find((o) => o.label.toLowerCase() === wanted)?.id;
}

/** @param {HTMLElement} app */
function start(app) {
  const form = app.querySelector('form');
  const input = form?.elements.namedItem('q');
  const status = document.getElementById('search-status');
  const note = document.getElementById('search-correction');
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more');
  const nojs = document.getElementById('search-nojs');
  if (!form || !(input instanceof HTMLInputElement) || !status || !note || !list || !more || !nojs) return;
  const groups = [...form.querySelectorAll('details[data-filter]')].filter((g) => g instanceof HTMLDetailsElement);
  /** @param {Element} group */
  const boxes = (group) => [...group.querySelectorAll('input[type=checkbox]')].filter((b) => b instanceof HTMLInputElement);
  const params = new URLSearchParams(location.search);
  let exact = params.get('exact') === '1';
  let shown = PAGE_SIZE;
  let latest = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let pause;
  /** @type {Promise<Pagefind> | undefined} */
  let pagefind;
  /** @type {Promise<Instant> | undefined} */
  let instant;
  /** @type {Promise<Vocabulary> | undefined} */
  let vocabulary;

  // Restore the search from the URL; filter values by id, or by title from URLs made before ids.
  input.value = params.get('q') ?? '';
  for (const group of groups) {
    const options = boxes(group).map((box) => ({ id: box.value, label: box.dataset.label ?? box.value }));
    const wanted = new Set(
      params
        .getAll(group.dataset.filter ?? '')
        .map((v) => filterId(v, options))
        .filter(Boolean),
    );
    for (const box of boxes(group)) box.checked = wanted.has(box.value);
    if (wanted.size) group.open = true;
  }
  nojs.hidden = true;
  app.hidden = false;

  // Where the instant index is small enough to preload (search.astro decides), the first answers
  // wait for it; where it is not (thousands of commitments), Pagefind answers first and the instant
  // index follows for the later keystrokes, so it never holds up the first search.
  const preloaded = app.dataset.instantPreload === 'true';
  /** @type {Instant | undefined} */
  let instantReady;
  const loadInstant = () =>
    (instant ??= Promise.all([
      import(app.dataset.minisearch ?? ''),
      fetch(app.dataset.instant ?? '').then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.status}`)))),
    ]).then(async (/** @type {[typeof import('minisearch'), InstantIndex]} */ [module, file]) => {
      const index = new module.default(INSTANT_OPTIONS);
      // In chunks, so that indexing thousands of titles never blocks a keystroke for long.
      await index.addAllAsync(instantDocuments(file), { chunkSize: 1000 });
      instantReady = { index, file, filters: file.docs.map((doc) => docFilters(file, doc)) };
      return instantReady;
    }));
  const loadPagefind = () =>
    (pagefind ??= /** @type {Promise<Pagefind>} */ (import(`${app.dataset.bundle}pagefind.js`)).then(async (module) => {
      await module.options({ baseUrl: app.dataset.base, excerptLength: 24, ranking: { termSimilarity: 3, pageLength: 0.6, termFrequency: 0.6 } });
      await module.init();
      return module;
    }));
  const loadVocabulary = () =>
    (vocabulary ??= fetch(app.dataset.vocabulary ?? '')
      .then((r) => (r.ok ? r.json() : { targets: {} }))
      .then(prepareVocabulary, () => prepareVocabulary({ targets: {} })));
  /**
   * Settles to undefined instead of failing: each layer can fail on its own.
   * @template T
   * @param {Promise<T>} promise
   */
  const settle = (promise) =>
    promise.then(
      (value) => value,
      () => undefined,
    );

  function selectedFilters() {
    /** @type {Selection} */
    const filters = {};
    for (const group of groups) {
      const values = boxes(group)
        .filter((box) => box.checked)
        .map((box) => box.value);
      const selected = group.querySelector('[data-selected]');
      const text = values.length ? `(${values.length} selected)` : '';
      // Written only when it changes: every keystroke comes through here.
      if (selected && selected.textContent !== text) selected.textContent = text;
      if (values.length) filters[group.dataset.filter ?? ''] = values;
    }
    return filters;
  }

  const writeUrl = () => {
    // The form has no file inputs, so every entry is a string, as URLSearchParams takes.
    const query = new URLSearchParams(/** @type {string[][]} */ (/** @type {unknown} */ (new FormData(form))));
    if (!input.value.trim()) query.delete('q');
    if (exact) query.set('exact', '1');
    const text = query.toString();
    history.replaceState(null, '', text ? `?${text}` : location.pathname);
  };

  /** @param {Counts | undefined} counts */
  function showCounts(counts) {
    for (const group of groups) {
      for (const box of boxes(group)) {
        const n = counts?.[group.dataset.filter ?? '']?.[box.value] ?? 0;
        const count = box.parentElement?.querySelector('[data-count]');
        if (count) count.textContent = counts ? `(${n})` : '';
      }
    }
  }

  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {Partial<HTMLElementTagNameMap[K]>} [props]
   * @param {(Node | string)[]} [children]
   */
  const element = (tag, props = {}, children = []) => {
    const el = Object.assign(document.createElement(tag), props);
    el.append(...children);
    return el;
  };
  /** @param {string} text */
  const excerpt = (text) =>
    element(
      'p',
      {},
      excerptSegments(text).map((s) => (s.marked ? element('mark', { textContent: s.text }) : document.createTextNode(s.text))),
    );
  /** @param {string | undefined} label */
  const badge = (label) => (label ? [' ', element('strong', { className: 'tag', textContent: label })] : []);

  const TYPES = { c: 'Commitment', e: 'Extract', s: 'Source digest' };
  const STATUS_LABELS = Object.fromEntries(groups.filter((g) => g.dataset.filter === 'status').flatMap((g) => boxes(g).map((b) => [b.value, b.dataset.label])));
  /**
   * @param {InstantIndex} file
   * @param {InstantDoc} doc
   */
  function instantItem(file, doc) {
    const source = file.sources[doc.s];
    const details = [TYPES[doc.k], doc.k === 's' ? '' : source?.t, doc.r ? `Recommendation ${doc.r}` : '', source?.y].filter(Boolean).join(' · ');
    return element('li', { className: 'instant' }, [
      element('h2', {}, [element('a', { href: file.urls[doc.k].replace('{id}', doc.id), textContent: doc.t })]),
      element('p', { className: 'meta' }, [details, ...badge(STATUS_LABELS[doc.st ?? ''] ?? '')]),
      ...(doc.a ? [element('p', { textContent: `Also called: ${doc.a}` })] : []),
    ]);
  }
  /** @param {PagefindData} result */
  function fullTextItem(result) {
    const meta = result.meta;
    const details = [meta.type, meta.source, meta.locator, meta.year].filter(Boolean).join(' · ');
    const item = element('li', {}, [
      element('h2', {}, [element('a', { href: result.url, textContent: meta.title })]),
      element('p', { className: 'meta' }, [details, ...badge(meta.status)]),
      excerpt(result.excerpt),
    ]);
    const subs = (result.sub_results ?? []).filter((sub) => sub.url !== result.url && sub.url.includes('#')).slice(0, 3);
    if (meta.type === 'Source digest' && subs.length)
      item.append(
        element(
          'ul',
          {},
          subs.map((sub) => element('li', {}, [element('a', { href: sub.url, textContent: sub.title })])),
        ),
      );
    return item;
  }

  function browseLinks() {
    /**
     * @param {string} path
     * @param {string} text
     */
    const browse = (path, text) => element('a', { href: `${app.dataset.base}${path}`, textContent: text });
    return [browse('pillars/', 'browse by pillar'), ' or ', browse('sources/', 'browse by source')];
  }

  const fail = () => {
    list.replaceChildren();
    list.setAttribute('aria-busy', 'false');
    list.dataset.phase = 'full';
    more.hidden = true;
    showCounts(undefined);
    status.replaceChildren('Search could not load. You can ', ...browseLinks(), '.');
  };

  /**
   * The instant answers for `query` under the selected filters, best first; `options` as MiniSearch's.
   * (The casts: a hit's id is an index into the file's docs.)
   * @param {Instant | undefined} engine
   * @param {string} query
   * @param {Selection} filters
   * @param {import('minisearch').SearchOptions} [options]
   */
  function answer(engine, query, filters, options = {}) {
    if (!engine || !query) return [];
    const hits = engine.index.search(instantQuery(query, engine.file.glossary), {
      ...options,
      filter: (hit) => passes(/** @type {PageFilters} */ (engine.filters[hit.id]), filters),
    });
    return hits.slice(0, INSTANT_MAX).map((hit) => /** @type {InstantDoc} */ (engine.file.docs[hit.id]));
  }

  /**
   * Pagefind's results for the meaningful words; when no page has them all, for the largest set of
   * them some page has, dropping first the word the most pages have (it says least). Pagefind
   * itself passes over a word that is on no page: such words are found (only those the instant
   * index does not know need a look) and reported as dropped.
   * @param {Pagefind} engine
   * @param {string} query
   * @param {Selection} filters
   * @param {(word: string) => boolean} isKnown
   * @returns {Promise<Found>}
   */
  async function fullText(engine, query, filters, isKnown) {
    const pfFilters = Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, { any: values }]));
    const terms = query ? meaningfulWords(query) : [];
    /** @param {string | undefined} text */
    const search = (text) => engine.search(text || null, { filters: pfFilters });
    /** @type {string[]} */
    const absent = [];
    for (const term of terms) if (!isKnown(term) && !(await search(term)).results.length) absent.push(term);
    const present = terms.filter((t) => !absent.includes(t));
    if (terms.length && !present.length) return { result: { results: [], filters: {} }, used: [], dropped: terms };
    let result = await search(present.join(' '));
    if (result.results.length || present.length < 2) return { result, used: present, dropped: absent };
    const counts = await Promise.all(terms.map(async (t) => (absent.includes(t) ? 0 : (await search(t)).results.length)));
    let used = terms.filter((_, i) => (counts[i] ?? 0) > 0);
    while (used.length) {
      result = await search(used.join(' '));
      if (result.results.length) break;
      const widest = used.reduce((a, b) => ((counts[terms.indexOf(b)] ?? 0) > (counts[terms.indexOf(a)] ?? 0) ? b : a));
      used = used.filter((t) => t !== widest);
    }
    return { result, used, dropped: terms.filter((t) => !used.includes(t)) };
  }

  /**
   * Counts for OR within a group: each group with a selection is counted as if nothing in it were
   * ticked. Pagefind counts only once its filter index is in, which is loaded here, after the
   * results are shown: at thousands of pages it weighs more than the first results.
   * @param {Pagefind} engine
   * @param {string} query
   * @param {Selection} filters
   */
  async function orCounts(engine, query, filters) {
    await engine.filters();
    const all = Object.fromEntries(Object.entries(filters).map(([n, values]) => [n, { any: values }]));
    const counts = { ...(await engine.search(query || null, { filters: all })).filters };
    for (const name of Object.keys(filters)) {
      const others = Object.fromEntries(
        Object.entries(filters)
          .filter(([n]) => n !== name)
          .map(([n, values]) => [n, { any: values }]),
      );
      counts[name] = (await engine.search(query || null, { filters: others })).filters[name];
    }
    return counts;
  }

  const run = async ({ typing = false } = {}) => {
    const ticket = ++latest;
    clearTimeout(pause);
    const filters = selectedFilters();
    const typed = input.value.trim();
    writeUrl();
    if (!typed && !Object.keys(filters).length) {
      // Nothing to search for: no index is loaded until the box gets focus.
      list.replaceChildren();
      showCounts(undefined);
      note.hidden = true;
      more.hidden = true;
      status.textContent = '';
      return;
    }
    list.setAttribute('aria-busy', 'true');
    const engine = preloaded ? await settle(loadInstant()) : instantReady;
    if (ticket !== latest) return;

    // A word neither index's instant layer knows is checked against the vocabulary, fetched now.
    let query = typed;
    let checked;
    /** @param {string} word */
    const known = (word) => (engine ? engine.index.search(word, { prefix: true, fuzzy: false, combineWith: 'OR', processTerm: (t) => t }).length > 0 : false);
    // Without the engine there are no instant docs: the `engine` checks below only tell the types so.
    /** @param {InstantDoc[]} docs */
    const showInstant = (docs) => {
      if (!engine || !docs.length) return;
      list.replaceChildren(...docs.map((doc) => instantItem(engine.file, doc)));
      list.dataset.phase = 'instant';
    };
    if (engine && typed && !exact && words(typed).some((w) => w.length >= 4 && !/\d/.test(w) && !known(w))) {
      // MiniSearch's own fuzzy match answers at once; the vocabulary then corrects the query for the full text.
      showInstant(answer(engine, typed, filters));
      checked = await loadVocabulary();
      query = correctQuery(typed, checked, known);
      if (ticket !== latest) return;
    }

    // A word the vocabulary knows is spelt as meant (corrected, or found in body text only): matching
    // it loosely in titles would put "better" first for "letter".
    const fuzzy = exact ? false : checked ? (/** @type {string} */ term) => (checked.targets.has(term) ? 0 : fuzziness(term)) : undefined;
    const instantDocs = answer(engine, query, filters, fuzzy === undefined ? {} : { fuzzy });
    showInstant(instantDocs);

    // Pagefind only now (unless focus started it), once the instant answers are painted: on a slow
    // line it would hold them up.
    if (list.dataset.phase === 'instant') await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    if (ticket !== latest) return;
    const full = loadPagefind();
    if (typing) {
      await new Promise((resolve) => {
        pause = setTimeout(resolve, TYPING_PAUSE_MS);
      });
      if (ticket !== latest) return;
    }
    const pf = await settle(full);
    if (ticket !== latest) return;
    if (!pf && !engine) return fail();

    /** @type {Found} */
    let found = { result: { results: [], filters: {} }, used: meaningfulWords(query), dropped: [] };
    if (pf) found = await fullText(pf, query, filters, known);
    if (ticket !== latest) return;
    // Without the instant index (not in yet), the words on no page are the unknown ones: correct them now.
    if (pf && !engine && !exact && found.dropped.length) {
      const absent = new Set(found.dropped);
      const corrected = correctQuery(typed, await loadVocabulary(), (word) => !absent.has(words(word).join('')));
      if (ticket !== latest) return;
      if (corrected !== typed) {
        query = corrected;
        found = await fullText(pf, query, filters, known);
        if (ticket !== latest) return;
      }
    }
    const instantUrls = new Set(engine ? instantDocs.map((doc) => engine.file.urls[doc.k].replace('{id}', doc.id)) : []);
    // When words were dropped, the instant answers are those with the most of the remaining words in their titles.
    const lead = found.dropped.length
      ? answer(engine, found.used.join(' '), filters, { combineWith: 'OR', ...(fuzzy === undefined ? {} : { fuzzy }) })
      : instantDocs;
    const leadUrls = found.dropped.length ? new Set(engine ? lead.map((doc) => engine.file.urls[doc.k].replace('{id}', doc.id)) : []) : instantUrls;
    const results = found.result.results;
    const wanted = Math.max(0, shown - lead.length);
    /** @param {PagefindData[]} data */
    const render = (data) => {
      list.replaceChildren(
        ...(engine ? lead.map((doc) => instantItem(engine.file, doc)) : []),
        ...data
          .filter((d) => !leadUrls.has(d.url))
          .slice(0, wanted)
          .map(fullTextItem),
      );
    };
    // The top of the list first, then the rest of the page.
    const first = await Promise.all(results.slice(0, FIRST_BATCH).map((r) => r.data()));
    if (ticket !== latest) return;
    render(first);
    // The first answers, when no instant answer came before them.
    list.dataset.phase = 'first';
    const rest = await Promise.all(results.slice(FIRST_BATCH, wanted + lead.length).map((r) => r.data()));
    if (ticket !== latest) return;
    const data = [...first, ...rest];
    render(data);
    const counts = pf ? await orCounts(pf, found.used.join(' '), filters) : undefined;
    if (ticket !== latest) return;

    const overlap = data.filter((d) => leadUrls.has(d.url)).length;
    const total = results.length + lead.length - overlap;
    showCounts(counts);
    more.hidden = total <= list.children.length;

    const sentences = [];
    const original = new URL(location.href);
    original.searchParams.set('q', typed);
    original.searchParams.set('exact', '1');
    if (query !== typed)
      sentences.push([
        'Showing results for ',
        element('strong', { textContent: query }),
        '. ',
        element('a', { href: original.href, textContent: `Search instead for ${typed}` }),
      ]);
    if (found.dropped.length && found.used.length)
      sentences.push(['No page has all of your words; showing results for ', element('strong', { textContent: found.used.join(' ') }), '.']);
    if (!pf) sentences.push(['Full-text search could not load: showing title matches only. You can also ', ...browseLinks(), '.']);
    note.replaceChildren(...sentences.flatMap((parts, i) => (i ? [' ', ...parts] : parts)));
    note.hidden = sentences.length === 0;

    const searched = found.dropped.length && found.used.length ? found.used.join(' ') : query;
    const scope = Object.keys(filters).length ? ', with filters' : '';
    status.textContent = `${total === 0 ? 'No' : total} result${total === 1 ? '' : 's'}${searched ? ` for “${searched}”` : ''}${scope}`;
    list.dataset.phase = 'full';
    list.setAttribute('aria-busy', 'false');
    if (!preloaded) void settle(loadInstant());
  };

  // The reader is about to type: load both layers (the instant index is usually in already, preloaded).
  input.addEventListener(
    'focus',
    () => void (preloaded ? Promise.all([settle(loadInstant()), settle(loadPagefind())]) : settle(loadPagefind()).then(() => settle(loadInstant()))),
    { once: true },
  );
  input.addEventListener('input', () => {
    exact = false;
    shown = PAGE_SIZE;
    void run({ typing: true });
  });
  form.addEventListener('change', (event) => {
    if (event.target === input) return;
    shown = PAGE_SIZE;
    void run();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  more.addEventListener('click', () => {
    const first = list.children.length;
    shown += PAGE_SIZE;
    void run().then(() => list.children[first]?.querySelector('a')?.focus());
  });
  void run();
}

const app = typeof document === 'undefined' ? null : document.getElementById('search-app');
if (app) start(app);
