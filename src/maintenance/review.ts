// `npm run review`: the authors' worklist, from the graph alone. Which commitments most need a
// look, and why: a status that is not known, a due date passed without delivery, "delivered" or
// "dropped" resting on one citation, evidence over a year older than the newest in the content,
// (with --older-than) a check older than that many months, and (given `npm run watch --json`)
// feed items published since the last check. Oldest check first. Pure: the graph, the places of
// its fields and the options in; the list out. Formatting for the terminal, Markdown and JSON is
// here too; scripts/review.ts only reads and prints.
import type { CommitmentRecord, Graph } from '../lib/graph.ts';
import { STATUSES } from '../lib/schema/commitment.ts';
import { STATUS_REGISTRY } from '../lib/schema/statuses.ts';
import { isOverdue, newestAsOf } from '../site/tracker.ts';
import { addMonths, firstDay, lastDay, monthsBetween } from './dates.ts';
import { type ContentPlaces, type FilePlace, formatPlace } from './places.ts';

/** Why a commitment is on the list, each with the words a reader sees in the table and the counts. */
export const REVIEW_REASONS = {
  'not-known': { label: 'not known', means: 'the status is "not known": look again for evidence' },
  overdue: { label: 'overdue', means: 'the due date has passed without delivery (measured against the newest asOf in the content)' },
  'single-citation': { label: 'one citation', means: '"delivered" or "dropped" rests on a single citation' },
  'stale-evidence': { label: 'old evidence', means: 'the newest evidence is over a year older than the newest asOf in the content' },
  'checked-long-ago': { label: 'old check', means: 'last checked longer ago than --older-than allows' },
  news: { label: 'news', means: 'feed items published since the last check may touch it (npm run watch)' },
} as const;

export type ReviewReason = keyof typeof REVIEW_REASONS;
export const REVIEW_REASON_ORDER = Object.keys(REVIEW_REASONS) as ReviewReason[];

export interface ReviewFinding {
  reason: ReviewReason;
  /** The field it is about, e.g. `status.asOf`. */
  field: string;
  place: FilePlace;
  /** Short, for the table: "due 2020", "as of 2020-09". */
  short: string;
  /** The whole sentence, for Markdown and JSON. */
  text: string;
}

export interface ReviewItem {
  id: string;
  title: string;
  source: string;
  status: CommitmentRecord['status']['value'];
  asOf: string;
  checked: string;
  /** The `status:` line of the commitment. */
  place: FilePlace;
  findings: ReviewFinding[];
}

/** One feed item that may touch a commitment, as `npm run watch -- --json` lists it. */
export interface NewsItem {
  commitment: string;
  title: string;
  date: string;
  link?: string;
  feed: string;
}

export interface ReviewOptions {
  /** With `today`: list only commitments last checked more than this many months before today. */
  olderThanMonths?: number;
  /** YYYY-MM-DD; needed with `olderThanMonths` (the command passes the clock's day, tests a fixed one). */
  today?: string;
  /** Feed items since each commitment's check (from `npm run watch -- --json`). */
  news?: readonly NewsItem[];
}

export interface Review {
  /** The newest asOf in the content: "today" for overdue and old evidence, as on the tracker. */
  reference: string | undefined;
  /** With --older-than: commitments checked before this day are listed. */
  checkedBefore?: string;
  total: number;
  items: ReviewItem[];
  /** Commitments listed for each reason (one commitment may count under several). */
  counts: Record<ReviewReason, number>;
}

/** The citations a status rests on: its own evidence, counted once per address (or citation text where there is none). */
export function distinctCitations(commitment: Pick<CommitmentRecord, 'status'>): number {
  return new Set(commitment.status.evidence.map((e) => e.url ?? e.citation)).size;
}

export function review(graph: Graph, places: ContentPlaces, options: ReviewOptions = {}): Review {
  const reference = newestAsOf(graph);
  const checkedBefore = options.olderThanMonths !== undefined && options.today ? addMonths(options.today, -options.olderThanMonths) : undefined;
  // Over a year older than the newest asOf: the last day the status's asOf can mean is before this one.
  const staleBefore = reference ? addMonths(firstDay(reference), -12) : undefined;
  const newsBy = new Map<string, NewsItem[]>();
  for (const item of options.news ?? []) newsBy.set(item.commitment, [...(newsBy.get(item.commitment) ?? []), item]);

  const items: ReviewItem[] = [];
  for (const c of graph.commitments) {
    const status = c.status;
    const statusPlace = places.commitmentKey(c.id, [], 'status') ?? { file: c.file, line: c.line, column: 1 };
    // The field's own key ("evidence:"), not its value, which may start on the next line.
    const at = (path: PropertyKey[]) => places.commitmentKey(c.id, path.slice(0, -1), String(path.at(-1))) ?? statusPlace;
    const findings: ReviewFinding[] = [];
    const find = (reason: ReviewReason, field: string, path: PropertyKey[], short: string, text: string) =>
      findings.push({ reason, field, place: at(path), short, text });

    if (checkedBefore && status.checked < checkedBefore) {
      const months = options.today ? monthsBetween(status.checked, options.today) : 0;
      find(
        'checked-long-ago',
        'status.checked',
        ['status', 'checked'],
        `checked ${months} months ago`,
        `last checked ${status.checked}, ${months} months before ${options.today}: look for news since`,
      );
    }
    if (status.value === 'not-known') {
      find(
        'not-known',
        'status.value',
        ['status', 'value'],
        'not known',
        `status is "not known" as of ${status.asOf}: look again for evidence of what happened`,
      );
    }
    if (isOverdue(c, reference)) {
      find(
        'overdue',
        'due',
        ['due'],
        `overdue: due ${c.due}`,
        `due ${c.dueLabel ? `${c.dueLabel} (${c.due})` : c.due}, and "${STATUSES[status.value].toLowerCase()}" as of ${status.asOf}: overdue against the newest asOf in the content (${reference})`,
      );
    }
    if (STATUS_REGISTRY[status.value].corroborate && distinctCitations(c) <= 1) {
      find(
        'single-citation',
        'status.evidence',
        ['status', 'evidence'],
        `${status.value} on 1 citation`,
        `"${STATUSES[status.value].toLowerCase()}" rests on a single citation (${status.evidence[0]?.citation ?? 'none'}): add a second, independent source`,
      );
    }
    if (staleBefore && lastDay(status.asOf) < staleBefore) {
      find(
        'stale-evidence',
        'status.asOf',
        ['status', 'asOf'],
        `evidence as of ${status.asOf}`,
        `newest evidence is as of ${status.asOf}, over a year before the newest asOf in the content (${reference}): look for anything later`,
      );
    }
    const news = (newsBy.get(c.id) ?? []).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    if (news.length > 0) {
      const first = news[0] as NewsItem;
      find(
        'news',
        'status.checked',
        ['status', 'checked'],
        `${news.length} new feed item${news.length === 1 ? '' : 's'}`,
        `${news.length} feed item${news.length === 1 ? '' : 's'} since it was checked (${status.checked}), newest: "${first.title}" (${first.date}, ${first.feed})`,
      );
    }
    if (findings.length === 0) continue;
    // With --older-than, only the commitments checked too long ago are listed (with all their reasons).
    if (checkedBefore && !findings.some((f) => f.reason === 'checked-long-ago')) continue;
    items.push({ id: c.id, title: c.title, source: c.source, status: status.value, asOf: status.asOf, checked: status.checked, place: statusPlace, findings });
  }

  const rank = new Map(graph.commitments.map((c, index) => [c.id, index]));
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // Oldest check first; on the same day, the oldest evidence first; then as the tracker lists them.
  items.sort((a, b) => order(a.checked, b.checked) || order(firstDay(a.asOf), firstDay(b.asOf)) || (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  const counts = Object.fromEntries(REVIEW_REASON_ORDER.map((reason) => [reason, 0])) as Record<ReviewReason, number>;
  for (const item of items) for (const reason of new Set(item.findings.map((f) => f.reason))) counts[reason] += 1;
  return { reference, ...(checkedBefore ? { checkedBefore } : {}), total: graph.commitments.length, items, counts };
}

/** "57 of 121 commitments listed: not known 20, overdue 9, …" — reasons with none are left out. */
export function countsLine(result: Review): string {
  const parts = REVIEW_REASON_ORDER.filter((reason) => result.counts[reason] > 0).map((reason) => `${REVIEW_REASONS[reason].label} ${result.counts[reason]}`);
  return `${result.items.length} of ${result.total} commitments listed${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

/** A plain-text table for the terminal: one line per commitment (its status line, id, and why), oldest check first. */
export function formatTable(result: Review): string {
  const header = ['checked', 'status', 'where', 'commitment', 'why'];
  const rows = result.items.map((item) => [
    item.checked,
    `${item.status} ${item.asOf}`,
    `${item.place.file}:${item.place.line}`,
    item.id,
    item.findings.map((f) => f.short).join('; '),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const lines = [line(header), ...rows.map(line)];
  const legend = REVIEW_REASON_ORDER.filter((reason) => result.counts[reason] > 0).map(
    (reason) => `  ${REVIEW_REASONS[reason].label}: ${REVIEW_REASONS[reason].means}`,
  );
  const scope = result.checkedBefore ? ` (checked before ${result.checkedBefore})` : '';
  return [...lines, '', `${countsLine(result)}${scope}.`, ...(legend.length ? ['', ...legend] : [])].join('\n');
}

/** A Markdown checklist an author can work through, one item per commitment, each reason with its place. */
export function formatMarkdown(result: Review): string {
  const out = ['# Review worklist', ''];
  out.push(
    `Made from the content by \`npm run review -- --markdown\`; the newest asOf in the content is ${result.reference ?? 'none'}${result.checkedBefore ? `; listed: checked before ${result.checkedBefore}` : ''}. Oldest check first.`,
    '',
    `${countsLine(result)}.`,
    '',
  );
  for (const item of result.items) {
    out.push(
      `- [ ] **${item.id}**: ${item.title.replaceAll('*', '\\*')} (${STATUSES[item.status].toLowerCase()} as of ${item.asOf}, checked ${item.checked}) at \`${formatPlace(item.place)}\``,
    );
    for (const finding of item.findings) out.push(`  - ${REVIEW_REASONS[finding.reason].label}: ${finding.text} (\`${formatPlace(finding.place)}\`)`);
  }
  return `${out.join('\n')}\n`;
}

/** The list for tools: the same data as the table, with every place and sentence. */
export function toJson(result: Review): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
