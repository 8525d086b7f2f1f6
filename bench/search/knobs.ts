// node bench/search/knobs.ts [--only name,name] — what each ranking knob of src/site/search-config.ts
// is worth: the real content built once per variant of that file (its values as they are, then one
// knob changed at a time), and every query of the recall suites (tests/search/queries.json and
// queries-fresh.json, as tests/browser/search-recall.test.ts runs them) searched through the built
// /search/ page in Chromium. The suites' own rates (an expected commitment in the top 3 or 5) are
// nearly all 100% and hide most changes, so it also measures the mean reciprocal rank (MRR) of the
// first expected commitment in the page's list, and in Pagefind's own ranking of the same words
// (the page shows it after the instant answers, less those: the list alone hides it), and how
// many queries' top five changed. Writes
// bench/results/knobs.md. Works in bench/tmp/knobs/ (a copy of the project's sources, so the
// working tree is never edited). About 40 s per variant on 2 cores.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { commitmentIds, searchPaths } from '../../tests/support/search.ts';
import { launch } from './browser.ts';
import { startServer } from './server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WORK = join(ROOT, 'bench/tmp/knobs');
const TREE = join(WORK, 'tree');
const DIST = join(TREE, 'dist');
const CONFIG = 'src/site/search-config.ts';

interface Variant {
  name: string;
  /** Replacements in the config file's text, each of which must be found exactly once. */
  edits: [string, string][];
}

/** Each knob moved to the engine's default, or to the next value on either side. */
const VARIANTS: Variant[] = [
  { name: 'as they are', edits: [] },
  {
    name: "Pagefind ranking: Pagefind's defaults (1, 0.75, 1)",
    edits: [
      ['termSimilarity: 3', 'termSimilarity: 1'],
      ['pageLength: 0.6', 'pageLength: 0.75'],
      ['termFrequency: 0.6', 'termFrequency: 1'],
    ],
  },
  { name: 'Pagefind termSimilarity 1', edits: [['termSimilarity: 3', 'termSimilarity: 1']] },
  { name: 'Pagefind pageLength 0.75', edits: [['pageLength: 0.6', 'pageLength: 0.75']] },
  { name: 'Pagefind termFrequency 1', edits: [['termFrequency: 0.6', 'termFrequency: 1']] },
  {
    name: 'page weights: none (1)',
    edits: [
      ['commitmentTitle: 10', 'commitmentTitle: 1'],
      ['commitmentAliases: 8', 'commitmentAliases: 1'],
      ['glossaryTerms: 6', 'glossaryTerms: 1'],
      ['extractTitle: 8', 'extractTitle: 1'],
    ],
  },
  { name: 'page weights: commitment title 7 (an h1)', edits: [['commitmentTitle: 10', 'commitmentTitle: 7']] },
  { name: 'page weights: glossary terms 1', edits: [['glossaryTerms: 6', 'glossaryTerms: 1']] },
  { name: 'page weights: extract title 10', edits: [['extractTitle: 8', 'extractTitle: 10']] },
  {
    name: 'instant boosts: all 1',
    edits: [
      ['title: 3,', 'title: 1,'],
      ['aliases: 2,', 'aliases: 1,'],
      ['rec: 3,', 'rec: 1,'],
      ['code: 1.5,', 'code: 1,'],
    ],
  },
  {
    name: 'instant fuzzy: none',
    edits: [
      ['oneEditFrom: 4', 'oneEditFrom: 99'],
      ['twoEditsFrom: 8', 'twoEditsFrom: 99'],
    ],
  },
  { name: 'instant fuzzy: two edits from 6 letters', edits: [['twoEditsFrom: 8', 'twoEditsFrom: 6']] },
  { name: 'correction: one edit up to 7 letters', edits: [['oneEditUpTo: 5', 'oneEditUpTo: 7']] },
  { name: 'correction: from 5 letters', edits: [['minLength: 4', 'minLength: 5']] },
  { name: 'vocabulary title weight 1', edits: [['VOCABULARY_TITLE_WEIGHT = 10', 'VOCABULARY_TITLE_WEIGHT = 1']] },
  { name: 'instant answers: 3', edits: [['instant: 5,', 'instant: 3,']] },
  { name: 'instant answers: 8', edits: [['instant: 5,', 'instant: 8,']] },
];

interface Query {
  q: string;
  expect: string[];
}
const queries = JSON.parse(readFileSync(join(ROOT, 'tests/search/queries.json'), 'utf8')) as {
  queries: Query[];
  typos: Query[];
  typoSets: Record<'firstLetter' | 'transposed' | 'bodyOnly', Query[]>;
};
const fresh = (JSON.parse(readFileSync(join(ROOT, 'tests/search/queries-fresh.json'), 'utf8')) as { queries: Query[] }).queries;
/** The suites' sets and cut-offs (tests/browser/search-recall.test.ts). */
const SETS: { name: string; k: number; queries: Query[] }[] = [
  { name: 'recall@3', k: 3, queries: queries.queries },
  { name: 'typos top 5', k: 5, queries: queries.typos },
  { name: 'fresh recall@5', k: 5, queries: fresh },
  { name: 'first letter', k: 5, queries: queries.typoSets.firstLetter },
  { name: 'swapped', k: 5, queries: queries.typoSets.transposed },
  { name: 'body word', k: 5, queries: queries.typoSets.bodyOnly },
];

/** The commitment ids the page ranks for `q`, as the recall suite reads them. */
const commitmentsFor = async (page: Page, q: string): Promise<string[]> => commitmentIds(await searchPaths(page, q));

/** The commitment ids Pagefind alone ranks for each query's meaningful words, with the variant's ranking options. */
async function pagefindRanks(page: Page, words: string[], ranking: object): Promise<string[][]> {
  return page.evaluate(
    async ({ words, ranking }) => {
      type Pagefind = {
        options(o: object): Promise<void>;
        search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
      };
      const pagefind = (await import('/pagefind/pagefind.js' as string)) as Pagefind;
      await pagefind.options({ ranking });
      const out: string[][] = [];
      for (const term of words) {
        const { results } = await pagefind.search(term);
        const urls = await Promise.all(results.slice(0, 30).map(async (r) => (await r.data()).url));
        out.push(urls.map((url) => /\/commitments\/([^/]+)\/$/.exec(url)?.[1]).filter((id): id is string => id !== undefined));
      }
      return out;
    },
    { words, ranking },
  );
}

/** 1 / the rank of the first expected id, or 0 when none is listed. */
const reciprocal = (ids: string[], expected: string[]) => {
  const at = ids.findIndex((id) => expected.includes(id));
  return at < 0 ? 0 : 1 / (at + 1);
};
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / (values.length || 1);

const { values: args } = parseArgs({ options: { only: { type: 'string' } } });
const only = args.only?.split(',');
const variants = VARIANTS.filter((v, i) => i === 0 || !only || only.some((o) => v.name.includes(o)));

rmSync(WORK, { recursive: true, force: true });
mkdirSync(TREE, { recursive: true });
for (const part of ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
  cpSync(join(ROOT, part), join(TREE, part), { recursive: true });
symlinkSync(join(ROOT, 'node_modules'), join(TREE, 'node_modules'));
const original = readFileSync(join(ROOT, CONFIG), 'utf8');

const browser = await launch();
const server = await startServer();
interface Row {
  variant: string;
  /** Per set: the suite's rate, MRR over the page's list, MRR in Pagefind's own ranking. */
  rates: number[];
  mrr: number[];
  pagefindMrr: number[];
  /** Each query's top five, to count the changes from the values as they are. */
  tops: string[];
  misses: string[];
}
const rows: Row[] = [];
try {
  for (const variant of variants) {
    let text = original;
    for (const [from, to] of variant.edits) {
      if (text.split(from).length !== 2) throw new Error(`${variant.name}: "${from}" is not in ${CONFIG} exactly once`);
      text = text.replace(from, to);
    }
    writeFileSync(join(TREE, CONFIG), text);
    const started = performance.now();
    const built = spawnSync(process.execPath, ['scripts/build.ts'], {
      cwd: TREE,
      env: { ...process.env, OUT_DIR: DIST, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`${variant.name}: the build failed\n${built.stdout}\n${built.stderr}`);
    server.mount('/', DIST);
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.origin}/search/`);
    // The variant's own ranking options and word rules, from the copy it was built from.
    const config = (await import(`${pathToFileURL(join(TREE, CONFIG)).href}?variant=${rows.length}`)) as typeof import('../../src/site/search-config.ts');
    const rules = (await import(
      `${pathToFileURL(join(TREE, 'src/site/search-rules.ts')).href}?variant=${rows.length}`
    )) as typeof import('../../src/site/search-rules.ts');
    const row: Row = { variant: variant.name, rates: [], mrr: [], pagefindMrr: [], tops: [], misses: [] };
    for (const set of SETS) {
      let hits = 0;
      const mrr: number[] = [];
      for (const { q, expect } of set.queries) {
        const found = await commitmentsFor(page, q);
        if (found.slice(0, set.k).some((id) => expect.includes(id))) hits++;
        else row.misses.push(`${set.name}: "${q}"`);
        mrr.push(reciprocal(found, expect));
        row.tops.push(found.slice(0, 5).join(' '));
      }
      const ranked = await pagefindRanks(
        page,
        set.queries.map(({ q }) => rules.meaningfulWords(q).join(' ')),
        config.PAGEFIND_RANKING,
      );
      row.rates.push(hits / set.queries.length);
      row.mrr.push(mean(mrr));
      row.pagefindMrr.push(mean(set.queries.map(({ expect }, i) => reciprocal(ranked[i] ?? [], expect))));
    }
    await page.context().close();
    rows.push(row);
    console.log(
      `${variant.name}: ${row.rates.map((r, i) => `${SETS[i]?.name} ${r.toFixed(3)} (MRR ${row.mrr[i]?.toFixed(3)}, Pagefind ${row.pagefindMrr[i]?.toFixed(3)})`).join(', ')} (${Math.round((performance.now() - started) / 1000)} s)`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}

const first = rows[0];
/** A figure, and its difference from the values as they are. */
const cell = (value: number, base: number | undefined, percent: boolean) => {
  const d = value - (base ?? value);
  const show = (x: number) => (percent ? `${(x * 100).toFixed(1)}%` : x.toFixed(3));
  return `${show(value)}${Math.abs(d) < 5e-4 ? '' : ` (${d > 0 ? '+' : '−'}${percent ? (Math.abs(d) * 100).toFixed(1) : Math.abs(d).toFixed(3)})`}`;
};
const changed = (row: Row) => row.tops.filter((top, i) => top !== first?.tops[i]).length;
const allQueries = SETS.reduce((n, s) => n + s.queries.length, 0);
const report = [
  `# Search knobs, ${new Date().toISOString().slice(0, 10)}`,
  '',
  `\`node bench/search/knobs.ts\`: the real content built once per variant of \`${CONFIG}\`, one knob changed at a time, and the recall suites' queries searched through /search/ in Chromium (unthrottled; hit rates do not depend on the machine's load, ${loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} at the end). Query counts: ${SETS.map((s) => `${s.name} ${s.queries.length}`).join(', ')}.`,
  '',
  "The suites' own rates (an expected commitment in the top 3 for recall@3, in the top 5 for the rest):",
  '',
  `| variant | ${SETS.map((s) => s.name).join(' | ')} |`,
  `| --- | ${SETS.map(() => '---:').join(' | ')} |`,
  ...rows.map((row) => `| ${row.variant} | ${row.rates.map((r, i) => cell(r, first?.rates[i], true)).join(' | ')} |`),
  '',
  `Mean reciprocal rank of the first expected commitment, in the page's list / in Pagefind's own ranking of the query's meaningful words (its first 30 results), and how many of the ${allQueries} queries' top five commitments on the page changed:`,
  '',
  `| variant | ${SETS.map((s) => s.name).join(' | ')} | top five changed |`,
  `| --- | ${SETS.map(() => '---:').join(' | ')} | ---: |`,
  ...rows.map(
    (row) =>
      `| ${row.variant} | ${row.mrr.map((m, i) => `${cell(m, first?.mrr[i], false)} / ${cell(row.pagefindMrr[i] ?? 0, first?.pagefindMrr[i], false)}`).join(' | ')} | ${changed(row)} |`,
  ),
  '',
  'Misses of each variant that the values as they are do not miss:',
  '',
  ...rows.slice(1).flatMap((row) => {
    const extra = row.misses.filter((m) => !rows[0]?.misses.includes(m));
    return extra.length ? [`- ${row.variant}: ${extra.join('; ')}`] : [];
  }),
  '',
].join('\n');
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/knobs.md'), report);
console.log(`\n${report}`);
rmSync(WORK, { recursive: true, force: true });
