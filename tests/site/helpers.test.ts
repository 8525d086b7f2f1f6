import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load.ts';
import type { Graph } from '../../src/lib/graph.ts';
import { makeUrls } from '../../src/site/urls.ts';
import { makeAbsolute } from '../../src/site/absolute.ts';
import { citation } from '../../src/site/cite.ts';
import { toCsv } from '../../src/site/csv.ts';
import { parseCsv } from '../support/csv.ts';
import {
  backlinks,
  commitmentsByFramework,
  groupBy,
  lineageChain,
  pillarByFramework,
  pillarBySource,
  pillarCounts,
  timelineEntries,
} from '../../src/site/derive.ts';
import { CSV_COLUMNS, commitmentRecords, commitmentRows, dataLicence } from '../../src/site/exports.ts';
import { EXPORT_FILES } from '../../src/lib/schema/export.ts';
import { firstSentence, formatDate, listText, opening } from '../../src/site/format.ts';

function fixtureGraph(): Graph {
  const result = loadContent(resolve(import.meta.dirname, '../fixtures/good'));
  if (!result.ok) throw new Error('fixture tests/fixtures/good does not load');
  return result.graph;
}
const graph = fixtureGraph();
const urls = makeUrls('/sub/');
const absolute = makeAbsolute('https://reforms.example');

describe('formatting', () => {
  it.each([
    ['2016-07-04', '4 July 2016'],
    ['2023-02', 'February 2023'],
    ['2016', '2016'],
  ])('formats the partial date %s as %s', (date, expected) => expect(formatDate(date)).toBe(expected));

  it.each([
    ['Enacted as s.17 of the Act. Not yet in force.', 'Enacted as s.17 of the Act.'],
    ['Pilots began, see p. 38. They ended in 2020.', 'Pilots began, see p. 38.'],
    ['£1.5m was announced. Then more.', '£1.5m was announced.'],
    ['One sentence only', 'One sentence only'],
    ['Royal Assent on 29 April 2026 (2026 c. 21). "Prospective" on legislation.gov.uk.', 'Royal Assent on 29 April 2026 (2026 c. 21).'],
    ['The  department\n  said so. More.', 'The department said so.'],
  ])('takes the first sentence of %j as %j', (text, expected) => expect(firstSentence(text)).toBe(expected));

  it('keeps a short passage whole and cuts a long one at a word with an ellipsis', () => {
    expect(opening('We will  keep caring.', 50)).toBe('We will keep caring.');
    const cut = opening('one two three four five six seven eight nine ten', 20);
    expect(cut).toBe('one two three four…');
    expect(cut.length).toBeLessThanOrEqual(20);
  });

  it.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A and B'],
    [['A', 'B', 'C'], 'A, B and C'],
  ])('lists %j as "%s"', (items, expected) => expect(listText(items)).toBe(expected));
});

describe('absolute URLs', () => {
  it('joins the site origin with a path that already carries the base', () => {
    expect(absolute(urls.commitment('x'))).toBe('https://reforms.example/sub/commitments/x/');
    expect(makeAbsolute('http://localhost:4321/')('/')).toBe('http://localhost:4321/');
  });
});

describe('citation', () => {
  const source = { publishers: ['Department for Education', 'HM Treasury'], published: '2016-07-04', title: 'Putting children first.' };
  it('names the original (authors, year, title), its locator, the entry and the permanent URL, Harvard style', () => {
    expect(
      citation({ source, locator: 'Chapter 2, p. 17', entry: { title: 'Practice leaders', kind: 'commitment' }, permalink: 'https://x/commitments/a/' }),
    ).toBe(
      "Department for Education and HM Treasury (2016) Putting children first. Chapter 2, p. 17. Summarised in: Children's social care reforms, 2016–2024, ‘Practice leaders’. Available at: https://x/commitments/a/",
    );
  });
  it('says an extract is quoted, not summarised', () => {
    expect(citation({ source, locator: 'p. 3', entry: { title: 'Foreword', kind: 'extract' }, permalink: 'https://x/' })).toContain('Quoted in:');
  });
});

describe('CSV', () => {
  it('round-trips commas, quotes, line breaks, empty fields and edge spaces', () => {
    const rows = [
      ['a', 'b,c', 'say "hi"'],
      ['line\nbreak', '', ' padded '],
      ['£5m; £2m', 'x\r\ny', ''],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
  it('writes one row per commitment under the header, matching the JSON records', () => {
    const records = commitmentRecords(graph, { urls, absolute });
    const parsed = parseCsv(toCsv([[...CSV_COLUMNS], ...commitmentRows(records)]));
    expect(parsed[0]).toEqual([...CSV_COLUMNS]);
    expect(parsed.slice(1).map((row) => row[0])).toEqual(graph.commitments.map((c) => c.id));
  });
});

describe('export records', () => {
  it('match their zod export schema and carry an absolute permalink', () => {
    const records = commitmentRecords(graph, { urls, absolute });
    expect(() => EXPORT_FILES.commitments.parse({ licence: dataLicence('commitments', { urls, absolute }), commitments: records })).not.toThrow();
    expect(records[0]?.permalink).toBe('https://reforms.example/sub/commitments/alpha-staying-close/');
  });
});

describe('derived views of the graph', () => {
  it('puts a lineage chain in source date order, marking the current commitment and reading each link both ways', () => {
    const chain = lineageChain(graph, 'beta-staying-close-rollout');
    expect(chain.map((item) => [item.commitment.id, item.current])).toEqual([
      ['alpha-staying-close', false],
      ['beta-staying-close-rollout', true],
    ]);
    expect(chain[0]?.links).toEqual([{ label: 'Continued by', id: 'beta-staying-close-rollout', note: 'From pilot to national roll-out.' }]);
    expect(chain[1]?.links[0]?.label).toBe('Continues');
    expect(lineageChain(graph, 'alpha-accredited-leaders')).toEqual([]);
  });

  it("groups a source's commitments under its own framework, in framework order, keeping empty entries", () => {
    expect(commitmentsByFramework(graph, 'alpha-2016').map((g) => [g.entry.id, g.commitments.map((c) => c.id)])).toEqual([
      ['people', ['alpha-accredited-leaders']],
      ['leaving-care', ['alpha-staying-close']],
    ]);
  });

  it('groups a pillar by source in date order, and by each source framework through pillars.yml maps', () => {
    expect(pillarBySource(graph, 'care-leavers').map((g) => [g.source.id, g.commitments.map((c) => c.id)])).toEqual([
      ['alpha-2016', ['alpha-staying-close']],
      ['beta-2023', ['beta-staying-close-rollout']],
    ]);
    expect(pillarByFramework(graph, 'workforce').map((v) => [v.source.id, v.groups.map((g) => g.entry.id)])).toEqual([
      ['alpha-2016', ['people']],
      ['beta-2023', ['staff']],
    ]);
    expect(pillarCounts(graph).get('workforce')).toBe(2);
  });

  it('orders the timeline by date, publications before due dates on the same date', () => {
    const entries = timelineEntries(graph);
    expect(entries.map((e) => `${e.date} ${e.what} ${e.id}`)).toEqual([
      '2016-07-04 published alpha-2016',
      '2017 due alpha-staying-close',
      '2019-03 status alpha-staying-close',
      '2023 due beta-staying-close-rollout',
      '2023-02 published beta-2023',
      '2024-01 status beta-staying-close-rollout',
      '2024-06 status alpha-accredited-leaders',
      '2026-04-29 published gamma-act-2026',
    ]);
    expect(groupBy(entries, (e) => e.date.slice(0, 4)).map(([year, items]) => [year, items.length])).toEqual([
      ['2016', 1],
      ['2017', 1],
      ['2019', 1],
      ['2023', 2],
      ['2024', 2],
      ['2026', 1],
    ]);
  });

  it('lists backlinks once per referrer with every way it refers, leaving out what the page shows elsewhere', () => {
    const rows = backlinks(graph, 'alpha-2016');
    expect(rows).toContainEqual({ kind: 'source', id: 'beta-2023', labels: ['Continues this', 'Mentions this'] });
    expect(backlinks(graph, 'alpha-staying-close', { except: ['lineage', 'quotes'] }).some((r) => r.id === 'beta-staying-close-rollout')).toBe(false);
    expect(backlinks(graph, 'alpha-2016', { ownSource: 'alpha-2016' }).every((r) => r.id !== 'alpha-staying-close')).toBe(true);
  });
});
