import { z } from 'zod';
import { Text } from './primitives.ts';

/**
 * One group of interchangeable practitioner terms, e.g. "kinship care" and "family and friends
 * care". Search treats every term of a group as a synonym of the others: a commitment whose
 * title, aliases or text uses one term is also found by the others.
 */
export const GlossaryGroup = z.strictObject({
  terms: z
    .array(Text)
    .min(2)
    .describe('Two or more words or phrases practitioners use for the same thing, most common first, e.g. [kinship care, family and friends care].'),
  note: Text.optional().describe('Why these count as the same thing, or where the usage differs (shown to editors only).'),
});

/** `content/glossary.yml`: the synonyms search expands. Optional; a tree without it has none. */
export const GlossaryFile = z.strictObject({
  groups: z.array(GlossaryGroup).min(1).describe('The groups of interchangeable terms.'),
});

export type GlossaryGroup = z.infer<typeof GlossaryGroup>;
