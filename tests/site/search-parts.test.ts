// Pagefind's index in parts (src/site/search-parts.ts): how many, which pages each takes, that no
// page can fall between them, the all-words record each part holds, and the search page's Pagefind
// that leaves it out (src/site/search-client/parts.ts). The parts in a browser: tests/browser/search-parts.test.ts.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load.ts';
import { ID_PATTERN } from '../../src/lib/schema/primitives.ts';
import type { Pagefind } from '../../src/site/search-client/full-text.ts';
import { withoutAllWords } from '../../src/site/search-client/parts.ts';
import { allWords, allWordsRecord, graphIndexParts, ID_ENDINGS, INDEXED_PAGES, indexParts, partCount, partFolder } from '../../src/site/search-parts.ts';

/** Which part's character class takes this id's last character (the glob `*[…]/index.html`). */
const partsTaking = (parts: ReturnType<typeof indexParts>, id: string) => parts.filter((part) => part.endings.includes(id.at(-1) ?? ''));

describe('the search index in parts', () => {
  it("is one part, with every indexed page and Pagefind's own folder, until there are more pages than a part holds", () => {
    expect(partCount(0, 8000)).toBe(1);
    expect(partCount(8000, 8000)).toBe(1);
    expect(partCount(8001, 8000)).toBe(2);
    expect(partCount(13_953, 8000)).toBe(2);
    const ids = Array.from({ length: 50 }, (_, i) => `commitment-${i}`);
    expect(indexParts(ids, 50)).toEqual([{ folder: 'pagefind/', glob: INDEXED_PAGES, endings: ID_ENDINGS, pages: 50 }]);
  });

  it('puts every page in exactly one part, and every character an id may end with in exactly one part', () => {
    const ids = Array.from({ length: 997 }, (_, i) => `c-${(i * 7919).toString(36)}`);
    const parts = indexParts(ids, 300);
    expect(parts).toHaveLength(4);
    for (const id of ids) expect(partsTaking(parts, id), id).toHaveLength(1);
    expect([...parts.map((part) => part.endings).join('')].sort().join('')).toBe(ID_ENDINGS);
    expect(parts.reduce((n, part) => n + part.pages, 0)).toBe(ids.length);
    // Every ending an id can have under the id rule is one of them.
    for (const c of ID_ENDINGS) expect(ID_PATTERN.test(`a${c}`), c).toBe(true);
    expect(ID_PATTERN.test('a-')).toBe(false);
  });

  it("shares pages out evenly, the same way for the same ids, in folders beside Pagefind's own", () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `commitment-${(i * 104_729).toString(36)}`);
    const parts = indexParts(ids, 6000);
    expect(parts.map((part) => part.folder)).toEqual(['pagefind/', 'pagefind-2/']);
    expect(parts.map((part) => part.glob)).toEqual(parts.map((part) => `{sources,commitments,extracts}/*[${part.endings}]/index.html`));
    const [a, b] = parts.map((part) => part.pages) as [number, number];
    expect(Math.abs(a - b)).toBeLessThan(ids.length / 20);
    expect(indexParts([...ids].reverse(), 6000)).toEqual(parts);
    expect(partFolder(2)).toBe('pagefind-3/');
  });

  it('never leaves a part empty, even when every id ends alike', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `page-${i}-e`);
    const parts = indexParts(ids, 10);
    expect(parts).toHaveLength(1);
    expect([...(parts[0]?.endings ?? '')].sort().join('')).toBe(ID_ENDINGS);
    expect(parts[0]?.pages).toBe(30);
  });

  it('says which id no part could take, rather than leave its page out of the index', () => {
    expect(() => indexParts(['fine-a', 'Bad-Z', 'fine-b'], 1)).toThrow(/"Bad-Z" ends with "Z".*expected one of 0123456789abcdefghijklmnopqrstuvwxyz/);
  });

  it("counts the fixture's sources, commitments and extracts: the pages Pagefind indexes", () => {
    const loaded = loadContent('tests/fixtures/good');
    if (!loaded.ok) throw new Error('tests/fixtures/good does not load');
    const { graph } = loaded;
    const pages = graph.sources.length + graph.commitments.length + graph.extracts.length;
    expect(graphIndexParts(graph)).toHaveLength(1);
    const split = graphIndexParts(graph, 3);
    expect(split.length).toBe(Math.ceil(pages / 3));
    expect(split.reduce((n, part) => n + part.pages, 0)).toBe(pages);
  });
});

describe('the all-words record of each part', () => {
  const loaded = loadContent('tests/fixtures/good');
  if (!loaded.ok) throw new Error('tests/fixtures/good does not load');
  const { graph } = loaded;
  const words = new Set(allWords(graph).split(' '));

  it("holds every word of every indexed page's content once: titles, text, source prose, extracts, status histories", () => {
    const staying = graph.commitment.get('alpha-staying-close');
    const extract = graph.extracts[0];
    const source = graph.sources[0];
    const development = graph.commitments.flatMap((c) => c.status?.developments ?? []).find((d) => d.summary);
    if (!staying || !extract || !source || !development) throw new Error('the fixture has lost a commitment, extract, source or development this test reads');
    const some = (text: string) => text.split(/\s+/).filter(Boolean);
    for (const word of [
      ...some(staying.title),
      ...some(staying.text ?? ''),
      ...extract.blocks.flatMap(some),
      ...some(source.title),
      ...some(development.summary),
    ])
      expect(words, `"${word}"`).toContain(word);
    expect(allWords(graph).split(' ')).toHaveLength(words.size);
    expect(words.has('')).toBe(false);
  });

  it("is what Pagefind is given, marked by the filter every search leaves out, in the pages' language", () => {
    expect(allWordsRecord('care leavers')).toEqual({
      url: '/',
      content: 'care leavers',
      language: 'en-gb',
      filters: { index: ['all-words'] },
      meta: { title: '' },
    });
  });
});

describe('Pagefind over parts, as the search page uses it', () => {
  function recording() {
    const asked: { term: string | null; filters: object }[] = [];
    const engine: Pagefind = {
      options: async () => {},
      init: async () => {},
      mergeIndex: async () => {},
      filters: async () => ({ pillar: { 'care-leavers': 3 }, index: { 'all-words': 2 } }),
      search: async (term, options) => {
        asked.push({ term, filters: options.filters });
        return { results: [], filters: { pillar: { 'care-leavers': 1 }, index: { 'all-words': 2 } } };
      },
    };
    return { engine, asked };
  }

  it('leaves the all-words records out of every search, keeping the filters asked for', async () => {
    const { engine, asked } = recording();
    const parts = withoutAllWords(engine);
    await parts.search('staying close', { filters: { pillar: { any: ['care-leavers'] } } });
    await parts.search(null, { filters: {} });
    expect(asked).toEqual([
      { term: 'staying close', filters: { pillar: { any: ['care-leavers'] }, index: { none: ['all-words'] } } },
      { term: null, filters: { index: { none: ['all-words'] } } },
    ]);
  });

  it('never counts them among the filters', async () => {
    const { engine } = recording();
    const parts = withoutAllWords(engine);
    expect(await parts.filters()).toEqual({ pillar: { 'care-leavers': 3 } });
    expect((await parts.search('x', { filters: {} })).filters).toEqual({ pillar: { 'care-leavers': 1 } });
  });
});
