import { z } from 'zod';
import { CommitmentFields } from './commitment.ts';
import { ExtractFields } from './extract.ts';
import { Id, Text, WebUrl } from './primitives.ts';
import { Pillar } from './pillar.ts';
import { SourceFrontMatter } from './source.ts';

// The open-data records under /data/: each extends the content schema it comes from, so a field
// added to content appears here (and in the generated JSON Schemas) without being written twice.

const Permalink = WebUrl.describe('The permanent absolute URL of this record on the site; it never changes.');

export const CommitmentExport = CommitmentFields.extend({
  id: Id,
  source: Id.describe('Id of the source that makes the commitment (see sources.json).'),
  text: Text.describe('The commitment in our own words, as plain text; paragraphs separated by a blank line.'),
  permalink: Permalink,
});

export const ExtractExport = ExtractFields.extend({
  id: Id,
  source: Id.describe('Id of the source the passage is taken from (see sources.json).'),
  blocks: z.array(Text).min(1).describe('The verbatim passage as plain text, one item per paragraph or list item.'),
  permalink: Permalink,
});

export const SourceExport = SourceFrontMatter.safeExtend({
  description: z.string().describe('Opening paragraph of our summary, as plain text.'),
  commitments: z.array(Id).describe('Ids of the commitments digested from this source, in document order.'),
  extracts: z.array(Id).describe('Ids of the extracts taken from this source, in document order.'),
  permalink: Permalink,
});

export const PillarExport = Pillar.extend({
  commitments: z.array(Id).describe('Ids of the commitments tagged with this pillar.'),
  permalink: Permalink,
});

/** The files under /data/, each an object holding one list, named by the file. */
export const EXPORT_FILES = {
  commitments: z.strictObject({ commitments: z.array(CommitmentExport) }),
  extracts: z.strictObject({ extracts: z.array(ExtractExport) }),
  sources: z.strictObject({ sources: z.array(SourceExport) }),
  pillars: z.strictObject({ pillars: z.array(PillarExport) }),
} as const;

export type ExportName = keyof typeof EXPORT_FILES;
export type CommitmentExport = z.infer<typeof CommitmentExport>;
export type ExtractExport = z.infer<typeof ExtractExport>;
export type SourceExport = z.infer<typeof SourceExport>;
export type PillarExport = z.infer<typeof PillarExport>;

/** The JSON Schema (draft 2020-12) of one data file, generated from the zod schema. */
export function exportJsonSchema(name: ExportName, id?: string): Record<string, unknown> {
  const schema = z.toJSONSchema(EXPORT_FILES[name], { io: 'output' }) as Record<string, unknown>;
  return id ? { $schema: schema.$schema, $id: id, title: `${name}.json`, ...schema } : schema;
}
