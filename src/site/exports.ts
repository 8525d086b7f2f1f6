// The open-data records, derived from the graph. Pure: the endpoints under src/pages/data/ serialise these.
import type { Graph } from '../lib/graph.ts';
import type { CommitmentExport, ExtractExport, PillarExport, SourceExport } from '../lib/schema/export.ts';
import type { Urls } from './urls.ts';

export interface ExportContext {
  urls: Urls;
  absolute: (path: string) => string;
}

export function commitmentRecords(graph: Graph, { urls, absolute }: ExportContext): CommitmentExport[] {
  return graph.commitments.map(({ file: _file, line: _line, body: _body, id, source, ...record }) => ({ id, source, ...record, permalink: absolute(urls.commitment(id)) }));
}

export function extractRecords(graph: Graph, { urls, absolute }: ExportContext): ExtractExport[] {
  return graph.extracts.map(({ file: _file, line: _line, body: _body, id, source, ...record }) => ({ id, source, ...record, permalink: absolute(urls.extract(id)) }));
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

/** The columns of commitments.csv: one row per commitment, lists joined with "; ". */
export const CSV_COLUMNS = [
  'id', 'title', 'source', 'locator', 'sourcePillar', 'pillars', 'recommendation', 'due', 'dueLabel',
  'owners', 'funding', 'status', 'statusAsOf', 'responseStance', 'text', 'permalink',
] as const;

export function commitmentRows(records: readonly CommitmentExport[]): string[][] {
  return records.map((c) => [
    c.id, c.title, c.source, c.locator, c.sourcePillar, c.pillars.join('; '), c.recommendation?.toString() ?? '',
    c.due ?? '', c.dueLabel ?? '', c.owners.join('; '),
    c.funding.map((f) => [f.amount, f.purpose, f.period].filter(Boolean).join(', ')).join('; '),
    c.status?.value ?? '', c.status?.asOf ?? '', c.response?.stance ?? '', c.text, c.permalink,
  ]);
}
