// Pure views of the graph that pages render: lineage chains, groupings and the timeline.
import { compareDates, type CommitmentRecord, type Graph, type Reference, type SourceRecord } from '../lib/graph.ts';
import { LINEAGE_RELATIONS } from '../lib/schema/commitment.ts';
import { RELATIONS, type FrameworkEntry } from '../lib/schema/source.ts';

const sourceOf = (graph: Graph, commitment: CommitmentRecord): SourceRecord => {
  const source = graph.source.get(commitment.source);
  if (!source) throw new Error(`commitment "${commitment.id}" names unknown source "${commitment.source}"`);
  return source;
};

export interface ChainLink {
  /** Read "this commitment <label> that one", e.g. "Continues" or "Continued by". */
  label: string;
  id: string;
  note?: string;
}

export interface ChainItem {
  commitment: CommitmentRecord;
  source: SourceRecord;
  current: boolean;
  links: ChainLink[];
}

/**
 * Every commitment connected to `id` by lineage, in either direction and at any distance, in the
 * date order of their sources (what came before, then after). Empty when it has no lineage.
 */
export function lineageChain(graph: Graph, id: string): ChainItem[] {
  const { edges, order } = lineageIndex(graph);
  const seen = new Set([id]);
  const queue = [id];
  while (queue.length) {
    const at = queue.shift() as string;
    for (const edge of edges.get(at) ?? []) {
      const next = edge.from === at ? edge.to : edge.from;
      if (!seen.has(next) && graph.commitment.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  if (seen.size < 2) return [];
  return [...seen]
    .map((member) => graph.commitment.get(member) as CommitmentRecord)
    .map((commitment) => ({
      commitment,
      source: sourceOf(graph, commitment),
      current: commitment.id === id,
      links: (edges.get(commitment.id) ?? []).map((edge): ChainLink => {
        const note = edge.note ? { note: edge.note } : {};
        return edge.from === commitment.id
          ? { label: LINEAGE_RELATIONS[edge.relation].label, id: edge.to, ...note }
          : { label: LINEAGE_RELATIONS[edge.relation].inverse, id: edge.from, ...note };
      }),
    }))
    .sort(
      (a, b) =>
        compareDates(a.source.published, b.source.published) ||
        a.source.id.localeCompare(b.source.id) ||
        (order.get(a.commitment.id) ?? 0) - (order.get(b.commitment.id) ?? 0),
    );
}

// Every page asks for a chain; index the edges once per graph instead of scanning them per page.
const lineageIndexes = new WeakMap<Graph, { edges: Map<string, Graph['lineage']>; order: Map<string, number> }>();
function lineageIndex(graph: Graph) {
  let index = lineageIndexes.get(graph);
  if (!index) {
    const edges = new Map<string, Graph['lineage']>();
    const add = (id: string, edge: Graph['lineage'][number]) => edges.set(id, [...(edges.get(id) ?? []), edge]);
    for (const edge of graph.lineage) {
      add(edge.from, edge);
      add(edge.to, edge);
    }
    index = { edges, order: new Map(graph.commitments.map((c, position) => [c.id, position])) };
    lineageIndexes.set(graph, index);
  }
  return index;
}

export interface FrameworkGroup {
  entry: FrameworkEntry;
  commitments: CommitmentRecord[];
}

/** A source's commitments under its own framework, in framework order; entries with none are kept. */
export function commitmentsByFramework(graph: Graph, sourceId: string): FrameworkGroup[] {
  const source = graph.source.get(sourceId);
  if (!source) return [];
  const own = graph.commitments.filter((c) => c.source === sourceId);
  return source.framework.map((entry) => ({ entry, commitments: own.filter((c) => c.sourcePillar === entry.id) }));
}

export interface SourceGroup {
  source: SourceRecord;
  commitments: CommitmentRecord[];
}

/** Commitments tagged with a pillar, grouped by source in date order (document order within a source). */
export function pillarBySource(graph: Graph, pillarId: string): SourceGroup[] {
  return graph.sources
    .map((source) => ({ source, commitments: graph.commitments.filter((c) => c.source === source.id && c.pillars.includes(pillarId)) }))
    .filter((group) => group.commitments.length > 0);
}

export interface FrameworkView {
  source: SourceRecord;
  groups: FrameworkGroup[];
}

/** The pillar seen through each source's own framework, as pillars.yml `maps` says, sources in date order. */
export function pillarByFramework(graph: Graph, pillarId: string): FrameworkView[] {
  const pillar = graph.pillar.get(pillarId);
  if (!pillar) return [];
  return graph.sources.flatMap((source) => {
    const mapped = new Set(pillar.maps.filter((m) => m.source === source.id).flatMap((m) => m.entries));
    if (mapped.size === 0) return [];
    const groups = commitmentsByFramework(graph, source.id).filter((group) => mapped.has(group.entry.id));
    return [{ source, groups }];
  });
}

/** Number of commitments tagged with each pillar. */
export function pillarCounts(graph: Graph): Map<string, number> {
  const counts = new Map(graph.pillars.map((p) => [p.id, 0]));
  for (const c of graph.commitments) for (const p of c.pillars) counts.set(p, (counts.get(p) ?? 0) + 1);
  return counts;
}

export interface TimelineEntry {
  date: string;
  what: 'published' | 'due' | 'status';
  kind: 'source' | 'commitment';
  id: string;
  title: string;
  /** The source a commitment belongs to (for commitments), or the source itself. */
  source: SourceRecord;
  detail?: string;
}

/** Sources by publication date, commitments by due date and by dated status, in time order. */
export function timelineEntries(graph: Graph): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const source of graph.sources) entries.push({ date: source.published, what: 'published', kind: 'source', id: source.id, title: source.title, source });
  for (const c of graph.commitments) {
    const source = sourceOf(graph, c);
    if (c.due) entries.push({ date: c.due, what: 'due', kind: 'commitment', id: c.id, title: c.title, source, ...(c.dueLabel ? { detail: c.dueLabel } : {}) });
    if (c.status) entries.push({ date: c.status.asOf, what: 'status', kind: 'commitment', id: c.id, title: c.title, source, detail: c.status.summary });
  }
  const rank = { published: 0, due: 1, status: 2 } as const;
  return entries.sort((a, b) => compareDates(a.date, b.date) || rank[a.what] - rank[b.what] || a.id.localeCompare(b.id));
}

/** Groups already-sorted items by a key, keeping order: [[key, items], …]. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups: [string, T[]][] = [];
  for (const item of items) {
    const k = key(item);
    const last = groups.at(-1);
    if (last && last[0] === k) last[1].push(item);
    else groups.push([k, [item]]);
  }
  return groups;
}

/** Extracts that quote a commitment, in graph order. */
export const extractsFor = (graph: Graph, commitmentId: string) => graph.extracts.filter((e) => e.commitments.includes(commitmentId));

/** How a backlink reads, e.g. "Mentions this", "Builds on this", "Continues this". */
export function backlinkLabel(reference: Reference): string {
  if (reference.how === 'mentions') return 'Mentions this';
  if (reference.how === 'quotes') return 'Quotes this';
  const lineage = /^lineage: (.+)$/.exec(reference.how)?.[1];
  const relation = lineage
    ? LINEAGE_RELATIONS[lineage as keyof typeof LINEAGE_RELATIONS]
    : RELATIONS[reference.how as keyof typeof RELATIONS];
  return relation ? `${relation.label} this` : reference.how;
}


export interface Backlink {
  kind: Reference['kind'];
  id: string;
  labels: string[];
}

/**
 * Who points at an entity, one row per referrer with every way it does so ("Builds on this",
 * "Mentions this"), leaving out `except` kinds of reference (e.g. lineage, shown as a chain) and
 * references from inside the same source (`ownSource`).
 */
export function backlinks(graph: Graph, id: string, options: { except?: readonly string[]; ownSource?: string } = {}): Backlink[] {
  const { except = [], ownSource } = options;
  const rows: Backlink[] = [];
  for (const reference of graph.referencedBy.get(id) ?? []) {
    if (reference.id === id || except.some((how) => reference.how === how || reference.how.startsWith(`${how}:`))) continue;
    if (ownSource && sourceIdOf(graph, reference) === ownSource) continue;
    const label = backlinkLabel(reference);
    const row = rows.find((r) => r.kind === reference.kind && r.id === reference.id);
    if (!row) rows.push({ kind: reference.kind, id: reference.id, labels: [label] });
    else if (!row.labels.includes(label)) row.labels.push(label);
  }
  return rows;
}

/** The source an entity belongs to (a source belongs to itself; a pillar to none). */
export function sourceIdOf(graph: Graph, entity: { kind: Reference['kind']; id: string }): string | undefined {
  if (entity.kind === 'source') return entity.id;
  if (entity.kind === 'commitment') return graph.commitment.get(entity.id)?.source;
  if (entity.kind === 'extract') return graph.extract.get(entity.id)?.source;
  return undefined;
}

/** The title to show for any entity: a source's short title, otherwise its title. */
export function entityTitle(graph: Graph, entity: { kind: Reference['kind']; id: string }): string {
  if (entity.kind === 'source') return graph.source.get(entity.id)?.shortTitle ?? entity.id;
  return graph[entity.kind].get(entity.id)?.title ?? entity.id;
}
