import { z } from 'zod';
import { Locator, LocatorNote } from './locator.ts';
import { Aliases, FullDate, Id, PartialDate, Text, WebUrl } from './primitives.ts';
import { STATUS_VALUES } from './statuses.ts';

export const LINEAGE_RELATIONS = {
  continues: { label: 'Continues', inverse: 'Continued by' },
  'responds-to': { label: 'Responds to', inverse: 'Responded to by' },
  supersedes: { label: 'Supersedes', inverse: 'Superseded by' },
  'superseded-by': { label: 'Superseded by', inverse: 'Supersedes' },
  implements: { label: 'Implements', inverse: 'Implemented by' },
  /** The same commitment repeated in another document: it must carry the same status value as the one it restates. */
  restates: { label: 'Restates', inverse: 'Restated in' },
} as const;

export const LineageRelation = z.enum(Object.keys(LINEAGE_RELATIONS) as [keyof typeof LINEAGE_RELATIONS, ...(keyof typeof LINEAGE_RELATIONS)[]]);

export const LineageLink = z.strictObject({
  relation: LineageRelation.describe('Read "this commitment <relation> that one".'),
  commitment: Id.describe('Id of a commitment in another source.'),
  note: Text.optional().describe('What changed between the two, in our words.'),
});

export const Funding = z.strictObject({
  amount: Text.describe('Exactly as the source states it, e.g. "£45m" or "up to £200 million".'),
  purpose: Text.describe('What the money is for.'),
  period: Text.optional().describe('The period the source gives, e.g. "over two years".'),
});

export { STATUSES } from './statuses.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * The dates a status summary names, as partial ISO dates: "29 April 2026" → "2026-04-29",
 * "April 2026" → "2026-04", "2026-04-29" → itself. Bare years and financial years ("2025-26") are left out: a summary may
 * rightly name a target year ("due by 2027") that lies after its `asOf`.
 */
export function datesNamedIn(text: string): string[] {
  const found: string[] = [];
  const named = /\b(?:(\d{1,2})\s+)?(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b/gi;
  for (const match of text.matchAll(named)) {
    const month = String(MONTHS.indexOf((match[2] ?? '').toLowerCase()) + 1).padStart(2, '0');
    found.push(match[1] ? `${match[3]}-${month}-${match[1].padStart(2, '0')}` : `${match[3]}-${month}`);
  }
  // Only full ISO dates: "2025-26" is a financial year, not a month.
  for (const match of text.matchAll(/\b(\d{4}-\d{2}-\d{2})\b/g)) found.push(match[1] ?? '');
  return found;
}

/** True when `date` lies after `asOf`, each as precise as given: "2026-04" is after "2026-03-31", not after "2026-04". */
export function isAfter(date: string, asOf: string): boolean {
  const common = Math.min(date.length, asOf.length);
  return date.slice(0, common) > asOf.slice(0, common);
}

export const Evidence = z.strictObject({
  citation: Text.describe('Who said it, where, when.'),
  url: WebUrl.optional(),
});

/**
 * What can happen to a commitment, each with the words a reader sees: `label` names the event in a
 * list ("Became law"), and is the opening of its feed entry's title ("Became law: Staying Close").
 */
export const DEVELOPMENT_KINDS = {
  announced: { label: 'Announced' },
  consulted: { label: 'Consulted on' },
  funded: { label: 'Funded' },
  piloted: { label: 'Piloted' },
  published: { label: 'Published' },
  legislated: { label: 'Became law' },
  commenced: { label: 'Came into force' },
  evaluated: { label: 'Evaluated' },
  extended: { label: 'Extended' },
  reviewed: { label: 'Reviewed' },
  delayed: { label: 'Delayed' },
  dropped: { label: 'Dropped' },
  superseded: { label: 'Superseded' },
  delivered: { label: 'Delivered' },
} as const;

export type DevelopmentKind = keyof typeof DEVELOPMENT_KINDS;

const StatusValue = z.enum(STATUS_VALUES).describe('What happened. `not-known` is the honest answer when no later evidence was found.');

export const Development = z.strictObject({
  date: PartialDate.describe('When it happened, as precise as the evidence gives it.'),
  kind: z.enum(Object.keys(DEVELOPMENT_KINDS) as [DevelopmentKind, ...DevelopmentKind[]]).describe('What sort of event it was: see DEVELOPMENT_KINDS.'),
  summary: Text.describe('What happened, in one or two sentences of our own words.'),
  status: StatusValue.optional().describe("The status this event moved the commitment to, where it changed the status's value."),
  evidence: z
    .array(Evidence, { error: (issue) => (issue.input === undefined ? 'expected at least one evidence citation for the development' : undefined) })
    .min(1, { message: 'is empty; expected at least one evidence citation for the development' }),
});

/** Dates compare as far as both are given: "2026-04" is neither before nor after "2026-04-29". */
function isBefore(date: string, other: string): boolean {
  return isAfter(other, date);
}

export const Status = z
  .strictObject({
    value: StatusValue,
    asOf: PartialDate.describe('The date of the newest fact the status reflects; the summary tells nothing later than this.'),
    checked: FullDate.describe('The day an author last looked for news of this commitment (YYYY-MM-DD), whether or not anything was found.'),
    summary: Text.describe('Where things stand at `asOf`, in our words. For `not-known`: what was looked for and not found.'),
    evidence: z.array(Evidence).default([]).describe('Where the status comes from: at least one citation for every value except `not-known`.'),
    developments: z.array(Development).default([]).describe('The dated events that brought the commitment to its status, oldest first.'),
  })
  .superRefine((status, context) => {
    if (status.value !== 'not-known' && status.evidence.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['evidence'],
        message: `is empty; a status of "${status.value}" needs at least one evidence citation (only "not-known" may have none)`,
      });
    }
    const later = datesNamedIn(status.summary).filter((date) => isAfter(date, status.asOf));
    if (later.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['summary'],
        message: `names ${later.join(', ')}, later than asOf "${status.asOf}"; expected a summary of what happened up to asOf (move asOf forward, or leave the later events out)`,
      });
    }
    if (status.checked && isBefore(status.checked, status.asOf)) {
      context.addIssue({
        code: 'custom',
        path: ['checked'],
        message: `is "${status.checked}", earlier than asOf "${status.asOf}"; expected the day someone last looked, on or after the newest fact the status reflects`,
      });
    }
    status.developments.forEach((development, index) => {
      if (status.checked && isAfter(development.date, status.checked)) {
        context.addIssue({
          code: 'custom',
          path: ['developments', index, 'date'],
          message: `is "${development.date}", after checked "${status.checked}"; expected a development that had happened when the status was checked`,
        });
      } else if (isAfter(development.date, status.asOf)) {
        context.addIssue({
          code: 'custom',
          path: ['developments', index, 'date'],
          message: `is "${development.date}", after asOf "${status.asOf}"; expected asOf to reach the newest development (move asOf forward to "${development.date}")`,
        });
      }
      const previous = status.developments[index - 1];
      if (previous && isBefore(development.date, previous.date)) {
        context.addIssue({
          code: 'custom',
          path: ['developments', index, 'date'],
          message: `is "${development.date}", before the development above it ("${previous.date}"); expected developments oldest first`,
        });
      }
    });
    const lastChange = status.developments.findLast((development) => development.status !== undefined);
    if (lastChange && lastChange.status !== status.value) {
      const index = status.developments.lastIndexOf(lastChange);
      context.addIssue({
        code: 'custom',
        path: ['developments', index, 'status'],
        message: `is "${lastChange.status}", but the status's value is "${status.value}"; expected the newest development that changes the status to match its value`,
      });
    }
  });

/**
 * Whether a section of an Act is in force, as legislation.gov.uk shows that section. Labels read
 * after "In law: <Act>, s.N; ".
 */
export const IN_FORCE = {
  'in-force': 'in force',
  'partly-in-force': 'partly in force',
  'not-yet-in-force': 'not yet in force',
  'not-known': 'commencement not known',
} as const;

export const Legislation = z
  .strictObject({
    act: Id.describe('Id of the source entry for the Act (a source of kind "act").'),
    section: z
      .string()
      .regex(/^\d+[A-Z]*(?:\(\d+\))?$/, { message: 'is not a section number; expected e.g. "7", "16" or "30ZE" as legislation.gov.uk numbers it' })
      .optional()
      .describe("The Act's section that carries the commitment, as confirmed on legislation.gov.uk; leave out when it is not confirmed."),
    url: WebUrl.optional().describe("The section's own page on legislation.gov.uk."),
    inForce: z
      .enum(Object.keys(IN_FORCE) as [keyof typeof IN_FORCE, ...(keyof typeof IN_FORCE)[]])
      .describe("Whether the section is in force, as that section's own status shows; `not-known` when it was not seen."),
    note: Text.optional().describe('What the section does for the commitment, or why the section is not confirmed, in our words.'),
    evidence: z.array(Evidence).default([]).describe('Where the section and its commencement were seen: needed unless `inForce` is `not-known`.'),
  })
  .superRefine((law, context) => {
    if (law.section && !law.url) {
      context.addIssue({ code: 'custom', path: ['url'], message: 'is missing; a confirmed section needs its legislation.gov.uk address' });
    }
    if (law.url && !/^https:\/\/www\.legislation\.gov\.uk\//.test(law.url)) {
      context.addIssue({ code: 'custom', path: ['url'], message: `is "${law.url}"; expected an address on https://www.legislation.gov.uk/` });
    }
    if (!law.section && law.inForce !== 'not-known') {
      context.addIssue({
        code: 'custom',
        path: ['inForce'],
        message: `is "${law.inForce}" for an unconfirmed section; expected "not-known" (a section's commencement is known only from that section's own status)`,
      });
    }
    if (law.inForce !== 'not-known' && law.evidence.length === 0) {
      context.addIssue({ code: 'custom', path: ['evidence'], message: `is empty; "${law.inForce}" needs the section's own status as evidence` });
    }
    if (!law.section && !law.note) {
      context.addIssue({ code: 'custom', path: ['note'], message: 'is missing; an unconfirmed section needs a note saying what is known and what is not' });
    }
  });

export const RESPONSE_STANCES = {
  accepted: 'Accepted',
  'accepted-in-principle': 'Accepted in principle',
  'partly-accepted': 'Partly accepted',
  'under-consideration': 'Under consideration',
  'not-accepted': 'Not accepted',
  'acted-on': 'Acted on immediately',
} as const;

export const Response = z.strictObject({
  stance: z.enum(Object.keys(RESPONSE_STANCES) as [keyof typeof RESPONSE_STANCES, ...(keyof typeof RESPONSE_STANCES)[]]),
  summary: Text.describe("The government's answer, in our words."),
  locator: Text.describe('Where the answer is given, e.g. "Government response, December 2016".'),
});

/** The YAML block at the top of a `:::commitment` directive. */
export const CommitmentFields = z.strictObject({
  title: Text.describe('A short name, in our words; what a practitioner would search for.'),
  locator: Locator.describe(
    'Chapter, section, page, paragraph or recommendation number in the source, as a citation gives it; "Not known" when not identified.',
  ),
  locatorNote: LocatorNote,
  sourcePillar: Id.describe("Id of an entry in the source's own framework."),
  pillars: z.array(Id).min(1, { message: 'is empty; expected at least one cross-source pillar id' }),
  recommendation: z.number().int().positive().optional().describe('Recommendation number, for reviews that number them.'),
  due: PartialDate.optional().describe('When it is due, as precise as the source gives it.'),
  dueLabel: Text.optional().describe('How the source words the timing, e.g. "by 2020".'),
  funding: z.array(Funding).default([]),
  owners: z.array(Text).default([]).describe('Bodies responsible, as the source names them.'),
  lineage: z.array(LineageLink).default([]),
  response: Response.optional().describe("For a review's recommendation: the government's answer."),
  status: Status.describe('What happened to it, as of a date, with evidence: every commitment carries one.'),
  legislation: z.array(Legislation).default([]).describe('The Act sections that carry it into law.'),
  aliases: Aliases.default([]),
  note: Text.optional().describe('Uncertainty or a caution for readers.'),
  previousIds: z.array(Id).default([]).describe('Ids this commitment was once published under; each gets a redirect.'),
});

export type CommitmentFields = z.infer<typeof CommitmentFields>;
export type LineageRelation = z.infer<typeof LineageRelation>;
export type Development = z.infer<typeof Development>;
export type Legislation = z.infer<typeof Legislation>;
