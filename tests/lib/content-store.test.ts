// The content store hands every caller in a process the same load of a tree, until a file changes.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentOnce } from '../../src/lib/content-store.ts';
import { type ContentTree, type LoadResult, loadTree, readContentTree } from '../../src/lib/load.ts';
import { formatProblem } from '../../src/lib/problems.ts';

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

// loadTree parses again only the digests whose text changed since its last load (src/lib/load.ts):
// whatever the order of loads, each result must be the one a first load of that tree gives.
describe('loadTree after an edit to one file', () => {
  const original = readContentTree(resolve(import.meta.dirname, '../fixtures/good'));
  // Paths of this test's own, so no other load in the process has parsed them.
  const own = (tree: ContentTree): ContentTree => ({
    ...tree,
    sources: tree.sources.map((file) => ({ ...file, path: file.path.replace('sources/', 'sources-edit-test/') })),
  });
  const withAlpha = (edit: (text: string) => string): ContentTree =>
    own({ ...original, sources: original.sources.map((file) => (file.path.endsWith('alpha-2016.md') ? { ...file, text: edit(file.text) } : file)) });
  const title = (result: LoadResult) => (result.ok ? result.graph.commitment.get('alpha-staying-close')?.title : undefined);

  it('gives the edited, the broken and the restored tree each their own result, as a first load of each would', () => {
    const good = withAlpha((text) => text);
    const retitled = withAlpha((text) => text.replace('title: Pilot staying close\n', 'title: Pilot staying close for all\n'));
    const broken = withAlpha((text) => text.replace('published: "2016-07-04"', 'published: "2016-02-31"'));

    const first = loadTree(good);
    expect(title(first)).toBe('Pilot staying close');
    expect(title(loadTree(retitled))).toBe('Pilot staying close for all');
    const problems = loadTree(broken);
    expect(problems.ok ? [] : problems.problems.map(formatProblem)).toEqual([
      'tests/fixtures/good/sources-edit-test/alpha-2016.md:7:12  source "alpha-2016": published — is not a real date; expected YYYY, YYYY-MM or YYYY-MM-DD (quoted), e.g. "2016-07-04"',
    ]);
    const again = loadTree(good);
    expect(title(again)).toBe('Pilot staying close');
    expect(again).toEqual(first);
  });
});
