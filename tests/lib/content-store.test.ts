// The content store hands every caller in a process the same load of a tree, until a file changes.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentOnce } from '../../src/lib/content-store.ts';

const work = mkdtempSync(join(tmpdir(), 'reforms-store-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('loadContentOnce', () => {
  it('returns the same graph while no file changes, and loads the tree again after an edit', () => {
    const content = join(work, 'content');
    cpSync(resolve(import.meta.dirname, '../fixtures/good'), content, { recursive: true });
    const first = loadContentOnce(content);
    expect(first.ok).toBe(true);
    expect(loadContentOnce(content)).toBe(first);

    const file = join(content, 'sources/alpha-2016.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Pilot staying close\n', 'title: Pilot staying close for all\n'));
    const second = loadContentOnce(content);
    expect(second).not.toBe(first);
    expect(second.ok && second.graph.commitment.get('alpha-staying-close')?.title).toBe('Pilot staying close for all');
  });
});
