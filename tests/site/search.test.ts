// The pure parts of search: glossary matching, filter records and the vocabulary (src/site/search.ts),
// the instant index (src/site/search-instant.ts), and what the search page's script
// (src/site/search-client/) does with a query: typo correction, meaningful words, excerpts as text,
// filters and title→id mapping.
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load.ts';
import { correctQuery, distance, prepareVocabulary } from '../../src/site/search-client/correct.ts';
import { docFilters, INSTANT_OPTIONS, instantDocuments, instantQuery, passes } from '../../src/site/search-client/instant.ts';
import { excerptSegments } from '../../src/site/search-client/results.ts';
import { filterId } from '../../src/site/search-client/state.ts';
import { instantFile, instantFiles, instantIndex } from '../../src/site/search-instant.ts';
import { meaningfulWords, searchWords } from '../../src/site/search-rules.ts';
import { glossaryTerms, mentions, searchFacets, searchVocabulary } from '../../src/site/search.ts';

const vocabulary = prepareVocabulary({
  targets: {
    kinship: 30,
    corporate: 20,
    parenting: 20,
    staying: 40,
    close: 40,
    profit: 10,
    covenant: 10,
    work: 50,
    word: 10,
    care: 60,
    strategy: 5,
    children: 80,
    childrens: 20,
    kinships: 1,
    safeguarding: 30,
    commissioning: 2,
  },
});

describe('Damerau distance', () => {
  it.each([
    ['kinsip', 'kinship', 1],
    ['wrok', 'work', 1],
    ['safegaurding', 'safeguarding', 1],
    ['covenent', 'covenant', 1],
    ['proffit', 'profit', 1],
    ['fostring', 'fostering', 1],
    ['abc', 'xyz', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(distance(a, b, 3)).toBe(d);
  });
});

describe('typo correction', () => {
  it.each([
    ['kinsip care strategy', 'kinship care strategy'],
    ['corprate parenting', 'corporate parenting'],
    ['stayng close', 'staying close'],
    ['social wrok', 'social work'],
    ['finship care', 'kinship care'],
    ['comissioning', 'commissioning'],
    ["children's kinship", "children's kinship"],
    ['kinsh', 'kinsh'],
    ['cat', 'cat'],
    ['zzzzzz', 'zzzzzz'],
    ['2016', '2016'],
  ])('corrects "%s" to "%s", leaving known words, short words, numbers and prefixes being typed alone', (query, expected) => {
    expect(correctQuery(query, vocabulary)).toBe(expected);
  });

  it('leaves a word alone that the caller knows (the instant index)', () => {
    expect(correctQuery('kinsip care', vocabulary, (w: string) => w === 'kinsip')).toBe('kinsip care');
  });
});

describe('query words', () => {
  it.each([
    ['how many recommendations did the Narey review make', ['recommendations', 'narey', 'review']],
    ["Children's homes", ['childrens', 'homes']],
    ['the', ['the']],
  ])('"%s" → %j', (query, expected) => {
    expect(meaningfulWords(query)).toEqual(expected);
  });
});

describe('excerpts', () => {
  it('turns marks into segments and entities into text, never markup', () => {
    expect(excerptSegments('a &lt;script&gt; <mark>kinship</mark> &amp; care&#39;s')).toEqual([
      { text: 'a <script> ', marked: false },
      { text: 'kinship', marked: true },
      { text: " & care's", marked: false },
    ]);
    // Names the table lacks stay as written, even those every object inherits.
    expect(excerptSegments('a &constructor; &toString; &bogus; b')).toEqual([{ text: 'a &constructor; &toString; &bogus; b', marked: false }]);
  });
});

describe('filter ids', () => {
  const options = [
    { id: 'care-leavers', label: 'Care leavers' },
    { id: 'kinship', label: 'Family networks and kinship care' },
  ];
  it.each([
    ['care-leavers', 'care-leavers'],
    ['Care leavers', 'care-leavers'],
    ['care LEAVERS ', 'care-leavers'],
    ['Nothing like it', undefined],
  ])('"%s" → %s', (value, id) => {
    expect(filterId(value, options)).toBe(id);
  });

  it('ORs within a group and ANDs across groups', () => {
    const page = { source: ['a'], pillar: ['x', 'y'], year: ['2016'] };
    expect(passes(page, { pillar: ['y', 'z'] })).toBe(true);
    expect(passes(page, { pillar: ['z'] })).toBe(false);
    expect(passes(page, { pillar: ['x'], source: ['b'] })).toBe(false);
    expect(passes(page, {})).toBe(true);
  });
});

describe('glossary matching', () => {
  const glossary = [{ terms: ['agency social workers', 'locums'] }, { terms: ['kinship care', 'family and friends care'] }];

  it.each([
    ['Rules for agency social worker use', 'agency social workers', true],
    ['Kinship-care strategy', 'kinship care', true],
    ['kinship carers', 'kinship care', false],
    ['the locums', 'locums', true],
  ])('"%s" mentions "%s": %s', (text, term, expected) => {
    expect(mentions(text, term)).toBe(expected);
  });

  it("indexes a commitment under its glossary group's other terms", () => {
    expect(glossaryTerms(glossary, { title: 'Rules on agency social workers', aliases: [], text: '' })).toEqual(['locums']);
    expect(glossaryTerms(glossary, { title: 'Something else', aliases: ['kinship care'], text: '' })).toEqual(['family and friends care']);
    expect(glossaryTerms(glossary, { title: 'Staying close', aliases: [], text: 'care leavers' })).toEqual([]);
  });

  it('searches the instant index under every term of a group the query uses', () => {
    // Each variant ANDs its own words; the variants are ORed.
    expect(instantQuery('locums rules', [['agency social workers', 'locums']])).toEqual({
      combineWith: 'OR',
      queries: [
        { combineWith: 'AND', queries: ['locums rules'] },
        { combineWith: 'AND', queries: ['agency social workers rules'] },
      ],
    });
    expect(instantQuery('profit cap', [['agency social workers', 'locums']])).toBe('profit cap');
  });
});

describe('word splitting: the build and the search page split text into the same words', () => {
  // One table, every splitter: the build's (the vocabulary and the instant index's text go through
  // searchWords) and each the page uses on a query (MiniSearch's tokenizer, the words typo
  // correction looks up, the words the full text must match).
  const table: [string, string[]][] = [
    ["Children's homes", ['childrens', 'homes']],
    ['children’s services', ['childrens', 'services']],
    ['co-operatives, 2024', ['co', 'operatives', '2024']],
    ['KINSHIP Care', ['kinship', 'care']],
    ['Section 7(1)(b)', ['section', '7', '1', 'b']],
    ['£45m over 2024–25', ['45m', 'over', '2024', '25']],
    ['café résumé naïve', ['café', 'résumé', 'naïve']],
    ['Ofsted/CQC "joint" inspection…', ['ofsted', 'cqc', 'joint', 'inspection']],
    ['rock’n’roll o’clock', ['rocknroll', 'oclock']],
    ['  \t\n ', []],
  ];
  const tokenize = INSTANT_OPTIONS.tokenize as (text: string) => string[];
  const corrected = (text: string) => {
    const seen: string[] = [];
    correctQuery(text, prepareVocabulary({}), (word) => {
      seen.push(searchWords(word).join(''));
      return true;
    });
    return seen;
  };

  it.each(table)('"%s" → %j', (text, expected) => {
    expect({
      build: searchWords(text),
      instantIndex: tokenize(text),
      correction: corrected(text),
      fullText: meaningfulWords(text),
    }).toEqual({ build: expected, instantIndex: expected, correction: expected, fullText: expected });
  });
});

describe('the real content', () => {
  const loaded = loadContent('content');
  if (!loaded.ok) throw new Error('content does not validate');
  const graph = loaded.graph;
  const file = instantIndex(graph);
  const index = new MiniSearch(INSTANT_OPTIONS);
  index.addAll(instantDocuments(file));
  const top = (query: string) =>
    index
      .search(query)
      .slice(0, 5)
      .map((hit) => file.docs[hit.id as number]?.id);

  it('answers by title, alias, id, recommendation number and a one-letter typo', () => {
    expect(top('profit cap')).toContain('kcshft-profit-cap');
    expect(top('Narey recommendation 5').slice(0, 2)).toContain('narey-r05-no-wrong-door');
    expect(top('kcshft-profit-cap')[0]).toBe('kcshft-profit-cap');
    expect(top('Link Maker')).toContain('narey-r02-link-maker');
    expect(top('covenent')).toContain('koc-care-leaver-covenant');
    expect(top('staying clo').filter((id) => id?.includes('staying-close'))).toHaveLength(5);
  });

  it("carries the whole instant index in its manifest while it fits the first answers' budget, and splits it once it outgrows it", () => {
    expect(instantFile(graph).manifest.docs).toBeDefined();
    expect(instantFile(graph).files.size).toBe(instantFile(graph).manifest.vocabulary.length);
    const split = instantFiles(graph, { preload: 1024, shard: 4096 });
    expect(split.manifest.docs).toBeUndefined();
    expect(Object.keys(split.manifest.shards).length).toBeGreaterThan(10);
  });

  it('files each page under filter ids the facets list', () => {
    const facets = new Map(searchFacets(graph).map((f) => [f.name, new Set(f.values.map((v) => v.id))]));
    for (const doc of file.docs) {
      for (const [name, ids] of Object.entries(docFilters(file, doc) as Record<string, string[]>)) {
        for (const id of ids) expect(facets.get(name as never)?.has(id), `${doc.id}: ${name} ${id}`).toBe(true);
      }
    }
    expect(facets.get('framework')?.has('stable-homes-built-on-love-2023/family-help')).toBe(true);
  });

  it('corrects against words found only in body text, and keeps title words ahead of them', () => {
    const words = searchVocabulary(graph).targets;
    expect(Object.keys(words).length).toBeGreaterThan(1000);
    expect(words.kinship).toBeGreaterThan(words.consortia ?? 0);
    expect(words.placements).toBeGreaterThan(0);
  });
});
