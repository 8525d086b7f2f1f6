// The search page's DOM (src/pages/search.astro renders it; only /search/ loads this script): reads
// the form and the URL, loads the layers, runs each search (./run.ts) and shows it, with the
// filters behind one button after the result count (their values from search/facets.json and the
// results: ./facets.ts) and the tracker list a query names offered first (./lists.ts). Everything
// that decides what to show is in the pure modules beside this one.
import type MiniSearch from 'minisearch';
import type { FilterValue, SearchFilter } from '../search.ts';
import { PAGEFIND_EXCERPT_WORDS, PAGEFIND_RANKING, RESULT_LIST } from '../search-config.ts';
import type { InstantDoc, InstantManifest } from '../search-instant.ts';
import { RESULT_KINDS, SEARCH_FILES } from '../search-rules.ts';
import { makeUrls } from '../urls.ts';
import { prepareVocabulary, type Vocabulary, vocabularyLoader } from './correct.ts';
import type { Counts, Pagefind, PagefindData } from './full-text.ts';
import { FACETS_FILE, type FacetsFile, facetOptions, namesFilter, shownValues } from './facets.ts';
import { docFilters, type Instant, loadInstant, type Selection } from './instant.ts';
import { listOffer, namedList, type TrackerListLink } from './lists.ts';
import { withoutAllWords } from './parts.ts';
import { docUrl, excerptSegments, instantSnippet, resultHref, type Segment } from './results.ts';
import { type Outcome, runSearch } from './run.ts';
import { readState, writeState } from './state.ts';

/** Settles to undefined instead of failing: each layer can fail on its own. */
const settle = <T>(promise: Promise<T>): Promise<T | undefined> =>
  promise.then(
    (value) => value,
    () => undefined,
  );

const json = (url: string) => fetch(url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${url}: ${r.status}`))));

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, children: (Node | string)[] = []) {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

export function start(app: HTMLElement): void {
  const form = app.querySelector('form');
  const input = form?.elements.namedItem('q');
  const status = document.getElementById('search-status');
  const note = document.getElementById('search-correction');
  const offer = document.getElementById('search-offer');
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more');
  const nojs = document.getElementById('search-nojs');
  const toggle = document.getElementById('search-filters-toggle');
  const panel = document.getElementById('search-filters');
  if (!form || !(input instanceof HTMLInputElement) || !status || !note || !offer || !list || !more || !nojs || !toggle || !panel) return;
  const urls = makeUrls(app.dataset.base ?? '/');
  const preloaded = app.dataset.instantPreload === 'true';
  const lists = JSON.parse(app.dataset.lists ?? '[]') as TrackerListLink[];
  // Pagefind's further index parts, merged into the first (only at thousands of pages: src/site/search-parts.ts).
  const pagefindParts = JSON.parse(app.dataset.pagefindParts ?? '[]') as string[];
  const groups = [...panel.querySelectorAll('details[data-filter]')].filter((g) => g instanceof HTMLDetailsElement);
  const nameOf = (group: HTMLElement) => (group.dataset.filter ?? '') as SearchFilter;
  const names = groups.map(nameOf);
  // The tracker's lists are one per status (and "overdue"): their titles are the status labels.
  const statusLabels = new Map(lists.map((l) => [l.slug, l.title]));

  let latest = 0;
  let pause: ReturnType<typeof setTimeout> | undefined;
  /** The ticked filter values: the checkboxes show them, and the URL holds them. */
  let selection: Selection = {};
  /** The counts of the search shown; undefined before one (or without the full text). */
  let counts: Counts | undefined;

  // Each filter's values and labels, fetched once: when the filters are first opened, or before the
  // first search when the URL names a filter (a shared link, perhaps with labels from before ids).
  let facets: Promise<Partial<Record<SearchFilter, FilterValue[]>>> | undefined;
  let facetValues: Partial<Record<SearchFilter, FilterValue[]>> | undefined;
  const loadFacets = () =>
    (facets ??= json(urls.page(FACETS_FILE)).then(
      (file: FacetsFile) => (facetValues = facetOptions(file)),
      () => {
        facets = undefined;
        return {};
      },
    ));

  // Restore the search from the URL; filter values by id, or by label from URLs made before ids.
  const params = new URLSearchParams(location.search);
  const restored = readState(params, {});
  let exact = restored.exact;
  input.value = restored.q;
  nojs.hidden = true;
  app.hidden = false;

  // Where the instant index is small enough to preload (search.astro decides), the first answers
  // wait for it; where it is not (thousands of commitments), Pagefind answers first and the instant
  // index follows for the later keystrokes, so it never holds up the first search.
  let instant: Promise<Instant> | undefined;
  let instantReady: Instant | undefined;
  let pagefind: Promise<Pagefind> | undefined;
  let vocabulary: ((words: readonly string[]) => Promise<Vocabulary>) | undefined;
  // The instant index's manifest names its other files (word shards, page blocks, vocabulary buckets), fetched as words need them.
  const fetchPart = (path: string) => json(urls.page(path));
  const loadInstantLayer = () =>
    (instant ??= Promise.all([import('minisearch'), json(urls.page(SEARCH_FILES.instant)) as Promise<InstantManifest>]).then(([module, file]) => {
      instantReady = loadInstant(module.default as typeof MiniSearch, file, fetchPart);
      return instantReady;
    }));
  const loadPagefind = () =>
    (pagefind ??= (import(/* @vite-ignore */ urls.page(`${SEARCH_FILES.pagefind}pagefind.js`)) as Promise<Pagefind>).then(async (module) => {
      const options = { baseUrl: urls.home(), excerptLength: PAGEFIND_EXCERPT_WORDS, ranking: PAGEFIND_RANKING };
      await module.options(options);
      // A part merges once the first part's WebAssembly is in (Pagefind waits for it), so both start together.
      await Promise.all([module.init(), ...pagefindParts.map((part) => module.mergeIndex(urls.page(part), options))]);
      return pagefindParts.length ? withoutAllWords(module) : module;
    }));
  const loadVocabulary = async (words: readonly string[]): Promise<Vocabulary> => {
    const engine = await settle(loadInstantLayer());
    if (!engine) return prepareVocabulary({});
    vocabulary ??= vocabularyLoader(engine.file.vocabulary, fetchPart);
    return vocabulary(words);
  };
  const layers = {
    instant: async () => (preloaded ? settle(loadInstantLayer()) : instantReady),
    pagefind: () => settle(loadPagefind()),
    vocabulary: loadVocabulary,
    painted: () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve))),
    pause: (ms: number) =>
      new Promise<void>((resolve) => {
        pause = setTimeout(resolve, ms);
      }),
  };

  const setText = (el: Element | null, text: string) => {
    // Written only when it changes: every keystroke comes through here.
    if (el && el.textContent !== text) el.textContent = text;
  };

  /** How many are ticked, on each filter's heading and on the button. */
  function showSelected() {
    let all = 0;
    for (const group of groups) {
      const ticked = selection[nameOf(group)]?.length ?? 0;
      all += ticked;
      setText(group.querySelector('[data-selected]'), ticked ? `(${ticked} selected)` : '');
    }
    setText(toggle?.querySelector('[data-selected-all]') ?? null, all ? ` (${all} selected)` : '');
  }

  /** A filter value's checkbox, labelled with its count. */
  const checkbox = (name: SearchFilter, value: FilterValue, index: number): HTMLLIElement => {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = `f-${name}-${index}`;
    box.name = name;
    box.value = value.id;
    box.dataset.label = value.label;
    const count = document.createElement('span');
    count.className = 'count';
    count.dataset.count = '';
    const label = document.createElement('label');
    label.htmlFor = box.id;
    label.append(`${value.label} `, count);
    const item = document.createElement('li');
    item.dataset.value = value.id;
    item.append(box, label);
    return item;
  };

  /**
   * Each filter's checkboxes, for the values the results carry and those ticked, with their counts:
   * only while the filters are open. The items already there stay where they are (the one with
   * focus keeps it); the others are taken out, and new ones put in their place in the file's order.
   */
  function showFilters() {
    if (!panel || panel.hidden || !facetValues) return;
    for (const group of groups) {
      const name = nameOf(group);
      const values = facetValues[name] ?? [];
      const shown = shownValues(name, values, counts, selection);
      const ul = group.querySelector('ul');
      if (!ul) continue;
      const wanted = new Set(shown.map((v) => v.id));
      const have = new Map<string, HTMLElement>();
      for (const li of [...ul.children].filter((li) => li instanceof HTMLElement)) {
        if (wanted.has(li.dataset.value ?? '') || li.contains(document.activeElement)) have.set(li.dataset.value ?? '', li);
        else li.remove();
      }
      let cursor = ul.firstElementChild;
      for (const value of shown) {
        let item = have.get(value.id);
        if (item) cursor = item.nextElementSibling;
        else {
          item = checkbox(name, value, values.indexOf(value));
          ul.insertBefore(item, cursor);
        }
        const box = item.querySelector('input');
        if (box) box.checked = selection[name]?.includes(value.id) ?? false;
        setText(item.querySelector('[data-count]'), counts ? `(${counts[name]?.[value.id] ?? 0})` : '');
      }
      group.hidden = ul.children.length === 0;
      if (selection[name]?.length) group.open = true;
    }
  }

  function showCounts(shown: Counts | undefined) {
    counts = shown;
    showFilters();
  }

  /** Text as text nodes, its marked parts in <mark>: never parsed as HTML. */
  const segments = (parts: Segment[]) => parts.map((s) => (s.marked ? element('mark', { textContent: s.text }) : document.createTextNode(s.text)));
  const excerpt = (text: string) => element('p', {}, segments(excerptSegments(text)));
  const badge = (label: string | undefined) => (label ? [' ', element('strong', { className: 'tag', textContent: label })] : []);

  /** The query the shown answers are for: their matched words are marked. */
  let marking = '';

  function instantItem(engine: Instant, doc: InstantDoc) {
    const source = engine.file.sources[doc.s];
    const kind = RESULT_KINDS[doc.k];
    const details = [kind.label, kind.anchors ? '' : source?.t, doc.r ? `Recommendation ${doc.r}` : '', source?.y].filter(Boolean).join(' · ');
    const status = docFilters(engine.file, doc).status?.[0];
    // Why it matched: the alias that did, or the page's opening words, the matched words marked.
    const snippet = instantSnippet(doc, marking);
    return element('li', { className: 'instant' }, [
      element('h2', {}, [element('a', { href: docUrl(urls, doc), textContent: doc.t })]),
      element('p', { className: 'meta' }, [details, ...badge(statusLabels.get(status ?? ''))]),
      ...(snippet ? [element('p', { className: 'snippet' }, [...(snippet.label ? [`${snippet.label}: `] : []), ...segments(snippet.segments)])] : []),
    ]);
  }

  function fullTextItem(result: PagefindData) {
    const meta = result.meta;
    const details = [meta.type, meta.source, meta.locator, meta.year].filter(Boolean).join(' · ');
    const item = element('li', {}, [
      element('h2', {}, [element('a', { href: resultHref(result), textContent: meta.title })]),
      element('p', { className: 'meta' }, [details, ...badge(meta.status)]),
      excerpt(result.excerpt),
    ]);
    const anchors = (result.sub_results ?? []).filter((sub) => sub.url !== result.url && sub.url.includes('#')).slice(0, RESULT_LIST.anchors);
    if (RESULT_KINDS[meta.result]?.anchors && anchors.length)
      item.append(
        element(
          'ul',
          {},
          anchors.map((sub) => element('li', {}, [element('a', { href: sub.url, textContent: sub.title })])),
        ),
      );
    return item;
  }

  /** The list's items; the first result is the page's answer (data-answer: the first-screen checks measure it). */
  const fill = (...items: HTMLElement[]) => {
    list.replaceChildren(...items);
    items[0]?.setAttribute('data-answer', '');
  };

  const browseLinks = () => [
    element('a', { href: urls.page('pillars/'), textContent: 'browse by pillar' }),
    ' or ',
    element('a', { href: urls.page('sources/'), textContent: 'browse by source' }),
  ];

  const fail = () => {
    fill();
    more.hidden = true;
    showCounts(undefined);
    status.replaceChildren('Search could not load. You can ', ...browseLinks(), '.');
    list.dataset.phase = 'full';
  };

  /** "12 results for “kinship”, with filters". */
  const statusText = (outcome: Outcome, filters: Selection) => {
    const total = outcome.more.total;
    const { used, dropped } = outcome.found;
    const searched = dropped.length && used.length ? used.join(' ') : outcome.query;
    const scope = Object.keys(filters).length ? ', with filters' : '';
    return `${total === 0 ? 'No' : total} result${total === 1 ? '' : 's'}${searched ? ` for “${searched}”` : ''}${scope}`;
  };

  const show = (outcome: Outcome, typed: string, filters: Selection) => {
    const { engine, lead, results, found } = outcome;
    marking = found.dropped.length && found.used.length ? found.used.join(' ') : outcome.query;
    fill(...(engine ? lead.map((doc) => instantItem(engine, doc)) : []), ...results.map(fullTextItem));
    showCounts(outcome.counts);
    more.hidden = outcome.more.done || outcome.more.total <= list.children.length;
    const sentences: (Node | string)[][] = [];
    if (outcome.query !== typed)
      sentences.push([
        'Showing results for ',
        element('strong', { textContent: outcome.query }),
        '. ',
        element('a', { href: `${location.pathname}?${writeState({ q: typed, exact: true, filters })}`, textContent: `Search instead for ${typed}` }),
      ]);
    if (found.dropped.length && found.used.length)
      sentences.push(
        found.summariesHadAll
          ? ['Only summaries have all of your words: first the pages for ', element('strong', { textContent: found.used.join(' ') }), ', then those summaries.']
          : ['No page has all of your words; showing results for ', element('strong', { textContent: found.used.join(' ') }), '.'],
      );
    if (!outcome.fullText) sentences.push(['Full-text search could not load: showing title matches only. You can also ', ...browseLinks(), '.']);
    note.replaceChildren(...sentences.flatMap((parts, i) => (i ? [' ', ...parts] : parts)));
    note.hidden = sentences.length === 0;
    status.textContent = statusText(outcome, filters);
    list.dataset.phase = 'full';
  };

  /** The search the list shows, for "Show more". */
  let last: { outcome: Outcome; filters: Selection } | undefined;

  const run = async ({ typing = false } = {}) => {
    const ticket = ++latest;
    clearTimeout(pause);
    last = undefined;
    const filters = selection;
    showSelected();
    const typed = input.value.trim();
    marking = typed;
    // A query that names a tracker list ("what is overdue") is offered that list first.
    const named = namedList(typed, lists);
    if (named) offer.replaceChildren(element('a', { href: urls.page(`tracker/${named.slug}/`), textContent: listOffer(named) }));
    offer.hidden = !named;
    const url = writeState({ q: input.value, exact, filters });
    history.replaceState(null, '', url ? `?${url}` : location.pathname);
    try {
      if (!typed && !Object.keys(filters).length) {
        // Nothing to search for: no index is loaded until the box gets focus.
        fill();
        showCounts(undefined);
        note.hidden = true;
        more.hidden = true;
        status.textContent = '';
        return;
      }
      list.setAttribute('aria-busy', 'true');
      const outcome = await runSearch(
        { typed, exact, filters, typing },
        layers,
        {
          current: () => ticket === latest,
          instant: (engine, docs) => {
            fill(...docs.map((doc) => instantItem(engine, doc)));
            list.dataset.phase = 'instant';
          },
          first: (engine, lead, results) => {
            fill(...(engine ? lead.map((doc) => instantItem(engine, doc)) : []), ...results.map(fullTextItem));
            // The first answers, when no instant answer came before them.
            list.dataset.phase = 'first';
          },
        },
        urls,
      );
      if (ticket !== latest || outcome === undefined) return;
      if (outcome === 'failed') return fail();
      show(outcome, typed, filters);
      last = { outcome, filters };
      if (!preloaded) void settle(loadInstantLayer());
    } finally {
      // Whatever ended this search (done, nothing to search for, an error), the list is not busy
      // once the latest search is over; a search a newer one took over leaves that to the newer.
      if (ticket === latest) list.setAttribute('aria-busy', 'false');
    }
  };

  // The reader is about to type: load both layers (the instant index is usually in already, preloaded).
  input.addEventListener(
    'focus',
    () => void (preloaded ? Promise.all([settle(loadInstantLayer()), settle(loadPagefind())]) : settle(loadPagefind()).then(() => settle(loadInstantLayer()))),
    { once: true },
  );
  input.addEventListener('input', () => {
    exact = false;
    void run({ typing: true });
  });
  // A checkbox ticked or unticked: the selection, then the search, follow it.
  panel.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
    const name = box.name as SearchFilter;
    const others = (selection[name] ?? []).filter((id) => id !== box.value);
    const ticked = box.checked ? (facetValues?.[name] ?? []).map((v) => v.id).filter((id) => id === box.value || others.includes(id)) : others;
    const { [name]: _dropped, ...rest } = selection;
    selection = ticked.length ? { ...rest, [name]: ticked } : rest;
    void run();
  });
  // The filters, behind one button after the result count: their values are fetched the first time.
  toggle.addEventListener('click', async () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    if (!open || facetValues) return showFilters();
    const loading = panel.querySelector<HTMLElement>('[data-facets-state]');
    if (loading) loading.hidden = false;
    await loadFacets();
    if (loading) {
      loading.hidden = facetValues !== undefined;
      loading.textContent = facetValues ? loading.textContent : 'The filters could not load.';
    }
    showFilters();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  // The next page of the same results: nothing is searched again.
  more.addEventListener('click', async () => {
    const shown = last;
    if (!shown) return;
    const ticket = latest;
    const first = list.children.length;
    list.setAttribute('aria-busy', 'true');
    try {
      const added = await shown.outcome.more.next(RESULT_LIST.page);
      if (ticket !== latest) return;
      list.append(...added.map(fullTextItem));
      more.hidden = shown.outcome.more.done || shown.outcome.more.total <= list.children.length;
      const text = statusText(shown.outcome, shown.filters);
      if (status.textContent !== text) status.textContent = text;
      list.children[first]?.querySelector('a')?.focus();
    } finally {
      if (ticket === latest) list.setAttribute('aria-busy', 'false');
    }
  });
  // A URL that names a filter needs its values (and their labels, for links shared before ids) first.
  if (namesFilter(params, names))
    void loadFacets().then((options) => {
      selection = readState(params, options).filters;
      void run();
    });
  else void run();
}
