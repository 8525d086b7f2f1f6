// Where a field of the content stands in its file, for the maintenance commands (review,
// check-links): the graph keeps each commitment's file and block line, not the line of every
// field, so the digests are parsed again and each block's YAML answers `placeOf(path)`. Pure:
// takes the content tree the loader read, returns a lookup.
import type { ContentTree } from '../lib/load.ts';
import { parseDigest } from '../lib/parse-digest.ts';
import type { Place } from '../lib/problems.ts';
import { type ParsedYaml, placeOf, placeOfKey } from '../lib/yaml.ts';

/** A place in a content file. */
export interface FilePlace extends Place {
  file: string;
}

export interface ContentPlaces {
  /** Where a commitment's field stands, e.g. `['status', 'evidence', 0, 'url']`; the block's line when the field is absent. */
  commitment(id: string, path: readonly PropertyKey[]): FilePlace | undefined;
  /** Where the key `key` of the mapping at `path` stands in a commitment's block: `([], 'status')` is the `status:` line. */
  commitmentKey(id: string, path: readonly PropertyKey[], key: string): FilePlace | undefined;
  /** Where a source's front-matter field stands, e.g. `['url']`. */
  source(id: string, path: readonly PropertyKey[]): FilePlace | undefined;
}

/** Parses every digest of `tree` once and answers where its fields stand. */
export function contentPlaces(tree: ContentTree): ContentPlaces {
  const commitments = new Map<string, { file: string; yaml: ParsedYaml }>();
  const sources = new Map<string, { file: string; yaml: ParsedYaml }>();
  for (const file of tree.sources) {
    const digest = parseDigest(file.path, file.text);
    if (digest.source) sources.set(digest.source.data.id, { file: file.path, yaml: digest.source.yaml });
    for (const block of digest.commitments) commitments.set(block.id, { file: file.path, yaml: block.yaml });
  }
  const at = (entry: { file: string; yaml: ParsedYaml } | undefined, path: readonly PropertyKey[]): FilePlace | undefined =>
    entry ? { file: entry.file, ...placeOf(entry.yaml, path) } : undefined;
  return {
    commitment: (id, path) => at(commitments.get(id), path),
    commitmentKey: (id, path, key) => {
      const entry = commitments.get(id);
      return entry ? { file: entry.file, ...placeOfKey(entry.yaml, path, key) } : undefined;
    },
    source: (id, path) => at(sources.get(id), path),
  };
}

/** `file:line:col`, as `npm run validate` names a place. */
export const formatPlace = (place: FilePlace): string => `${place.file}:${place.line}:${place.column}`;
