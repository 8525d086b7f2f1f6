// What Pagefind indexes of each page, read from its fragments in the fixture site's output: the
// words of the documents and of what happened to them, not the labels, notices and site links
// that every page of a kind has. Indexed, those matched every page alike: on the real content
// "checked" and "December 2026" (the day of the last check) found all 121 commitments, "licence"
// every extract.
import { describe, expect, inject, it } from 'vitest';
import { readFragments } from '../support/dist.ts';

/** Site text on every page of a kind (commitment, extract, source digest). */
const SITE_TEXT = [
  'Status:',
  'last checked',
  'What happened',
  'What it committed to',
  'Evidence:',
  'Note:',
  'Where in the document',
  'Part of the document',
  'Pillar',
  'Responsible',
  'Also called',
  'see it in the summary',
  'Read the original',
  'original document is not yet confirmed',
  'Speaker or author',
  'Licence',
  'licensed',
  'A partial summary',
  'A complete summary',
  'About this summary',
  'Not yet covered',
  'On this site',
  'Also known as',
  'Sections that carry reform commitments',
  'Each commitment in full',
  'Related sources',
  'Passages quoted verbatim',
];

describe('what the fixture site indexes', () => {
  const site = inject('sites').fixture;
  const fragments = () => {
    if (!site?.ok) throw new Error(`the fixture site did not build:\n${site?.log}`);
    return readFragments(site.outDir);
  };
  const text = (url: string) => {
    const found = fragments().find((f) => f.url === url);
    if (!found) throw new Error(`no page ${url} in the index`);
    return found.content;
  };

  it('indexes commitments, extracts and source digests, and no site text that every page of a kind has', () => {
    const all = fragments();
    expect(all.map((f) => f.url.split('/')[1]).sort()).toEqual(['commitments', 'commitments', 'commitments', 'extracts', 'sources', 'sources', 'sources']);
    const found = all.flatMap((f) => SITE_TEXT.filter((label) => f.content.includes(label)).map((label) => `${f.url}: "${label}"`));
    expect(found).toEqual([]);
  });

  it("keeps a commitment's facts: title, status and its history, text, locator, pillar, owner, aliases, and the labels of facts only some commitments have", () => {
    const commitment = text('/commitments/alpha-staying-close/');
    for (const fact of [
      'Pilot staying close',
      'Delivered',
      'As of March 2019',
      'Pilots ran in three areas and reported in March 2019.',
      // The status's own evidence is searched (src/components/Evidence.astro); a development's is not.
      'Evaluation report, March 2019',
      "March 2019 Evaluated (status: delivered): The pilots' evaluation reported.",
      'Pilot a staying close offer for young people leaving residential care.',
      'Alpha: a first paper (4 July 2016)',
      'Chapter 3, p. 38',
      'Care leavers',
      'Due during 2017',
      'Funding £5m for pilots',
      'Department for Education',
      'staying close',
    ])
      expect(commitment, fact).toContain(fact);
    expect(commitment).not.toContain('Written statement, 4 July 2016');
    expect(commitment).not.toContain('1 December 2026');
  });

  it("keeps an extract's passage and the facts about it, and a digest's prose and the facts about its document", () => {
    const extract = text('/extracts/alpha-foreword/');
    for (const fact of [
      'We will keep caring: 10:30 is not a directive.',
      'Ministerial foreword, p. 3',
      'A Minister, Minister for Children',
      'Pilot staying close',
    ])
      expect(extract, fact).toContain(fact);
    const digest = text('/sources/alpha-2016/');
    for (const fact of [
      'Alpha: a first paper',
      'published 4 July 2016 by Department for Education',
      'Chapter 4 is not yet digested.',
      'Alpha is a paper.',
      'Leads to Beta',
    ])
      expect(digest, fact).toContain(fact);
  });
});
