// Pure views of the graph that pages render: lineage chains, groupings and the timeline.
import { compareDates, compareIds, type CommitmentRecord, type Edge, type EntityRef, type Graph, type SourceRecord } from '../lib/graph.ts';
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
  const edgesOf = (at: string) => [...(graph.lineageFrom.get(at) ?? []), ...(graph.lineageTo.get(at) ?? [])];
  const seen = new Set([id]);
  const queue = [id];
  while (queue.length) {
    const at = queue.shift() as string;
    for (const edge of edgesOf(at)) {
      const next = edge.from.id === at ? edge.to.id : edge.from.id;
      if (!seen.has(next) && graph.commitment.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  if (seen.size < 2) return [];
  // Sources in date order, document order within a source (a chain is short: sort just its members).
  const place = (c: CommitmentRecord) => sourceOf(graph, c).commitments.indexOf(c.id);
  return [...seen]
    .map((member) => graph.commitment.get(member) as CommitmentRecord)
    .sort((a, b) => {
      const [sa, sb] = [sourceOf(graph, a), sourceOf(graph, b)];
      return compareDates(sa.published, sb.published) || compareIds(sa.id, sb.id) || place(a) - place(b);
    })
    .map((commitment) => ({
      commitment,
      source: sourceOf(graph, commitment),
      current: commitment.id === id,
      links: edgesOf(commitment.id).map((edge): ChainLink => {
        const note = edge.note ? { note: edge.note } : {};
        return edge.from.id === commitment.id
          ? { label: LINEAGE_RELATIONS[edge.relation].label, id: edge.to.id, ...note }
          : { label: LINEAGE_RELATIONS[edge.relation].inverse, id: edge.from.id, ...note };
      }),
    }));
}

export interface FrameworkGroup {
  entry: FrameworkEntry;
  commitments: CommitmentRecord[];
}

/** A source's commitments under its own framework, in framework order; entries with none are kept. */
export function commitmentsByFramework(graph: Graph, sourceId: string): FrameworkGroup[] {
  const source = graph.source.get(sourceId);
  const entries = graph.commitmentsByFramework.get(sourceId);
  if (!source || !entries) return [];
  return source.framework.map((entry) => ({ entry, commitments: entries.get(entry.id) ?? [] }));
}

export interface SourceGroup {
  source: SourceRecord;
  commitments: CommitmentRecord[];
}

/** Commitments tagged with a pillar, grouped by source in date order (document order within a source). */
export function pillarBySource(graph: Graph, pillarId: string): SourceGroup[] {
  return groupBy(graph.commitmentsByPillar.get(pillarId) ?? [], (c) => c.source).map(([id, commitments]) => ({
    source: graph.source.get(id) as SourceRecord,
    commitments,
  }));
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

/** Number of commitments tagged with a pillar. */
export const pillarCount = (graph: Graph, pillarId: string): number => graph.commitmentsByPillar.get(pillarId)?.length ?? 0;

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
    entries.push({ date: c.status.asOf, what: 'status', kind: 'commitment', id: c.id, title: c.title, source, detail: c.status.summary });
  }
  const rank = { published: 0, due: 1, status: 2 } as const;
  return entries.sort((a, b) => compareDates(a.date, b.date) || rank[a.what] - rank[b.what] || compareIds(a.id, b.id));
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
export const extractsFor = (graph: Graph, commitmentId: string) => graph.extractsByCommitment.get(commitmentId) ?? [];

/** How a backlink reads, e.g. "Mentions this", "Builds on this", "Continues this". */
export function backlinkLabel(edge: Edge): string {
  switch (edge.type) {
    case 'mentions':
      return 'Mentions this';
    case 'quotes':
      return 'Quotes this';
    case 'lineage':
      return `${LINEAGE_RELATIONS[edge.relation].label} this`;
    case 'related':
      return `${RELATIONS[edge.relation].label} this`;
    case 'legislation':
      return edge.section ? `Put into law by section ${edge.section} of this` : 'Put into law by this';
  }
}

export interface Backlink extends EntityRef {
  labels: string[];
}

/**
 * Who points at an entity, one row per referrer with every way it does so ("Builds on this",
 * "Mentions this"), leaving out `except` types of edge (e.g. lineage, shown as a chain) and
 * edges from inside the same source (`ownSource`).
 */
export function backlinks(graph: Graph, id: string, options: { except?: readonly Edge['type'][]; ownSource?: string } = {}): Backlink[] {
  const { except = [], ownSource } = options;
  const rows: Backlink[] = [];
  for (const edge of graph.edgesTo.get(id) ?? []) {
    if (edge.from.id === id || except.includes(edge.type)) continue;
    if (ownSource && sourceIdOf(graph, edge.from) === ownSource) continue;
    const label = backlinkLabel(edge);
    const row = rows.find((r) => r.kind === edge.from.kind && r.id === edge.from.id);
    if (!row) rows.push({ kind: edge.from.kind, id: edge.from.id, labels: [label] });
    else if (!row.labels.includes(label)) row.labels.push(label);
  }
  return rows;
}

/** The source an entity belongs to (a source belongs to itself; a pillar to none). */
export function sourceIdOf(graph: Graph, entity: EntityRef): string | undefined {
  if (entity.kind === 'source') return entity.id;
  if (entity.kind === 'commitment') return graph.commitment.get(entity.id)?.source;
  if (entity.kind === 'extract') return graph.extract.get(entity.id)?.source;
  return undefined;
}

/** The title to show for any entity: a source's short title, otherwise its title. */
export function entityTitle(graph: Graph, entity: EntityRef): string {
  if (entity.kind === 'source') return graph.source.get(entity.id)?.shortTitle ?? entity.id;
  return graph[entity.kind].get(entity.id)?.title ?? entity.id;
}

/** Number of commitments tagged with each pillar. */
export const pillarCounts = (graph: Graph): Map<string, number> => new Map(graph.pillars.map((p) => [p.id, pillarCount(graph, p.id)]));
