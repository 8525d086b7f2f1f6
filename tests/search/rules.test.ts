// The word rules of issue 20, each as a table: which words of a question are filler and never
// decide a match (src/site/search-rules.ts), the order words leave a question no page matches whole
// (the rarest and a known pair kept longest) and the fallback when only summaries have every word
// (src/site/search-client/full-text.ts), corrections that make a known pair
// (src/site/search-client/correct.ts), the glossary's abbreviations on the real content
// (content/glossary.yml, src/site/search.ts), the instant index's glossary variants, and where a
// summary found by a commitment's title opens (src/site/search-client/results.ts).
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load.ts';
import { correctQuery, prepareVocabulary } from '../../src/site/search-client/correct.ts';
import { droppingOrder, fullText, type PagefindData } from '../../src/site/search-client/full-text.ts';
import { INSTANT_OPTIONS, instantDocuments, instantQuery, loadInstant, together } from '../../src/site/search-client/instant.ts';
import { resultHref } from '../../src/site/search-client/results.ts';
import { instantFile, instantIndex } from '../../src/site/search-instant.ts';
import { meaningfulWords } from '../../src/site/search-rules.ts';
import { glossaryTerms } from '../../src/site/search.ts';
import { fakePagefind } from '../support/pagefind.ts';

describe('filler and question words never decide a match', () => {
  it.each([
    ['Is Staying Close now a legal duty?', ['staying', 'close', 'legal', 'duty']],
    ['what is the latest on the kinship allowance', ['kinship', 'allowance']],
    ['does the new plan still cap profits', ['cap', 'profits']],
    ['how much is the setting up home allowance', ['setting', 'up', 'home', 'allowance']],
    ['what happened to the power to innovate', ['power', 'innovate']],
    ['care leavers designing their own services', ['care', 'leavers', 'designing', 'services']],
    // Words that name things stay, however common.
    ['children in need', ['children', 'need']],
    ['information sharing duty', ['information', 'sharing', 'duty']],
    ['corporate parent duty for government departments', ['corporate', 'parent', 'duty', 'government', 'departments']],
    ['No Wrong Door', ['no', 'wrong', 'door']],
    // A query of filler alone is searched as it is.
    ['what is new', ['what', 'is', 'new']],
  ])('"%s" → %j', (query, expected) => {
    expect(meaningfulWords(query)).toEqual(expected);
  });
});

describe('the order words leave a question that no page matches whole', () => {
  const pages: Record<string, number> = {
    councils: 80,
    duty: 25,
    legal: 20,
    close: 9,
    staying: 6,
    money: 3,
    kinship: 30,
    carer: 40,
    training: 12,
    everywhere: 2,
  };
  const count = (word: string) => pages[word] ?? 0;
  const pairs = [
    ['staying', 'close'],
    ['kinship', 'carer'],
  ];
  const isPair = (words: readonly string[]) => pairs.some((p) => p.every((w) => words.includes(w)) && words.length === p.length);
  it.each([
    // The commonest word first: the rarest, most specific words are kept longest.
    [['councils', 'legal', 'duty'], ['councils', 'duty', 'legal'], undefined],
    [['training', 'money', 'everywhere'], ['training', 'money', 'everywhere'], undefined],
    // A pair that stands together in a title or glossary term ("staying close") goes last of all,
    // whatever its words' counts: the term a reader typed is never lost to the words around it.
    [['staying', 'close', 'legal', 'duty', 'councils'], ['councils', 'duty', 'legal', 'close', 'staying'], isPair],
    [['kinship', 'carer', 'training', 'money'], ['training', 'money', 'carer', 'kinship'], isPair],
    // Only neighbours make a pair.
    [['staying', 'councils', 'close'], ['councils', 'close', 'staying'], isPair],
  ])('%j → %j', (terms, expected, pair) => {
    expect(droppingOrder(terms, count, pair)).toEqual(expected);
  });
});

describe('the fallback when no page, or only summaries, have every word', () => {
  // A summary is long: its prose holds words of many questions. The commitments are short.
  const pages = [
    { url: '/commitments/duty/', kind: 'c' as const, text: 'staying close support a legal duty for care leavers up to 25' },
    { url: '/commitments/pilots/', kind: 'c' as const, text: 'pilot staying close for young people leaving childrens homes councils' },
    { url: '/commitments/training/', kind: 'c' as const, text: 'training and support offer for kinship carers funded money councils' },
    { url: '/commitments/jobs/', kind: 'c' as const, text: 'jobs in government for care leavers money councils' },
    { url: '/sources/koc/', kind: 's' as const, text: 'keep on caring summary staying close legal duty councils now pilots money' },
  ];
  const { engine } = fakePagefind(pages);
  const urls = async (found: Awaited<ReturnType<typeof fullText>>) => Promise.all(found.result.results.map(async (r) => (await r.data()).url));
  const pair = (words: readonly string[]) => words.join(' ') === 'staying close';

  it.each([
    // Only the summary has every word: the commitment with the most of them comes first, the summary after.
    ['staying close legal duty councils', ['councils'], ['/commitments/duty/', '/sources/koc/'], true],
    // Filler never counts: a commitment has every other word, so they are searched as they are.
    ['is staying close now a legal duty', [], ['/commitments/duty/', '/sources/koc/'], undefined],
    // Only the summary has every word but "xyzzy", which no page has: the known pair outlasts the
    // rarer "pilots" (on one page) and "duty" (two).
    ['staying close duty xyzzy pilots', ['xyzzy', 'duty', 'pilots'], ['/commitments/duty/', '/commitments/pilots/', '/sources/koc/'], true],
    // No page, summary or other, has every word: the known pair stays, and nothing is said of summaries.
    ['staying close kinship carers', ['kinship', 'carers'], ['/commitments/duty/', '/commitments/pilots/', '/sources/koc/'], undefined],
  ])('"%s" drops %j and lists %j (summaries had every word: %s)', async (query, dropped, expected, summariesHadAll) => {
    const found = await fullText(engine, query, {}, () => false, pair);
    expect(found.dropped.sort()).toEqual([...dropped].sort());
    expect(await urls(found)).toEqual(expected);
    expect(found.summariesHadAll).toBe(summariesHadAll);
  });

  it('keeps a summary that alone has the words, when no smaller set finds more than summaries', async () => {
    const found = await fullText(engine, 'keep caring summary', {}, () => false, pair);
    expect(found.dropped).toEqual([]);
    expect(await urls(found)).toEqual(['/sources/koc/']);
  });
});

describe('typo correction into a known pair', () => {
  const vocabulary = prepareVocabulary({
    targets: { doer: 50, door: 10, dorset: 1, for: 100, wrong: 10, staying: 40, close: 40, kinship: 30, care: 60, doors: 1, january: 1, allary: 1, rollout: 5 },
  });
  const titles = [
    ['no', 'wrong', 'door'],
    ['staying', 'close'],
    ['rollout', 'allary'],
    ['kinship', 'care'],
  ];
  const pair = (words: readonly string[]) => titles.some((t) => words.every((w) => t.includes(w)));
  it.each([
    // A short word, or the start of a body word ("dor": "Dorset"), becomes the word that pairs with its neighbour.
    ['no wrong dor', 'no wrong door'],
    ['dor', 'dor'],
    ['wrong dorr', 'wrong door'],
    // Without a pair it is left alone: a prefix may still be being typed.
    ['dorse', 'dorse'],
    ['kinsh', 'kinsh'],
    // Longer words are corrected as before.
    ['stayng close', 'staying close'],
    ['kinsip care', 'kinship care'],
    // Fewer edits first: a pair two edits away does not beat a word one edit away.
    ['rollout anuary', 'rollout january'],
  ])('"%s" → "%s"', (query, expected) => {
    expect(correctQuery(query, vocabulary, () => false, pair)).toBe(expected);
  });
});

describe('the real content', () => {
  const loaded = loadContent('content');
  if (!loaded.ok) throw new Error('content does not validate');
  const graph = loaded.graph;

  const words = (id: string) => {
    const c = graph.commitment.get(id);
    if (!c) throw new Error(`no commitment ${id}`);
    return { own: [c.title, ...c.aliases, c.text].join(' '), glossary: glossaryTerms(graph.glossary, c) };
  };

  it.each([
    ['SGO', 'shbl-kinship-allowances-and-entitlements'],
    ['Kinship Zones', 'kcshft-family-based-care-first'],
    ['FGDM', 'kcshft-families-first-rollout'],
    ['FFP', 'kcshft-families-first-rollout'],
    ['LCPP', 'kcshft-multi-agency-child-protection-teams'],
    ['IFA', 'kcshft-profit-cap'],
    ['SWE', 'pcf-social-work-regulator'],
    ['LAC', 'narey-criminalisation-protocol'],
    ['DoL', 'narey-secure-care-providers'],
    ['money', 'koc-apprenticeship-training-costs'],
  ])('indexes "%s" on %s through the glossary: the commitment says another term of its group', (term, id) => {
    const { own, glossary } = words(id);
    expect(own).not.toMatch(new RegExp(`\\b${term}\\b`, 'i'));
    expect(glossary).toContain(term);
  });

  it.each([
    ['RCC', 'shbl-regional-care-cooperatives'],
    ['UASC', 'koc-outcome-3-stability-safety'],
    ['PA', 'koc-personal-adviser-to-25'],
    ['MACPT', 'kcshft-multi-agency-child-protection-teams'],
    ['NAAS', 'pcf-assessment-accreditation'],
    ['NCS', 'koc-national-citizen-service'],
    ['SIB', 'koc-social-impact-bond'],
  ])('finds %s under "%s", in its own words or through the glossary', (term, id) => {
    const { own, glossary } = words(id);
    expect(new RegExp(`\\b${term}s?\\b`).test(own) || glossary.includes(term)).toBe(true);
  });

  const file = instantIndex(graph);
  const index = new MiniSearch(INSTANT_OPTIONS);
  index.addAll(instantDocuments(file));
  const ids = (query: string) => index.search(instantQuery(query, file.glossary)).map((hit) => file.docs[hit.id as number]?.id);

  it.each([
    // Every word of a glossary variant must be in one title: no title says "prescriptions", so no answer,
    // not every title that says "care leavers".
    ['free prescriptions for care leavers', []],
    ['kinship carer training money', []],
  ])('answers "%s" from titles only with all its words: %j', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('answers an abbreviation by the titles of its glossary group ("MACPT" → multi-agency child protection teams)', () => {
    expect(ids('MACPT')).toEqual(expect.arrayContaining(['kcshft-multi-agency-child-protection-teams', 'shbl-multi-agency-child-protection-teams']));
  });

  it.each([
    [['staying', 'close'], true],
    [['wrong', 'door'], true],
    [['kinship', 'carer'], true],
    [['family', 'group', 'fgdm'], true],
    [['wrong', 'dorset'], false],
    [['councils', 'staying'], false],
  ])('%j stand together in a title, alias or glossary term: %s', async (words, expected) => {
    const { manifest, files } = instantFile(graph);
    const engine = loadInstant(MiniSearch, manifest, async (path) => JSON.parse(files.get(path) ?? 'null'));
    expect(together(engine, words)).toBe(expected);
  });
});

describe('where a full-text result opens', () => {
  const meta = (result: 'c' | 'e' | 's') => ({ title: '', result, type: '', source: '', year: '' });
  const sub = (url: string, ...weights: number[]) => ({ url, title: url, weighted_locations: weights.map((w) => ({ weight: w, balanced_score: w })) });
  it.each([
    // A summary at the place inside it that matched best: a commitment's title…
    [
      { url: '/sources/a/', excerpt: '', meta: meta('s'), sub_results: [sub('/sources/a/', 1), sub('/sources/a/#c1', 4, 4), sub('/sources/a/#c2', 2)] },
      '/sources/a/#c1',
    ],
    // …or its own title and prose, at the top.
    [{ url: '/sources/a/', excerpt: '', meta: meta('s'), sub_results: [sub('/sources/a/', 7, 7), sub('/sources/a/#c1', 2)] }, '/sources/a/'],
    [{ url: '/sources/a/', excerpt: '', meta: meta('s') }, '/sources/a/'],
    // Any other page at its top.
    [{ url: '/commitments/c1/', excerpt: '', meta: meta('c'), sub_results: [sub('/commitments/c1/#x', 9)] }, '/commitments/c1/'],
  ] as [PagefindData, string][])('%#: opens at %s', (data, expected) => {
    expect(resultHref(data)).toBe(expected);
  });
});
