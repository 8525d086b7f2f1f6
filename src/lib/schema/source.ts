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

/**
 * What the address in a source's `url` is, and so how the site can link into it: one registry for
 * the schema, the README's content model and the links (src/site/fragments.ts).
 * - `text`: a text fragment (`#:~:text=start,end`) opens the page at a passage;
 * - `page`: `#page=N` opens the file at the page a locator names;
 * - `none`: the address is linked as it is.
 */
export const ORIGINAL_KINDS = {
  'landing-page': {
    label: 'page about the document',
    deepLink: 'none',
    description: 'A page that lists the document and its files (a GOV.UK publication or consultation page, legislation.gov.uk contents): linked as it is.',
  },
  html: {
    label: 'web page',
    deepLink: 'text',
    description: "The document's own text as one web page (a GOV.UK HTML version): extracts link to their passage with a text fragment.",
  },
  pdf: {
    label: 'PDF',
    deepLink: 'page',
    description: 'The document as a PDF file (its address ends in .pdf): extracts and commitments whose locator names a page link to that page.',
  },
  hansard: {
    label: 'Hansard',
    deepLink: 'text',
    description: "Parliament's own record of the statement or debate (on parliament.uk): extracts link to their passage with a text fragment.",
  },
} as const;

export type OriginalKind = keyof typeof ORIGINAL_KINDS;

export const OriginalKindSchema = z
  .enum(Object.keys(ORIGINAL_KINDS) as [OriginalKind, ...OriginalKind[]])
  .describe(`What the address in \`url\` is: ${Object.keys(ORIGINAL_KINDS).join(', ')}. Left out, it is a landing-page.`);

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

/** Why an address cannot be of the kind given, or undefined when it can. */
export function originalKindProblem(url: string, kind: OriginalKind): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // `url` reports its own problem
  }
  if (kind === 'pdf' && !/\.pdf$/i.test(parsed.pathname))
    return `is "pdf" but ${url} does not end in .pdf; expected the PDF file's own address, or urlKind: landing-page`;
  if (kind === 'hansard' && !/(^|\.)parliament\.uk$/i.test(parsed.hostname))
    return `is "hansard" but ${url} is not on parliament.uk; expected a hansard.parliament.uk or questions-statements.parliament.uk address`;
  if (kind === 'html' && /\.pdf$/i.test(parsed.pathname)) return `is "html" but ${url} is a PDF; expected urlKind: pdf`;
  return undefined;
}

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
    authors: z
      .array(Text)
      .min(1)
      .optional()
      .describe(
        'The authors as the document names them, for citations, surname first: ["Narey, M."]. Left out when the publisher is the author, as for most government papers.',
      ),
    url: WebUrl.optional().describe('Canonical link to the original; left out when not confirmed.'),
    urlKind: OriginalKindSchema.optional(),
    urlConfirmedBy: Text.optional().describe(
      'Where the address was seen: the official page or search result that shows it, e.g. "Parliamentary answer PQ 55519, 5 December 2016".',
    ),
    licence: Licence,
    framework: z.array(FrameworkEntry).default([]).describe("The source's own pillars, outcomes or chapters."),
    related: z.array(RelatedSource).default([]),
    coverage: Coverage,
    aliases: z.array(Text).default([]),
  })
  .superRefine((source, ctx) => {
    if (!source.url && (source.urlKind || source.urlConfirmedBy)) {
      ctx.addIssue({
        code: 'custom',
        path: [source.urlKind ? 'urlKind' : 'urlConfirmedBy'],
        message: 'says something of an address the source does not give; expected a url beside it, or neither',
      });
    }
    if (source.url && source.urlKind) {
      const problem = originalKindProblem(source.url, source.urlKind);
      if (problem) ctx.addIssue({ code: 'custom', path: ['urlKind'], message: problem });
      // The site links into an original only where a page has shown its address.
      else if (ORIGINAL_KINDS[source.urlKind].deepLink !== 'none' && !source.urlConfirmedBy)
        ctx.addIssue({
          code: 'custom',
          path: ['urlKind'],
          message: `is "${source.urlKind}", which the site links into, but urlConfirmedBy is missing; expected where the address was seen (an official page or a search result that shows it)`,
        });
    }
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
