import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Place } from './problems.ts';

export interface YamlSyntaxError extends Place {
  message: string;
}

export interface ParsedYaml {
  value: unknown;
  errors: YamlSyntaxError[];
  /** Where the value at `path` stands in the file; falls back to the nearest ancestor that exists. */
  placeOf(path: readonly PropertyKey[]): Place;
  /** Where the key `key` of the mapping at `path` stands (for unknown-field problems). */
  placeOfKey(path: readonly PropertyKey[], key: string): Place;
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

  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    let node: unknown = doc.contents;
    let found: Node | undefined = doc.contents ?? undefined;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
        node = pair?.value;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
      } else {
        break;
      }
      if (node && typeof node === 'object' && 'range' in node && (node as Node).range) found = node as Node;
      else break;
    }
    return found;
  };

  return {
    value,
    errors,
    placeOf(path) {
      const node = nodeAt(path);
      return toPlace(node?.range?.[0] ?? 0);
    },
    placeOfKey(path, key) {
      const node = nodeAt(path);
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key);
        if (pair && isScalar(pair.key) && pair.key.range) return toPlace(pair.key.range[0]);
      }
      return toPlace(node?.range?.[0] ?? 0);
    },
  };
}
