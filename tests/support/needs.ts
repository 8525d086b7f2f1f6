// What some suites need from the machine (Chromium, the original documents beside the project),
// and what happens when it is missing: under CI the run fails with one line naming it; elsewhere
// the suite is skipped with one visible line saying what to install or which folder to point at.
// Never a silent skip: a newcomer's green run must not hide the tests it did not run.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** CI=true (GitHub Actions, GitLab and most others set it); CI=false or CI=0 is not CI. */
export const inCI = (env: NodeJS.ProcessEnv = process.env) => !!env.CI && !['0', 'false'].includes(env.CI.toLowerCase());

export interface Need {
  /** What is missing, e.g. `Chromium (/usr/bin/chromium)`. */
  what: string;
  /** Which tests go without it. */
  forWhat: string;
  /** What to do about it, e.g. `install it: apt-get install chromium`. */
  fix: string;
}

/** The one line that names a missing need. */
export const missingLine = (need: Need, ci = inCI()) =>
  `${ci ? 'FAILED' : 'SKIPPED'}: ${need.forWhat} — ${need.what} is missing; ${need.fix}${ci ? ' (CI=true: nothing may be skipped)' : ''}`;

/**
 * Inside a test file: returns whether `present`; when not, registers one test that fails under CI
 * with the line, or else prints the line and registers it as a skipped test.
 */
export function need(present: boolean, needed: Need): boolean {
  if (present) return true;
  const line = missingLine(needed);
  if (inCI()) {
    it(line, () => {
      throw new Error(line);
    });
  } else {
    console.warn(line);
    it.skip(line, () => undefined);
  }
  return false;
}

/** A folder of reference texts: `env` names it, else the default beside the project. */
export function referenceFolder(env: 'SEEDS_DIR' | 'QUOTES_DIR', fallback: string): { dir: string; present: boolean } {
  const dir = resolve(root, process.env[env] || fallback);
  return { dir, present: existsSync(dir) };
}
