// The open-data records, derived from the graph. Pure: the endpoints under src/pages/data/ serialise these.
import type { Graph } from '../lib/graph.ts';
import type { CommitmentExport, DataLicence, ExportName, ExtractExport, PillarExport, SourceExport } from '../lib/schema/export.ts';
import { SITE_NAME } from './cite.ts';
import type { Urls } from './urls.ts';

export interface ExportContext {
  urls: Urls;
  absolute: (path: string) => string;
}

export function commitmentRecords(graph: Graph, { urls, absolute }: ExportContext): CommitmentExport[] {
  return graph.commitments.map(({ file: _file, line: _line, body: _body, id, source, ...record }) => ({
    id,
    source,
    ...record,
    permalink: absolute(urls.commitment(id)),
  }));
}

export function extractRecords(graph: Graph, { urls, absolute }: ExportContext): ExtractExport[] {
  return graph.extracts.map(({ file: _file, line: _line, body: _body, id, source, ...record }) => ({
    id,
    source,
    ...record,
    permalink: absolute(urls.extract(id)),
  }));
}

export function sourceRecords(graph: Graph, { urls, absolute }: ExportContext): SourceExport[] {
  return graph.sources.map(({ file: _file, prose: _prose, id, ...record }) => ({ id, ...record, permalink: absolute(urls.source(id)) }));
}

export function pillarRecords(graph: Graph, { urls, absolute }: ExportContext): PillarExport[] {
  return graph.pillars.map(({ id, ...pillar }) => ({
    id,
    ...pillar,
    commitments: (graph.commitmentsByPillar.get(id) ?? []).map((c) => c.id),
    permalink: absolute(urls.pillar(id)),
  }));
}

/**
 * The columns of commitments.csv: one row per commitment, lists joined with "; ". A development
 * is its date and kind ("2026-04-29 legislated"), an Act section its Act, section and whether it
 * is in force; the summaries and evidence are in commitments.json.
 */
export const CSV_COLUMNS = [
  'id',
  'title',
  'source',
  'locator',
  'sourcePillar',
  'pillars',
  'recommendation',
  'due',
  'dueLabel',
  'owners',
  'funding',
  'status',
  'statusAsOf',
  'statusChecked',
  'developments',
  'legislation',
  'responseStance',
  'text',
  'permalink',
] as const;

export function commitmentRows(records: readonly CommitmentExport[]): string[][] {
  return records.map((c) => [
    c.id,
    c.title,
    c.source,
    c.locator,
    c.sourcePillar,
    c.pillars.join('; '),
    c.recommendation?.toString() ?? '',
    c.due ?? '',
    c.dueLabel ?? '',
    c.owners.join('; '),
    c.funding.map((f) => [f.amount, f.purpose, f.period].filter(Boolean).join(', ')).join('; '),
    c.status.value,
    c.status.asOf,
    c.status.checked,
    c.status.developments.map((d) => `${d.date} ${d.kind}`).join('; '),
    c.legislation.map((law) => `${law.act}${law.section ? ` s.${law.section}` : ''} (${law.inForce})`).join('; '),
    c.response?.stance ?? '',
    c.text,
    c.permalink,
  ]);
}

/** Our own summaries and the open data: one licence, named in the footer, on /data/ and in every data file. */
export const OWN_LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

// Verbatim passages and the originals' own metadata stay under the Crown or Parliamentary licence of their source.
const NOT_COVERED: Partial<Record<ExportName, string>> = {
  extracts:
    'The passages in `blocks` are quoted verbatim from the original documents and stay under the licence named in their source record in sources.json (Open Government Licence v3.0 or Open Parliament Licence v3.0), with its attribution; the rest of each record is ours.',
  sources: "Each record's own `licence` field names the licence of the original document and the attribution to use when quoting it.",
};

export function dataLicence(name: ExportName, { urls, absolute }: ExportContext): DataLicence {
  const note = NOT_COVERED[name];
  return {
    ...OWN_LICENCE,
    attribution: `${SITE_NAME}, ${absolute(urls.page('data/'))}, licensed under CC BY 4.0.`,
    ...(note ? { note } : {}),
  };
}
