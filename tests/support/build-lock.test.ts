// The lock test builds take before starting Astro (tests/support/build-site.ts): builds share it
// and run side by side; the dev server's test holds it alone, after the builds already running and
// before any that start meanwhile; a holder that died is let go. Each test has its own lock
// folder, so the suite's real builds are not held up.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeBuildLock } from './build-site.ts';

const work = mkdtempSync(join(tmpdir(), 'reforms-build-lock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const freshLock = () => {
  const path = join(work, `lock-${n++}`);
  return { path, lock: makeBuildLock(path) };
};

/** A promise with its resolver, to hold a holder inside the lock until the test lets it go. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((done) => {
    open = done;
  });
  return { opened, open };
}

/** A pid no process has (Linux's pids stay below 2^22). */
const DEAD_PID = 2 ** 22 + 1;

describe('the build lock', () => {
  it('lets builds share it: a second starts while the first is still running', async () => {
    const { lock } = freshLock();
    const first = gate();
    const events: string[] = [];
    const a = lock.shared(async () => {
      events.push('a in');
      await first.opened;
      events.push('a out');
    });
    const b = lock.shared(() => {
      events.push('b in');
      first.open();
    });
    await Promise.all([a, b]);
    expect(events).toEqual(['a in', 'b in', 'a out']);
  });

  it('is held alone only after the builds already running end, and builds asking meanwhile wait for it', async () => {
    const { lock } = freshLock();
    const build = gate();
    const events: string[] = [];
    const first = lock.shared(async () => {
      events.push('build in');
      await build.opened;
      events.push('build out');
    });
    await new Promise((done) => setTimeout(done, 50));
    const dev = lock.alone(async () => {
      events.push('dev in');
      await new Promise((done) => setTimeout(done, 600));
      events.push('dev out');
    });
    await new Promise((done) => setTimeout(done, 400));
    const later = lock.shared(() => {
      events.push('later build in');
    });
    await new Promise((done) => setTimeout(done, 400));
    expect(events, 'the dev server waits for the running build').toEqual(['build in']);
    build.open();
    await Promise.all([first, dev, later]);
    expect(events).toEqual(['build in', 'build out', 'dev in', 'dev out', 'later build in']);
  });

  it('lets go of a holder or a sharer whose process died', async () => {
    const { path, lock } = freshLock();
    mkdirSync(path);
    writeFileSync(join(path, 'pid'), String(DEAD_PID));
    expect(await lock.shared(() => 'shared past a dead holder')).toBe('shared past a dead holder');
    mkdirSync(`${path}.shared`, { recursive: true });
    writeFileSync(join(`${path}.shared`, `${DEAD_PID}-0`), '');
    expect(await lock.alone(() => 'alone past a dead sharer')).toBe('alone past a dead sharer');
  });
});
