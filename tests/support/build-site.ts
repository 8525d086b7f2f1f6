// The one way tests build a site: `node scripts/build.ts` into the caller's own output folder,
// made by `siteFolder` inside the project (Astro's prerender chunks in the output folder import
// packages, which Node finds only by walking up to the project's node_modules: a build into
// /tmp fails). Builds take a lock first, so that nothing else starting Astro in the project (its
// dev server, another test's build) runs meanwhile: Astro writes inside the project (.astro/, and
// the dev server node_modules/.vite). The global setup's test sites are built side by side under
// one hold of the lock (`buildSites`): a build leaves a core idle during Astro's start-up and
// while Pagefind runs, so the two sites took 7.3–9.5 s side by side against 10.3–10.9 s one after
// the other (December 2026, 2 cores), with the same files out.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Waits until this process holds the build lock; a lock left by a process that died is taken over. */
async function lock(): Promise<() => void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = Number.NaN;
      try {
        holder = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
      } catch {
        // The holder has made the folder but not yet written its pid: it is alive.
      }
      if (Number.isInteger(holder) && !alive(holder)) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((done) => setTimeout(done, 250));
    }
  }
}

/**
 * Runs `work` while holding the build lock: for anything else that starts Astro in the project
 * (its dev server, a build expected to fail), which writes the same caches a build does. The
 * lock is not re-entrant: `work` must not call buildSite, which would wait for itself.
 */
export async function withBuildLock<T>(work: () => Promise<T> | T): Promise<T> {
  const release = await lock();
  try {
    return await work();
  } finally {
    release();
  }
}

/**
 * Vitest mirrors import.meta.env into a worker's process.env (BASE_URL, MODE, DEV, PROD, SSR): a
 * build started from a test would take BASE_URL=/ as the site's base instead of SITE_BASE.
 */
const withoutViteEnv = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).filter(([name]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(name)));

/** Builds one site, holding the build lock. */
export function buildSite(request: BuildRequest, timeoutMs = 300_000): Promise<BuildResult> {
  return withBuildLock(() => spawnBuild(request, timeoutMs));
}

/** Builds several sites side by side, holding the build lock once for all of them; results in the order asked. */
export function buildSites(requests: readonly BuildRequest[], timeoutMs = 300_000): Promise<BuildResult[]> {
  return withBuildLock(() => Promise.all(requests.map((request) => spawnBuild(request, timeoutMs))));
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
