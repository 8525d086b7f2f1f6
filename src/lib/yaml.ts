import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Place } from './problems.ts';

export interface YamlSyntaxError extends Place {
  message: string;
}

/**
 * Where each node of a YAML document stands: the document's own tree reduced to places. Plain
 * data, so that a digest parsed on another thread arrives whole (src/lib/parse-parallel.ts).
 */
export interface YamlPlaces {
  at: Place;
  /** A mapping's entries by key (the first of each), with where the key and its value stand. */
  map?: Map<string, { key?: Place; value?: YamlPlaces }>;
  /** A sequence's items (undefined where an item has no place of its own). */
  seq?: (YamlPlaces | undefined)[];
}

export interface ParsedYaml {
  value: unknown;
  errors: YamlSyntaxError[];
  /** Undefined for an empty document. */
  places: YamlPlaces | undefined;
  /** Where the document starts, the place of anything that cannot be found. */
  start: Place;
}

/**
 * Parses YAML 1.2 (core schema) so that `no` stays a string and bare dates stay strings: the zod
 * schemas, not the YAML parser, decide what a value means. Positions are reported relative to the
 * file by adding `firstLine - 1` to every line and `firstColumn - 1` to every column.
 */
export function parseYaml(text: string, firstLine = 1, firstColumn = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, {
    lineCounter,
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });

  const toPlace = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: line + firstLine - 1, column: line === 1 ? col + firstColumn - 1 : col };
  };

  const errors: YamlSyntaxError[] = [...doc.errors, ...doc.warnings].map((error) => ({
    ...toPlace(error.pos[0]),
    message: error.message.split('\n')[0] ?? error.message,
  }));

  let value: unknown = null;
  if (doc.errors.length === 0) {
    try {
      // A tight alias budget keeps a "billion laughs" document from hanging the build.
      value = doc.toJS({ maxAliasCount: 50 });
    } catch (error) {
      errors.push({ ...toPlace(0), message: error instanceof Error ? error.message : String(error) });
    }
  }

  const hasPlace = (node: unknown): node is Node => !!node && typeof node === 'object' && 'range' in node && !!(node as Node).range;
  const placesOf = (node: Node): YamlPlaces => {
    const places: YamlPlaces = { at: toPlace(node.range?.[0] ?? 0) };
    if (isMap(node)) {
      places.map = new Map();
      for (const item of node.items) {
        if (!isPair(item) || !isScalar(item.key)) continue;
        const key = String(item.key.value);
        if (places.map.has(key)) continue;
        places.map.set(key, {
          ...(item.key.range ? { key: toPlace(item.key.range[0]) } : {}),
          ...(hasPlace(item.value) ? { value: placesOf(item.value) } : {}),
        });
      }
    } else if (isSeq(node)) {
      places.seq = node.items.map((item) => (hasPlace(item) ? placesOf(item) : undefined));
    }
    return places;
  };

  return { value, errors, places: hasPlace(doc.contents) ? placesOf(doc.contents) : undefined, start: toPlace(0) };
}

/** The places of the value at `path`, or of its nearest ancestor that has one. */
function nearest(yaml: ParsedYaml, path: readonly PropertyKey[]): YamlPlaces | undefined {
  let found = yaml.places;
  for (const key of path) {
    let next: YamlPlaces | undefined;
    if (found?.map) next = found.map.get(String(key))?.value;
    else if (found?.seq && typeof key === 'number') next = found.seq[key];
    if (!next) break;
    found = next;
  }
  return found;
}

/** Where the value at `path` stands in the file; falls back to the nearest ancestor that exists. */
export function placeOf(yaml: ParsedYaml, path: readonly PropertyKey[]): Place {
  return nearest(yaml, path)?.at ?? yaml.start;
}

/** Where the key `key` of the mapping at `path` stands (for unknown-field problems). */
export function placeOfKey(yaml: ParsedYaml, path: readonly PropertyKey[], key: string): Place {
  const node = nearest(yaml, path);
  return node?.map?.get(key)?.key ?? node?.at ?? yaml.start;
}
