// The "Report a correction" link: SITE_CORRECTIONS read as a mailto: or https:// form address (or
// none), and the pre-filled report parsed back from the link — every field intact, whatever the
// title holds: "&", "#", quotes, line breaks, "+", "%", non-Latin scripts.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type CorrectionFields, correctionBody, correctionLink, correctionTitle, readCorrectionsSetting } from '../../src/maintenance/correction.ts';

const HOSTILE: CorrectionFields = {
  id: 'shbl-kinship-care-strategy',
  title: 'Kinship & "family" care #1: 50% + \'more\'\nnext line — 子ども Ελληνικά العربية',
  permalink: 'https://reforms.example/sub-path/commitments/shbl-kinship-care-strategy/',
  status: 'In progress',
  asOf: '2026-06-29',
  checked: '2026-12-01',
};

describe('SITE_CORRECTIONS', () => {
  it.each([
    [undefined, { ok: true, target: undefined }],
    ['  ', { ok: true, target: undefined }],
    ['mailto:corrections@example.org', { ok: true, target: { kind: 'mailto', address: 'corrections@example.org' } }],
    [
      'mailto:corrections@example.org?cc=editor@example.org',
      { ok: true, target: { kind: 'mailto', address: 'corrections@example.org?cc=editor@example.org' } },
    ],
    [
      'https://github.com/example/reforms/issues/new?template=correction.yml',
      { ok: true, target: { kind: 'form', url: 'https://github.com/example/reforms/issues/new?template=correction.yml' } },
    ],
  ])('%s is read as a target or none', (value, expected) => {
    expect(readCorrectionsSetting(value)).toEqual(expected);
  });

  it.each(['corrections@example.org', 'mailto:', 'mailto:nobody', 'http://example.org/issues/new', 'javascript:alert(1)', 'issues/new'])(
    '%s is refused with what was expected',
    (value) => {
      const read = readCorrectionsSetting(value);
      expect(read.ok).toBe(false);
      expect(!read.ok && read.message).toMatch(
        /^SITE_CORRECTIONS is ".*".*expected a mailto: address \(mailto:corrections@example\.org\) or the https:\/\/ address of an issue form/,
      );
    },
  );
});

describe('the pre-filled report', () => {
  it('a mailto: link decodes back to the subject and body, line breaks as CRLF', () => {
    const link = correctionLink({ kind: 'mailto', address: 'corrections@example.org' }, HOSTILE);
    expect(link).not.toMatch(/[\s"'<>]/);
    const url = new URL(link);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('corrections@example.org');
    expect(url.searchParams.get('subject')).toBe(`Correction: ${HOSTILE.title} (shbl-kinship-care-strategy)`);
    expect(url.searchParams.get('body')).toBe(correctionBody(HOSTILE).replaceAll('\n', '\r\n'));
    expect([...url.searchParams.keys()]).toEqual(['subject', 'body']);
  });

  it("keeps the address's own query (cc) before the report", () => {
    const url = new URL(correctionLink({ kind: 'mailto', address: 'corrections@example.org?cc=editor@example.org' }, HOSTILE));
    expect(url.searchParams.get('cc')).toBe('editor@example.org');
    expect(url.searchParams.get('subject')).toBe(correctionTitle(HOSTILE));
  });

  it("a form link keeps the form's own parameters and decodes back to title, body and each form field", () => {
    const link = correctionLink({ kind: 'form', url: 'https://github.com/example/reforms/issues/new?template=correction.yml' }, HOSTILE);
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/example/reforms/issues/new');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      template: 'correction.yml',
      title: `Correction: ${HOSTILE.title} (shbl-kinship-care-strategy)`,
      body: correctionBody(HOSTILE),
      commitment: `${HOSTILE.title} (shbl-kinship-care-strategy)`,
      page: HOSTILE.permalink,
      status: 'In progress, as of 2026-06-29 (last checked 2026-12-01)',
    });
  });

  it('asks what has changed and for the evidence, after the commitment, its page and its status', () => {
    expect(correctionBody(HOSTILE).split('\n')).toEqual([
      `Commitment: ${HOSTILE.title.split('\n')[0]}`,
      HOSTILE.title.split('\n')[1],
      'Id: shbl-kinship-care-strategy',
      'Page: https://reforms.example/sub-path/commitments/shbl-kinship-care-strategy/',
      'Status on the page: In progress, as of 2026-06-29 (last checked 2026-12-01)',
      '',
      'What has changed?',
      '',
      '',
      'What is the evidence? (a link to the document, statement or Act, with its date)',
      '',
    ]);
  });

  it('round-trips any title, for both kinds of target', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (title) => {
        const fields = { ...HOSTILE, title };
        const mail = new URL(correctionLink({ kind: 'mailto', address: 'c@example.org' }, fields));
        const form = new URL(correctionLink({ kind: 'form', url: 'https://example.org/new' }, fields));
        return (
          mail.searchParams.get('subject') === correctionTitle(fields) &&
          mail.searchParams.get('body') === correctionBody(fields).replaceAll('\n', '\r\n') &&
          form.searchParams.get('title') === correctionTitle(fields) &&
          form.searchParams.get('body') === correctionBody(fields)
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe("the repository's correction issue form", () => {
  const form = parse(readFileSync(new URL('../../.github/ISSUE_TEMPLATE/correction.yml', import.meta.url), 'utf8')) as {
    body: { type: string; id?: string; validations?: { required?: boolean } }[];
  };
  const ids = form.body.map((field) => field.id).filter(Boolean);

  it('has a field for every part of the report the link fills, and asks what changed and for the evidence', () => {
    const link = new URL(correctionLink({ kind: 'form', url: 'https://github.com/example/reforms/issues/new?template=correction.yml' }, HOSTILE));
    const filled = [...link.searchParams.keys()].filter((name) => !['template', 'title', 'body'].includes(name));
    expect(filled).toEqual(['commitment', 'page', 'status']);
    expect(ids).toEqual([...filled, 'change', 'evidence']);
    expect(form.body.filter((field) => field.validations?.required).map((field) => field.id)).toEqual(['commitment', 'page', 'change', 'evidence']);
  });
});
