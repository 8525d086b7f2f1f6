// node bench/search/recall.ts [--dist DIR] [--set name,name] [--json FILE] — each recall suite of
// tests/search/ searched through the real content's built /search/ page in Chromium, as
// tests/browser/search-recall.test.ts runs them (the box filled, the form submitted, the full list
// awaited), with every miss: the query, the commitments it expects and the first three results the
// page showed (any kind). Builds the real content into bench/tmp/recall/dist unless --dist names a
// built site. For measuring a ranking change before and after; the suites' floors are in the test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { searchPaths } from '../../tests/support/search.ts';
import { launch } from './browser.ts';
import { startServer } from './server.ts';

const ROOT = resolve(import.meta.dirname, '../..');

interface Query {
  q: string;
  expect: string[];
}
const read = (file: string) => JSON.parse(readFileSync(join(ROOT, 'tests/search', file), 'utf8'));
const tuned = read('queries.json') as { queries: Query[]; typos: Query[]; typoSets: Record<string, Query[]> };
/** The suites, each with the cut-off its test uses (the new commitment-level set: recall@3, issue 20). */
const SETS: { name: string; k: number; queries: Query[] }[] = [
  { name: 'commitments recall@3', k: 3, queries: (read('queries-commitments.json') as { queries: Query[] }).queries },
  { name: 'tuned recall@3', k: 3, queries: tuned.queries },
  { name: 'fresh recall@5', k: 5, queries: (read('queries-fresh.json') as { queries: Query[] }).queries },
  { name: 'fresh recall@3', k: 3, queries: (read('queries-fresh.json') as { queries: Query[] }).queries },
  { name: 'typos top 5', k: 5, queries: tuned.typos },
  ...Object.entries(tuned.typoSets)
    .filter((entry): entry is [string, Query[]] => Array.isArray(entry[1]))
    .map(([name, queries]) => ({ name: `${name} top 5`, k: 5, queries })),
];

const { values: args } = parseArgs({ options: { dist: { type: 'string' }, set: { type: 'string' }, json: { type: 'string' } } });
const wanted = args.set?.split(',');
const sets = SETS.filter((set) => !wanted || wanted.some((w) => set.name.startsWith(w)));

let dist = args.dist ? resolve(args.dist) : join(ROOT, 'bench/tmp/recall/dist');
if (!args.dist) {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const built = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: ROOT,
    env: { ...process.env, OUT_DIR: dist, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`the build failed\n${built.stdout}\n${built.stderr}`);
}
dist = resolve(dist);

/** What the page lists for `q`: each result's path, in order. */
const resultsFor = searchPaths;
const commitment = (path: string) => /\/commitments\/([^/]+)\/$/.exec(path)?.[1];
const short = (path: string) => path.replace(/^\/|\/$/g, '');

const browser = await launch();
const server = await startServer();
server.mount('/', dist);
const out: { set: string; k: number; rate: number; hits: number; total: number; misses: { q: string; expect: string[]; got: string[] }[] }[] = [];
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.origin}/search/`);
  for (const set of sets) {
    const misses: { q: string; expect: string[]; got: string[] }[] = [];
    for (const { q, expect } of set.queries) {
      const paths = await resultsFor(page, q);
      const top = paths
        .map(commitment)
        .filter((id): id is string => id !== undefined)
        .slice(0, set.k);
      if (!top.some((id) => expect.includes(id))) misses.push({ q, expect, got: paths.slice(0, 3).map(short) });
    }
    const total = set.queries.length;
    out.push({ set: set.name, k: set.k, rate: (total - misses.length) / total, hits: total - misses.length, total, misses });
    console.log(`${set.name}: ${total - misses.length}/${total} = ${((total - misses.length) / total).toFixed(3)}`);
    for (const m of misses) console.log(`  miss "${m.q}" → expected ${m.expect.join(' | ')}; first: ${m.got.join(', ') || 'nothing'}`);
  }
} finally {
  await browser.close();
  await server.close();
}
if (args.json) writeFileSync(resolve(args.json), `${JSON.stringify(out, null, 2)}\n`);
