// `npm run dev` as an author uses it: Astro's dev server on a copy of the content. Editing a
// commitment's title is served within seconds; a content problem shows in the browser and the
// terminal with its file:line:col — in the terminal once, with nothing else about it — the server
// keeps running, and fixing the file recovers.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { withBuildLock } from '../support/build-site.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'reforms-dev-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });

let server: ChildProcess | undefined;
let terminal = '';

/** Polls `check` until it returns a value, for at most `ms`; fails with what was last seen, or at once if the server stopped. */
async function waitFor<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error(`the dev server stopped while waiting for ${what}:\n${terminal}`);
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((next) => setTimeout(next, 100));
  }
  const cause = last instanceof Error && last.cause ? ` ${String(last.cause)}` : '';
  throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last: ${String(last)}${cause})` : ''}\n${terminal}`);
}

const page = async (url: string) => {
  const response = await fetch(url, { headers: { accept: 'text/html' } });
  return { status: response.status, text: await response.text() };
};

describe('npm run dev', () => {
  // Astro's dev server writes the caches a build writes, in the project: not while a test site builds.
  it(
    'serves an edited title, shows a content problem without stopping, and recovers when it is fixed',
    () =>
      withBuildLock(async () => {
        const content = join(work, 'content');
        cpSync(join(repoRoot, 'tests/fixtures/good'), content, { recursive: true });
        const file = join(content, 'sources/alpha-2016.md');
        const original = readFileSync(file, 'utf8');
        const port = await freePort();
        const url = `http://127.0.0.1:${port}/commitments/alpha-staying-close/`;
        try {
          server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
            cwd: repoRoot,
            // Without vitest's own variables (VITEST, NODE_ENV=test), which change how Astro and Vite run.
            env: {
              ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV')),
              CONTENT_DIR: content,
              ASTRO_TELEMETRY_DISABLED: '1',
            },
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: true,
          });
          server.stdout?.on('data', (chunk) => (terminal += chunk));
          server.stderr?.on('data', (chunk) => (terminal += chunk));

          await waitFor('the first page', 60_000, async () => {
            const { status, text } = await page(url);
            return status === 200 && text.includes('<title>Pilot staying close –') ? true : undefined;
          });

          writeFileSync(file, original.replace('title: Pilot staying close\n', 'title: Pilot staying close for every care leaver\n'));
          const edited = Date.now();
          await waitFor('the new title', 10_000, async () =>
            (await page(url)).text.includes('<title>Pilot staying close for every care leaver –') ? true : undefined,
          );
          // Reported, not asserted: tests state behaviour; the timing belongs to the note and the bench.
          console.log(`dev server: the edited title was served ${Date.now() - edited} ms after the edit`);

          const problem = 'alpha-2016.md:7:12  source "alpha-2016": published — is not a real date';
          const beforeBreak = terminal.length;
          writeFileSync(file, original.replace('published: "2016-07-04"', 'published: "2016-02-31"'));
          // Wait for this problem, not for any error page: writeFileSync truncates before it writes,
          // and the watcher may show that empty file's problems for a moment before the next event.
          const broken = await waitFor('the problem in the browser', 10_000, async () => {
            const response = await page(url);
            return response.status === 500 && response.text.replaceAll('&quot;', '"').includes(problem) ? response : undefined;
          });
          expect(broken.status).toBe(500);
          await waitFor('the problem in the terminal', 10_000, async () => (terminal.includes(problem) ? true : undefined));
          // What a browser asks for besides the page (a favicon, a feed) is answered without
          // rendering anything from the broken graph.
          const favicon = await fetch(`http://127.0.0.1:${port}/favicon.ico`, { headers: { accept: 'image/avif,image/webp,*/*' } });
          expect(favicon.status).toBe(503);
          expect(await favicon.text()).toBe('1 content problem: see the terminal, or open any page, for the list.\n');
          await page(url);
          // Quiet: the problem once for the change, and nothing from Vite or Astro about it.
          await new Promise((settle) => setTimeout(settle, 1500));
          const since = terminal.slice(beforeBreak);
          expect(since.split(problem).length - 1, since).toBe(1);
          expect(since).not.toContain('An error happened during full reload');
          expect(since).not.toContain('Stack trace:');
          expect(since).not.toContain('program reload');

          writeFileSync(file, original);
          await waitFor('the page again', 10_000, async () => {
            const { status, text } = await page(url);
            return status === 200 && text.includes('<title>Pilot staying close –') ? true : undefined;
          });
          expect(server.exitCode).toBeNull();
        } finally {
          // The whole process group: Astro may have started workers of its own.
          if (server?.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
        }
      }),
    300_000,
  );
});
