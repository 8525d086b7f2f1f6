// `npm run review`: the worklist from the graph alone. On tests/fixtures/maintenance (five
// commitments, each made to need a look for a known reason, or none) the list, its reasons and
// their file:line are exact; on the real content every place it names is the field it names.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTree, readContentTree } from '../../src/lib/load.ts';
import { addMonths, lastDay, monthsBetween } from '../../src/maintenance/dates.ts';
import { contentPlaces } from '../../src/maintenance/places.ts';
import { formatMarkdown, formatTable, review } from '../../src/maintenance/review.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = 'tests/fixtures/maintenance';
const DELTA = `${FIXTURE}/sources/delta-2024.md`;

function load(dir: string) {
  const tree = readContentTree(join(repoRoot, dir), repoRoot);
  const loaded = loadTree(tree);
  if (!loaded.ok) throw new Error(`${dir} does not load: ${loaded.problems.map((p) => p.message).join('; ')}`);
  return { graph: loaded.graph, places: contentPlaces(tree) };
}

const run = (...args: string[]) => {
  const child = spawnSync(process.execPath, ['scripts/review.ts', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
};

describe('review: which commitments need a look, and why', () => {
  const { graph, places } = load(FIXTURE);
  const result = review(graph, places, { today: '2026-12-01' });
  const reasonsOf = (id: string) =>
    result.items.find((item) => item.id === id)?.findings.map((f) => `${f.reason} ${f.field} ${f.place.line}:${f.place.column}`);

  it('lists each commitment for its own reasons, each at the line of the field concerned', () => {
    expect(Object.fromEntries(result.items.map((item) => [item.id, reasonsOf(item.id)]))).toEqual({
      // delivered on one citation; its asOf (2019-05) is over a year before the newest (2026-11)
      'delta-secure-homes': ['single-citation status.evidence 109:3', 'stale-evidence status.asOf 106:3'],
      // due 2025, still in progress: overdue; and its asOf (2025-04) is over a year old
      'delta-homes-staff-registration': ['overdue due 121:1', 'stale-evidence status.asOf 125:3'],
      'delta-kinship-allowance': ['not-known status.value 89:3'],
    });
    // The two in-progress commitments with recent, doubly cited evidence and no due date need nothing.
    expect(result.items.map((item) => item.id)).not.toContain('delta-staying-close-duty');
    expect(result.counts).toEqual({ 'not-known': 1, overdue: 1, 'single-citation': 1, 'stale-evidence': 2, 'checked-long-ago': 0, news: 0 });
  });

  it('puts the oldest check first and names the status line of each', () => {
    expect(result.items.map((item) => `${item.checked} ${item.id} ${item.place.file}:${item.place.line}`)).toEqual([
      `2025-06-01 delta-secure-homes ${DELTA}:104`,
      `2026-09-01 delta-homes-staff-registration ${DELTA}:123`,
      `2026-12-01 delta-kinship-allowance ${DELTA}:88`,
    ]);
    const lines = readFileSync(join(repoRoot, DELTA), 'utf8').split('\n');
    for (const item of result.items) expect(lines[item.place.line - 1]).toBe('status:');
  });

  it('with --older-than, lists only what was checked too long ago (all its reasons kept)', () => {
    const old = review(graph, places, { today: '2026-12-01', olderThanMonths: 3 });
    expect(old.checkedBefore).toBe('2026-09-01');
    // delta-homes-staff-registration was checked on 2026-09-01 itself: not before the cut.
    expect(old.items.map((item) => [item.id, item.findings.map((f) => f.reason)])).toEqual([
      ['delta-secure-homes', ['checked-long-ago', 'single-citation', 'stale-evidence']],
    ]);
    expect(old.items[0]?.findings[0]?.text).toBe('last checked 2025-06-01, 18 months before 2026-12-01: look for news since');
    expect(review(graph, places, { today: '2026-12-01', olderThanMonths: 24 }).items).toEqual([]);
  });

  it('shows feed items found since the check beside the commitment they may touch', () => {
    const news = [
      { commitment: 'delta-staying-close-duty', title: 'Staying Close: statutory guidance', date: '2026-12-01', feed: 'govuk-dfe-policy-papers' },
      { commitment: 'delta-staying-close-duty', title: 'An older item', date: '2026-11-20', feed: 'govuk-dfe-policy-papers' },
    ];
    const withNews = review(graph, places, { today: '2026-12-01', news });
    const item = withNews.items.find((i) => i.id === 'delta-staying-close-duty');
    expect(item?.findings.map((f) => f.text)).toEqual([
      '2 feed items since it was checked (2026-11-15), newest: "Staying Close: statutory guidance" (2026-12-01, govuk-dfe-policy-papers)',
    ]);
    expect(withNews.counts.news).toBe(1);
  });

  it('prints a table (one line per commitment) and a Markdown checklist with every place', () => {
    const table = formatTable(result).split('\n');
    expect(table[0]).toMatch(/^checked +status +where +commitment +why$/);
    expect(table[1]).toMatch(new RegExp(`^2025-06-01 +delivered 2019-05 +${DELTA}:104 +delta-secure-homes +delivered on 1 citation; evidence as of 2019-05$`));
    expect(table).toContain('3 of 5 commitments listed: not known 1, overdue 1, one citation 1, old evidence 2.');
    const markdown = formatMarkdown(result);
    expect(markdown).toContain(
      `- [ ] **delta-kinship-allowance**: A kinship allowance trial (not known as of 2026-11, checked 2026-12-01) at \`${DELTA}:88:1\``,
    );
    expect(markdown).toContain(
      `  - overdue: due 2025, and "in progress" as of 2025-04: overdue against the newest asOf in the content (2026-11) (\`${DELTA}:121:1\`)`,
    );
  });
});

describe('review on the real content', () => {
  const { graph, places } = load('content');
  const result = review(graph, places, { today: '2026-12-01' });

  it('names, for every reason, the line of the very field it is about', () => {
    expect(result.items.length).toBeGreaterThan(0);
    const files = new Map<string, string[]>();
    const lineOf = (file: string, line: number) => {
      if (!files.has(file)) files.set(file, readFileSync(join(repoRoot, file), 'utf8').split('\n'));
      return files.get(file)?.[line - 1] ?? '';
    };
    for (const item of result.items) {
      expect(lineOf(item.place.file, item.place.line), item.id).toBe('status:');
      for (const finding of item.findings) {
        const key = finding.field.split('.').at(-1) ?? '';
        expect(lineOf(finding.place.file, finding.place.line), `${item.id} ${finding.field}`).toMatch(new RegExp(`^\\s*${key}:`));
      }
    }
  });

  it('lists every status that is not known', () => {
    const notKnown = graph.commitments.filter((c) => c.status.value === 'not-known').map((c) => c.id);
    expect(notKnown.length).toBeGreaterThan(0);
    expect(result.items.filter((item) => item.findings.some((f) => f.reason === 'not-known')).map((item) => item.id)).toEqual(expect.arrayContaining(notKnown));
    expect(result.counts['not-known']).toBe(notKnown.length);
  });
});

describe('npm run review', () => {
  it('prints the table from the graph alone and exits 0', () => {
    const child = run('--content', FIXTURE, '--today', '2026-12-01');
    expect(child.status).toBe(0);
    expect(child.stdout.split('\n')[0]).toMatch(/^checked +status +where +commitment +why$/);
    expect(child.stderr).toBe('');
  });

  it('with --older-than, exits 1 when anything is listed and 0 when nothing is', () => {
    const listed = run('--content', FIXTURE, '--today', '2026-12-01', '--older-than', '3');
    expect(listed.status).toBe(1);
    expect(listed.stdout).toContain('1 of 5 commitments listed');
    const none = run('--content', FIXTURE, '--today', '2026-12-01', '--older-than', '24');
    expect(none.status).toBe(0);
    expect(none.stdout).toContain('0 of 5 commitments listed');
  });

  it('--json and --markdown give the same list for tools and for a file', () => {
    const json = JSON.parse(run('--content', FIXTURE, '--today', '2026-12-01', '--json').stdout) as { items: { id: string }[]; counts: Record<string, number> };
    expect(json.items.map((item) => item.id)).toEqual(['delta-secure-homes', 'delta-homes-staff-registration', 'delta-kinship-allowance']);
    expect(run('--content', FIXTURE, '--today', '2026-12-01', '--markdown').stdout).toMatch(/^# Review worklist\n/);
  });

  it('refuses a wrong option with one line and exit 2, and content with problems with their places', () => {
    const wrong = run('--older-than', 'six');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('review: --older-than is "six"; expected a whole number of months, e.g. 6');
    const broken = run('--content', 'tests/fixtures/many-problems');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^tests\/fixtures\/many-problems\/pillars\.yml:10:5 {2}/);
    expect(broken.stderr).not.toContain('    at ');
  });
});

describe('dates for the worklist', () => {
  it.each([
    ['2020', '2020-12-31'],
    ['2020-02', '2020-02-29'],
    ['2021-02', '2021-02-28'],
    ['2020-09-14', '2020-09-14'],
  ])('the last day %s can mean is %s', (date, last) => expect(lastDay(date)).toBe(last));

  it.each([
    ['2026-12-01', -3, '2026-09-01'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -13, '2024-12-15'],
  ])('%s moved by %i months is %s', (date, months, moved) => expect(addMonths(date, months)).toBe(moved));

  it('counts a month only once its day is reached', () => {
    expect(monthsBetween('2025-06-01', '2026-12-01')).toBe(18);
    expect(monthsBetween('2025-06-02', '2026-12-01')).toBe(17);
  });
});
