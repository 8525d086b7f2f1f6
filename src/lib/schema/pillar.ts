import { z } from 'zod';
import { Aliases, Id, Text } from './primitives.ts';

export const PillarMapping = z.strictObject({
  source: Id.describe('Id of a source.'),
  entries: z.array(Id).min(1).describe("Ids of that source's framework entries that fall under this pillar."),
});

export const Pillar = z.strictObject({
  id: Id,
  title: Text,
  description: Text.describe('One paragraph in our words.'),
  aliases: Aliases.default([]),
  maps: z.array(PillarMapping).default([]).describe("Which of each source's own framework entries map to this pillar."),
  related: z
    .array(Id)
    .default([])
    .describe("Ids of other documents on this pillar's theme with no framework entry mapped to it, e.g. the kinship strategy on kinship."),
});

/** `content/pillars.yml`: the one cross-source taxonomy. */
export const PillarsFile = z.strictObject({
  pillars: z.array(Pillar).min(1),
});

export type Pillar = z.infer<typeof Pillar>;
