// The delivery tracker: its pure views of the graph (src/site/tracker.ts), then the built pages of
// each test site against the published data (tracker counts equal commitments.json).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { CommitmentRecord, Graph } from '../../src/lib/graph.ts';
import { loadContent } from '../../src/lib/load.ts';
import type { CommitmentExport } from '../../src/lib/schema/export.ts';
import { STATUSES } from '../../src/lib/schema/commitment.ts';
import {
  atomDate, bySource, inTrackerOrder, isOverdue, newestAsOf, overdue, STATUS_VALUES, statusCounts, statusLabel, statusOf, trackerLists,
} from '../../src/site/tracker.ts';
import { readPages, type Page } from '../support/dist.ts';
import { SITES } from '../support/sites.ts';

const root = resolve(import.meta.dirname, '../..');

function fixtureGraph(): Graph {
  const result = loadContent(join(root, 'tests/fixtures/good'));
  if (!result.ok) throw new Error('fixture tests/fixtures/good does not load');
  return result.graph;
}

type Status = NonNullable<CommitmentRecord['status']>;
const status = (value: Status['value'], asOf: string): Status => ({ value, asOf, summary: 'Test.', evidence: [{ citation: 'Test' }] });

/** The fixture graph with its commitments' statuses and due dates replaced, for tables of cases. */
function withStatuses(graph: Graph, changes: Record<string, { status?: Status; due?: string }>): Graph {
  const commitments = graph.commitments.map((c) => {
    const change = changes[c.id];
    if (!change) return c;
    const { status: _status, due: _due, ...rest } = c;
    return { ...rest, ...(change.status ? { status: change.status } : {}), ...(change.due ? { due: change.due } : {}) };
  });
  return { ...graph, commitments, commitment: new Map(commitments.map((c) => [c.id, c])) };
}

describe('the tracker views (src/site/tracker.ts)', () => {
  const fixture = fixtureGraph();
  const firstId = fixture.commitments[0]?.id ?? '';
  // One commitment without a status, whatever the fixture holds, as while the content pass is under way.
  const graph = withStatuses(fixture, { [firstId]: {} });

  it('reads a missing status as "No status yet" and labels every status in words', () => {
    expect(statusOf({})).toBe('no-status');
    expect(statusLabel('no-status')).toBe('No status yet');
    expect(STATUS_VALUES.map(statusLabel)).toEqual(Object.values(STATUSES));
  });

  it('counts every commitment once, by source and status, and shows "No status yet" only while some commitment lacks one', () => {
    const counts = statusCounts(graph);
    expect(counts.total).toBe(graph.commitments.length);
    expect(counts.rows.map((row) => row.source.id)).toEqual(graph.sources.filter((s) => graph.commitments.some((c) => c.source === s.id)).map((s) => s.id));
    for (const row of counts.rows) {
      expect(Object.values(row.counts).reduce((a, b) => a + b, 0)).toBe(row.total);
      for (const value of [...STATUS_VALUES, 'no-status'] as const) {
        expect(row.counts[value], `${row.source.id} ${value}`).toBe(graph.commitments.filter((c) => c.source === row.source.id && statusOf(c) === value).length);
      }
    }
    expect(counts.totals['no-status']).toBeGreaterThan(0);
    expect(counts.columns.at(-1)).toBe('no-status');
    const all = withStatuses(graph, Object.fromEntries(graph.commitments.map((c) => [c.id, { status: status('delivered', '2024'), ...(c.due ? { due: c.due } : {}) }])));
    expect(statusCounts(all).columns).toEqual(STATUS_VALUES);
    expect(statusCounts(all).totals.delivered).toBe(graph.commitments.length);
  });

  it("counts only the given commitments (a pillar's), leaving out sources with none", () => {
    const one = graph.commitments.slice(0, 1);
    const counts = statusCounts(graph, one);
    expect(counts.total).toBe(1);
    expect(counts.rows.map((row) => row.source.id)).toEqual([one[0]?.source]);
  });

  it.each([
    ['2020', '2021-01', undefined, true],
    ['2020', '2020-12-31', undefined, false],
    ['2020-06', '2020-07', 'in-progress', true],
    ['2020-06', '2020-06-30', 'in-progress', false],
    ['2020-06-15', '2020-06-16', 'not-known', true],
    ['2020-06-15', '2020-06', 'dropped', false],
    ['2020', '2026', 'partly-delivered', true],
    ['2020', '2026', 'dropped', true],
    ['2020', '2026', 'delivered', false],
    ['2020', '2026', 'superseded', false],
  ] as const)('a commitment due %s, measured at %s with status %s, is overdue: %s', (due, reference, value, expected) => {
    expect(isOverdue({ due, ...(value ? { status: status(value, '2019') } : {}) }, reference)).toBe(expected);
  });

  it('counts nothing as overdue without a due date or without any status to measure against', () => {
    expect(isOverdue({}, '2030')).toBe(false);
    expect(isOverdue({ due: '2020' }, undefined)).toBe(false);
  });

  it('measures "passed" against the newest asOf in the content, never the clock', () => {
    const [first, second] = graph.commitments;
    if (!first || !second) throw new Error('the fixture needs two commitments');
    const none = Object.fromEntries(graph.commitments.map((c) => [c.id, {}]));
    const dated = (newest: string) =>
      withStatuses(graph, { ...none, [first.id]: { status: status('in-progress', '2018'), due: '2019' }, [second.id]: { status: status('not-known', newest) } });
    expect(newestAsOf(dated('2019-12'))).toBe('2019-12');
    expect(overdue(dated('2019-12')).map((c) => c.id)).toEqual([]);
    expect(newestAsOf(dated('2020-01'))).toBe('2020-01');
    expect(overdue(dated('2020-01')).map((c) => c.id)).toEqual([first.id]);
    // The more precise of two dates in the same year is the newer.
    expect(newestAsOf(withStatuses(graph, { ...none, [first.id]: { status: status('in-progress', '2020-05') }, [second.id]: { status: status('dropped', '2020') } }))).toBe('2020-05');
    expect(newestAsOf(withStatuses(graph, none))).toBeUndefined();
  });

  it('keeps a list for every status, even empty, one for commitments without a status while any exist, and the overdue one', () => {
    const lists = trackerLists(graph);
    expect(lists.map((list) => list.slug)).toEqual([...STATUS_VALUES, 'no-status', 'overdue']);
    expect(lists.find((list) => list.slug === 'no-status')?.commitments.map((c) => c.id)).toEqual([firstId]);
    const none = Object.fromEntries(fixture.commitments.map((c) => [c.id, { status: status('dropped', '2020') }]));
    expect(trackerLists(withStatuses(fixture, none)).map((list) => list.slug)).toEqual([...STATUS_VALUES, 'overdue']);
    const byStatus = lists.filter((list) => list.slug !== 'overdue').flatMap((list) => list.commitments.map((c) => c.id));
    expect([...byStatus].sort()).toEqual(graph.commitments.map((c) => c.id).sort());
    for (const list of lists.filter((l) => l.slug !== 'overdue')) expect(list.commitments.every((c) => statusOf(c) === list.slug)).toBe(true);
  });

  it('orders commitments by source date, then document order, and groups them by source', () => {
    const reversed = [...graph.commitments].reverse();
    const ordered = inTrackerOrder(graph, reversed);
    const rank = (c: CommitmentRecord) => graph.sources.findIndex((s) => s.id === c.source);
    expect(ordered.map(rank)).toEqual([...ordered.map(rank)].sort((a, b) => a - b));
    expect(bySource(graph, ordered).flatMap((group) => group.commitments.map((c) => c.id))).toEqual(ordered.map((c) => c.id));
  });

  it.each([
    ['2024', '2024-01-01T00:00:00Z'],
    ['2024-03', '2024-03-01T00:00:00Z'],
    ['2024-03-17', '2024-03-17T00:00:00Z'],
  ])('dates the partial date %s for Atom as %s', (date, expected) => expect(atomDate(date)).toBe(expected));
});

/** The counts of a built sources × statuses table: source id → status → number, read from its data attributes. */
function tableCounts(html: string): Map<string, Map<string, number>> {
  const table = /<div class="table-wrap status-table"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  const rows = new Map<string, Map<string, number>>();
  for (const row of table.matchAll(/<tr data-source="([^"]+)">([\s\S]*?)<\/tr>/g)) {
    const cells = [...(row[2] ?? '').matchAll(/<td[^>]*data-status="([^"]+)"[^>]*>(?:<a[^>]*>)?(\d+)/g)];
    rows.set(row[1] ?? '', new Map(cells.map((cell) => [cell[1] ?? '', Number(cell[2])])));
  }
  return rows;
}

/** What the table should say, from the published records alone. */
function expectedCounts(records: readonly CommitmentExport[]): Map<string, Map<string, number>> {
  const rows = new Map<string, Map<string, number>>();
  const bump = (source: string, key: string) => {
    const row = rows.get(source) ?? new Map<string, number>();
    row.set(key, (row.get(key) ?? 0) + 1);
    rows.set(source, row);
  };
  const anyWithout = records.some((c) => !c.status);
  for (const c of records) {
    for (const source of [c.source, 'all']) {
      const row = rows.get(source) ?? new Map([...STATUS_VALUES, ...(anyWithout ? ['no-status'] : [])].map((s) => [s as string, 0]));
      rows.set(source, row);
      bump(source, c.status?.value ?? 'no-status');
      bump(source, 'total');
    }
  }
  return rows;
}

const sorted = (counts: Map<string, Map<string, number>>) =>
  Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)).map(([source, row]) => [source, Object.fromEntries([...row].sort(([a], [b]) => a.localeCompare(b)))]));

describe.each(SITES.map((spec) => [spec.name, spec] as const))('the tracker of the built %s site', (name) => {
  const site = inject('sites')[name];
  if (!site) throw new Error(`site "${name}" was not built by the global setup`);
  let records: CommitmentExport[];
  let pages: Map<string, Page>;
  const url = (path: string) => `${site.base}${path}`;
  const html = (path: string) => {
    const page = pages.get(url(path));
    if (!page) throw new Error(`no page at ${url(path)}`);
    return page.html;
  };
  /** Commitment ids linked from a list page's section for one source (or the whole main). */
  const listed = (path: string, sourceId?: string) => {
    const main = /<main[\s\S]*<\/main>/.exec(html(path))?.[0] ?? '';
    const part = sourceId ? (new RegExp(`<section aria-labelledby="source-${sourceId}">([\\s\\S]*?)</section>`).exec(main)?.[1] ?? '') : main;
    return [...part.matchAll(/<a href="[^"]*\/commitments\/([a-z0-9-]+)\/">/g)].map((m) => m[1] ?? '');
  };

  beforeAll(() => {
    if (!site.ok) throw new Error(`node scripts/build.ts failed for ${site.content}:\n${site.log}`);
    records = (JSON.parse(readFileSync(join(site.outDir, 'data/commitments.json'), 'utf8')) as { commitments: CommitmentExport[] }).commitments;
    pages = readPages(site.outDir, site.base);
  });

  it('counts on /tracker/ exactly what commitments.json holds, by source and status', () => {
    expect(sorted(tableCounts(html('tracker/')))).toEqual(sorted(expectedCounts(records)));
  });

  it('links each count to a list holding exactly those commitments', () => {
    const problems: string[] = [];
    for (const c of [...new Set(records.map((r) => r.source))]) {
      for (const value of [...STATUS_VALUES, 'no-status']) {
        const expected = records.filter((r) => r.source === c && (r.status?.value ?? 'no-status') === value).map((r) => r.id);
        if (expected.length === 0) continue;
        const href = `${url(`tracker/${value}/`)}#source-${c}`;
        if (!html('tracker/').includes(`href="${href}"`)) problems.push(`/tracker/ does not link ${href}`);
        const got = listed(`tracker/${value}/`, c);
        if (JSON.stringify(got) !== JSON.stringify(expected)) problems.push(`${href} lists ${got.join(', ')}; expected ${expected.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lists every commitment on /tracker/ with its status badge and "as of" date', () => {
    const main = /<table class="tracker-list">[\s\S]*?<\/table>/.exec(html('tracker/'))?.[0] ?? '';
    const rows = [...main.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1).map((m) => m[1] ?? '');
    expect(rows).toHaveLength(records.length);
    const problems = records.flatMap((c) => {
      const row = rows.find((r) => r.includes(`/commitments/${c.id}/"`));
      const label = c.status ? STATUSES[c.status.value] : 'No status yet';
      return row?.includes(`>${label}</span>`) ? [] : [`${c.id}: no row with the badge "${label}"`];
    });
    expect(problems).toEqual([]);
  });

  it('lists as overdue exactly the commitments due before the newest asOf and neither delivered nor superseded', () => {
    const newest = records.flatMap((c) => (c.status ? [c.status.asOf] : [])).sort().at(-1);
    // Independent of src/site/tracker.ts: a due period has passed when it ends before `newest`.
    const ended = (due: string) => newest !== undefined && newest.slice(0, due.length) > due;
    const expected = records.filter((c) => c.due && ended(c.due) && !['delivered', 'superseded'].includes(c.status?.value ?? '')).map((c) => c.id);
    expect([...listed('tracker/overdue/')].sort()).toEqual([...expected].sort());
  });

  it('shows a status badge wherever a commitment is listed: digests, pillar pages and the timeline', () => {
    const badge = (c: CommitmentExport) => `>${c.status ? STATUSES[c.status.value] : 'No status yet'}</span>`;
    const problems = records.flatMap((c) => {
      const entry = new RegExp(`<article class="entry" id="${c.id}"[\\s\\S]*?</article>`).exec(html(`sources/${c.source}/`))?.[0] ?? '';
      const inList = (path: string) => new RegExp(`/commitments/${c.id}/">[^<]*</a> <span class="badge[^"]*"${badge(c)}`).test(html(path));
      return [
        !entry.includes(badge(c)) && `digest ${c.source}: ${c.id} has no badge`,
        ...c.pillars.map((p) => !inList(`pillars/${p}/`) && `pillar ${p}: ${c.id} has no badge`),
        (c.due || c.status) && !html('timeline/').includes(`/commitments/${c.id}/">`) && `timeline: ${c.id} missing`,
      ].filter(Boolean);
    });
    const timelineBadges = html('timeline/').match(/class="badge /g)?.length ?? 0;
    expect(problems).toEqual([]);
    expect(timelineBadges).toBe(records.reduce((n, c) => n + (c.due ? 1 : 0) + (c.status ? 1 : 0), 0));
  });

  it("gives every pillar page the same table, counting that pillar's commitments", () => {
    const pillars = [...new Set(records.flatMap((c) => c.pillars))];
    const problems = pillars.flatMap((p) => {
      const got = sorted(tableCounts(html(`pillars/${p}/`)));
      const want = sorted(expectedCounts(records.filter((c) => c.pillars.includes(p))));
      return JSON.stringify(got) === JSON.stringify(want) ? [] : [`pillars/${p}/: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`];
    });
    expect(problems).toEqual([]);
  });

  it('needs no JavaScript, and announces the Atom feed on the tracker and home pages', () => {
    const link = `<link rel="alternate" type="application/atom+xml" title="Status updates (Atom feed)" href="${url('tracker/feed.xml')}">`;
    for (const path of ['tracker/', ...STATUS_VALUES.map((s) => `tracker/${s}/`), 'tracker/overdue/']) expect(html(path), path).not.toMatch(/<script/);
    expect(html('tracker/')).toContain(link);
    expect(html('')).toContain(link);
    expect(html('')).toContain(`href="${url('tracker/')}"`);
  });
});
