// The alternative a developer would pick: a MiniSearch index of the same records Pagefind indexes
// (the pages of sources, commitments and extracts), serialised to one JSON file that a small page
// fetches and loads in full. Options are the ones its documentation suggests for site search:
// title boosted, prefix search and fuzzy matching (edit distance 0.2 × term length).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import MiniSearch from 'minisearch';
import type { Graph } from '../../src/lib/graph.ts';
import { plainBlocks } from '../../src/lib/markdown.ts';
import { makeUrls } from '../../src/site/urls.ts';

export const MINISEARCH_OPTIONS = {
  fields: ['title', 'aliases', 'text'],
  storeFields: ['title', 'url'],
  searchOptions: { boost: { title: 3, aliases: 2 }, prefix: true, fuzzy: 0.2 },
};

export interface SearchRecord {
  id: string;
  url: string;
  title: string;
  aliases: string;
  text: string;
}

export function searchRecords(graph: Graph, base = '/'): SearchRecord[] {
  const urls = makeUrls(base);
  const sourceTitle = (id: string) => graph.source.get(id)?.shortTitle ?? '';
  return [
    ...graph.sources.map((s) => ({
      id: urls.source(s.id),
      url: urls.source(s.id),
      title: s.title,
      aliases: [s.shortTitle, ...s.aliases].join(' · '),
      text: plainBlocks(s.prose).join(' '),
    })),
    ...graph.commitments.map((c) => ({
      id: urls.commitment(c.id),
      url: urls.commitment(c.id),
      title: c.title,
      aliases: c.aliases.join(' · '),
      text: [c.text, c.locator, sourceTitle(c.source), c.note ?? '', c.status?.summary ?? '', c.response?.summary ?? ''].join('\n'),
    })),
    ...graph.extracts.map((e) => ({
      id: urls.extract(e.id),
      url: urls.extract(e.id),
      title: e.title,
      aliases: '',
      text: [...e.blocks, e.locator, sourceTitle(e.source)].join('\n'),
    })),
  ];
}

/** Builds the index and returns its JSON, with the time it took. */
export function buildMiniSearchIndex(records: SearchRecord[]): { json: string; ms: number } {
  const started = performance.now();
  const index = new MiniSearch(MINISEARCH_OPTIONS);
  index.addAll(records);
  const json = JSON.stringify(index);
  return { json, ms: performance.now() - started };
}

/** MiniSearch for the browser, minified as a site would ship it. */
export async function minisearchBundle(): Promise<string> {
  const source = readFileSync(resolve(import.meta.dirname, '../../node_modules/minisearch/dist/es/index.js'), 'utf8');
  const esbuild = await import('esbuild');
  const result = await esbuild.transform(source, { minify: true, format: 'esm', target: 'es2020' });
  return result.code;
}

/**
 * The two search pages. Each has a search box and a result list; on every input event it searches,
 * shows the top five titles as links, and records the time from the input event's timestamp to the
 * next animation frame after the results are in the DOM. With `?warm=1` the index starts loading
 * when the box gets focus; without it, on the first input.
 */
const shell = (script: string) => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Search bench</title></head>
<body><label for="q">Search</label> <input id="q" type="search" autocomplete="off"><ol id="results"></ol>
<script type="module">
const params = new URLSearchParams(location.search);
const input = document.getElementById('q');
const list = document.getElementById('results');
window.__timings = [];
let seq = 0;
${script}
window.__find = find;
// A link with ?q= searches at once, timed from navigation start: the first answers of a shared link.
const linked = params.get('q');
if (linked) {
  input.value = linked;
  find(linked).then((hits) => {
    list.replaceChildren(...hits.map((hit) => { const li = document.createElement('li'); const a = document.createElement('a'); a.href = hit.url; a.textContent = hit.title; li.append(a); return li; }));
    requestAnimationFrame(() => window.__timings.push({ query: linked, ms: performance.now(), fullMs: performance.now(), at: Date.now(), urls: hits.map((hit) => hit.url) }));
  });
}
if (params.get('warm') === '1') input.addEventListener('focus', () => { load(); }, { once: true });
input.addEventListener('input', async (event) => {
  const started = event.timeStamp;
  const query = input.value;
  const mine = ++seq;
  const hits = await find(query);
  if (mine !== seq) return;
  list.replaceChildren(...hits.map((hit) => { const li = document.createElement('li'); const a = document.createElement('a'); a.href = hit.url; a.textContent = hit.title; li.append(a); return li; }));
  requestAnimationFrame(() => window.__timings.push({ query, ms: performance.now() - started, fullMs: performance.now() - started, urls: hits.map((hit) => hit.url) }));
});
</script></body></html>`;

export const PAGEFIND_PAGE = shell(`
let engine;
const load = () => engine ??= import(params.get('bundle') + 'pagefind.js').then(async (pagefind) => { await pagefind.options({ baseUrl: '/' }); await pagefind.init(); return pagefind; });
const find = async (query) => {
  const pagefind = await load();
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
  return data.map((d) => ({ url: d.url, title: d.meta?.title ?? d.url }));
};`);

export const MINISEARCH_PAGE = shell(`
const OPTIONS = ${JSON.stringify(MINISEARCH_OPTIONS)};
let engine;
const load = () => engine ??= Promise.all([import('/lib/minisearch.js'), fetch(params.get('index')).then((r) => r.text())]).then(([m, json]) => m.default.loadJSON(json, OPTIONS));
const find = async (query) => {
  const index = await load();
  return index.search(query).slice(0, 5).map((hit) => ({ url: hit.url, title: hit.title }));
};`);
