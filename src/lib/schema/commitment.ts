import { z } from 'zod';
import { Aliases, Id, PartialDate, Text, WebUrl } from './primitives.ts';

export const LINEAGE_RELATIONS = {
  continues: { label: 'Continues', inverse: 'Continued by' },
  'responds-to': { label: 'Responds to', inverse: 'Responded to by' },
  supersedes: { label: 'Supersedes', inverse: 'Superseded by' },
  'superseded-by': { label: 'Superseded by', inverse: 'Supersedes' },
  implements: { label: 'Implements', inverse: 'Implemented by' },
} as const;

export const LineageRelation = z.enum(
  Object.keys(LINEAGE_RELATIONS) as [keyof typeof LINEAGE_RELATIONS, ...(keyof typeof LINEAGE_RELATIONS)[]],
);

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

export const Status = z.strictObject({
  value: z.enum(Object.keys(STATUSES) as [keyof typeof STATUSES, ...(keyof typeof STATUSES)[]]),
  asOf: PartialDate.describe('When the evidence shows this status.'),
  summary: Text.describe('What happened, in our words.'),
  evidence: z
    .array(
      z.strictObject({
        citation: Text.describe('Who said it, where, when.'),
        url: WebUrl.optional(),
      }),
    )
    .min(1, { message: 'is empty; a status needs at least one evidence citation' }),
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
  status: Status.optional().describe('Only with evidence.'),
  aliases: Aliases.default([]),
  note: Text.optional().describe('Uncertainty or a caution for readers.'),
  previousIds: z.array(Id).default([]).describe('Ids this commitment was once published under; each gets a redirect.'),
});

export type CommitmentFields = z.infer<typeof CommitmentFields>;
export type LineageRelation = z.infer<typeof LineageRelation>;
