// The file order of a run (./sequencer.ts): the projects in turn, and a shuffle that follows the seed.
import { describe, expect, it } from 'vitest';
import { inTurn, shuffled } from './sequencer.ts';

describe('inTurn', () => {
  it('takes one from each list in turn, keeping each list’s order, until all are used', () => {
    expect(inTurn([['b1', 'b2', 'b3'], ['u1'], ['s1', 's2']])).toEqual(['b1', 'u1', 's1', 'b2', 's2', 'b3']);
    expect(inTurn([[], ['u1', 'u2']])).toEqual(['u1', 'u2']);
    expect(inTurn<string>([])).toEqual([]);
  });
});

describe('shuffled', () => {
  const files = Array.from({ length: 30 }, (_, i) => `file-${i}`);

  it('gives every file once, in the same order for the same seed and another for another seed', () => {
    const once = shuffled(files, 1234);
    expect([...once].sort()).toEqual([...files].sort());
    expect(shuffled(files, 1234)).toEqual(once);
    expect(once).not.toEqual(files);
    expect(shuffled(files, 1235)).not.toEqual(once);
  });
});
