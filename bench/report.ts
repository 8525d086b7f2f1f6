// Turns the bench results into the goals tables of issues 7 and 11 and the Markdown reports.
import type { BuildResult } from './build.ts';
import type { ProfileSummary } from './profile.ts';
import type { WeightReport } from './weight.ts';
import { RESULT_LIST } from '../src/site/search-config.ts';
import { KEY_INTERVAL_MS } from './search/browser.ts';

/** A shared /search/?q= link, cold and throttled: to the first answers, and what came before them. */
export interface LinkResult {
  ms: number;
  fullMs: number;
  bytes: number;
  requests: number;
  query: string;
  files?: { path: string; bytes: number }[];
}

export interface EngineResult {
  engine: 'site' | 'pagefind' | 'minisearch';
  /** Later searches' times are to the first answers (`later*`) and, on the site, to the full list (`laterFull*`). */
  cold: {
    firstMs: number;
    fullMs?: number;
    bytes: number;
    requests: number;
    pageBytes: number;
    laterP50: number;
    laterP95: number;
    later: number[];
    laterFullP95?: number;
    files: { path: string; bytes: number }[];
  };
  warm: { firstMs: number; bytes: number; requests: number };
  /** The site only: later searches typed key by key at a phone typist's pace, from the last key. */
  typed?: { p50: number; p95: number; ms: number[]; fullP95: number };
  link?: LinkResult;
  hits: { exact: number; typo: number; short: number; queries: number; firstLetter?: number; transposed?: number; bodyOnly?: number };
  indexBytes?: number;
  indexMs?: number;
}

/** The typo sets, as the report names them. */
export const TYPO_SETS = [
  ['typo', 'one edit, not the first letter'],
  ['firstLetter', 'first letter'],
  ['transposed', 'two letters swapped'],
  ['bodyOnly', 'body-text word'],
] as const;

export interface SizeResult {
  n: number;
  generated: { sources: number; commitments: number; extracts: number; lineage: number; words: number; vocabulary: number; ms: number; bytes: number };
  build: BuildResult;
  baseline: { ok: boolean; wallMs: number; renderMs?: number; pages: number };
  search: EngineResult[];
}

export interface BenchResults {
  date: string;
  machine: { cpus: number; model: string; memoryGb: number; load: number[]; node: string };
  settings: Record<string, unknown>;
  /** The median of `runs` by total time. */
  real: { build: BuildResult; runs: { totalMs: number; stages: BuildResult['stages'] }[]; weight: WeightReport };
  sizes: SizeResult[];
  /** Shared links on the real content's search page, beside the bare pages over the same content. */
  realSearch?: EngineResult[];
  crossovers: { metric: string; text: string }[];
  profile?: { n: number; summary: ProfileSummary; stages: BuildResult['stages'] };
  durationMs: number;
}

const s = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '—' : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);
/** A build's CPU time in all and per stage, and what it allows on `cores` cores at best. */
const cpuOf = (b: BuildResult, cores: number) =>
  b.cpuMs === undefined
    ? '—'
    : `${s(b.cpuMs)} (validate ${s(b.stageCpuMs?.validate)}, pages ${s(b.stageCpuMs?.pages)}, search index ${s(b.stageCpuMs?.searchIndex)}): at best ${s(b.cpuMs / cores)} on ${cores} cores`;
const msf = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '—' : `${Math.round(ms)} ms`);
const kb = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 100 * 1024 * 1024 ? 1 : 0)} MB`;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const rate = (x: number | undefined) => (x === undefined ? '—' : pct(x));
const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—');

/** The engine the goals are read against: the site's own search page when the build has one. */
export const productEngine = (size: SizeResult) => size.search.find((e) => e.engine === 'site') ?? size.search.find((e) => e.engine === 'pagefind');

export interface Goal {
  figure: string;
  goal: string;
  measured: string;
  met: boolean | undefined;
}

export function goals(results: BenchResults): Goal[] {
  const bySize = (n: number) => results.sizes.find((x) => x.n === n);
  const small = results.sizes[0];
  const large = results.sizes.at(-1);
  const k1 = bySize(1000);
  const rows: Goal[] = [];
  const add = (figure: string, goal: string, measured: string, met: boolean | undefined) => rows.push({ figure, goal, measured, met });
  const rb = results.real.build;
  const runs = results.real.runs.map((r) => s(r.totalMs)).join(', ');
  add(
    'Full build of the real content, 2 cores',
    '≤ 6 s',
    `${s(rb.totalMs)}, median of ${results.real.runs.length} (${runs}); validate ${msf(rb.stages.validate)}, pages ${msf(rb.stages.pages)}, search index ${msf(rb.stages.searchIndex)}`,
    rb.ok ? rb.totalMs <= 6000 : false,
  );
  if (large) {
    const b = large.build;
    add(
      `Full build at ${large.n.toLocaleString('en-GB')} commitments`,
      '≤ 90 s',
      `${s(b.totalMs)} (validate ${s(b.stages.validate)}, pages ${s(b.stages.pages)}, search index ${s(b.stages.searchIndex)}); CPU ${cpuOf(b, results.machine.cpus)}`,
      b.ok ? b.totalMs <= 90_000 : false,
    );
    add(
      `Peak memory at ${large.n.toLocaleString('en-GB')}`,
      '≤ 2 GB',
      `${mb(b.peakRssBytes)} (build and Pagefind together; largest single process ${b.processRssBytes ? mb(b.processRssBytes) : '—'})`,
      b.peakRssBytes <= 2 * 1024 ** 3,
    );
    if (k1 && large.n === 10_000) {
      const r = b.totalMs / k1.build.totalMs;
      add('time(10k) ÷ time(1k)', '≤ 11', ratio(r), r <= 11);
    }
  }
  for (const [size, limit] of [
    [small, 3],
    [large, 5],
  ] as const) {
    if (!size) continue;
    const r = size.build.totalMs / size.baseline.wallMs;
    add(
      `Build ÷ plain-unified baseline at ${size.n.toLocaleString('en-GB')}`,
      `≤ ${limit}`,
      `${ratio(r)} (${s(size.build.totalMs)} ÷ ${s(size.baseline.wallMs)})`,
      r <= limit,
    );
  }
  for (const [size, limit] of [
    [small, 100],
    [large, 150],
  ] as const) {
    const e = size && productEngine(size);
    if (!size || !e) continue;
    add(
      `Bytes for a cold first search at ${size.n.toLocaleString('en-GB')} (${e.engine})`,
      `≤ ${limit} KB`,
      `${kb(e.cold.bytes)} in ${e.cold.requests} requests`,
      e.cold.bytes <= limit * 1024,
    );
  }
  const engines = results.sizes.map((x) => [x, productEngine(x)] as const).filter((pair): pair is [SizeResult, EngineResult] => pair[1] !== undefined);
  const worstBy = (f: (e: EngineResult) => number) => engines.reduce((a, b) => (f(b[1]) > f(a[1]) ? b : a));
  if (engines.length) {
    const [fs, fe] = worstBy((e) => e.cold.firstMs);
    add(
      'First search, throttled (worst size)',
      '≤ 1.5 s',
      `${s(fe.cold.firstMs)} at ${fs.n.toLocaleString('en-GB')} (${engines.map(([x, e]) => `${x.n}: ${s(e.cold.firstMs)}`).join(', ')})`,
      engines.every(([, e]) => e.cold.firstMs <= 1500),
    );
    const [ws, we] = worstBy((e) => e.warm.firstMs);
    add(
      'First search, index loading from focus (worst size)',
      '≤ 0.6 s',
      `${s(we.warm.firstMs)} at ${ws.n.toLocaleString('en-GB')} (${engines.map(([x, e]) => `${x.n}: ${s(e.warm.firstMs)}`).join(', ')})`,
      engines.every(([, e]) => e.warm.firstMs <= 600),
    );
    const [ls, le] = worstBy((e) => e.cold.laterP95);
    add(
      'Later searches, p95 at 4× CPU slowdown (worst size)',
      '≤ 50 ms',
      `${msf(le.cold.laterP95)} at ${ls.n.toLocaleString('en-GB')} (p50 ${msf(le.cold.laterP50)})`,
      engines.every(([, e]) => e.cold.laterP95 <= 50),
    );
    const [ts, te] = engines.reduce((a, b) => (b[1].hits.typo < a[1].hits.typo ? b : a));
    add(
      'One-letter typos found in the top 5 (worst size)',
      '≥ 80%',
      `${pct(te.hits.typo)} at ${ts.n.toLocaleString('en-GB')} (${engines.map(([x, e]) => `${x.n}: ${pct(e.hits.typo)}`).join(', ')})`,
      engines.every(([, e]) => e.hits.typo >= 0.8),
    );
  }
  const w = results.real.weight;
  add(
    'Worst page HTML, compressed (real content)',
    '≤ 14 KB',
    `${kb(w.worst.html.html)} (${w.worst.html.page}); median ${kb(w.median.html)}; ${w.overHtmlBudget} of ${w.pages} pages over`,
    w.worst.html.html <= 14 * 1024,
  );
  add('Worst page CSS, compressed', '≤ 12 KB', `${kb(w.worst.css.css)}; median ${kb(w.median.css)}`, w.worst.css.css <= 12 * 1024);
  const onlyCopy = w.contentScripts.every((x) => /(^|\/)copy\.js$/.test(x));
  add(
    'JavaScript on content pages',
    'copy-link only, ≤ 2 KB',
    `worst ${kb(w.worstContentJs.js)} (${w.worstContentJs.page}); scripts: ${w.contentScripts.join(', ') || 'none'} (the search page adds ${w.scripts.filter((x) => !w.contentScripts.includes(x)).join(', ') || 'nothing'})`,
    onlyCopy && w.worstContentJs.js <= 2048,
  );
  add('Web fonts', 'none', w.webFonts.length ? w.webFonts.join(', ') : 'none', w.webFonts.length === 0);
  return rows;
}

export function markdown(results: BenchResults): string {
  const lines: string[] = [];
  const m = results.machine;
  lines.push(`# Benchmark, ${results.date}`, '');
  lines.push(
    `${m.cpus} × ${m.model}, ${m.memoryGb} GB, Node ${m.node}; load average at start ${m.load.map((x) => x.toFixed(1)).join(', ')} (shared machine: read ratios, not absolute times). Whole run: ${s(results.durationMs)}. Reproduce with \`npm run bench\`.`,
    '',
  );
  lines.push('## Goals (issue 7)', '', '| figure | goal | measured | |', '| --- | --- | --- | --- |');
  for (const g of goals(results)) lines.push(`| ${g.figure} | ${g.goal} | ${g.measured} | ${g.met === undefined ? '—' : g.met ? 'met' : '**missed**'} |`);
  lines.push(
    '',
    '## Build',
    '',
    '| commitments | sources / extracts / lineage | validate | pages | search index | other stages | total | ÷ baseline | CPU, all processes | peak RSS | files | dist size |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  const row = (label: string, b: BuildResult, extra: string, base?: number) => {
    const other = Object.entries(b.stages)
      .filter(([k]) => !['validate', 'pages', 'searchIndex'].includes(k))
      .map(([k, v]) => `${k} ${msf(v)}`)
      .join(', ');
    lines.push(
      `| ${label} | ${extra} | ${msf(b.stages.validate)} | ${msf(b.stages.pages)} | ${msf(b.stages.searchIndex)} | ${other || '—'} | ${s(b.totalMs)} | ${base ? ratio(b.totalMs / base) : '—'} | ${cpuOf(b, m.cpus)} | ${mb(b.peakRssBytes)} | ${b.files.toLocaleString('en-GB')} | ${mb(b.bytes)} |`,
    );
  };
  row('real content', results.real.build, '—');
  for (const x of results.sizes)
    row(x.n.toLocaleString('en-GB'), x.build, `${x.generated.sources} / ${x.generated.extracts} / ${x.generated.lineage}`, x.baseline.wallMs);
  lines.push(
    '',
    `Baseline (remark-parse → remark-rehype → rehype-stringify, same Markdown, same page count, written to disk, run as a child process): ${results.sizes.map((x) => `${x.n}: ${s(x.baseline.wallMs)} for ${x.baseline.pages} pages`).join('; ')}.`,
  );
  lines.push(
    '',
    `CPU, all processes: the CPU time (user and system) of the build's process, its worker threads and Pagefind's processes, sampled from /proc every 100 ms, then per stage (validate from the process's start). Divided by the ${m.cpus} cores, it is the fastest the build could be with every core busy throughout and no less work.`,
  );
  const k1 = results.sizes.find((x) => x.n === 1000);
  const k10 = results.sizes.find((x) => x.n === 10000);
  if (k1 && k10) {
    const stages = ['validate', 'pages', 'searchIndex'] as const;
    lines.push(
      `Growth 1k → 10k: total ${ratio(k10.build.totalMs / k1.build.totalMs)}, ${stages.map((st) => `${st} ${ratio((k10.build.stages[st] ?? NaN) / (k1.build.stages[st] ?? NaN))}`).join(', ')}; baseline ${ratio(k10.baseline.wallMs / k1.baseline.wallMs)}.`,
    );
  }
  lines.push('', '## Search (throttled: 150 ms RTT, 1.6 Mbps down, 750 kbps up, 4× CPU)', '');
  lines.push(
    `\`site\` is the built /search/ page (src/site/search-client/, bundled: instant answers from search/instant.json in MiniSearch (at sizes over the preload budget, the manifest, then only the word shards and page blocks a query needs), then Pagefind's full text after a ${RESULT_LIST.typingPauseMs} ms typing pause, typo correction from the vocabulary buckets (by word length) when a word is unknown, the full text searching the best corrections of the last word in turn; times to the first answers); \`pagefind\` is the same index through a bare page (top 5, no correction); \`minisearch\` is one serialised MiniSearch index of the same records, prefix + fuzzy 0.2.`,
    '',
  );
  lines.push(
    '| commitments | engine | cold first search: bytes / requests | first search | first, warmed on focus | later p50 / p95 | top 5: exact titles / typos / two words | index on disk |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const x of results.sizes)
    for (const e of x.search)
      lines.push(
        `| ${x.n.toLocaleString('en-GB')} | ${e.engine} | ${kb(e.cold.bytes)} / ${e.cold.requests} | ${s(e.cold.firstMs)} | ${s(e.warm.firstMs)} | ${msf(e.cold.laterP50)} / ${msf(e.cold.laterP95)} | ${pct(e.hits.exact)} / ${pct(e.hits.typo)} / ${pct(e.hits.short)} | ${e.indexBytes ? kb(e.indexBytes) : '—'} |`,
      );
  if (results.sizes.some((x) => x.search.some((e) => e.link))) lines.push('', ...searchSections(results));
  lines.push('', '**Ratios, Pagefind (site page) ÷ MiniSearch:**', '');
  for (const x of results.sizes) {
    const p = productEngine(x);
    const q = x.search.find((e) => e.engine === 'minisearch');
    if (p && q)
      lines.push(
        `- ${x.n.toLocaleString('en-GB')}: bytes ${ratio(p.cold.bytes / q.cold.bytes)}, first search ${ratio(p.cold.firstMs / q.cold.firstMs)}, warmed first search ${ratio(p.warm.firstMs / q.warm.firstMs)}, later p95 ${ratio(p.cold.laterP95 / q.cold.laterP95)}`,
      );
  }
  lines.push('', '**Where one overtakes the other:**', '', ...results.crossovers.map((c) => `- ${c.metric}: ${c.text}`));
  const w = results.real.weight;
  lines.push(
    '',
    '## Page weight (real content, gzip)',
    '',
    `${w.pages} pages. HTML worst ${kb(w.worst.html.html)} (${w.worst.html.page}), median ${kb(w.median.html)}; CSS worst ${kb(w.worst.css.css)}, median ${kb(w.median.css)}; JS worst ${kb(w.worst.js.js)} (${w.worst.js.page}: ${w.worst.js.scripts.join(', ')}), median ${kb(w.median.js)}. Web fonts: ${w.webFonts.length ? w.webFonts.join(', ') : 'none'}.`,
  );
  if (results.profile) {
    const p = results.profile;
    lines.push(
      '',
      `## Profile of the ${p.n.toLocaleString('en-GB')}-commitment build (node --cpu-prof, main thread; Pagefind runs in its own process)`,
      '',
      `Main thread ${s(p.summary.totalMs)} sampled.`,
      '',
      '| self time by area | ms |',
      '| --- | ---: |',
    );
    for (const a of p.summary.byArea.slice(0, 12)) lines.push(`| ${a.area} | ${Math.round(a.selfMs)} |`);
    lines.push('', '| hottest functions (self time) | ms |', '| --- | ---: |');
    for (const f of p.summary.hottest.slice(0, 12)) lines.push(`| \`${f.name}\` | ${Math.round(f.selfMs)} |`);
    lines.push('', '| heaviest functions (inclusive) | ms | self ms |', '| --- | ---: | ---: |');
    for (const f of p.summary.functions.slice(0, 16)) lines.push(`| \`${f.name}\` | ${Math.round(f.inclusiveMs)} | ${Math.round(f.selfMs)} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** The goals of issue 11 (search 2.0), read against the site's page, with the bare engines beside it. */
export function searchGoals(results: BenchResults): Goal[] {
  const rows: Goal[] = [];
  const add = (figure: string, goal: string, measured: string, met: boolean | undefined) => rows.push({ figure, goal, measured, met });
  const side = (engines: EngineResult[] | undefined, f: (e: EngineResult) => string) =>
    (engines ?? [])
      .filter((e) => e.engine !== 'site')
      .map((e) => `${e.engine} ${f(e)}`)
      .join('; ');
  const site = (engines: EngineResult[] | undefined) => engines?.find((e) => e.engine === 'site');
  const bySize = (n: number) => results.sizes.find((x) => x.n === n);
  const linkText = (e: EngineResult) => (e.link ? `${s(e.link.ms)}, ${kb(e.link.bytes)} in ${e.link.requests} requests` : '—');
  for (const [label, engines] of [
    ['real content', results.realSearch],
    ['200', bySize(200)?.search],
  ] as const) {
    const e = site(engines);
    if (!e?.link) continue;
    add(
      `First answers from a /search/?q= link, ${label}`,
      '≤ 1.0 s',
      `${s(e.link.ms)} (full list ${s(e.link.fullMs)}); ${side(engines, (x) => s(x.link?.ms))}`,
      e.link.ms <= 1000,
    );
    add(
      `Bytes before the first answers, ${label}`,
      '≤ 100 KB',
      `${kb(e.link.bytes)} in ${e.link.requests} requests; ${side(engines, (x) => (x.link ? kb(x.link.bytes) : '—'))}`,
      e.link.bytes <= 100 * 1024,
    );
  }
  for (const x of results.sizes) {
    const e = site(x.search);
    if (!e) continue;
    add(
      `Later searches pasted whole, p95 to the first answers, ${x.n.toLocaleString('en-GB')}`,
      '≤ 50 ms',
      `${msf(e.cold.laterP95)} (p50 ${msf(e.cold.laterP50)}; full list p95 ${msf(e.cold.laterFullP95)}); ${side(x.search, (y) => msf(y.cold.laterP95))}`,
      e.cold.laterP95 <= 50,
    );
    if (e.typed)
      add(
        `Later searches typed key by key (${KEY_INTERVAL_MS} ms apart), p95 from the last key to the first answers, ${x.n.toLocaleString('en-GB')}`,
        '≤ 50 ms',
        `${msf(e.typed.p95)} over ${e.typed.ms.length} two-word queries (p50 ${msf(e.typed.p50)}; full list p95 ${msf(e.typed.fullP95)})`,
        e.typed.p95 <= 50,
      );
  }
  const large = results.sizes.find((x) => x.n === 10_000);
  const le = site(large?.search);
  if (large && le?.link)
    add(
      'First answers at 10,000 (link)',
      '≤ 2.0 s, ≤ 150 KB',
      `${linkText(le)}; ${side(large.search, linkText)}`,
      le.link.ms <= 2000 && le.link.bytes <= 150 * 1024,
    );
  for (const x of results.sizes) {
    const e = site(x.search);
    if (!e) continue;
    const rates = TYPO_SETS.flatMap(([key, name]): [string, number][] => {
      const rate = e.hits[key];
      return rate === undefined || Number.isNaN(rate) ? [] : [[name, rate]];
    });
    add(
      `Typos in the top 5, every set, ${x.n.toLocaleString('en-GB')}`,
      '≥ 90% each',
      `${rates.map(([name, r]) => `${name} ${pct(r)}`).join(', ')}; ${side(x.search, (y) => TYPO_SETS.map(([key]) => rate(y.hits[key])).join(' / '))}`,
      rates.every(([, r]) => r >= 0.9),
    );
  }
  return rows;
}

/** The search run on its own (`npm run bench -- --search-only`): issue 11's goals and the search tables. */
export function searchMarkdown(results: BenchResults): string {
  const m = results.machine;
  const lines = [
    `# Search benchmark, ${results.date}`,
    '',
    `${m.cpus} × ${m.model}, ${m.memoryGb} GB, Node ${m.node}; load average at start ${m.load.map((x) => x.toFixed(1)).join(', ')} (shared machine: read ratios, not absolute times). Whole run: ${s(results.durationMs)}. Reproduce with \`npm run bench -- --search-only --sizes ${results.sizes.map((x) => x.n).join(',')}\`.`,
    '',
  ];
  lines.push(...searchSections(results));
  return `${lines.join('\n')}\n`;
}

function searchSections(results: BenchResults): string[] {
  const lines = [
    '## Search 2.0 goals (issue 11; throttled: 150 ms RTT, 1.6 Mbps down, 750 kbps up, 4× CPU)',
    '',
    'The site first, then the bare engines over the same index or records, measured in the same run.',
    '',
    '| figure | goal | measured | |',
    '| --- | --- | --- | --- |',
  ];
  for (const g of searchGoals(results)) lines.push(`| ${g.figure} | ${g.goal} | ${g.measured} | ${g.met === undefined ? '—' : g.met ? 'met' : '**missed**'} |`);
  lines.push(
    '',
    '| commitments | engine | link: first answers / full / bytes before them | typed, cold: first answers / full / bytes | later p50 / p95 (full p95) | top 5: exact / two words | top 5 typos: one edit / first letter / swapped / body word |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  );
  const row = (label: string, e: EngineResult) =>
    lines.push(
      `| ${label} | ${e.engine} | ${e.link ? `${s(e.link.ms)} / ${s(e.link.fullMs)} / ${kb(e.link.bytes)}` : '—'} | ${s(e.cold.firstMs)} / ${s(e.cold.fullMs)} / ${kb(e.cold.bytes)} | ${msf(e.cold.laterP50)} / ${msf(e.cold.laterP95)}${e.cold.laterFullP95 !== undefined ? ` (${msf(e.cold.laterFullP95)})` : ''} | ${pct(e.hits.exact)} / ${pct(e.hits.short)} | ${TYPO_SETS.map(([key]) => rate(e.hits[key])).join(' / ')} |`,
    );
  for (const e of results.realSearch ?? [])
    lines.push(`| real content | ${e.engine} | ${e.link ? `${s(e.link.ms)} / ${s(e.link.fullMs)} / ${kb(e.link.bytes)}` : '—'} | — | — | — | — |`);
  for (const x of results.sizes) for (const e of x.search) row(x.n.toLocaleString('en-GB'), e);
  const sent = (label: string, engines: EngineResult[]) =>
    engines.flatMap((e) => (e.engine === 'site' && e.link?.files ? [`- ${label}: ${e.link.files.map((f) => `${f.path} ${kb(f.bytes)}`).join(', ')}`] : []));
  const files = results.sizes.flatMap((x) => sent(x.n.toLocaleString('en-GB'), x.search));
  const real = sent('real content', results.realSearch ?? []);
  if (files.length || real.length) lines.push('', 'What the site sent before the first answers of a link (gzip):', '', ...real, ...files);
  return lines;
}
