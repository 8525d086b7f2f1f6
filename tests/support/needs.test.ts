// What a suite says when the machine lacks something it needs (tests/support/needs.ts): under CI
// the run must fail on one line naming it; elsewhere one line says what to install or point at.
import { describe, expect, it } from 'vitest';
import { inCI, missingLine } from './needs.ts';

describe('inCI', () => {
  it.each([
    [{ CI: 'true' }, true],
    [{ CI: '1' }, true],
    [{ CI: 'TRUE' }, true],
    [{ CI: 'false' }, false],
    [{ CI: '0' }, false],
    [{ CI: '' }, false],
    [{}, false],
  ])('%j is %s', (env, expected) => {
    expect(inCI(env)).toBe(expected);
  });
});

describe('missingLine', () => {
  const need = { what: 'the stored verbatim passages (/x/quotes)', forWhat: 'the verbatim check', fix: 'point QUOTES_DIR at the folder of quotes' };

  it('names what is missing, what goes without it and the fix, on one line, as a skip outside CI', () => {
    expect(missingLine(need, false)).toBe(
      'SKIPPED: the verbatim check — the stored verbatim passages (/x/quotes) is missing; point QUOTES_DIR at the folder of quotes',
    );
  });

  it('says the run fails under CI, still on one line', () => {
    const line = missingLine(need, true);
    expect(line).toBe(
      'FAILED: the verbatim check — the stored verbatim passages (/x/quotes) is missing; point QUOTES_DIR at the folder of quotes (CI=true: nothing may be skipped)',
    );
    expect(line).not.toContain('\n');
  });
});
