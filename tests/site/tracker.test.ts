// The delivery tracker: its pure views of the graph (src/site/tracker.ts), then the built pages of
// each test site against the published data (tracker counts equal commitments.json).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { CommitmentRecord, Graph } from '../../src/lib/graph.ts';
import { loadContent } from '../../src/lib/load.ts';
import type { CommitmentExport } from '../../src/lib/schema/export.ts';
import { STATUSES } from '../../src/lib/schema/commitment.ts';
import { atomDate, bySource, isOverdue, newestAsOf, overdue, STATUS_VALUES, statusCounts, trackerLists } from '../../src/site/tracker.ts';
import { readPages, type Page } from '../support/dist.ts';
import { SITES } from '../support/sites.ts';

const root = resolve(import.meta.dirname, '../..');

function fixtureGraph(): Graph {
  const result = loadContent(join(root, 'tests/fixtures/good'));
  if (!result.ok) throw new Error('fixture tests/fixtures/good does not load');
  return result.graph;
}

type Status = CommitmentRecord['status'];
const status = (value: Status['value'], asOf: string): Status => ({
  value,
  asOf,
  checked: '2026-12-01',
  summary: 'Test.',
  evidence: [{ citation: 'Test' }],
  developments: [],
});

/** The graph with some commitments' statuses (and due dates) replaced, for tables of cases. */
function withStatuses(graph: Graph, changes: Record<string, { status: Status; due?: string }>, commitments = graph.commitments): Graph {
  const changed = commitments.map((c) => {
    const change = changes[c.id];
    if (!change) return c;
    const { due: _due, ...rest } = c;
    return { ...rest, status: change.status, ...(change.due ? { due: change.due } : {}) };
  });
  return { ...graph, commitments: changed, commitment: new Map(changed.map((c) => [c.id, c])) };
}

describe('the tracker views (src/site/tracker.ts)', () => {
  const fixture = fixtureGraph();
  const [first, second] = fixture.commitments;
  if (!first || !second) throw new Error('the fixture needs two commitments');
  // Two statuses the tests rely on, whatever the fixture holds: the lists and counts below must follow.
  const graph = withStatuses(fixture, { [first.id]: { status: status('dropped', '2019') }, [second.id]: { status: status('superseded', '2018') } });

  it('counts every commitment once, by source and status', () => {
    const counts = statusCounts(graph);
    expect(counts.total).toBe(graph.commitments.length);
    expect(counts.rows.map((row) => row.source.id)).toEqual(graph.sources.filter((s) => graph.commitments.some((c) => c.source === s.id)).map((s) => s.id));
    for (const row of counts.rows) {
      expect(Object.values(row.counts).reduce((a, b) => a + b, 0)).toBe(row.total);
      for (const value of STATUS_VALUES) {
        expect(row.counts[value], `${row.source.id} ${value}`).toBe(
          graph.commitments.filter((c) => c.source === row.source.id && c.status.value === value).length,
        );
      }
    }
    expect(counts.totals.dropped).toBeGreaterThanOrEqual(1);
    expect(counts.totals.superseded).toBeGreaterThanOrEqual(1);
    expect(Object.values(counts.totals).reduce((a, b) => a + b, 0)).toBe(graph.commitments.length);
  });

  it("counts only the given commitments (a pillar's), leaving out sources with none", () => {
    const counts = statusCounts(
      graph,
      graph.commitments.filter((c) => c.id === first.id),
    );
    expect(counts.total).toBe(1);
    expect(counts.totals.dropped).toBe(1);
    expect(counts.rows.map((row) => row.source.id)).toEqual([first.source]);
  });

  it.each([
    ['2020', '2021-01', 'in-progress', true],
    ['2020', '2020-12-31', 'in-progress', false],
    ['2020-06', '2020-07', 'in-progress', true],
    ['2020-06', '2020-06-30', 'in-progress', false],
    ['2020-06-15', '2020-06-16', 'not-known', true],
    ['2020-06-15', '2020-06-16', 'not-known', true],
    ['2020-06-15', '2020-06-16', 'dropped', false],
    ['2020', '2026', 'partly-delivered', true],
    ['2020', '2026', 'dropped', false],
    ['2020', '2026', 'delivered', false],
    ['2020', '2026', 'superseded', false],
  ] as const)('a commitment due %s, measured at %s with status %s, is overdue: %s', (due, reference, value, expected) => {
    expect(isOverdue({ due, status: status(value, '2019') }, reference)).toBe(expected);
  });

  it('counts nothing as overdue without a due date or without anything to measure against', () => {
    expect(isOverdue({ status: status('in-progress', '2019') }, '2030')).toBe(false);
    expect(isOverdue({ due: '2020', status: status('in-progress', '2019') }, undefined)).toBe(false);
  });

  it('measures "passed" against the newest asOf in the content, never the clock', () => {
    const two = [first, second];
    const dated = (newest: string) =>
      withStatuses(graph, { [first.id]: { status: status('in-progress', '2018'), due: '2019' }, [second.id]: { status: status('not-known', newest) } }, two);
    expect(newestAsOf(dated('2019-12'))).toBe('2019-12');
    expect(overdue(dated('2019-12')).map((c) => c.id)).toEqual([]);
    expect(newestAsOf(dated('2020-01'))).toBe('2020-01');
    expect(overdue(dated('2020-01')).map((c) => c.id)).toEqual([first.id]);
    // The more precise of two dates in the same year is the newer.
    expect(
      newestAsOf(withStatuses(graph, { [first.id]: { status: status('in-progress', '2020-05') }, [second.id]: { status: status('dropped', '2020') } }, two)),
    ).toBe('2020-05');
    expect(newestAsOf({ ...graph, commitments: [] })).toBeUndefined();
  });

  it('keeps a list for every status, even empty, then the overdue one; each commitment is in exactly one status list', () => {
    const lists = trackerLists(graph);
    expect(lists.map((list) => list.slug)).toEqual([...STATUS_VALUES, 'overdue']);
    expect(lists.map((list) => list.title)).toEqual([...Object.values(STATUSES), 'Overdue']);
    const byStatus = lists.filter((list) => list.slug !== 'overdue').flatMap((list) => list.commitments.map((c) => c.id));
    expect([...byStatus].sort()).toEqual(graph.commitments.map((c) => c.id).sort());
    for (const list of lists.filter((l) => l.slug !== 'overdue')) expect(list.commitments.every((c) => c.status.value === list.slug)).toBe(true);
    expect(lists.find((list) => list.slug === 'dropped')?.commitments.map((c) => c.id)).toContain(first.id);
  });

  it('groups commitments by source, sources in date order, document order kept within each', () => {
    const ordered = graph.commitments;
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
  const table = /<div class="table-wrap status-table[^"]*"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
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
  for (const c of records) {
    for (const source of [c.source, 'all']) {
      rows.set(source, rows.get(source) ?? new Map(STATUS_VALUES.map((s) => [s as string, 0])));
      bump(source, c.status.value);
      bump(source, 'total');
    }
  }
  return rows;
}

const sorted = (counts: Map<string, Map<string, number>>) =>
  Object.fromEntries(
    [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([source, row]) => [source, Object.fromEntries([...row].sort(([a], [b]) => (a < b ? -1 : 1)))]),
  );

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
      for (const value of STATUS_VALUES) {
        const expected = records.filter((r) => r.source === c && r.status.value === value).map((r) => r.id);
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
      const label = STATUSES[c.status.value];
      return row?.includes(`>${label}</span>`) ? [] : [`${c.id}: no row with the badge "${label}"`];
    });
    expect(problems).toEqual([]);
  });

  if (name === 'fixture') {
    it('lists as overdue exactly the fixture commitment due in 2023 and still in progress (tests/fixtures/good)', () => {
      expect(listed('tracker/overdue/')).toEqual(['beta-staying-close-rollout']);
      expect(html('tracker/')).toContain('1 of the 2 commitments that set a date is overdue');
    });
  }

  it('shows a status badge wherever a commitment is listed: digests, pillar pages and the timeline', () => {
    const badge = (c: CommitmentExport) => `>${STATUSES[c.status.value]}</span>`;
    const problems = records.flatMap((c) => {
      const entry = new RegExp(`<article class="entry" id="${c.id}"[\\s\\S]*?</article>`).exec(html(`sources/${c.source}/`))?.[0] ?? '';
      const inList = (path: string) => new RegExp(`/commitments/${c.id}/">[^<]*</a> <span class="badge[^"]*"${badge(c)}`).test(html(path));
      return [
        !entry.includes(badge(c)) && `digest ${c.source}: ${c.id} has no badge`,
        ...c.pillars.map((p) => !inList(`pillars/${p}/`) && `pillar ${p}: ${c.id} has no badge`),
        !html('timeline/').includes(`/commitments/${c.id}/">`) && `timeline: ${c.id} missing`,
      ].filter(Boolean);
    });
    const timelineBadges = html('timeline/').match(/class="badge /g)?.length ?? 0;
    expect(problems).toEqual([]);
    expect(timelineBadges).toBe(records.reduce((n, c) => n + (c.due ? 2 : 1), 0));
  });

  it("shows each commitment's status badge in a commitment page's \"Before and after\" list and an extract page's commitment list", () => {
    const label = new Map(records.map((c) => [c.id, STATUSES[c.status.value]]));
    const badge = (id: string) => `<span class="badge badge-${records.find((c) => c.id === id)?.status.value}">${label.get(id)}</span>`;
    const problems: string[] = [];
    let chains = 0;
    for (const c of records) {
      const chain = /<ol class="chain">([\s\S]*?)<\/ol>\s*<\/section>/.exec(html(`commitments/${c.id}/`))?.[1];
      if (!chain) continue;
      chains++;
      // Each item names one commitment: linked, or this page's own ("(this commitment)").
      // Each item's own list (what links it to the others) is dropped first: only the items' heads name them.
      for (const item of chain
        .replace(/<ul>[\s\S]*?<\/ul>/g, '')
        .split(/<li[ >]/)
        .slice(1)) {
        const id =
          /^[^<]*(?:<span class="date">[^<]*<\/span>\s*)?<a href="[^"]*\/commitments\/([a-z0-9-]+)\/">/.exec(item)?.[1] ??
          (item.includes('(this commitment)') ? c.id : undefined);
        if (!id) problems.push(`commitments/${c.id}/: a "Before and after" item names no commitment`);
        else if (!item.includes(badge(id))) problems.push(`commitments/${c.id}/: "Before and after" shows ${id} without its badge ${label.get(id)}`);
      }
    }
    const extracts = [...pages.keys()].filter((path) => path.startsWith(url('extracts/')) && !pages.get(path)?.html.includes('http-equiv="refresh"'));
    let listedOnExtracts = 0;
    for (const path of extracts) {
      const list = /<dt[^>]*>Commitments?<\/dt>\s*<dd><ul>([\s\S]*?)<\/ul><\/dd>/.exec(pages.get(path)?.html ?? '')?.[1] ?? '';
      for (const [, id] of list.matchAll(/\/commitments\/([a-z0-9-]+)\/">/g)) {
        listedOnExtracts++;
        if (!id || !new RegExp(`/commitments/${id}/">[^<]*</a> <span data-pagefind-ignore>${badge(id)}`).test(list))
          problems.push(`${path}: ${id} without its badge`);
      }
    }
    expect(chains, 'commitment pages with a "Before and after" list').toBeGreaterThan(0);
    expect(listedOnExtracts, 'commitments listed on extract pages').toBeGreaterThan(0);
    expect(problems).toEqual([]);
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
    const link = `<link rel="alternate" type="application/atom+xml" title="What happened to the commitments (Atom feed)" href="${url('tracker/feed.xml')}">`;
    for (const path of ['tracker/', ...STATUS_VALUES.map((s) => `tracker/${s}/`), 'tracker/overdue/']) expect(html(path), path).not.toMatch(/<script/);
    expect(html('tracker/')).toContain(link);
    expect(html('')).toContain(link);
    expect(html('')).toContain(`href="${url('tracker/')}"`);
  });
});
