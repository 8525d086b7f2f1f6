// `npm run check-links`, offline: the fixture tree's addresses point at a local server that
// answers 200, 301 to another path, 404, 410, too slowly, or by resetting the connection, and at
// a host that does not exist (names resolve from --hosts only, so no DNS server is asked). Each
// case is reported as it should be, at the file:line:col that cites it, with what it supports.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTree, readContentTree } from '../../src/lib/load.ts';
import { fixedLookup } from '../../src/maintenance/hosts.ts';
import { checkUrl, DEFAULT_CHECK_OPTIONS } from '../../src/maintenance/link-check.ts';
import { type Answer, collectLinks, judge } from '../../src/maintenance/links.ts';
import { contentPlaces } from '../../src/maintenance/places.ts';
import { startServer, type TestServer } from './server.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = join(repoRoot, 'tests/fixtures/maintenance');
const made: { server: TestServer; work: string }[] = [];
afterAll(async () => {
  for (const { server, work } of made.splice(0)) {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
});

/**
 * A local server and a copy of the fixture tree whose addresses on links.test point at it (same
 * lines, same columns). Each command run has its own, so the runs go side by side — most of each
 * is waiting out the fixture's timeouts — and each server counts only its own run's requests.
 */
async function serverAndContent(): Promise<{ server: TestServer; work: string }> {
  const server = await startServer();
  const work = mkdtempSync(join(tmpdir(), 'reforms-check-links-'));
  made.push({ server, work });
  cpSync(FIXTURE, join(work, 'content'), { recursive: true });
  for (const name of readdirSync(join(work, 'content/sources'))) {
    const file = join(work, 'content/sources', name);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('http://links.test/', `http://links.test:${server.port}/`));
  }
  return { server, work };
}

/** Runs the command in the work folder (so paths read content/…), without blocking this process's server. */
function checkLinks(work: string, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'scripts/check-links.ts'), '--content', 'content', ...args], {
      cwd: work,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe.concurrent('npm run check-links, against a local server or none', () => {
  it('reports the 301, 404, 410, timeout, reset and unknown host at the line that cites each, and exits 1', async ({ expect }) => {
    const { server, work } = await serverAndContent();
    const run = await checkLinks(work, '--hosts', 'links.test=127.0.0.1');
    const at = (path: string) => `http://links.test:${server.port}${path}`;
    const listed = run.stdout.split('\n').filter((line) => /^content\/\S+:\d+:\d+ {2}/.test(line));
    expect(listed, run.stdout + run.stderr).toEqual([
      `content/sources/delta-2024.md:47:48  commitment "delta-staying-close-duty": status.evidence[0].url — moved: moved permanently to ${at('/ok')} (301 → ${at('/ok')}): ${at('/moved')} (supports status "in progress" (as of 2026-04-29))`,
      `content/sources/delta-2024.md:55:51  commitment "delta-staying-close-duty": status.developments[0].evidence[0].url — broken: 404 Not Found: ${at('/gone')} (supports the development of 2026-04-29 (legislated) behind status "in progress" (as of 2026-04-29))`,
      `content/sources/delta-2024.md:75:51  commitment "delta-regional-care-cooperatives": status.evidence[1].url — broken: 410 Gone: ${at('/removed')} (supports status "in progress" (as of 2026-02))`,
      `content/sources/delta-2024.md:110:55  commitment "delta-secure-homes": status.evidence[0].url — unreachable: no answer within 1500 ms (2 attempts) [ETIMEDOUT]: ${at('/slow')} (supports status "delivered" (as of 2019-05))`,
      `content/sources/delta-2024.md:129:50  commitment "delta-homes-staff-registration": status.evidence[0].url — unreachable: the connection was reset (2 attempts) [ECONNRESET]: ${at('/reset')} (supports status "in progress" (as of 2025-04))`,
      'content/sources/delta-2024.md:130:54  commitment "delta-homes-staff-registration": status.evidence[1].url — broken: the host name does not exist (DNS) [ENOTFOUND]: http://no-such-host.invalid/page (supports status "in progress" (as of 2025-04))',
    ]);
    expect(run.stdout).toContain(
      '8 addresses checked (12 citations in all): 2 answer, 0 redirected for now, 1 moved, 2 unreachable, 3 broken; 2 skipped (content/watch.yml).',
    );
    expect(run.stdout).toContain('3 broken addresses, cited 3 times: replace or remove them.');
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).not.toContain('    at ');

    const asked = server.requests;
    const count = (path: string, method?: string) => asked.filter((r) => r.path === path && (!method || r.method === method)).length;
    // Retried once after a timeout or a reset; a 404 asked again with GET (HEAD is sometimes refused).
    expect(count('/slow')).toBe(2);
    expect(count('/reset')).toBe(2);
    expect([count('/gone', 'HEAD'), count('/gone', 'GET')]).toEqual([1, 1]);
    // Politely: the configured user agent, and never more than perHost (2) requests at once to the one host.
    expect(new Set(asked.map((r) => r.userAgent))).toEqual(new Set(['childrens-social-care-reforms link check (tests)']));
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
  }, 30_000);

  it('--json gives every address its verdict and citations; the 200s and the skipped are there too', async ({ expect }) => {
    const { server, work } = await serverAndContent();
    const run = await checkLinks(work, '--hosts', 'links.test=127.0.0.1', '--json');
    const json = JSON.parse(run.stdout) as { counts: Record<string, number>; outcomes: { url: string; verdict: string; citations: { line: number }[] }[] };
    const verdicts = Object.fromEntries(json.outcomes.map((o) => [o.url.replace(`:${server.port}`, ''), [o.verdict, o.citations.map((c) => c.line)]]));
    expect(verdicts).toEqual({
      'http://links.test/delta-original': ['ok', [9]],
      'http://links.test/moved': ['moved', [47]],
      'http://links.test/gone': ['broken', [55]],
      'http://links.test/ok': ['ok', [74]],
      'http://links.test/removed': ['broken', [75]],
      'http://links.test/slow': ['unreachable', [110]],
      'http://links.test/reset': ['unreachable', [129]],
      'http://no-such-host.invalid/page': ['broken', [130]],
      'https://www.legislation.gov.uk/ukpga/2026/21/section/7': ['skipped', [48, 37, 40]],
      'https://www.legislation.gov.uk/ukpga/2026/21': ['skipped', [9]],
    });
    expect(run.status).toBe(1);
  }, 30_000);

  it('says so and calls nothing broken when no server answers at all (exit 2)', async ({ expect }) => {
    const { work } = await serverAndContent();
    const run = await checkLinks(work, '--hosts', 'other.test=127.0.0.1');
    const output = run.stdout + run.stderr;
    expect(output).toContain('check-links: no server answered any of 8 addresses (ENOTFOUND): this machine seems to have no web access; nothing was judged.');
    expect(output).not.toContain('broken');
    expect(run.status).toBe(2);
  }, 30_000);
});

describe('asking one address', () => {
  it('keeps a redirect in the record when the address it led to is asked again after a timeout', async () => {
    const { server } = await serverAndContent();
    const options = {
      ...DEFAULT_CHECK_OPTIONS,
      timeoutMs: 1500,
      retries: 1,
      backoffLimitMs: 50,
      userAgent: 'test',
      lookup: fixedLookup(new Map([['links.test', '127.0.0.1']])),
    };
    const answer = await checkUrl(`http://links.test:${server.port}/moved-to-flaky`, options);
    expect(answer.attempts).toBe(2);
    expect(judge(answer)).toEqual({
      url: `http://links.test:${server.port}/moved-to-flaky`,
      verdict: 'moved',
      detail: `moved permanently to http://links.test:${server.port}/flaky (301 → http://links.test:${server.port}/flaky)`,
    });
  });
});

describe('what the content cites', () => {
  const tree = readContentTree(FIXTURE, repoRoot);
  const loaded = loadTree(tree);
  if (!loaded.ok) throw new Error('the maintenance fixture does not load');
  const links = collectLinks(loaded.graph, contentPlaces(tree));

  it('collects every address written in the content, once each, with every place that cites it', () => {
    const written = tree.sources.flatMap((file) => [...file.text.matchAll(/https?:\/\/[^\s"')]+/g)].map((m) => m[0]));
    expect(links.reduce((n, link) => n + link.citations.length, 0)).toBe(written.length);
    expect(new Set(links.map((link) => link.url))).toEqual(new Set(written));
  });

  it('points each citation at the column where its address starts', () => {
    for (const link of links) {
      for (const citation of link.citations) {
        const file = tree.sources.find((f) => f.path === citation.file);
        const line = file?.text.split('\n')[citation.line - 1] ?? '';
        expect(line.slice(citation.column - 1).replace(/^"/, ''), `${citation.file}:${citation.line}`).toMatch(
          new RegExp(`^${link.url.replace(/[.?*+()[\]]/g, '\\$&')}`),
        );
      }
    }
  });
});

describe('what an answer means', () => {
  const base: Answer = { url: 'https://a.example/x', hops: [], attempts: 1, method: 'HEAD', timeoutMs: 1000 };
  it.each<[string, Partial<Answer>, string, string]>([
    ['200', { status: 200, statusText: 'OK' }, 'ok', '200 OK'],
    [
      '301 to another address',
      { status: 200, hops: [{ status: 301, to: 'https://a.example/y' }], finalUrl: 'https://a.example/y' },
      'moved',
      'moved permanently to https://a.example/y (301 → https://a.example/y)',
    ],
    [
      '308 then 302',
      {
        status: 200,
        hops: [
          { status: 308, to: 'https://b.example/' },
          { status: 302, to: 'https://b.example/z' },
        ],
        finalUrl: 'https://b.example/z',
      },
      'moved',
      'moved permanently to https://b.example/z (308 → https://b.example/, 302 → https://b.example/z)',
    ],
    [
      '302 only',
      { status: 200, hops: [{ status: 302, to: 'https://a.example/login' }], finalUrl: 'https://a.example/login' },
      'redirected',
      'redirected for now to https://a.example/login (302 → https://a.example/login)',
    ],
    ['404', { status: 404, statusText: 'Not Found', method: 'GET' }, 'broken', '404 Not Found'],
    [
      '410 after a redirect',
      { status: 410, hops: [{ status: 301, to: 'https://a.example/old' }], finalUrl: 'https://a.example/old' },
      'broken',
      '410 after redirects (301 → https://a.example/old)',
    ],
    ['403', { status: 403, statusText: 'Forbidden', method: 'GET', attempts: 1 }, 'unreachable', 'answered 403 Forbidden to GET'],
    [
      '503 after retries',
      { status: 503, statusText: 'Service Unavailable', method: 'GET', attempts: 3 },
      'unreachable',
      'answered 503 Service Unavailable to GET (3 attempts)',
    ],
    ['DNS', { error: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND a.example' } }, 'broken', 'the host name does not exist (DNS) [ENOTFOUND]'],
    ['timeout', { error: { code: 'ETIMEDOUT', message: 'Timeout' }, attempts: 3 }, 'unreachable', 'no answer within 1000 ms (3 attempts) [ETIMEDOUT]'],
    ['reset', { error: { code: 'ECONNRESET', message: 'socket hang up' } }, 'unreachable', 'the connection was reset [ECONNRESET]'],
  ])('%s', (_name, answer, verdict, detail) => {
    expect(judge({ ...base, ...answer })).toEqual({ url: base.url, verdict, detail });
  });
});
