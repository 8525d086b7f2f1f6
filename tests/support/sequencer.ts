// The order vitest runs the files in, on its two workers. Vitest's own runs one project after
// another (browser, site, unit): the unit files came last, and those that mostly wait (a link check
// waiting out its timeouts, scripts started as child processes) left a core idle for 20 s at the
// end of the run. Taking the projects in turn instead, each in vitest's own order (longest first
// where a run has timed them), lets a file that waits run beside one that keeps Chromium busy.
// A shuffled run (`--sequence.shuffle`) takes the files in an order drawn from the run's seed, which
// vitest prints, so a failing order can be run again (`--sequence.seed`).
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Round robin over the lists, in order, until every list is empty. */
export function inTurn<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; out.length < lists.reduce((n, list) => n + list.length, 0); i++) for (const list of lists) if (i < list.length) out.push(list[i] as T);
  return out;
}

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

export default class ProjectsInTurn extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { shuffle, seed } = this.ctx.config.sequence;
    if (shuffle) return shuffled(files, seed);
    const sorted = await super.sort(files);
    const byProject = new Map<string, TestSpecification[]>();
    for (const file of sorted) byProject.set(file.project.name, [...(byProject.get(file.project.name) ?? []), file]);
    return inTurn([...byProject.values()]);
  }
}
