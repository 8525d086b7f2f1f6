// The search page's script (loaded by /search/ only; every other page's header box is a plain GET
// form to it). Uses Pagefind's JS API, not its UI. The form's URL is the search's state:
// /search/?q=kinship&pillar=Kinship+care restores it and every change is written back with
// history.replaceState, so a search can be bookmarked and sent. A query word that the index does
// not know is corrected to the nearest title, alias or glossary word (Damerau distance 1, or 2 for
// longer words), from search/vocabulary.json, written by scripts/build.ts.

const PAGE_SIZE = 20;

/** Query words as the vocabulary stores them: lower case, apostrophes dropped (src/site/search.ts `searchWords`). */
const normalise = (word) => word.toLowerCase().replace(/['’]/g, '');

/**
 * Damerau–Levenshtein distance (optimal string alignment: an adjacent swap costs 1), or
 * `max + 1` as soon as it must exceed `max`.
 */
export function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/** The vocabulary file's contents, made ready for lookups. */
export function prepareVocabulary(json) {
  const targets = new Map(Object.entries(json.targets));
  const known = new Set(json.known ? json.known.split(' ') : []);
  return { targets, known, all: [...targets.keys(), ...known] };
}

/** The nearest vocabulary word to an unknown `word`, or undefined when it is known, short, a prefix being typed, or too far from any. */
export function correctWord(word, vocabulary) {
  const w = normalise(word);
  if (w.length < 4 || /\d/.test(w) || vocabulary.targets.has(w) || vocabulary.known.has(w)) return undefined;
  if (vocabulary.all.some((v) => v.startsWith(w))) return undefined;
  const max = w.length <= 5 ? 1 : 2;
  let best;
  for (const [target, count] of vocabulary.targets) {
    const d = distance(w, target, max);
    if (d > max) continue;
    const better = !best || d < best.d || (d === best.d && (count > best.count || (count === best.count && target[0] === w[0] && best.target[0] !== w[0])));
    if (better) best = { target, d, count };
  }
  return best?.target;
}

/** The query with each unknown word replaced by its correction; the same string when nothing changed. */
export function correctQuery(query, vocabulary) {
  return query.replace(/[\p{L}\p{N}'’]+/gu, (word) => correctWord(word, vocabulary) ?? word);
}

function start(app) {
  const form = app.querySelector('form');
  const input = form.elements.namedItem('q');
  const status = document.getElementById('search-status');
  const correction = document.getElementById('search-correction');
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more');
  const groups = [...form.querySelectorAll('details[data-filter]')];
  const params = new URLSearchParams(location.search);
  let exact = params.get('exact') === '1';
  let shown = PAGE_SIZE;
  let latest = 0;
  let pagefind;
  let vocabulary;

  // Restore the search from the URL.
  input.value = params.get('q') ?? '';
  for (const box of form.querySelectorAll('input[type=checkbox]')) box.checked = params.getAll(box.name).includes(box.value);
  document.getElementById('search-nojs').hidden = true;
  app.hidden = false;

  /** Loads Pagefind and the vocabulary once; called when the box gets focus, so the index is warm by the first keystroke. */
  function warm() {
    pagefind ??= import(`${app.dataset.bundle}pagefind.js`).then(async (module) => {
      await module.options({ baseUrl: app.dataset.base, excerptLength: 24, ranking: { termSimilarity: 3, pageLength: 0.6, termFrequency: 0.6 } });
      await module.init();
      return module;
    });
    vocabulary ??= fetch(app.dataset.vocabulary)
      .then((response) => (response.ok ? response.json() : { targets: {}, known: '' }))
      .then(prepareVocabulary, () => prepareVocabulary({ targets: {}, known: '' }));
    return Promise.all([pagefind, vocabulary]);
  }

  function selectedFilters() {
    const filters = {};
    for (const group of groups) {
      const values = [...group.querySelectorAll('input:checked')].map((box) => box.value);
      group.querySelector('[data-selected]').textContent = values.length ? `(${values.length} selected)` : '';
      if (values.length) filters[group.dataset.filter] = { any: values };
    }
    return filters;
  }

  function writeUrl() {
    const query = new URLSearchParams(new FormData(form));
    if (!input.value.trim()) query.delete('q');
    if (exact) query.set('exact', '1');
    const text = query.toString();
    history.replaceState(null, '', text ? `?${text}` : location.pathname);
  }

  function showCounts(counts) {
    for (const group of groups) {
      for (const box of group.querySelectorAll('input[type=checkbox]')) {
        const n = counts?.[group.dataset.filter]?.[box.value] ?? 0;
        box.parentElement.querySelector('[data-count]').textContent = counts ? `(${n})` : '';
      }
    }
  }

  const element = (tag, props = {}, children = []) => {
    const el = Object.assign(document.createElement(tag), props);
    el.append(...children);
    return el;
  };
  const excerpt = (html) => {
    // Pagefind's excerpts are escaped text with <mark> around matches.
    const p = document.createElement('p');
    p.innerHTML = html;
    return p;
  };

  function render(data) {
    list.replaceChildren(
      ...data.map((result) => {
        const meta = result.meta;
        const details = [meta.type, meta.source, meta.locator, meta.year].filter(Boolean).join(' · ');
        const item = element('li', {}, [
          element('h2', {}, [element('a', { href: result.url, textContent: meta.title })]),
          element('p', { className: 'meta', textContent: details }),
          excerpt(result.excerpt),
        ]);
        const subs = (result.sub_results ?? []).filter((sub) => sub.url !== result.url && sub.url.includes('#')).slice(0, 3);
        if (meta.type === 'Source digest' && subs.length) {
          item.append(element('ul', {}, subs.map((sub) => element('li', {}, [element('a', { href: sub.url, textContent: sub.title })]))));
        }
        return item;
      }),
    );
  }

  async function run({ debounce = false } = {}) {
    const ticket = ++latest;
    const filters = selectedFilters();
    const query = input.value.trim();
    writeUrl();
    if (!query && !Object.keys(filters).length) {
      // Nothing to search for: no index is loaded until the box gets focus.
      list.replaceChildren();
      showCounts(undefined);
      correction.hidden = true;
      more.hidden = true;
      status.textContent = '';
      return;
    }
    const [engine, words] = await warm();
    if (ticket !== latest) return;
    const corrected = query && !exact ? correctQuery(query, words) : query;
    list.setAttribute('aria-busy', 'true');
    const search = debounce ? await engine.debouncedSearch(corrected || null, { filters }, 200) : await engine.search(corrected || null, { filters });
    if (search === null || ticket !== latest) return;
    const data = await Promise.all(search.results.slice(0, shown).map((r) => r.data()));
    if (ticket !== latest) return;
    render(data);
    list.setAttribute('aria-busy', 'false');
    showCounts(search.filters);
    more.hidden = search.results.length <= shown;

    if (corrected !== query) {
      const original = new URL(location.href);
      original.searchParams.set('q', query);
      original.searchParams.set('exact', '1');
      correction.replaceChildren('Showing results for ', element('strong', { textContent: corrected }), '. ', element('a', { href: original.href, textContent: `Search instead for ${query}` }));
      correction.hidden = false;
    } else correction.hidden = true;
    const n = search.results.length;
    const scope = Object.keys(filters).length ? ', with filters' : '';
    status.textContent = `${n === 0 ? 'No' : n} result${n === 1 ? '' : 's'}${corrected ? ` for “${corrected}”` : ''}${scope}`;
  }

  input.addEventListener('focus', () => void warm(), { once: true });
  input.addEventListener('input', () => {
    exact = false;
    shown = PAGE_SIZE;
    void run({ debounce: true });
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
