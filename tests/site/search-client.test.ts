// The search page's script without a browser: its pipeline (src/site/search-client/run.ts) over
// stand-ins for Pagefind, the instant index of the fixture content, URL state, and the bundle the
// build makes of it (src/integrations/search-client.ts). The page itself, in Chromium:
// tests/browser/search.test.ts.
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { bundleSearchClient } from '../../src/integrations/search-client.ts';
import { loadContent } from '../../src/lib/load.ts';
import { prepareVocabulary } from '../../src/site/search-client/correct.ts';
import type { Pagefind, PagefindData } from '../../src/site/search-client/full-text.ts';
import { answer, docFilters, type Instant, loadInstant } from '../../src/site/search-client/instant.ts';
import { following } from '../../src/site/search-client/results.ts';
import { type Layers, type Outcome, type Progress, runSearch } from '../../src/site/search-client/run.ts';
import { readState, writeState } from '../../src/site/search-client/state.ts';
import { CORRECTION, RESULT_LIST } from '../../src/site/search-config.ts';
import { searchWords } from '../../src/site/search-rules.ts';
import { instantFile, instantFiles, instantIndex } from '../../src/site/search-instant.ts';
import { commitmentSearchRecord, extractSearchRecord, type SearchRecord, sourceSearchRecord } from '../../src/site/search.ts';
import { makeUrls } from '../../src/site/urls.ts';
import { GOOD } from '../support/fixtures.ts';
import { fakePagefind } from '../support/pagefind.ts';

const urls = makeUrls('/');

const layers = (pagefind: Pagefind | undefined, instant?: Instant): Layers => ({
  instant: async () => instant,
  pagefind: async () => pagefind,
  vocabulary: async () => prepareVocabulary({}),
  painted: async () => {},
  pause: async () => {},
});
const quiet: Progress = { current: () => true, instant: () => {}, first: () => {} };
const request = (typed: string) => ({ typed, exact: false, filters: {}, typing: false });

/** One search; with `targets`, a vocabulary of those words (weights) corrects unknown words. */
async function search(typed: string, pagefind: Pagefind | undefined, instant?: Instant, targets?: Record<string, number>): Promise<Outcome> {
  const vocabulary = prepareVocabulary(targets ? { targets } : {});
  const outcome = await runSearch(request(typed), { ...layers(pagefind, instant), vocabulary: async () => vocabulary }, quiet, urls);
  if (!outcome || outcome === 'failed') throw new Error(`the search for "${typed}" gave ${outcome}`);
  return outcome;
}

/** Full text where `common` is on `count` pages and `rare` on one, /commitments/rare/. */
const commonAndRare = (common: string, count: number, rare: string): Pagefind =>
  fakePagefind([
    ...Array.from({ length: count }, (_, i) => ({ url: `/commitments/${common}-${i}/`, text: `${common} ${i}` })),
    { url: '/commitments/rare/', text: rare },
  ]).engine;

/** The fixture content's instant index, as the search page loads it. */
function fixtureInstant(): Instant {
  const loaded = loadContent(GOOD);
  if (!loaded.ok) throw new Error('the fixture does not load');
  const { manifest, files } = instantFile(loaded.graph);
  return loadInstant(MiniSearch, manifest, async (path) => JSON.parse(files.get(path) ?? 'null'));
}

describe('one search', () => {
  const pages = Array.from({ length: 45 }, (_, i) => ({ url: `/commitments/c${i}/`, text: `kinship care ${i % 3 === 0 ? 'allowance' : 'strategy'} ${i}` }));

  it('shows the first page of the list, and "Show more" reads the next results without searching again', async () => {
    const { engine, asked } = fakePagefind(pages);
    const outcome = await search('kinship care', engine);
    expect(outcome.results).toHaveLength(RESULT_LIST.page);
    expect(asked.data).toBe(RESULT_LIST.page);
    const searches = asked.searches.length;
    const next = await outcome.more.next(RESULT_LIST.page);
    expect(next.map((d) => d.url)).toEqual(pages.slice(RESULT_LIST.page, 2 * RESULT_LIST.page).map((p) => p.url));
    expect(asked.searches).toHaveLength(searches);
    expect(asked.data).toBe(2 * RESULT_LIST.page);
    const last = await outcome.more.next(RESULT_LIST.page);
    expect(last).toHaveLength(45 - 2 * RESULT_LIST.page);
    expect(outcome.more.done).toBe(true);
    expect(outcome.more.total).toBe(45);
  });

  it('when no page has all the words, searches for those some page has, leaving out first the word most pages have', async () => {
    const { engine } = fakePagefind(pages);
    const outcome = await search('what about xyzzy and the allowance strategy', engine);
    // "xyzzy" is on no page; "allowance" and "strategy" are on no page together: "strategy" is on more pages and goes.
    expect(outcome.found).toMatchObject({ used: ['allowance'], dropped: ['xyzzy', 'strategy'] });
    expect(outcome.results).toHaveLength(15);
    expect(outcome.results.every((d) => d.excerpt.includes('allowance'))).toBe(true);
  });

  it('puts the instant answers first and does not repeat them among the full-text results', async () => {
    const instant = fixtureInstant();
    const lead = await search('staying close', undefined, instant);
    expect(lead.lead.map((d) => d.id)).toContain('alpha-staying-close');
    const leadUrl = urls.commitment('alpha-staying-close');
    const { engine } = fakePagefind([{ url: leadUrl, text: 'staying close' }, ...pages.map((p) => ({ ...p, text: `${p.text} staying close` }))]);
    const outcome = await search('staying close', engine, instant);
    const shown = [...outcome.lead.map((d) => urls.entity('commitment', d.id)), ...outcome.results.map((d) => d.url)];
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown.filter((u) => u === leadUrl)).toHaveLength(1);
    expect(outcome.more.total).toBe(1 + 45 + outcome.lead.length - 1);
  });

  it('searches the full text for the best corrections of an unknown word, not only the first, so a rare body-text word is not lost to a commoner one', async () => {
    // "wolster" is one edit from both; "bolster" is a title word (heavier) on ten pages, "holster" a body word on one.
    const outcome = await search('wolster', commonAndRare('bolster', 10, 'holster'), fixtureInstant(), { bolster: 100, holster: 1 });
    expect(outcome.query).toBe('bolster');
    const top = [...outcome.lead.map((d) => urls.entity('commitment', d.id)), ...outcome.results.map((d) => d.url)].slice(0, 5);
    expect(top).toContain('/commitments/rare/');
    expect(top[0]).toBe('/commitments/bolster-0/');
  });

  it('paints the instant answers for a query with an unknown word before it starts correcting the word', async () => {
    const instant = fixtureInstant();
    const steps: string[] = [];
    const outcome = await runSearch(
      request('staying closse'),
      {
        ...layers(fakePagefind([]).engine, instant),
        vocabulary: async () => {
          steps.push('vocabulary');
          return prepareVocabulary({ targets: { close: 10 } });
        },
        painted: async () => {
          steps.push('painted');
        },
      },
      { ...quiet, instant: (_engine, docs) => steps.push(`instant ${docs.length}`) },
      urls,
    );
    if (!outcome || outcome === 'failed') throw new Error('no outcome');
    expect(outcome.query).toBe('staying close');
    // The answers MiniSearch's fuzzy match found at once, painted, and only then the correction.
    expect(steps.slice(0, 3)).toEqual([expect.stringMatching(/^instant [1-9]/), 'painted', 'vocabulary']);
  });

  it('shows the answers whose pages are in before the pages of the others arrive', async () => {
    const loaded = loadContent(GOOD);
    if (!loaded.ok) throw new Error('the fixture does not load');
    // Cut small, as at 10,000 commitments: word shards and blocks of two pages, fetched as needed.
    const { manifest, files } = instantFiles(loaded.graph, { preload: 0, shard: 400, block: 2 });
    const instant = loadInstant(MiniSearch, manifest, async (path) => JSON.parse(files.get(path) ?? 'null'));
    // "leavers" brings in the block of the first answer for "staying", not that of the second.
    await answer(instant, 'leavers', {});
    const shown: string[][] = [];
    await runSearch(
      request('staying'),
      layers(fakePagefind([]).engine, instant),
      { ...quiet, instant: (_engine, docs) => shown.push(docs.map((d) => d.id)) },
      urls,
    );
    expect(shown).toEqual([['alpha-staying-close'], ['alpha-staying-close', expect.any(String)]]);
  });

  it('puts the pages that have a corrected word as corrected before those Pagefind matched only by its stem', async () => {
    const instant = fixtureInstant();
    // As Pagefind stems: "replace", "replaced" and "replacement" are one word to it, ranked here by
    // how often the page says it. Only the seventh page says "replace" itself.
    const pages = [
      ...Array.from({ length: 6 }, (_, i) => ({ url: `/commitments/s${i}/`, text: `the replacement of ${i}, replaced twice` })),
      { url: '/commitments/exact/', text: 'councils may replace the plan' },
      { url: '/commitments/other/', text: 'replacements again' },
    ];
    const engine: Pagefind = {
      ...fakePagefind([]).engine,
      search: async (term) => ({
        filters: {},
        results: searchWords(term ?? '').every((w) => w.startsWith('repla'))
          ? pages.map((p) => ({
              id: p.url,
              data: async (): Promise<PagefindData> => ({
                url: p.url,
                excerpt: p.text.replace(/(repla\w*)/, '<mark>$1</mark>'),
                content: p.text,
                meta: { title: p.url, result: 'c', type: 'Commitment', source: '', year: '' },
              }),
            }))
          : [],
      }),
    };
    const run = (typed: string) => search(typed, engine, instant, { replace: 1, replaced: 1, replacement: 1, replacements: 1 });
    const corrected = await run('reqplace');
    expect(corrected.query).toBe('replace');
    const order = corrected.results.map((r) => r.url);
    expect(order[0], 'the only page that says "replace", first').toBe('/commitments/exact/');
    expect(order.slice(1), "the rest in Pagefind's order").toEqual(pages.map((p) => p.url).filter((u) => u !== '/commitments/exact/'));
    // Typed as meant, nothing was corrected: Pagefind's order stands.
    expect((await run('replace')).results.map((r) => r.url)).toEqual(pages.map((p) => p.url));
  });

  /** Pagefind as it stems: every word beginning with `stem` is one word to it, the pages in one order. */
  const stemming = (stem: string, pages: { url: string; text: string; kind?: 'c' | 's' }[]): Pagefind => ({
    ...fakePagefind([]).engine,
    search: async (term) => ({
      filters: {},
      results: searchWords(term ?? '').every((w) => w.startsWith(stem))
        ? pages.map((p) => ({
            id: p.url,
            data: async (): Promise<PagefindData> => ({
              url: p.url,
              excerpt: p.text,
              content: p.text,
              meta: { title: p.url, result: p.kind ?? 'c', type: 'Commitment', source: '', year: '' },
            }),
          }))
        : [],
    }),
  });

  it('lets corrections as near take turns at the top, so the one page that holds a rarer one is not last behind pages Pagefind ranks the same for all', async () => {
    // "followe" begins "followed" and is one edit from "follow" and "follows"; to Pagefind they are
    // one stem, and the one page that says "follows" is its last.
    const pages = [
      ...Array.from({ length: 6 }, (_, i) => ({ url: `/commitments/f${i}/`, text: `what followed ${i}, and what will follow` })),
      { url: '/commitments/follows/', text: 'it follows that' },
    ];
    const outcome = await search('followe', stemming('follow', pages), fixtureInstant(), { followed: 24, follow: 12, follows: 1 });
    expect(outcome.results.map((r) => r.url).slice(0, 3)).toContain('/commitments/follows/');
  });

  it('keeps fewer instant answers above the full text when the unknown word had other corrections, leaving room for their pages', async () => {
    // Four of the fixture's titles say "Alpha"; "alpho", as near to "alphx", is on one page's body.
    const engine = commonAndRare('alpha', 5, 'alpho');
    const instant = fixtureInstant();
    const outcome = await search('alphx', engine, instant, { alpha: 10, alpho: 1 });
    expect(outcome.query).toBe('alpha');
    expect(outcome.lead).toHaveLength(CORRECTION.leadWithAlternatives);
    const top = [...outcome.lead.map((d) => urls.entity(d.k === 's' ? 'source' : 'commitment', d.id)), ...outcome.results.map((d) => d.url)].slice(0, 5);
    expect(top).toContain('/commitments/rare/');
    // Typed as spelt, nothing to correct: every instant answer stays.
    expect((await search('alpha', engine, instant)).lead.length).toBeGreaterThan(CORRECTION.leadWithAlternatives);
  });

  it('puts the source digests among the first results after the commitments and extracts there', async () => {
    const { engine } = fakePagefind([
      { url: '/sources/one/', text: 'kinship allowance in the summary', kind: 's' },
      { url: '/commitments/c1/', text: 'kinship allowance' },
      { url: '/sources/two/', text: 'kinship allowance again', kind: 's' },
      { url: '/extracts/e1/', text: 'a kinship allowance' },
    ]);
    const outcome = await search('kinship allowance', engine);
    expect(outcome.results.map((r) => r.url)).toEqual(['/commitments/c1/', '/extracts/e1/', '/sources/one/', '/sources/two/']);
  });

  it('holds the digests back without reading more than the first batch asks for, and shows them once the first page is read', async () => {
    const pages = Array.from({ length: 30 }, (_, i) => ({ url: `/p${i}/`, text: 'kinship', kind: i % 4 === 0 ? ('s' as const) : ('c' as const) }));
    const { engine, asked } = fakePagefind(pages);
    const { results } = await engine.search('kinship', { filters: {} });
    const more = following(results, new Set(), 20);
    const first = await more.next(20, 5);
    expect(asked.data).toBe(5);
    expect(first.map((d) => d.url)).toEqual(['/p1/', '/p2/', '/p3/']);
    const rest = await more.next(20 - first.length);
    const inHead = pages.slice(0, 20);
    expect([...first, ...rest].map((d) => d.url)).toEqual([
      ...inHead.filter((p) => p.kind === 'c').map((p) => p.url),
      ...inHead.filter((p) => p.kind === 's').map((p) => p.url),
    ]);
    // Past the first page, Pagefind's order stands, digests and all.
    expect((await more.next(20)).map((d) => d.url)).toEqual(pages.slice(20).map((p) => p.url));
    expect(more.done).toBe(true);
  });

  it('drops a word Pagefind answers only with a shorter word it has (the longest prefix of it on some page), and keeps a word of the same stem', async () => {
    // As Pagefind does (its pull request 315): a word on no page is searched as its longest prefix some page has; the excerpt marks what matched.
    // Pagefind found the section page under "ze" (split from "30ZE") and the delivery page under the stem of "delivered".
    const pages = [
      { url: '/commitments/section/', text: 'inserts sections from 30ZE', answers: ['ze', '30ze', 'inserts', 'sections'], marked: '30ZE' },
      { url: '/commitments/delivery/', text: 'delivery of homes', answers: ['delivered', 'delivery', 'homes'], marked: 'delivery' },
      { url: '/commitments/data/', text: 'use of data', answers: ['using', 'use', 'data'], marked: 'use' },
    ];
    const asked: string[] = [];
    const engine: Pagefind = {
      ...fakePagefind([]).engine,
      search: async (term) => {
        asked.push(term ?? '');
        const word = searchWords(term ?? '').join(' ');
        const hit = (w: string) => pages.filter((p) => p.answers.includes(w));
        let found = hit(word);
        for (let end = word.length - 1; !found.length && end > 1; end--) found = hit(word.slice(0, end));
        return {
          filters: {},
          results: found.map((p) => ({
            id: p.url,
            data: async (): Promise<PagefindData> => ({
              url: p.url,
              excerpt: p.text.replace(p.marked, `<mark>${p.marked}</mark>`),
              meta: { title: p.url, result: 'c', type: 'Commitment', source: '', year: '' },
            }),
          })),
        };
      },
    };
    const zebras = await search('zebras', engine);
    expect(asked).toContain('zebras');
    expect(zebras.found).toMatchObject({ used: [], dropped: ['zebras'] });
    expect(zebras.results).toEqual([]);
    const delivered = await search('delivered', engine);
    expect(delivered.found).toMatchObject({ used: ['delivered'], dropped: [] });
    expect(delivered.results.map((r) => r.url)).toEqual(['/commitments/delivery/']);
    // Stemmed deep ("using" → "use"): still the word itself, not a fallback.
    expect((await search('using', engine)).results.map((r) => r.url)).toEqual(['/commitments/data/']);
  });

  it('stops at the next step once a newer search has started, and fails only when neither layer loads', async () => {
    const { engine, asked } = fakePagefind(pages);
    let current = true;
    const stopped = await runSearch(
      request('kinship'),
      {
        ...layers(engine),
        pagefind: async () => {
          current = false;
          return engine;
        },
      },
      { ...quiet, current: () => current },
      urls,
    );
    expect(stopped).toBeUndefined();
    expect(asked.searches).toEqual([]);
    expect(await runSearch(request('kinship'), layers(undefined), quiet, urls)).toBe('failed');
  });
});

describe('the instant index', () => {
  const loaded = loadContent(GOOD);
  if (!loaded.ok) throw new Error('the fixture does not load');
  const graph = loaded.graph;

  it("files each page under the same filter values as the page's own search record (what Pagefind files it under)", () => {
    const file = instantIndex(graph);
    const records = new Map<string, SearchRecord>([
      ...graph.commitments.map((c) => [`c:${c.id}`, commitmentSearchRecord(graph, c, graph.source.get(c.source) as never)] as const),
      ...graph.extracts.map((e) => [`e:${e.id}`, extractSearchRecord(graph, e, graph.source.get(e.source) as never)] as const),
      ...graph.sources.map((s) => [`s:${s.id}`, sourceSearchRecord(s)] as const),
    ]);
    expect(file.docs).toHaveLength(records.size);
    for (const doc of file.docs) {
      const record = records.get(`${doc.k}:${doc.id}`);
      const expected = Object.fromEntries(Object.entries(record?.filters ?? {}).filter(([, ids]) => ids.length));
      expect(docFilters(file, doc), `${doc.k}:${doc.id}`).toEqual(expected);
    }
    expect(file.docs.some((doc) => docFilters(file, doc).status?.length)).toBe(true);
  });

  it('is worked out once per graph, for the search page and search/instant.json alike', () => {
    const first = instantFile(graph);
    expect(instantFile(graph)).toBe(first);
    expect(first.json).toBe(JSON.stringify(first.manifest));
  });
});

describe('the URL state', () => {
  const options = {
    pillar: [
      { id: 'care-leavers', label: 'Care leavers' },
      { id: 'kinship', label: 'Family networks and kinship care' },
    ],
    year: [
      { id: '2016', label: '2016' },
      { id: '2023', label: '2023' },
    ],
  };

  it('reads ids, and labels from URLs made before ids, in the order the form lists them; leaves out values it does not offer', () => {
    const state = readState(new URLSearchParams('q=staying+close&pillar=kinship&pillar=Care+leavers&year=1999&exact=1'), options);
    expect(state).toEqual({ q: 'staying close', exact: true, filters: { pillar: ['care-leavers', 'kinship'] } });
    expect(writeState(state)).toBe('q=staying+close&pillar=care-leavers&pillar=kinship&exact=1');
  });

  it('writes nothing for a blank query and no filters', () => {
    expect(writeState({ q: '  ', exact: false, filters: {} })).toBe('');
    expect(readState(new URLSearchParams(''), options)).toEqual({ q: '', exact: false, filters: {} });
  });
});

describe('the bundle the build makes', () => {
  it('is two hashed browser modules: the page script, and MiniSearch, which the script imports and nothing else', async () => {
    const client = await bundleSearchClient();
    expect(client.script).toMatch(/^_astro\/search\.[A-Z0-9]+\.js$/);
    expect(client.minisearch).toMatch(/^_astro\/minisearch\.[A-Z0-9]+\.js$/);
    expect([...client.files.keys()].sort()).toEqual([client.minisearch, client.script].sort());
    const script = new TextDecoder().decode(client.files.get(client.script));
    const imports = [...script.matchAll(/\bimport\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]);
    expect(imports).toEqual([`./${client.minisearch.slice('_astro/'.length)}`]);
    // Nothing of the build's own dependencies (zod, unified, Node) is in it.
    expect(script).not.toMatch(/node:|zod|unified|process\.env/);
  });
});
