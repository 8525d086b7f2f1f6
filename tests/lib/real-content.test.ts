// The real content/ must always validate: this is `npm run validate` as a test.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load.ts';
import { formatProblem } from '../../src/lib/problems.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('content/', () => {
  const result = loadContent(path.join(repoRoot, 'content'), { cwd: repoRoot });

  it('validates, with every problem listed as file:line:col', () => {
    const problems = result.ok ? [] : result.problems.map(formatProblem);
    expect(problems, `content/ has ${problems.length} problem(s):\n${problems.join('\n')}`).toEqual([]);
  });

  it('has sources, commitments and the pillars', () => {
    if (!result.ok) return expect.fail('content/ does not validate (see the test above)');
    expect(result.graph.sources.length).toBeGreaterThan(0);
    expect(result.graph.pillars.length).toBeGreaterThan(0);
    expect(result.graph.commitments.every((c) => c.text.trim().length > 0)).toBe(true);
  });
});
