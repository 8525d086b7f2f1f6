import { z } from 'zod';
import { Id, PartialDate, Text, WebUrl } from './primitives.ts';

export const SOURCE_KINDS = {
  'policy-paper': 'Policy paper',
  strategy: 'Strategy',
  'implementation-strategy': 'Implementation strategy and consultation',
  'independent-review': 'Independent review',
  'government-response': 'Government response',
  'policy-statement': 'Policy statement',
  'written-ministerial-statement': 'Written ministerial statement',
  'oral-statement': 'Oral statement',
  bill: 'Bill',
  act: 'Act of Parliament',
  'statutory-guidance': 'Statutory guidance',
  consultation: 'Consultation',
  report: 'Report',
} as const;

export const SourceKind = z
  .enum(Object.keys(SOURCE_KINDS) as [keyof typeof SOURCE_KINDS, ...(keyof typeof SOURCE_KINDS)[]])
  .describe('What kind of document the source is.');

export const LICENCES = {
  'OGL-3.0': {
    name: 'Open Government Licence v3.0',
    url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  },
  'OPL-1.0': {
    name: 'Open Parliament Licence v3.0',
    url: 'https://www.parliament.uk/site-information/copyright-parliament/open-parliament-licence/',
  },
} as const;

export const Licence = z
  .strictObject({
    id: z.enum(['OGL-3.0', 'OPL-1.0']).describe('OGL-3.0 for Crown copyright, OPL-1.0 for Parliamentary copyright.'),
    attribution: Text.describe(
      'The attribution statement the licence asks for, e.g. "Contains public sector information licensed under the Open Government Licence v3.0."',
    ),
  })
  .describe('The licence the original is published under.');

export const RELATIONS = {
  'responds-to': { label: 'Responds to', inverse: 'Responded to by' },
  implements: { label: 'Implements', inverse: 'Implemented by' },
  supersedes: { label: 'Supersedes', inverse: 'Superseded by' },
  continues: { label: 'Continues', inverse: 'Continued by' },
  'announced-in': { label: 'Announced in', inverse: 'Announces' },
  'builds-on': { label: 'Builds on', inverse: 'Built on by' },
  'published-with': { label: 'Published with', inverse: 'Published with' },
  'leads-to': { label: 'Leads to', inverse: 'Follows from' },
} as const;

export const SourceRelation = z.enum(Object.keys(RELATIONS) as [keyof typeof RELATIONS, ...(keyof typeof RELATIONS)[]]);

export const Person = z.strictObject({
  name: Text,
  role: Text.describe('Office held at the time and part played, e.g. "Secretary of State for Education (foreword)".'),
});

export const FrameworkEntry = z.strictObject({
  id: Id.describe('Unique within its source.'),
  title: Text.describe("The source's own name for the pillar, outcome or chapter."),
  locator: Text.optional().describe('Where it sits in the document, e.g. "Chapter 2, p. 14".'),
  description: Text.optional().describe('One or two sentences in our words.'),
});

export const RelatedSource = z.strictObject({
  source: Id.describe('Id of another source.'),
  relation: SourceRelation.describe('How this source relates to that one, read "this source <relation> that source".'),
  note: Text.optional(),
});

export const Coverage = z.strictObject({
  complete: z.boolean().describe('True only when every commitment of the source is digested.'),
  statement: Text.describe('Shown to readers: what this digest covers, in a sentence or two.'),
  missing: z.array(Text).describe('What is known to be missing; empty only when complete.'),
});

/** Front matter of `content/sources/<id>.md`. */
export const SourceFrontMatter = z
  .strictObject({
    id: Id,
    title: Text.describe('Full title as on the cover.'),
    shortTitle: Text.describe('Short name used in lists and citations.'),
    role: z.enum(['core', 'companion']).describe('core: one of the five reform documents; companion: a document they point to.'),
    kind: SourceKind,
    published: PartialDate.describe('Publication date, as precise as confirmed.'),
    publishers: z.array(Text).min(1),
    people: z.array(Person).default([]).describe('Ministers and authors.'),
    url: WebUrl.optional().describe('Canonical link to the original; left out when not confirmed.'),
    licence: Licence,
    framework: z.array(FrameworkEntry).default([]).describe("The source's own pillars, outcomes or chapters."),
    related: z.array(RelatedSource).default([]),
    coverage: Coverage,
    aliases: z.array(Text).default([]),
  })
  .superRefine((source, ctx) => {
    if (!source.coverage.complete && source.coverage.missing.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['coverage', 'missing'],
        message: 'is empty while coverage.complete is false; expected a list of what is missing',
      });
    }
  });

export type SourceFrontMatter = z.infer<typeof SourceFrontMatter>;
export type FrameworkEntry = z.infer<typeof FrameworkEntry>;
export type SourceKind = z.infer<typeof SourceKind>;
export type SourceRelation = z.infer<typeof SourceRelation>;
