// Runs a build as a child process from clean and measures it: the stage timings scripts/build.ts
// prints, wall-clock total, peak memory (the largest process: GNU time's maximum RSS, and each
// process's own peak, VmHWM, sampled from /proc; the summed RSS of the whole process tree, sampled),
// the CPU time of the whole tree (Pagefind's processes included) in all and per stage, and the
// files it wrote.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
const GNU_TIME = '/usr/bin/time';

export interface RunResult {
  ok: boolean;
  wallMs: number;
  /** Largest single process (GNU time), in bytes; undefined without /usr/bin/time. */
  maxRssBytes?: number;
  /** Largest peak (VmHWM) of any one process of the tree, sampled every 100 ms, in bytes. */
  processPeakBytes: number;
  /** Largest sum over the process tree, sampled every 100 ms, in bytes. */
  treeRssBytes: number;
  /** CPU time (user and system) of every process of the tree, sampled every 100 ms, in ms. */
  cpuMs: number;
  /** The tree's CPU time so far as each stage line (`<stage>: <n> ms`) reached stdout. */
  cpuAtStages: { stage: string; cpuMs: number }[];
  stdout: string;
  stderr: string;
}

/** Clock ticks a second in /proc (USER_HZ: 100 on every Linux the bench runs on). */
const TICKS_PER_SECOND = 100;

/**
 * A process's own CPU time so far (user and system, in clock ticks) from its /proc/<pid>/stat
 * line. Its reaped children's time (cutime, cstime) is left out: every process of the tree is
 * sampled in its own right, and counting both would count a child twice.
 */
export function ticksOf(stat: string): number {
  // The command name, in parentheses, may hold spaces; the fields after it are state, ppid, …
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** The CPU time each stage took: the tree's CPU time between one stage's line and the line before it. */
export function cpuOfStages(marks: readonly { stage: string; cpuMs: number }[], stages: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  let before = 0;
  for (const mark of marks) {
    if (!stages.includes(mark.stage)) continue;
    out[mark.stage] = mark.cpuMs - before;
    before = mark.cpuMs;
  }
  return out;
}

/**
 * The tree's summed RSS now, and the largest peak of any one of its processes so far. The peak is
 * read from the process itself (VmHWM) because GNU time counts a child only once it is reaped:
 * Pagefind's binary, closed as the build ends, can outlive it and go uncounted.
 */
function rssOfTree(pid: number, cpuTicks: Map<number, number>): { total: number; largestPeak: number } {
  let total = 0;
  let largestPeak = 0;
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const stack = [pid];
  while (stack.length) {
    const current = stack.pop()!;
    try {
      cpuTicks.set(current, Math.max(cpuTicks.get(current) ?? 0, ticksOf(readFileSync(`/proc/${current}/stat`, 'utf8'))));
      const status = readFileSync(`/proc/${current}/status`, 'utf8');
      const match = /VmRSS:\s+(\d+) kB/.exec(status);
      if (match) total += Number(match[1]) * 1024;
      const peak = /VmHWM:\s+(\d+) kB/.exec(status);
      if (peak) largestPeak = Math.max(largestPeak, Number(peak[1]) * 1024);
    } catch {
      // ended
    }
    stack.push(...(children.get(current) ?? []));
  }
  return { total, largestPeak };
}

/** Runs `node <args>` (the Node running the bench) with env, measuring time and memory. */
export function runNode(args: string[], env: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<RunResult> {
  const useTime = existsSync(GNU_TIME);
  const command = useTime ? GNU_TIME : process.execPath;
  const argv = useTime ? ['-v', process.execPath, ...args] : args;
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(command, argv, { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let treeRssBytes = 0;
    let processPeakBytes = 0;
    // The last CPU time seen of each process of the tree (a process's tail after its last sample is lost: at most 100 ms each).
    const cpuTicks = new Map<number, number>();
    const cpuMsNow = () => ([...cpuTicks.values()].reduce((a, b) => a + b, 0) * 1000) / TICKS_PER_SECOND;
    const cpuAtStages: { stage: string; cpuMs: number }[] = [];
    const sample = () => {
      if (!child.pid) return;
      const now = rssOfTree(child.pid, cpuTicks);
      treeRssBytes = Math.max(treeRssBytes, now.total);
      processPeakBytes = Math.max(processPeakBytes, now.largestPeak);
    };
    let unread = 0; // where the stage lines not yet looked at begin: a chunk may end mid-line
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const complete = stdout.lastIndexOf('\n') + 1;
      if (complete <= unread) return;
      const stages = [...stdout.slice(unread, complete).matchAll(/^([a-z][a-z ]*): \d+ ms$/gm)];
      unread = complete;
      if (stages.length === 0) return;
      sample();
      for (const match of stages) cpuAtStages.push({ stage: match[1] ?? '', cpuMs: cpuMsNow() });
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const sampler = setInterval(sample, 100);
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('close', (code) => {
      clearInterval(sampler);
      if (timer) clearTimeout(timer);
      const wallMs = performance.now() - started;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      done({
        ok: code === 0,
        wallMs,
        ...(rss ? { maxRssBytes: Number(rss[1]) * 1024 } : {}),
        processPeakBytes,
        treeRssBytes,
        cpuMs: cpuMsNow(),
        cpuAtStages,
        stdout,
        stderr,
      });
    });
  });
}

export interface BuildResult {
  ok: boolean;
  log: string;
  /** Every `<stage>: <n> ms` line scripts/build.ts prints, camel-cased: validate, pages, searchIndex, … */
  stages: { validate?: number; pages?: number; searchIndex?: number; [stage: string]: number | undefined };
  totalMs: number;
  /** The larger of the two measures below. */
  peakRssBytes: number;
  /** Largest single process: GNU time, or a process's own peak (VmHWM) sampled from /proc, whichever is larger. */
  processRssBytes?: number;
  /** Whole process tree (the build and Pagefind's binary), sampled. */
  treeRssBytes: number;
  /** CPU time of the whole tree (the build, its worker threads and Pagefind's processes), in ms. */
  cpuMs: number;
  /** CPU time per top-level stage; validate counts from the process's start (Node and Astro starting). */
  stageCpuMs: { validate?: number; pages?: number; searchIndex?: number };
  indexedPages?: number;
  files: number;
  htmlPages: number;
  bytes: number;
}

export function countFiles(dir: string): { files: number; htmlPages: number; bytes: number } {
  let files = 0;
  let htmlPages = 0;
  let bytes = 0;
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        files++;
        bytes += statSync(full).size;
        if (entry.name.endsWith('.html')) htmlPages++;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { files, htmlPages, bytes };
}

/** The top-level stages' CPU time; "search client" (a few ms) counts towards the pages. */
function stageCpu(marks: readonly { stage: string; cpuMs: number }[]): BuildResult['stageCpuMs'] {
  const cpu = cpuOfStages(marks, ['validate', 'pages', 'search index']);
  return { validate: cpu.validate, pages: cpu.pages, searchIndex: cpu['search index'] };
}

/**
 * Builds `content` into `outDir` with scripts/build.ts, from clean. The output folder must be
 * inside the project: Astro puts its prerender chunks under `<outDir>/.prerender` only then, and
 * otherwise in the shared `.astro/`, where parallel builds on the same machine overwrite each other.
 */
export async function build(content: string, outDir: string, extra: { nodeArgs?: string[]; base?: string } = {}): Promise<BuildResult> {
  rmSync(outDir, { recursive: true, force: true });
  const run = await runNode(
    [...(extra.nodeArgs ?? []), 'scripts/build.ts'],
    { CONTENT_DIR: content, OUT_DIR: outDir, SITE_BASE: extra.base ?? '/' },
    { timeoutMs: 20 * 60_000 },
  );
  const stages: BuildResult['stages'] = {};
  for (const match of run.stdout.matchAll(/^([a-z][a-z ]*): (\d+) ms$/gm)) {
    stages[match[1]!.replace(/ ([a-z])/g, (_, c: string) => c.toUpperCase())] = Number(match[2]);
  }
  const indexed = /^indexed (\d+) pages$/m.exec(run.stdout);
  return {
    ok: run.ok,
    log: `${run.stdout}${run.stderr}`.slice(-4000),
    stages,
    totalMs: run.wallMs,
    peakRssBytes: Math.max(run.maxRssBytes ?? 0, run.treeRssBytes),
    processRssBytes: Math.max(run.maxRssBytes ?? 0, run.processPeakBytes),
    treeRssBytes: run.treeRssBytes,
    cpuMs: run.cpuMs,
    stageCpuMs: stageCpu(run.cpuAtStages),
    ...(indexed ? { indexedPages: Number(indexed[1]) } : {}),
    ...countFiles(outDir),
  };
}
