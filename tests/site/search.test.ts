// The pure parts of search: glossary matching (src/site/search.ts) and the typo correction the
// search page runs (public/search.js), as tables of input and expected output.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain browser module without types; its exports are tested here.
import { correctQuery, distance, prepareVocabulary } from '../../public/search.js';
import { glossaryTerms, mentions, searchWords } from '../../src/site/search.ts';

const vocabulary = prepareVocabulary({
  targets: { kinship: 3, corporate: 2, parenting: 2, staying: 4, close: 4, profit: 1, covenant: 1, work: 5, word: 1 },
  known: 'the for care strategy children childrens kinships',
});

describe('Damerau distance', () => {
  it.each([
    ['kinsip', 'kinship', 1], ['wrok', 'work', 1], ['safegaurding', 'safeguarding', 1],
    ['covenent', 'covenant', 1], ['proffit', 'profit', 1], ['fostring', 'fostering', 1], ['abc', 'xyz', 3],
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
    ["children's kinship", "children's kinship"],
    ['kinsh', 'kinsh'],
    ['cat', 'cat'],
    ['zzzzzz', 'zzzzzz'],
    ['2016', '2016'],
  ])('corrects "%s" to "%s", leaving known words, short words, numbers and prefixes being typed alone', (query, expected) => {
    expect(correctQuery(query, vocabulary)).toBe(expected);
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

  it('splits words as the search page does', () => {
    expect(searchWords("Children's homes: co-operatives, 2024")).toEqual(['childrens', 'homes', 'co', 'operatives', '2024']);
  });
});
