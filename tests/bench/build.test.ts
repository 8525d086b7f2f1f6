// The bench's CPU accounting: what it reads from /proc, and how it shares the time among stages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cpuOfStages, ticksOf } from '../../bench/build.ts';

describe('the bench build measure: CPU time', () => {
  it("reads a process's own user and system ticks from its stat line, not its children's", () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime …
    const line = '4242 (node  (worker) x) R 1 4242 4242 0 -1 4194304 900 0 0 0 1234 56 7000 800 20 0 11 0 100 0';
    expect(ticksOf(line)).toBe(1290);
  });

  it('reads this process as having used some CPU', () => {
    expect(ticksOf(readFileSync('/proc/self/stat', 'utf8'))).toBeGreaterThan(0);
  });

  it('gives each stage the time since the stage line before it, leaving nested stages out', () => {
    const marks = [
      { stage: 'validate', cpuMs: 20_000 },
      { stage: 'search client', cpuMs: 20_050 },
      { stage: 'pages', cpuMs: 55_000 },
      { stage: 'pagefind reading', cpuMs: 70_000 },
      { stage: 'search index', cpuMs: 95_000 },
    ];
    expect(cpuOfStages(marks, ['validate', 'pages', 'search index'])).toEqual({ validate: 20_000, pages: 35_000, 'search index': 40_000 });
  });
});
