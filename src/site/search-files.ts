// The search files written after the pages: the typo-correction vocabulary (search/vocabulary.json),
// built from the graph, never from the full-text index's private files. The search page fetches it
// only when a query word is unknown to the instant index.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Graph } from '../lib/graph.ts';
import { SEARCH_FILES } from './search-rules.ts';
import { searchVocabulary } from './search.ts';

/** Writes `search/vocabulary.json` under `outDir`; returns how many words it holds. */
export async function writeSearchFiles(graph: Graph, outDir: string): Promise<{ words: number }> {
  const vocabulary = searchVocabulary(graph);
  const file = resolve(outDir, SEARCH_FILES.vocabulary);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(vocabulary));
  return { words: Object.keys(vocabulary.targets).length };
}
