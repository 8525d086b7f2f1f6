// /data/commitments.json, extracts.json, sources.json, pillars.json: the open data, checked against
// the export schemas before it is written, so a file never disagrees with its published JSON Schema.
import type { APIRoute, GetStaticPaths } from 'astro';
import { EXPORT_FILES, type ExportName } from '../../lib/schema/export.ts';
import { commitmentRecords, dataLicence, extractRecords, pillarRecords, sourceRecords } from '../../site/exports.ts';
import { absolute, graph, urls } from '../../site/graph.ts';

const context = { urls, absolute };
const RECORDS: Record<ExportName, () => unknown[]> = {
  commitments: () => commitmentRecords(graph, context),
  extracts: () => extractRecords(graph, context),
  sources: () => sourceRecords(graph, context),
  pillars: () => pillarRecords(graph, context),
};

export const getStaticPaths = (() => Object.keys(EXPORT_FILES).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const name = params.name as ExportName;
  const data = EXPORT_FILES[name].parse({ licence: dataLicence(name, context), [name]: RECORDS[name]() });
  return new Response(`${JSON.stringify(data, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
