// The delivery tracker, as pure views of the graph: sources × statuses counts, the static lists by
// status, what is overdue, and the Atom feed of developments. Pages and the feed endpoint render these.
import type { CommitmentRecord, Graph, SourceRecord } from '../lib/graph.ts';
import { type DevelopmentKind, isAfter, STATUSES } from '../lib/schema/commitment.ts';
import { STATUS_REGISTRY, STATUS_VALUES, type StatusValue } from '../lib/schema/statuses.ts';
import { formatDate } from './format.ts';
import { compareDates } from './order.ts';
import { developmentAnchor, developmentLabel, latestDevelopments } from './status.ts';

export { STATUS_VALUES, type StatusValue } from '../lib/schema/statuses.ts';

export interface StatusRow {
  source: SourceRecord;
  counts: Record<StatusValue, number>;
  total: number;
}

export interface StatusCounts {
  /** One row per source that has any of the commitments, sources in date order. */
  rows: StatusRow[];
  totals: Record<StatusValue, number>;
  total: number;
}

const zeroCounts = (): Record<StatusValue, number> => Object.fromEntries(STATUS_VALUES.map((status) => [status, 0])) as Record<StatusValue, number>;

/** Sources × statuses for a set of commitments (every commitment, or one pillar's). */
export function statusCounts(graph: Graph, commitments: readonly CommitmentRecord[] = graph.commitments): StatusCounts {
  const totals = zeroCounts();
  const rows: StatusRow[] = bySource(graph, commitments).map(({ source, commitments: own }) => {
    const counts = zeroCounts();
    for (const c of own) {
      counts[c.status.value] += 1;
      totals[c.status.value] += 1;
    }
    return { source, counts, total: own.length };
  });
  return { rows, totals, total: rows.reduce((n, row) => n + row.total, 0) };
}

/**
 * The newest `asOf` of any status in the content: the tracker's "today". Measuring "overdue" against
 * it rather than the clock keeps two builds of one commit byte-identical. Undefined only for content
 * without commitments.
 */
export function newestAsOf(graph: Graph): string | undefined {
  let newest: string | undefined;
  for (const c of graph.commitments) if (!newest || compareDates(c.status.asOf, newest) > 0) newest = c.status.asOf;
  return newest;
}

/**
 * Overdue: a due date that has passed — the whole period it names lies before `reference` ("2020"
 * has passed by "2021-01", not by "2020-12") — and a status that does not close the commitment
 * (the registry's `closes`: delivered, superseded and dropped commitments are not overdue).
 */
export function isOverdue(commitment: Pick<CommitmentRecord, 'due' | 'status'>, reference: string | undefined): boolean {
  if (!commitment.due || !reference) return false;
  return !STATUS_REGISTRY[commitment.status.value].closes && isAfter(reference, commitment.due);
}

/** The statuses that close a commitment, as words for a sentence: "delivered, dropped or superseded". */
export function closingWords(): string {
  const labels = STATUS_VALUES.filter((value) => STATUS_REGISTRY[value].closes).map((value) => STATUSES[value].toLowerCase());
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}` : (labels[0] ?? '');
}

/** The commitments that set a due date: the only ones that can be overdue. */
export const withDueDate = (graph: Graph): CommitmentRecord[] => graph.commitments.filter((c) => c.due !== undefined);

export function overdue(graph: Graph): CommitmentRecord[] {
  const reference = newestAsOf(graph);
  // graph.commitments is already in the order readers meet them: sources by date, then document order.
  return graph.commitments.filter((c) => isOverdue(c, reference));
}

export interface TrackerList {
  /** The list's path under /tracker/, e.g. "in-progress". */
  slug: StatusValue | 'overdue';
  title: string;
  commitments: CommitmentRecord[];
}

/** The static filtered lists: one per status (each kept even when empty, so its URL stays), then the overdue ones. */
export function trackerLists(graph: Graph): TrackerList[] {
  return [
    ...STATUS_VALUES.map((status) => ({ slug: status, title: STATUSES[status], commitments: graph.commitments.filter((c) => c.status.value === status) })),
    { slug: 'overdue', title: 'Overdue', commitments: overdue(graph) },
  ];
}

/**
 * Any set of commitments (a pillar's, one status's) grouped by source in one pass, sources in date
 * order, order within a source kept. The graph's own index covers only every commitment of a source.
 */
export function bySource(graph: Graph, commitments: readonly CommitmentRecord[]): { source: SourceRecord; commitments: CommitmentRecord[] }[] {
  const groups = new Map<string, CommitmentRecord[]>();
  for (const c of commitments) {
    const own = groups.get(c.source);
    if (own) own.push(c);
    else groups.set(c.source, [c]);
  }
  return graph.sources.flatMap((source) => {
    const own = groups.get(source.id);
    return own ? [{ source, commitments: own }] : [];
  });
}

// ---- The Atom feed (RFC 4287) of status updates ----

export interface FeedEntry {
  id: string;
  title: string;
  updated: string;
  link: string;
  summary: string;
  category: { term: DevelopmentKind; label: string };
}

export interface Feed {
  id: string;
  title: string;
  subtitle: string;
  author: string;
  /** The feed's own URL (rel="self") and the page it follows (rel="alternate"), absolute. */
  self: string;
  alternate: string;
  /** The site's own XSL stylesheet that shows the feed as a page in a browser (path or URL). */
  stylesheet?: string;
  updated: string;
  entries: FeedEntry[];
}

/** Atom needs a full timestamp; a partial date stands for its first day, at midnight UTC. */
export function atomDate(date: string): string {
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}T00:00:00Z`;
}

/**
 * One entry per development, newest first, titled by the event ("Became law: …") and dated by it.
 * The entry id is the commitment's permanent URL plus the development's anchor on that page, so an
 * entry keeps its id however the status around it changes. (Until December 2026 the feed had one
 * entry per status, identified by the permanent URL plus `#asOf`; those ids are retired.)
 */
export function feedEntries(graph: Graph, permalink: (id: string) => string): FeedEntry[] {
  return latestDevelopments(graph).map(({ development, index, commitment: c, source }) => {
    const label = developmentLabel(development);
    const link = `${permalink(c.id)}#${developmentAnchor(c, index)}`;
    return {
      id: link,
      title: `${label}: ${c.title}`,
      updated: atomDate(development.date),
      link,
      summary: `${formatDate(development.date)}: ${development.summary} Status now: ${STATUSES[c.status.value]}, as of ${formatDate(c.status.asOf)}.${source ? ` (${source.shortTitle}, ${c.locator})` : ''}`,
      category: { term: development.kind, label },
    };
  });
}

/** When the feed last changed: its newest entry, or, for content without developments, the newest status or source. */
export function feedUpdated(graph: Graph): string {
  const newest =
    latestDevelopments(graph)[0]?.development.date ??
    newestAsOf(graph) ??
    graph.sources
      .map((s) => s.published)
      .sort(compareDates)
      .at(-1) ??
    '1970';
  return atomDate(newest);
}

// XML 1.0 forbids control characters other than tab and line breaks outright; escaping cannot make
// them valid. One pattern rather than a pass over each character: at 10,000 commitments the feed's
// text took 0.8 s that way.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the characters XML forbids is its job.
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
const xmlText = (text: string) => text.replace(NOT_IN_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function atomXml(feed: Feed): string {
  const entries = feed.entries.map((entry) =>
    [
      '  <entry>',
      `    <id>${xmlText(entry.id)}</id>`,
      `    <title>${xmlText(entry.title)}</title>`,
      `    <updated>${entry.updated}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(entry.link)}"/>`,
      `    <category term="${entry.category.term}" label="${xmlText(entry.category.label)}"/>`,
      `    <summary type="text">${xmlText(entry.summary)}</summary>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    ...(feed.stylesheet ? [`<?xml-stylesheet type="text/xsl" href="${xmlText(feed.stylesheet)}"?>`] : []),
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title>${xmlText(feed.title)}</title>`,
    `  <subtitle>${xmlText(feed.subtitle)}</subtitle>`,
    `  <updated>${feed.updated}</updated>`,
    `  <author><name>${xmlText(feed.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.alternate)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
