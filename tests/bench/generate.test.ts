// The bench's content generator: seeded, so a run can be repeated; and what it writes is content
// the site accepts. (The bench itself is not a test: timings are reported, never asserted.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTree, realContentCorpus, writeTree } from '../../bench/generate.ts';
import { makeQueries } from '../../bench/search/queries.ts';
import { loadContent } from '../../src/lib/load.ts';
import { formatProblem } from '../../src/lib/problems.ts';

describe('the bench content generator', () => {
  const corpus = realContentCorpus();

  it('writes the same tree, byte for byte, from the same seed', () => {
    const a = generateTree({ commitments: 200, seed: 42, corpus });
    const b = generateTree({ commitments: 200, seed: 42, corpus });
    expect([...a.files.keys()]).toEqual([...b.files.keys()]);
    for (const [path, text] of a.files) expect(b.files.get(path), path).toBe(text);
  });

  it('writes a different tree from another seed', () => {
    const a = generateTree({ commitments: 200, seed: 1, corpus });
    const b = generateTree({ commitments: 200, seed: 2, corpus });
    expect([...a.files.values()].join('')).not.toBe([...b.files.values()].join(''));
  });

  it('writes a tree of 200 commitments, with extracts and lineage, that validates', () => {
    const tree = generateTree({ commitments: 200, seed: 1, corpus });
    const dir = mkdtempSync(join(tmpdir(), 'bench-generate-'));
    try {
      writeTree(tree, dir);
      const loaded = loadContent(dir);
      expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([]);
      if (!loaded.ok) return;
      expect(loaded.graph.commitments).toHaveLength(200);
      expect(loaded.graph.extracts.length).toBeGreaterThan(0);
      expect(loaded.graph.lineageFrom.size).toBeGreaterThan(0);
      expect(new Set(loaded.graph.commitments.map((c) => c.source)).size).toBeGreaterThan(1);
      expect(tree.counts).toMatchObject({ commitments: 200, extracts: loaded.graph.extracts.length });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses to write into the real content folder', () => {
    const tree = generateTree({ commitments: 200, seed: 1, corpus });
    expect(() => writeTree(tree, join(import.meta.dirname, '../../content'))).toThrow(/content/);
  });

  it('makes one-letter typos of distinctive title words, the same for the same seed', () => {
    const { commitments } = generateTree({ commitments: 200, seed: 1, corpus });
    const a = makeQueries(commitments, 20, 3);
    expect(makeQueries(commitments, 20, 3)).toEqual(a);
    for (const q of a.typo) {
      expect(q.query).toContain(q.typo!);
      expect(Math.abs(q.word!.length - q.typo!.length)).toBeLessThanOrEqual(1);
      expect(q.typo!.toLowerCase()).not.toBe(q.word!.toLowerCase());
    }
  });
});
