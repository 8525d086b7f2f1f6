// The content model of issue 21: a source says what its original's address is (urlKind, checked
// against the address), who wrote it (authors, for citations), and a locator holds the place in
// the document only, what we know of our copy standing apart in locatorNote.
import { describe, expect, it } from 'vitest';
import { isKnownLocator, LOCATOR_NOT_KNOWN } from '../../src/lib/locator.ts';
import { CommitmentFields } from '../../src/lib/schema/commitment.ts';
import { ExtractFields } from '../../src/lib/schema/extract.ts';
import { ORIGINAL_KINDS, SourceFrontMatter } from '../../src/lib/schema/source.ts';

const source = {
  id: 'alpha-2016',
  title: 'Alpha',
  shortTitle: 'Alpha',
  role: 'core',
  kind: 'policy-paper',
  published: '2016-07-04',
  publishers: ['Department for Education'],
  licence: { id: 'OGL-3.0', attribution: 'Contains public sector information licensed under the Open Government Licence v3.0.' },
  coverage: { complete: true, statement: 'All of it.', missing: [] },
};

/** The issues of a parse, as `path: message`. */
const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe("a source's original", () => {
  it.each([
    ['a GOV.UK publication page', 'https://www.gov.uk/government/publications/x', 'landing-page'],
    ['an HTML version', 'https://www.gov.uk/government/publications/x/x-html', 'html'],
    ['a PDF file', 'https://assets.publishing.service.gov.uk/media/abc/x.pdf', 'pdf'],
    ['a Hansard page', 'https://hansard.parliament.uk/Commons/2016-07-04/debates/1/ChildrensSocialCare', 'hansard'],
    ['a written statement on questions-statements', 'https://questions-statements.parliament.uk/written-statements/detail/2016-07-04/HCWS57', 'hansard'],
  ])('accepts %s as %s', (_what, url, urlKind) => {
    expect(issues(SourceFrontMatter.safeParse({ ...source, url, urlKind, urlConfirmedBy: 'Parliamentary answer PQ 1' }))).toEqual([]);
  });

  it('links into an original only where a page has shown its address: html, pdf and hansard need urlConfirmedBy', () => {
    for (const [url, urlKind] of [
      ['https://www.gov.uk/government/publications/x/x-html', 'html'],
      ['https://assets.example/x.pdf', 'pdf'],
      ['https://hansard.parliament.uk/x', 'hansard'],
    ]) {
      const found = issues(SourceFrontMatter.safeParse({ ...source, url, urlKind }));
      expect(found).toEqual([
        `urlKind: is "${urlKind}", which the site links into, but urlConfirmedBy is missing; expected where the address was seen (an official page or a search result that shows it)`,
      ]);
    }
    expect(issues(SourceFrontMatter.safeParse({ ...source, url: 'https://www.gov.uk/government/publications/x', urlKind: 'landing-page' }))).toEqual([]);
  });

  it.each([
    ['a PDF that is not a .pdf address', 'https://www.gov.uk/government/publications/x', 'pdf', 'urlKind: is "pdf" but'],
    ['Hansard off parliament.uk', 'https://www.theyworkforyou.com/wms/?id=2016-07-04.HCWS57.h', 'hansard', 'urlKind: is "hansard" but'],
    ['HTML that is a PDF', 'https://assets.example/x.pdf', 'html', 'urlKind: is "html" but'],
    ['a kind outside the registry', 'https://www.gov.uk/x', 'word', 'urlKind: '],
  ])('refuses %s, saying what is expected', (_what, url, urlKind, start) => {
    const found = issues(SourceFrontMatter.safeParse({ ...source, url, urlKind }));
    expect(found).toHaveLength(1);
    expect(found[0]?.startsWith(start), found[0]).toBe(true);
  });

  it('refuses a kind or a confirmation for an address the source does not give', () => {
    expect(issues(SourceFrontMatter.safeParse({ ...source, urlKind: 'html' }))).toEqual([
      'urlKind: says something of an address the source does not give; expected a url beside it, or neither',
    ]);
    expect(issues(SourceFrontMatter.safeParse({ ...source, urlConfirmedBy: 'PQ 1' }))[0]).toMatch(/^urlConfirmedBy: /);
  });

  it('has one registry of kinds, each saying how it is linked into', () => {
    expect(Object.keys(ORIGINAL_KINDS)).toEqual(['landing-page', 'html', 'pdf', 'hansard']);
    expect(Object.values(ORIGINAL_KINDS).map((kind) => kind.deepLink)).toEqual(['none', 'text', 'page', 'text']);
  });

  it('takes the authors as the document names them, and refuses an empty list', () => {
    expect(issues(SourceFrontMatter.safeParse({ ...source, authors: ['Narey, M.'] }))).toEqual([]);
    expect(issues(SourceFrontMatter.safeParse({ ...source, authors: [] }))[0]).toMatch(/^authors: /);
  });
});

describe('a locator and what we know of our copy', () => {
  const extract = { title: 'The foreword', locator: 'Ministerial foreword, pp. 3–4' };
  const commitment = {
    title: 'x',
    locator: 'Chapter 2, p. 17',
    sourcePillar: 'people',
    pillars: ['workforce'],
    status: { value: 'not-known', asOf: '2024', checked: '2026-12-01', summary: 'Nothing found.' },
  };

  it.each([
    'List of Recommendations, Chapter One (copied from a reproduction of the list; only one copy found)',
    'Review (recommendation number not confirmed)',
    'Chapter 4 (section not identified)',
    "Secretary of State's foreword (page not captured)",
    'Not stated (quoted word for word by two news reports of July 2016)',
    'Foreword, as quoted by Mills & Reeve (March 2023)',
    'Probably the foreword: inferred',
  ])('refuses a note on our copy in a locator: %s', (locator) => {
    const message =
      'locator: holds a note on our copy (how it was found, what is not confirmed); expected the place in the document only, with the note in locatorNote';
    expect(issues(ExtractFields.safeParse({ ...extract, locator }))).toEqual([message]);
    expect(issues(CommitmentFields.safeParse({ ...commitment, locator }))).toEqual([message]);
  });

  it('takes the note in locatorNote, and "Not known" for a place no copy gives', () => {
    const note = 'Copied from a reproduction of the list; only one copy found.';
    expect(ExtractFields.parse({ ...extract, locatorNote: note }).locatorNote).toBe(note);
    expect(CommitmentFields.parse({ ...commitment, locator: LOCATOR_NOT_KNOWN, locatorNote: 'The section is not identified.' }).locator).toBe('Not known');
    expect(issues(ExtractFields.safeParse({ ...extract, locatorNote: ' ' }))[0]).toMatch(/^locatorNote: is empty/);
  });

  it('tells a locator a citation can give from "Not known"', () => {
    expect(isKnownLocator('Chapter 2, p. 17')).toBe(true);
    expect(isKnownLocator('Not known')).toBe(false);
    expect(isKnownLocator(undefined)).toBe(false);
  });
});
