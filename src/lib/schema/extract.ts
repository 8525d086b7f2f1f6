import { z } from 'zod';
import { Locator, LocatorNote } from './locator.ts';
import { Id, Text } from './primitives.ts';

/** The YAML block at the top of an `:::extract` directive; the verbatim passage follows it. */
export const ExtractFields = z.strictObject({
  title: Text.describe('A short label for the passage, in our words, e.g. "The three pillars of reform".'),
  locator: Locator.describe(
    'Where the passage stands in the source, as a citation gives it, e.g. "Ministerial foreword, pp. 3–4"; "Not known" when no copy says.',
  ),
  locatorNote: LocatorNote,
  speaker: Text.optional().describe('Who wrote or said it, e.g. "Edward Timpson, Minister for Children and Families".'),
  commitments: z.array(Id).default([]).describe('Commitments this passage speaks to.'),
  previousIds: z.array(Id).default([]),
});

export type ExtractFields = z.infer<typeof ExtractFields>;
