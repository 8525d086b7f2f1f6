// The search files written after the pages: the instant index's manifest (search/instant.json)
// and its hashed parts (word shards, page blocks, vocabulary buckets: src/site/search-instant.ts),
// built from the graph, never from the full-text index's private files.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Graph } from '../lib/graph.ts';
import { instantFile } from './search-instant.ts';
import { SEARCH_FILES } from './search-rules.ts';

/** Writes the instant index's files under `outDir`; returns how many files and vocabulary words. */
export async function writeSearchFiles(graph: Graph, outDir: string): Promise<{ files: number; words: number }> {
  const { json, files, manifest } = instantFile(graph);
  const all = new Map([[SEARCH_FILES.instant as string, json], ...files]);
  await Promise.all([...new Set([...all.keys()].map((path) => dirname(resolve(outDir, path))))].map((dir) => mkdir(dir, { recursive: true })));
  await Promise.all([...all].map(([path, text]) => writeFile(resolve(outDir, path), text)));
  const words = [...files]
    .filter(([path]) => manifest.vocabulary.some(([, , file]) => file === path))
    .reduce((n, [, text]) => n + Object.keys(JSON.parse(text).targets).length, 0);
  return { files: all.size, words };
}
