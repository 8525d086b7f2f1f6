import { z } from 'zod';
import { Aliases, Id, PartialDate, Text, WebUrl } from './primitives.ts';

export const LINEAGE_RELATIONS = {
  continues: { label: 'Continues', inverse: 'Continued by' },
  'responds-to': { label: 'Responds to', inverse: 'Responded to by' },
  supersedes: { label: 'Supersedes', inverse: 'Superseded by' },
  'superseded-by': { label: 'Superseded by', inverse: 'Supersedes' },
  implements: { label: 'Implements', inverse: 'Implemented by' },
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

export const STATUSES = {
  delivered: 'Delivered',
  'partly-delivered': 'Partly delivered',
  'in-progress': 'In progress',
  dropped: 'Dropped',
  superseded: 'Superseded',
  'not-known': 'Not known',
} as const;

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

export const Status = z
  .strictObject({
    value: z
      .enum(Object.keys(STATUSES) as [keyof typeof STATUSES, ...(keyof typeof STATUSES)[]])
      .describe('What happened. `not-known` is the honest answer when no later evidence was found.'),
    asOf: PartialDate.describe('The date the status describes; the summary tells nothing later than this.'),
    summary: Text.describe('What happened up to `asOf`, in our words. For `not-known`: what was looked for and not found.'),
    evidence: z
      .array(
        z.strictObject({
          citation: Text.describe('Who said it, where, when.'),
          url: WebUrl.optional(),
        }),
      )
      .default([])
      .describe('Where the status comes from: at least one citation for every value except `not-known`.'),
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
  locator: Text.describe('Chapter, section, page, paragraph or recommendation number in the source.'),
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
  aliases: Aliases.default([]),
  note: Text.optional().describe('Uncertainty or a caution for readers.'),
  previousIds: z.array(Id).default([]).describe('Ids this commitment was once published under; each gets a redirect.'),
});

export type CommitmentFields = z.infer<typeof CommitmentFields>;
export type LineageRelation = z.infer<typeof LineageRelation>;
