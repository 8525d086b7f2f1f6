// The order of the files in a shuffled run (`npx vitest run --sequence.shuffle`). Vitest's own
// shuffle mixes the three projects, and a worker that takes a file of another project is a new
// process that loads its modules again: three shuffled runs used 498, 411 and 472 s of CPU against
// about 400 for a run in order. Here a shuffled run keeps the projects one after another, as an
// ordered run does, and shuffles the files within each, from the run's seed (vitest prints it; pass
// it back with --sequence.seed to run the same order again). What the shuffle is for is kept: the
// files that share a worker's module graph (`isolate: false`) are those of one project, and they
// meet in any order. Tests within a file are shuffled by vitest as before.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The list in an order drawn from `seed` (mulberry32, then Fisher–Yates). */
export function shuffled<T>(list: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Each group's items shuffled among themselves, the groups kept in the order they first appear. */
export function shuffledWithin<T>(list: readonly T[], group: (item: T) => string, seed: number): T[] {
  const groups = new Map<string, T[]>();
  for (const item of list) groups.set(group(item), [...(groups.get(group(item)) ?? []), item]);
  return [...groups.values()].flatMap((items, i) => shuffled(items, seed + i));
}

export default class ShuffleWithinProjects extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const { shuffle, seed } = this.ctx.config.sequence;
    return shuffle ? shuffledWithin(sorted, (file) => file.project.name, seed) : sorted;
  }
}
