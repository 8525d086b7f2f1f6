// /data/commitments.csv: one row per commitment, the same records as commitments.json.
import type { APIRoute } from 'astro';
import { commitmentRecords } from '../../site/exports.ts';
import { commitmentsCsv } from '../../site/csv.ts';
import { absolute, graph, urls } from '../../site/graph.ts';

export const GET: APIRoute = () =>
  new Response(commitmentsCsv(commitmentRecords(graph, { urls, absolute })), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
