// The search page's pure rules of what to show (issue 20): why an instant answer matched (which
// snippet, which words marked), which tracker list a query names, and which filter values a
// filter shows. The page itself, on the fixture site in Chromium: tests/browser/search-page.test.ts.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load.ts';
import { STATUS_VALUES, STATUSES } from '../../src/lib/schema/statuses.ts';
import type { FilterValue } from '../../src/site/search.ts';
import { shownValues } from '../../src/site/search-client/facets.ts';
import { listOffer, namedList, type TrackerListLink } from '../../src/site/search-client/lists.ts';
import { instantSnippet, markWords, type Segment } from '../../src/site/search-client/results.ts';
import { fileFor, instantIndex, OPENING_WORDS, openingWords } from '../../src/site/search-instant.ts';
import { trackerLists } from '../../src/site/tracker.ts';
import { GOOD } from '../support/fixtures.ts';

/** Segments written as text with the marked parts in [brackets]: "Pilot a [staying close] offer". */
const shown = (segments: readonly Segment[]) => segments.map((s) => (s.marked ? `[${s.text}]` : s.text)).join('');

describe('what an instant answer shows to say why it matched', () => {
  const doc = {
    t: 'Pilot staying close',
    a: 'staying put for residential care · Staying Close',
    o: 'Pilot a staying close offer for young people leaving residential care.',
  };

  it.each([
    // query, the line shown ("Also called: …" for an alias), with the matched words in [brackets]
    ['staying close', 'Pilot a [staying close] offer for young people leaving residential care.'],
    ['Is staying close a legal duty?', 'Pilot a [staying close] offer for young people leaving residential care.'],
    ['stay', 'Pilot a [staying] close offer for young people leaving residential care.'],
    ['stayng close', 'Pilot a [staying close] offer for young people leaving residential care.'],
    ['staying residential', 'Also called: [staying] put for [residential] care'],
    ['close residential care', 'Also called: staying put for [residential care]'],
    ['pilot', '[Pilot] a staying close offer for young people leaving residential care.'],
    ['xyzzy', 'Pilot a staying close offer for young people leaving residential care.'],
  ])('for “%s”: %s', (query, expected) => {
    const snippet = instantSnippet(doc, query);
    expect(snippet && `${snippet.label ? `${snippet.label}: ` : ''}${shown(snippet.segments)}`).toBe(expected);
  });

  it('shows nothing for a page with neither an alias that matched nor opening words', () => {
    expect(instantSnippet({ t: 'Beta: a strategy' }, 'beta')).toBeUndefined();
  });

  it.each([
    ['children’s homes', ['childrens'], '[children’s] homes'],
    ['Staying Close — and staying-close pilots.', ['staying', 'close'], '[Staying Close] — and [staying]-[close] pilots.'],
    ['<b>not markup</b> & kinship', ['kinship'], '<b>not markup</b> & [kinship]'],
    ['care\ncare', ['care'], '[care]\n[care]'],
    ['', ['care'], ''],
  ])('marks %j for %j as %j, keeping every character of the text', (text, terms, expected) => {
    const segments = markWords(text, terms);
    expect(shown(segments)).toBe(expected);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('puts each page’s opening words in the instant index, cut at a fixed number of words', () => {
    const loaded = loadContent(GOOD);
    if (!loaded.ok) throw new Error('the good fixture does not load');
    const docs = instantIndex(loaded.graph).docs;
    expect(docs.find((d) => d.id === 'alpha-staying-close')?.o).toBe('Pilot a staying close offer for young people leaving residential care.');
    expect(docs.find((d) => d.id === 'alpha-foreword')?.o).toBe('We will keep caring: 10:30 is not a directive.');
    const long = Array.from({ length: OPENING_WORDS + 3 }, (_, i) => `w${i}`).join(' ');
    expect(openingWords(long).o?.split(' ')).toHaveLength(OPENING_WORDS);
    expect(openingWords(long).o?.endsWith('…')).toBe(true);
    expect(openingWords('')).toEqual({});
  });
});

describe('queries that name a tracker list', () => {
  const loaded = loadContent(GOOD);
  if (!loaded.ok) throw new Error('the good fixture does not load');
  // The lists as the search page gets them: from the tracker's own lists, never copied here.
  const lists: TrackerListLink[] = trackerLists(loaded.graph).map((l) => ({ slug: l.slug, title: l.title, count: l.commitments.length }));

  it.each([
    ['overdue', 'overdue'],
    ['what is overdue', 'overdue'],
    ['Which commitments are overdue?', 'overdue'],
    ['delivered', 'delivered'],
    ['what has been delivered', 'delivered'],
    ['partly delivered', 'partly-delivered'],
    ['in progress', 'in-progress'],
    ['in-progress', 'in-progress'],
    ['show me the dropped commitments', 'dropped'],
    ['not known', 'not-known'],
    ['Superseded', 'superseded'],
    ['staying close', undefined],
    ['delivered staying close', undefined],
    ['what is', undefined],
    ['', undefined],
  ])('“%s” names %s', (query, slug) => {
    expect(namedList(query, lists)?.slug).toBe(slug);
  });

  it('knows every status of the registry and the overdue list by its title', () => {
    for (const status of STATUS_VALUES) expect(namedList(STATUSES[status], lists)?.slug, status).toBe(status);
    expect(namedList('Overdue', lists)?.slug).toBe('overdue');
  });

  it('offers the list with its count', () => {
    expect(listOffer({ slug: 'overdue', title: 'Overdue', count: 6 })).toBe('See the 6 overdue commitments');
    expect(listOffer({ slug: 'overdue', title: 'Overdue', count: 1 })).toBe('See the 1 overdue commitment');
    expect(listOffer({ slug: 'in-progress', title: 'In progress', count: 12 })).toBe('See the 12 commitments with the status “In progress”');
  });
});

describe('the values a search filter shows', () => {
  const values: FilterValue[] = [
    { id: 'a', label: 'Alpha' },
    { id: 'b', label: 'Beta' },
    { id: 'c', label: 'Gamma' },
  ];

  it.each([
    ['every value before any search', undefined, {}, ['a', 'b', 'c']],
    ['those the results carry', { source: { a: 2, b: 0, c: 1 } }, {}, ['a', 'c']],
    ['those the results carry and those ticked, in order', { source: { a: 0, b: 0, c: 4 } }, { source: ['a'] }, ['a', 'c']],
    ['none when no result carries one', { source: {} }, {}, []],
    ['ticked values of other filters do not count', { source: { b: 1 } }, { pillar: ['a'] }, ['b']],
  ] as const)('%s', (_, counts, selection, expected) => {
    expect(shownValues('source', values, counts, selection as never).map((v) => v.id)).toEqual(expected);
  });
});

describe('the opening words in the instant file', () => {
  const loaded = loadContent(GOOD);
  if (!loaded.ok) throw new Error('the good fixture does not load');
  const index = instantIndex(loaded.graph);

  it('are kept while the file fits its preload budget, and left out past it', () => {
    const roomy = fileFor(index, 1024 * 1024);
    expect(roomy.preload).toBe(true);
    expect(roomy.index.docs.filter((d) => d.o).length).toBe(index.docs.filter((d) => d.o).length);
    expect(JSON.parse(roomy.json)).toEqual(index);
    const lean = fileFor(index, 100);
    expect(lean.preload).toBe(false);
    expect(lean.index.docs.filter((d) => d.o)).toEqual([]);
    expect(lean.json).not.toContain('"o":');
    expect(lean.index.docs.map((d) => d.id)).toEqual(index.docs.map((d) => d.id));
    // Just over what the file takes without them: the opening words go and it is preloaded.
    const bare = JSON.stringify(lean.index);
    const budget = gzipSync(bare).length;
    expect(fileFor(index, budget)).toMatchObject({ preload: true, json: bare });
  });
});
