// The one way tests build a site: `node scripts/build.ts` into the caller's own output folder,
// made by `siteFolder` inside the project (Astro's prerender chunks in the output folder import
// packages, which Node finds only by walking up to the project's node_modules: a build into
// /tmp fails). Astro writes inside the project (.astro/, and the dev server node_modules/.vite), so
// starting it takes a lock, shared by builds and held alone by the dev server's test: builds run
// side by side, as the global setup's two test sites always have (a build leaves a core idle
// during Astro's start-up and while Pagefind runs: the two sites took 7.3–9.5 s side by side
// against 10.3–10.9 s one after the other, December 2026, 2 cores, with the same files out),
// but never beside the dev server. Until December 2026 every build took the lock alone, and a
// worker whose file wanted to build waited, idle, for the other worker's build to end.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const LOCK = join(tmpdir(), 'childrens-social-care-reforms-build.lock');
const FOLDERS = join(root, 'node_modules', '.cache', 'test-sites');

/** A new, empty folder of its own for one test build (git ignores node_modules); the caller removes it. */
export function siteFolder(label: string): string {
  mkdirSync(FOLDERS, { recursive: true });
  return mkdtempSync(join(FOLDERS, `${label}-`));
}

export interface BuildRequest {
  /** Content tree, absolute or relative to the repository root. */
  content: string;
  base: string;
  url: string;
  /** Where the site goes; no other build may write there. */
  outDir: string;
  /** More environment for the build, e.g. SITE_CORRECTIONS. */
  env?: Record<string, string>;
}

export interface BuildResult {
  ok: boolean;
  /** The build's output, for the failure message of the test that needed it. */
  log: string;
  ms: number;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const pause = () => new Promise((done) => setTimeout(done, 250));

async function holding<T>(lock: () => Promise<() => void>, work: () => Promise<T> | T): Promise<T> {
  const release = await lock();
  try {
    return await work();
  } finally {
    release();
  }
}

export interface BuildLock {
  /** Runs `work` once no other process or caller holds the lock in any way; meanwhile nothing else starts. */
  alone<T>(work: () => Promise<T> | T): Promise<T>;
  /** Runs `work` beside others sharing the lock, once no one holds it alone. */
  shared<T>(work: () => Promise<T> | T): Promise<T>;
}

/**
 * A lock between processes, in the folder `path`: held alone by making the folder (with the
 * holder's pid in it), shared by a file `<pid>-<n>` in `<path>.shared/`. A holder or sharer that
 * died is let go.
 */
export function makeBuildLock(path: string): BuildLock {
  const sharedDir = `${path}.shared`;
  let shares = 0;

  /** Whether someone alive holds the lock alone; a holder that has made the folder but not yet written its pid is alive. */
  function heldAlone(): boolean {
    if (!existsSync(path)) return false;
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(join(path, 'pid'), 'utf8'));
    } catch {
      return true;
    }
    return !Number.isInteger(holder) || alive(holder);
  }

  function sharers(): string[] {
    let names: string[] = [];
    try {
      names = readdirSync(sharedDir);
    } catch {
      return [];
    }
    return names.filter((name) => {
      if (alive(Number(name.split('-')[0]))) return true;
      rmSync(join(sharedDir, name), { force: true });
      return false;
    });
  }

  async function lockAlone(): Promise<() => void> {
    for (;;) {
      try {
        mkdirSync(path);
        writeFileSync(join(path, 'pid'), String(process.pid));
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (heldAlone()) await pause();
        else rmSync(path, { recursive: true, force: true });
      }
    }
    // Those already sharing finish first; new sharers see the folder and wait.
    while (sharers().length > 0) await pause();
    return () => rmSync(path, { recursive: true, force: true });
  }

  async function lockShared(): Promise<() => void> {
    for (;;) {
      if (!heldAlone()) {
        mkdirSync(sharedDir, { recursive: true });
        const mine = join(sharedDir, `${process.pid}-${shares++}`);
        writeFileSync(mine, '');
        // Written before looking again: whoever takes the lock alone meanwhile sees this file and waits for it.
        if (!heldAlone()) return () => rmSync(mine, { force: true });
        rmSync(mine, { force: true });
      }
      await pause();
    }
  }

  return { alone: (work) => holding(lockAlone, work), shared: (work) => holding(lockShared, work) };
}

const projectLock = makeBuildLock(LOCK);

/**
 * Runs `work` holding the lock alone: for Astro's dev server, which writes the caches a build
 * writes, and must not start beside a build. Not re-entrant: `work` must not build a site.
 */
export function withBuildLock<T>(work: () => Promise<T> | T): Promise<T> {
  return projectLock.alone(work);
}

/** Runs `work` (a build, or Astro started as a build, e.g. one expected to fail) beside other builds, never beside the dev server. */
export function withSharedBuildLock<T>(work: () => Promise<T> | T): Promise<T> {
  return projectLock.shared(work);
}

/**
 * Vitest mirrors import.meta.env into a worker's process.env (BASE_URL, MODE, DEV, PROD, SSR): a
 * build started from a test would take BASE_URL=/ as the site's base instead of SITE_BASE.
 */
const withoutViteEnv = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).filter(([name]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(name)));

/** Builds one site, sharing the build lock. */
export function buildSite(request: BuildRequest, timeoutMs = 300_000): Promise<BuildResult> {
  return withSharedBuildLock(() => spawnBuild(request, timeoutMs));
}

/** Builds several sites side by side; results in the order asked. */
export function buildSites(requests: readonly BuildRequest[], timeoutMs = 300_000): Promise<BuildResult[]> {
  return withSharedBuildLock(() => Promise.all(requests.map((request) => spawnBuild(request, timeoutMs))));
}

function spawnBuild(request: BuildRequest, timeoutMs: number): Promise<BuildResult> {
  const started = performance.now();
  return new Promise<BuildResult>((done) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], {
      cwd: root,
      env: {
        ...withoutViteEnv(process.env),
        CONTENT_DIR: resolve(root, request.content),
        SITE_BASE: request.base,
        SITE_URL: request.url,
        OUT_DIR: request.outDir,
        ASTRO_TELEMETRY_DISABLED: '1',
        ...request.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    const timer = setTimeout(() => {
      log += `\nthe build took longer than ${timeoutMs / 1000} s and was stopped`;
      child.kill('SIGKILL');
    }, timeoutMs);
    const finish = (ok: boolean, extra = '') => {
      clearTimeout(timer);
      done({ ok, log: log + extra, ms: Math.round(performance.now() - started) });
    };
    child.on('error', (error) => finish(false, `\n${String(error)}`));
    child.on('close', (code) => finish(code === 0));
  });
}
