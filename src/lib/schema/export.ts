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

/** Every data file says how it may be reused: our records are CC BY 4.0, the originals keep their own licences. */
export const DataLicence = z
  .strictObject({
    id: z.literal('CC-BY-4.0'),
    name: Text,
    url: WebUrl,
    attribution: Text.describe('How to credit this data when you reuse it.'),
    note: Text.optional().describe('What in this file the licence does not cover, and which licence does.'),
  })
  .describe('The licence of the records in this file.');

/** The files under /data/, each an object holding its licence and one list, named by the file. */
export const EXPORT_FILES = {
  commitments: z.strictObject({ licence: DataLicence, commitments: z.array(CommitmentExport) }),
  extracts: z.strictObject({ licence: DataLicence, extracts: z.array(ExtractExport) }),
  sources: z.strictObject({ licence: DataLicence, sources: z.array(SourceExport) }),
  pillars: z.strictObject({ licence: DataLicence, pillars: z.array(PillarExport) }),
} as const;

export type ExportName = keyof typeof EXPORT_FILES;
export type DataLicence = z.infer<typeof DataLicence>;
export type CommitmentExport = z.infer<typeof CommitmentExport>;
export type ExtractExport = z.infer<typeof ExtractExport>;
export type SourceExport = z.infer<typeof SourceExport>;
export type PillarExport = z.infer<typeof PillarExport>;

/** The JSON Schema (draft 2020-12) of one data file, generated from the zod schema. */
export function exportJsonSchema(name: ExportName, id?: string): Record<string, unknown> {
  const schema = z.toJSONSchema(EXPORT_FILES[name], { io: 'output' }) as Record<string, unknown>;
  return id ? { $schema: schema.$schema, $id: id, title: `${name}.json`, ...schema } : schema;
}
