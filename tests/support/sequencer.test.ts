// The order of a shuffled run's files (./sequencer.ts): each project's files shuffled from the seed,
// the projects kept one after another.
import { describe, expect, it } from 'vitest';
import { shuffled, shuffledWithin } from './sequencer.ts';

const files = Array.from({ length: 30 }, (_, i) => `file-${i}`);

describe('shuffled', () => {
  it('gives every item once, in the same order for the same seed and another for another seed', () => {
    const once = shuffled(files, 1234);
    expect([...once].sort()).toEqual([...files].sort());
    expect(shuffled(files, 1234)).toEqual(once);
    expect(once).not.toEqual(files);
    expect(shuffled(files, 1235)).not.toEqual(once);
  });
});

describe('shuffledWithin', () => {
  it('keeps the groups in the order they first appear and shuffles the items of each', () => {
    const specs = [...files.map((f) => `browser/${f}`), ...files.map((f) => `unit/${f}`)];
    const order = shuffledWithin(specs, (spec) => spec.split('/')[0] ?? '', 99);
    expect(order.slice(0, 30).every((spec) => spec.startsWith('browser/'))).toBe(true);
    expect(order.slice(30).every((spec) => spec.startsWith('unit/'))).toBe(true);
    expect([...order].sort()).toEqual([...specs].sort());
    expect(order.slice(0, 30)).not.toEqual(specs.slice(0, 30));
    expect(order.slice(30)).not.toEqual(specs.slice(30));
  });
});
