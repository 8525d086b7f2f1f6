// npm run bench — build and search at 200, 1,000 and 10,000 synthetic commitments, beside a
// plain-unified baseline and a MiniSearch index, plus the real content's build time and page weight.
// Writes bench/results/<date>.json and bench/results/latest.md. Works under bench/tmp/ (ignored).
//
//   npm run bench                         the full run (about 15–25 minutes on 2 cores)
//   npm run bench -- --sizes 200,1000     fewer sizes
//   npm run bench -- --no-profile         skip the CPU profile of the largest build
//   npm run bench -- --queries 40 --later 20   query-set size, later searches per run
//   npm run bench -- --search-only --sizes 200,10000   search alone (one build of the real content,
//                                         no baseline or profile): bench/results/<date>-search.json
//                                         and bench/results/search.md
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, countFiles, ROOT, runNode } from '../bench/build.ts';
import { generateTree, realContentCorpus, writeTree } from '../bench/generate.ts';
import { summarise } from '../bench/profile.ts';
import { goals, markdown, productEngine, searchMarkdown, type BenchResults, type EngineResult, type SizeResult } from '../bench/report.ts';
import { CHROMIUM, launch, linkRun, percentile, siteTopFive, throttledRun, topFive, typedRun } from '../bench/search/browser.ts';
import { buildMiniSearchIndex, MINISEARCH_PAGE, minisearchBundle, PAGEFIND_PAGE, searchRecords } from '../bench/search/minisearch.ts';
import { makeQueries, type Query, type QuerySets } from '../bench/search/queries.ts';
import { startServer } from '../bench/search/server.ts';
import { pageWeights } from '../bench/weight.ts';
import { loadContent } from '../src/lib/load.ts';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '200,1000,10000' },
    seed: { type: 'string', default: '1' },
    queries: { type: 'string', default: '40' },
    later: { type: 'string', default: '20' },
    typed: { type: 'string', default: '10' },
    'no-profile': { type: 'boolean', default: false },
    'search-only': { type: 'boolean', default: false },
  },
});
const searchOnly = args['search-only'];
const sizes = args.sizes.split(',').map(Number);
const seed = Number(args.seed);
const started = performance.now();
const work = resolve(ROOT, 'bench/tmp/run');
const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// 1. The real content: build time and page weight.
// Three builds, the median kept: one build of a small site is at the mercy of the machine's load.
// The search alone needs one, for the real content's search page.
const realDist = join(work, 'dist-real');
const realRuns = [];
const realBuilds = searchOnly ? 1 : 3;
for (let i = 0; i < realBuilds; i++) {
  log(`building the real content (${i + 1} of ${realBuilds})`);
  const run = await build(resolve(ROOT, 'content'), realDist);
  if (!run.ok) throw new Error(`the real content did not build:\n${run.log}`);
  realRuns.push(run);
}
const realBuild = [...realRuns].sort((a, b) => a.totalMs - b.totalMs)[Math.floor(realRuns.length / 2)]!;
const weight = pageWeights(realDist);
log(`real content: ${Math.round(realBuild.totalMs)} ms, ${realBuild.files} files; worst page HTML ${weight.worst.html.html} B gz`);

// 2. Each size: generate, build, baseline, MiniSearch index.
const corpus = realContentCorpus();
interface Prepared {
  size: Omit<SizeResult, 'search'>;
  dist: string;
  msDir: string;
  queries: QuerySets;
  ms: { bytes: number; ms: number };
}
const prepared: Prepared[] = [];
for (const n of sizes) {
  log(`N=${n}: generating`);
  const t = performance.now();
  const tree = generateTree({ commitments: n, seed, corpus });
  const content = join(work, `content-${n}`);
  writeTree(tree, content);
  const genMs = performance.now() - t;
  const dist = join(work, `dist-${n}`);
  log(`N=${n}: building (${tree.counts.sources} sources, ${tree.counts.extracts} extracts)`);
  const result = await build(content, dist);
  log(
    `N=${n}: build ${result.ok ? 'ok' : 'FAILED'} in ${Math.round(result.totalMs)} ms ${JSON.stringify(result.stages)}, peak ${Math.round(result.peakRssBytes / 2 ** 20)} MB`,
  );
  if (!result.ok) console.error(result.log);
  const baselineOut = join(work, `baseline-${n}`);
  const baseline = searchOnly
    ? { ok: false, wallMs: NaN, stdout: '' }
    : await runNode(['bench/baseline.ts', content, baselineOut, String(result.htmlPages)], {});
  const renderMs = /^baseline: (\d+) ms$/m.exec(baseline.stdout);
  const baselinePages = searchOnly ? 0 : countFiles(baselineOut).htmlPages;
  rmSync(baselineOut, { recursive: true, force: true });
  if (!searchOnly) log(`N=${n}: baseline ${Math.round(baseline.wallMs)} ms for ${baselinePages} pages`);
  const loaded = loadContent(content);
  if (!loaded.ok) throw new Error(`generated content for N=${n} does not validate`);
  const index = buildMiniSearchIndex(searchRecords(loaded.graph));
  const msDir = join(work, `minisearch-${n}`);
  mkdirSync(msDir, { recursive: true });
  writeFileSync(join(msDir, 'index.json'), index.json);
  const bytes = countFiles(content).bytes;
  prepared.push({
    size: {
      n,
      generated: { ...tree.counts, ms: genMs, bytes },
      build: result,
      baseline: { ok: baseline.ok, wallMs: baseline.wallMs, ...(renderMs ? { renderMs: Number(renderMs[1]) } : {}), pages: baselinePages },
    },
    dist,
    msDir,
    queries: makeQueries(
      loaded.graph.commitments.map((c) => ({ id: c.id, title: c.title, text: c.text })),
      Number(args.queries),
      seed + n,
    ),
    ms: { bytes: gzipSync(index.json).length, ms: index.ms },
  });
}

// 3. Search, in Chromium, against one server.
const sizeResults: SizeResult[] = [];
let realSearch: EngineResult[] | undefined;
/** The query a shared link carries: a reader's two-word search. */
const LINK_QUERY_REAL = 'kinship allowance';
if (!existsSync(CHROMIUM)) {
  log(`no Chromium at ${CHROMIUM}: search figures skipped`);
  for (const p of prepared) sizeResults.push({ ...p.size, search: [] });
} else {
  const harness = join(work, 'harness');
  mkdirSync(harness, { recursive: true });
  writeFileSync(join(harness, 'pagefind.html'), PAGEFIND_PAGE);
  writeFileSync(join(harness, 'minisearch.html'), MINISEARCH_PAGE);
  const lib = join(work, 'lib');
  mkdirSync(lib, { recursive: true });
  writeFileSync(join(lib, 'minisearch.js'), await minisearchBundle());
  const server = await startServer();
  server.mount('/bench/', harness);
  server.mount('/lib/', lib);
  const browser = await launch();
  try {
    for (const p of prepared) {
      if (!p.size.build.ok) {
        sizeResults.push({ ...p.size, search: [] });
        continue;
      }
      server.mount('/', p.dist);
      server.mount('/ms/', p.msDir);
      const hasSite = existsSync(join(p.dist, 'search/index.html')) && readFileSync(join(p.dist, 'search/index.html'), 'utf8').includes('id="search-app"');
      const engines = [
        ...(hasSite ? [{ engine: 'site' as const, url: '/search/', site: true }] : []),
        { engine: 'pagefind' as const, url: '/bench/pagefind.html?bundle=/pagefind/', site: false },
        { engine: 'minisearch' as const, url: '/bench/minisearch.html?index=/ms/index.json', site: false },
      ];
      // The first search is a short query (two distinctive title words); later searches cycle
      // through short queries, exact titles and typos.
      const mixed = p.queries.short.flatMap((q, i) => [q, p.queries.exact[i]!, ...(p.queries.typo[i] ? [p.queries.typo[i]] : [])]);
      const search: EngineResult[] = [];
      for (const e of engines) {
        log(`N=${p.size.n}: search with ${e.engine}`);
        const cold = await throttledRun(browser, server, e.url, mixed, { warm: false, later: Number(args.later), site: e.site });
        const warm = await throttledRun(browser, server, e.url, mixed.slice(3), { warm: true, later: 0, site: e.site });
        // Typed key by key: the site only, whose sharded instant index fetches while a word is typed.
        const typed = e.site ? await typedRun(browser, server, e.url, p.queries.short.slice(1, 1 + Number(args.typed))) : undefined;
        const run = (queries: string[]) => (e.site ? siteTopFive(browser, server, e.url, queries) : topFive(browser, server, e.url, queries));
        const hitRate = async (queries: Query[]) => {
          const tops = await run(queries.map((q) => q.query));
          return queries.length ? tops.filter((urls, i) => urls.includes(queries[i]!.expect)).length / queries.length : NaN;
        };
        const linkQuery = p.queries.short[0]?.query ?? p.queries.exact[0]?.query ?? 'care';
        const link = await linkRun(browser, server, e.url, linkQuery, e.site);
        const exact = await hitRate(p.queries.exact);
        const typo = await hitRate(p.queries.typo);
        const short = await hitRate(p.queries.short);
        const firstLetter = await hitRate(p.queries.firstLetter);
        const transposed = await hitRate(p.queries.transposed);
        const bodyOnly = await hitRate(p.queries.bodyOnly);
        const pagefindDir = join(p.dist, 'pagefind');
        const result: EngineResult = {
          engine: e.engine,
          cold: {
            firstMs: cold.first.ms,
            fullMs: cold.first.fullMs,
            bytes: cold.first.bytes,
            requests: cold.first.requests,
            pageBytes: cold.first.pageBytes,
            laterP50: percentile(cold.later, 50),
            laterP95: percentile(cold.later, 95),
            later: cold.later,
            laterFullP95: percentile(cold.laterFull, 95),
            files: cold.first.files,
          },
          warm: { firstMs: warm.first.ms, bytes: warm.first.bytes, requests: warm.first.requests },
          ...(typed ? { typed: { p50: percentile(typed.ms, 50), p95: percentile(typed.ms, 95), ms: typed.ms, fullP95: percentile(typed.fullMs, 95) } } : {}),
          link: { ...link, query: linkQuery },
          hits: { exact, typo, short, queries: p.queries.exact.length, firstLetter, transposed, bodyOnly },
          ...(e.engine === 'minisearch'
            ? { indexBytes: p.ms.bytes, indexMs: p.ms.ms }
            : e.engine === 'pagefind'
              ? { indexBytes: countFiles(pagefindDir).bytes }
              : {}),
        };
        log(
          `N=${p.size.n} ${e.engine}: link ${Math.round(link.ms)} ms, ${link.bytes} B before the first answers; first ${Math.round(cold.first.ms)} ms, ${cold.first.bytes} B in ${cold.first.requests} req; warm ${Math.round(warm.first.ms)} ms; later p95 ${Math.round(result.cold.laterP95)} ms${typed ? `, typed ${Math.round(result.typed?.p95 ?? NaN)} ms` : ''}; hits ${Math.round(exact * 100)}% / typos ${[typo, firstLetter, transposed, bodyOnly].map((r) => `${Math.round(r * 100)}%`).join(' ')}`,
        );
        search.push(result);
      }
      sizeResults.push({ ...p.size, search });
    }
    // The real content: a shared link on its search page, and the bare engines over the same content.
    const realLoaded = loadContent(resolve(ROOT, 'content'));
    if (realLoaded.ok) {
      const msDir = join(work, 'minisearch-real');
      mkdirSync(msDir, { recursive: true });
      writeFileSync(join(msDir, 'index.json'), buildMiniSearchIndex(searchRecords(realLoaded.graph)).json);
      server.mount('/', realDist);
      server.mount('/ms/', msDir);
      realSearch = [];
      for (const [engine, url, site] of [
        ['site', '/search/', true],
        ['pagefind', '/bench/pagefind.html?bundle=/pagefind/', false],
        ['minisearch', '/bench/minisearch.html?index=/ms/index.json', false],
      ] as const) {
        const link = await linkRun(browser, server, url, LINK_QUERY_REAL, site);
        log(`real content ${engine}: link ${Math.round(link.ms)} ms, ${link.bytes} B before the first answers`);
        realSearch.push({
          engine,
          cold: { firstMs: NaN, bytes: NaN, requests: NaN, pageBytes: NaN, laterP50: NaN, laterP95: NaN, later: [], files: [] },
          warm: { firstMs: NaN, bytes: NaN, requests: NaN },
          link: { ...link, query: LINK_QUERY_REAL },
          hits: { exact: NaN, typo: NaN, short: NaN, queries: 0 },
        });
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

// 4. Where one engine overtakes the other (log-log interpolation between measured sizes).
function crossover(metric: string, a: string, b: string, value: (e: EngineResult) => number): { metric: string; text: string } {
  const points = sizeResults
    .map((x) => ({ n: x.n, a: x.search.find((e) => e.engine === a) ?? productEngine(x), b: x.search.find((e) => e.engine === b) }))
    .filter((p) => p.a && p.b)
    .map((p) => ({ n: p.n, d: Math.log(value(p.a!) / value(p.b!)) }))
    .filter((p) => Number.isFinite(p.d));
  if (points.length < 2) return { metric, text: 'not enough sizes measured' };
  const lead = (d: number) => (d < 0 ? 'Pagefind' : 'MiniSearch');
  for (let i = 1; i < points.length; i++) {
    const [p, q] = [points[i - 1]!, points[i]!];
    if (Math.sign(p.d) !== Math.sign(q.d)) {
      const x = Math.log(p.n) + ((Math.log(q.n) - Math.log(p.n)) * p.d) / (p.d - q.d);
      return {
        metric,
        text: `${lead(p.d)} leads below about ${Math.round(Math.exp(x)).toLocaleString('en-GB')} commitments, ${lead(q.d)} above (interpolated between ${p.n} and ${q.n})`,
      };
    }
  }
  const [p, q] = [points.at(-2)!, points.at(-1)!];
  const slope = (q.d - p.d) / (Math.log(q.n) - Math.log(p.n));
  const ratios = points.map((x) => `${x.n}: ${Math.exp(x.d).toFixed(2)}×`).join(', ');
  const x = slope !== 0 && Math.sign(slope) !== Math.sign(q.d) ? Math.log(q.n) - q.d / slope : Infinity;
  if (Math.exp(x) <= q.n * 100) {
    return {
      metric,
      text: `${lead(q.d)} leads at every measured size; extrapolating the last two, the other would lead beyond about ${Math.round(Math.exp(x)).toLocaleString('en-GB')} commitments`,
    };
  }
  return {
    metric,
    text: `${lead(q.d)} leads at every measured size (Pagefind ÷ MiniSearch ${ratios}); the gap is ${slope !== 0 && Math.sign(slope) !== Math.sign(q.d) ? 'narrowing too slowly to close within 100× the largest size' : 'not closing'}`,
  };
}
const crossovers = [
  crossover('bytes for a cold first search', 'site', 'minisearch', (e) => e.cold.bytes),
  crossover('first search time (no warming)', 'site', 'minisearch', (e) => e.cold.firstMs),
  crossover('first search time (warmed on focus)', 'site', 'minisearch', (e) => e.warm.firstMs),
  crossover('later searches p95', 'site', 'minisearch', (e) => e.cold.laterP95),
];

// 5. A CPU profile of the largest build, to show which stage costs what.
let profile: BenchResults['profile'];
const largest = prepared.at(-1);
if (!args['no-profile'] && !searchOnly && largest) {
  log(`profiling the N=${largest.size.n} build`);
  const dir = join(work, 'profile');
  rmSync(dir, { recursive: true, force: true });
  const profiled = await build(join(work, `content-${largest.size.n}`), join(work, 'dist-profile'), { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  const file = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.cpuprofile')) : undefined;
  if (file) profile = { n: largest.size.n, summary: summarise(join(dir, file)), stages: profiled.stages };
  rmSync(join(work, 'dist-profile'), { recursive: true, force: true });
}

const date = new Date().toISOString().slice(0, 10);
const results: BenchResults = {
  date,
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), load: loadavg(), node: process.version },
  settings: {
    sizes,
    seed,
    queries: Number(args.queries),
    later: Number(args.later),
    typed: Number(args.typed),
    throttle: '150 ms RTT, 1.6 Mbps down, 750 kbps up, 4× CPU',
    typeAfterFocusMs: 1000,
    compression: 'gzip level 6 (Pagefind index files as written)',
  },
  real: { build: realBuild, runs: realRuns.map((r) => ({ totalMs: r.totalMs, stages: r.stages })), weight },
  sizes: sizeResults,
  ...(realSearch ? { realSearch } : {}),
  crossovers,
  ...(profile ? { profile } : {}),
  durationMs: performance.now() - started,
};
const out = resolve(ROOT, 'bench/results');
mkdirSync(out, { recursive: true });
// A search-only run leaves the full run's files alone.
writeFileSync(join(out, searchOnly ? `${date}-search.json` : `${date}.json`), `${JSON.stringify(results, null, 2)}\n`);
const report = searchOnly ? searchMarkdown(results) : markdown(results);
writeFileSync(join(out, searchOnly ? 'search.md' : 'latest.md'), report);
console.log(`\n${report}`);
const missed = goals(results).filter((g) => g.met === false).length;
log(
  `done: ${missed} goal${missed === 1 ? '' : 's'} missed; bench/results/${searchOnly ? `${date}-search.json and bench/results/search.md` : `${date}.json and bench/results/latest.md`} written`,
);
for (const dir of readdirSync(work).filter((d) => d.startsWith('dist-') && d !== 'dist-real')) rmSync(join(work, dir), { recursive: true, force: true });
