// A large tree's digests are parsed on worker threads (src/lib/parse-parallel.ts). What comes back
// must be exactly what parsing on this thread gives, problems and places included, or the build
// would check and render other content than `npm run validate` and the suites do.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ContentFile, type LoadResult, loadContent, loadContentParallel, readContentTree } from '../../src/lib/load.ts';
import { parseDigest } from '../../src/lib/parse-digest.ts';
import { parseDigests, shares } from '../../src/lib/parse-parallel.ts';
import { formatProblem } from '../../src/lib/problems.ts';

const fixtures = resolve(import.meta.dirname, '../fixtures');
const work = mkdtempSync(join(tmpdir(), 'reforms-parallel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every digest of the good fixture, the one with many problems and each error fixture. */
const everyDigest: ContentFile[] = [
  join(fixtures, 'good'),
  join(fixtures, 'many-problems'),
  ...readdirSync(join(fixtures, 'errors')).map((name) => join(fixtures, 'errors', name)),
].flatMap((root) => readContentTree(root).sources);

const file = (path: string, chars: number): ContentFile => ({ path, text: 'x'.repeat(chars) });

describe('shares', () => {
  it('splits the files in order into runs of about equal text, every file once', () => {
    const files = [10, 30, 20, 40, 50, 50].map((chars, index) => file(`f${index}.md`, chars));
    const runs = shares(files, 2);
    expect(runs.flat()).toEqual(files);
    expect(runs.map((run) => run.reduce((sum, { text }) => sum + text.length, 0))).toEqual([100, 100]);
    expect(shares(files, 3).map((run) => run.map(({ path }) => path))).toEqual([['f0.md', 'f1.md', 'f2.md', 'f3.md'], ['f4.md'], ['f5.md']]);
  });

  it('makes no more runs than files, and none empty', () => {
    const files = [file('a.md', 5), file('b.md', 500)];
    expect(shares(files, 4).map((run) => run.map(({ path }) => path))).toEqual([['a.md', 'b.md']]);
    expect(shares([file('a.md', 500), file('b.md', 5)], 4).map((run) => run.map(({ path }) => path))).toEqual([['a.md'], ['b.md']]);
    expect(shares([], 2)).toEqual([]);
  });
});

describe('parseDigests', () => {
  it(`gives, from worker threads, exactly the digests parsed here (${everyDigest.length} fixture digests, good and bad)`, async () => {
    expect(everyDigest.length).toBeGreaterThan(70);
    const here = everyDigest.map(({ path, text }) => parseDigest(path, text));
    for (const threads of [2, 3]) {
      const parallel = await parseDigests(everyDigest, { threads, fromChars: 0 });
      expect(parallel).toStrictEqual(here);
    }
  });

  it('parses a tree below the threshold on this thread alone', async () => {
    const digests = await parseDigests(everyDigest, { threads: 2, fromChars: Number.POSITIVE_INFINITY });
    expect(digests).toStrictEqual(everyDigest.map(({ path, text }) => parseDigest(path, text)));
  });
});

describe('loadContentParallel', () => {
  // Two copies under different paths, so that neither load reuses the other's parse (src/lib/load.ts
  // keeps the last parse of each path); what each reports then differs only in that path.
  const copy = (name: string, as: string) => {
    cpSync(join(fixtures, name), join(work, as), { recursive: true });
    return join(work, as);
  };
  const samePaths = (value: unknown, as: string) =>
    JSON.stringify(value, (_key, item: unknown) => (item instanceof Map ? [...item] : item)).replaceAll(`${as}/`, 'copy/');

  it('reports every problem of a bad tree as a load on one thread does, at the same places', async () => {
    const two = await loadContentParallel(copy('many-problems', 'two'), { cwd: work, threads: 2, fromChars: 0 });
    const one = loadContent(copy('many-problems', 'one'), { cwd: work });
    expect(one.ok).toBe(false);
    const problems = (result: LoadResult) => (result.ok ? ['(no problems)'] : result.problems.map(formatProblem));
    expect(problems(two).filter((problem) => problem.startsWith('two/sources/')).length).toBeGreaterThan(10);
    expect(samePaths(problems(two), 'two')).toBe(samePaths(problems(one), 'one'));
  });

  it('builds the same graph from a good tree', async () => {
    const two = await loadContentParallel(copy('good', 'good-two'), { cwd: work, threads: 2, fromChars: 0 });
    const one = loadContent(copy('good', 'good-one'), { cwd: work });
    expect(two.ok).toBe(true);
    expect(samePaths(two, 'good-two')).toBe(samePaths(one, 'good-one'));
  });
});
