// /data/commitments.csv: one row per commitment, the same records as commitments.json.
import type { APIRoute } from 'astro';
import { CSV_COLUMNS, commitmentRecords, commitmentRows } from '../../site/exports.ts';
import { toCsv } from '../../site/csv.ts';
import { absolute, graph, urls } from '../../site/graph.ts';

export const GET: APIRoute = () => {
  const rows = commitmentRows(commitmentRecords(graph, { urls, absolute }));
  return new Response(toCsv([[...CSV_COLUMNS], ...rows]), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
