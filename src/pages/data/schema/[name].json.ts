// /data/schema/<name>.json: the JSON Schema of each data file, generated from the zod schemas.
import type { APIRoute, GetStaticPaths } from 'astro';
import { EXPORT_FILES, exportJsonSchema, type ExportName } from '../../../lib/schema/export.ts';
import { absolute, urls } from '../../../site/graph.ts';

export const getStaticPaths = (() => Object.keys(EXPORT_FILES).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const name = params.name as ExportName;
  const schema = exportJsonSchema(name, absolute(urls.page(`data/schema/${name}.json`)));
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'content-type': 'application/schema+json' } });
};
