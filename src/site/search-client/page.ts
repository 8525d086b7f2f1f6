// The search page's DOM (src/pages/search.astro renders it; only /search/ loads this script): reads
// the form and the URL, loads the layers, runs each search (./run.ts) and shows it. Everything that
// decides what to show is in the pure modules beside this one.
import type MiniSearch from 'minisearch';
import type { FilterValue, SearchFilter } from '../search.ts';
import { PAGEFIND_EXCERPT_WORDS, PAGEFIND_RANKING, RESULT_LIST } from '../search-config.ts';
import type { InstantDoc, InstantIndex } from '../search-instant.ts';
import { RESULT_KINDS, SEARCH_FILES } from '../search-rules.ts';
import { makeUrls } from '../urls.ts';
import { prepareVocabulary, type Vocabulary } from './correct.ts';
import type { Counts, Pagefind, PagefindData } from './full-text.ts';
import { docFilters, type Instant, loadInstant, type Selection } from './instant.ts';
import { excerptSegments, docUrl } from './results.ts';
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
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more');
  const nojs = document.getElementById('search-nojs');
  if (!form || !(input instanceof HTMLInputElement) || !status || !note || !list || !more || !nojs) return;
  const urls = makeUrls(app.dataset.base ?? '/');
  const preloaded = app.dataset.instantPreload === 'true';
  const groups = [...form.querySelectorAll('details[data-filter]')].filter((g) => g instanceof HTMLDetailsElement);
  const boxes = (group: Element) => [...group.querySelectorAll('input[type=checkbox]')].filter((b) => b instanceof HTMLInputElement);
  const nameOf = (group: HTMLElement) => (group.dataset.filter ?? '') as SearchFilter;
  const values = (group: Element): FilterValue[] => boxes(group).map((box) => ({ id: box.value, label: box.dataset.label ?? box.value }));
  const statusLabels = new Map(groups.filter((g) => nameOf(g) === 'status').flatMap((g) => values(g).map((v) => [v.id, v.label])));

  let latest = 0;
  let pause: ReturnType<typeof setTimeout> | undefined;

  // Restore the search from the URL; filter values by id, or by label from URLs made before ids.
  const restored = readState(new URLSearchParams(location.search), Object.fromEntries(groups.map((g) => [nameOf(g), values(g)])));
  let exact = restored.exact;
  input.value = restored.q;
  for (const group of groups) {
    const ticked = restored.filters[nameOf(group)] ?? [];
    for (const box of boxes(group)) box.checked = ticked.includes(box.value);
    if (ticked.length) group.open = true;
  }
  nojs.hidden = true;
  app.hidden = false;

  // Where the instant index is small enough to preload (search.astro decides), the first answers
  // wait for it; where it is not (thousands of commitments), Pagefind answers first and the instant
  // index follows for the later keystrokes, so it never holds up the first search.
  let instant: Promise<Instant> | undefined;
  let instantReady: Instant | undefined;
  let pagefind: Promise<Pagefind> | undefined;
  let vocabulary: Promise<Vocabulary> | undefined;
  const loadInstantLayer = () =>
    (instant ??= Promise.all([import('minisearch'), json(urls.page(SEARCH_FILES.instant)) as Promise<InstantIndex>]).then(async ([module, file]) => {
      instantReady = await loadInstant(module.default as typeof MiniSearch, file);
      return instantReady;
    }));
  const loadPagefind = () =>
    (pagefind ??= (import(/* @vite-ignore */ urls.page(`${SEARCH_FILES.pagefind}pagefind.js`)) as Promise<Pagefind>).then(async (module) => {
      await module.options({ baseUrl: urls.home(), excerptLength: PAGEFIND_EXCERPT_WORDS, ranking: PAGEFIND_RANKING });
      await module.init();
      return module;
    }));
  const loadVocabulary = () => (vocabulary ??= json(urls.page(SEARCH_FILES.vocabulary)).then(prepareVocabulary, () => prepareVocabulary({})));
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

  function selectedFilters(): Selection {
    const filters: Selection = {};
    for (const group of groups) {
      const ticked = boxes(group)
        .filter((box) => box.checked)
        .map((box) => box.value);
      const selected = group.querySelector('[data-selected]');
      const text = ticked.length ? `(${ticked.length} selected)` : '';
      // Written only when it changes: every keystroke comes through here.
      if (selected && selected.textContent !== text) selected.textContent = text;
      if (ticked.length) filters[nameOf(group)] = ticked;
    }
    return filters;
  }

  function showCounts(counts: Counts | undefined) {
    for (const group of groups) {
      for (const box of boxes(group)) {
        const count = box.parentElement?.querySelector('[data-count]');
        if (count) count.textContent = counts ? `(${counts[nameOf(group)]?.[box.value] ?? 0})` : '';
      }
    }
  }

  const excerpt = (text: string) =>
    element(
      'p',
      {},
      excerptSegments(text).map((s) => (s.marked ? element('mark', { textContent: s.text }) : document.createTextNode(s.text))),
    );
  const badge = (label: string | undefined) => (label ? [' ', element('strong', { className: 'tag', textContent: label })] : []);

  function instantItem(engine: Instant, doc: InstantDoc) {
    const source = engine.file.sources[doc.s];
    const kind = RESULT_KINDS[doc.k];
    const details = [kind.label, kind.anchors ? '' : source?.t, doc.r ? `Recommendation ${doc.r}` : '', source?.y].filter(Boolean).join(' · ');
    const status = docFilters(engine.file, doc).status?.[0];
    return element('li', { className: 'instant' }, [
      element('h2', {}, [element('a', { href: docUrl(urls, doc), textContent: doc.t })]),
      element('p', { className: 'meta' }, [details, ...badge(statusLabels.get(status ?? ''))]),
      ...(doc.a ? [element('p', { textContent: `Also called: ${doc.a}` })] : []),
    ]);
  }

  function fullTextItem(result: PagefindData) {
    const meta = result.meta;
    const details = [meta.type, meta.source, meta.locator, meta.year].filter(Boolean).join(' · ');
    const item = element('li', {}, [
      element('h2', {}, [element('a', { href: result.url, textContent: meta.title })]),
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

  const browseLinks = () => [
    element('a', { href: urls.page('pillars/'), textContent: 'browse by pillar' }),
    ' or ',
    element('a', { href: urls.page('sources/'), textContent: 'browse by source' }),
  ];

  const fail = () => {
    list.replaceChildren();
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
    list.replaceChildren(...(engine ? lead.map((doc) => instantItem(engine, doc)) : []), ...results.map(fullTextItem));
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
      sentences.push(['No page has all of your words; showing results for ', element('strong', { textContent: found.used.join(' ') }), '.']);
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
    const filters = selectedFilters();
    const typed = input.value.trim();
    const url = writeState({ q: input.value, exact, filters });
    history.replaceState(null, '', url ? `?${url}` : location.pathname);
    try {
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
      const outcome = await runSearch(
        { typed, exact, filters, typing },
        layers,
        {
          current: () => ticket === latest,
          instant: (engine, docs) => {
            list.replaceChildren(...docs.map((doc) => instantItem(engine, doc)));
            list.dataset.phase = 'instant';
          },
          first: (engine, lead, results) => {
            list.replaceChildren(...(engine ? lead.map((doc) => instantItem(engine, doc)) : []), ...results.map(fullTextItem));
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
  form.addEventListener('change', (event) => {
    if (event.target !== input) void run();
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
  void run();
}
