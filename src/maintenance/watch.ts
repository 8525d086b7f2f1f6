// `npm run watch`, the pure half: from the items of the configured feeds, the candidates an author
// should look at — each item published on or after the day a commitment it may touch was last
// checked (a check on that day may have come before the item), with the commitments and why
// (./matching.ts). The output for the terminal and for tools, and the reading of that JSON back
// by `npm run review -- --news`. scripts/watch.ts fetches (or reads saved copies) and prints.
import type { Graph } from '../lib/graph.ts';
import type { FeedItem } from './feeds.ts';
import { type MatchReason, type MatcherOptions, makeMatcher } from './matching.ts';
import type { NewsItem } from './review.ts';

export interface CandidateCommitment {
  id: string;
  title: string;
  checked: string;
  reasons: MatchReason[];
}

export interface Candidate {
  item: FeedItem;
  commitments: CandidateCommitment[];
}

export interface FeedStatus {
  id: string;
  title: string;
  url: string;
  /** Where the text came from: the address, or a saved file. */
  from: string;
  ok: boolean;
  items: number;
  /** Why the feed could not be read. */
  error?: string;
}

export interface WatchResult {
  feeds: FeedStatus[];
  /** Newest item first. */
  candidates: Candidate[];
  /** Items read, items that matched a commitment but came before its check, and items that matched none. */
  counts: { items: number; candidates: number; beforeCheck: number; unmatched: number };
}

/** Matches every item against the graph and keeps, for each, the commitments checked on or before its day. */
export function findCandidates(graph: Graph, feeds: FeedStatus[], items: readonly FeedItem[], options: MatcherOptions = {}): WatchResult {
  const match = makeMatcher(graph, options);
  const candidates: Candidate[] = [];
  let beforeCheck = 0;
  let unmatched = 0;
  for (const item of items) {
    const matches = match(item);
    if (matches.length === 0) {
      unmatched += 1;
      continue;
    }
    // An undated item is kept: there is no telling it came before the check.
    const since = matches.filter(({ commitment }) => !item.date || item.date >= commitment.status.checked);
    if (since.length === 0) {
      beforeCheck += 1;
      continue;
    }
    candidates.push({
      item,
      commitments: since.map(({ commitment, reasons }) => ({ id: commitment.id, title: commitment.title, checked: commitment.status.checked, reasons })),
    });
  }
  const rank = new Map(items.map((item, index) => [item, index]));
  candidates.sort(
    (a, b) =>
      ((a.item.date ?? '') < (b.item.date ?? '') ? 1 : (a.item.date ?? '') > (b.item.date ?? '') ? -1 : 0) || (rank.get(a.item) ?? 0) - (rank.get(b.item) ?? 0),
  );
  return { feeds, candidates, counts: { items: items.length, candidates: candidates.length, beforeCheck, unmatched } };
}

/** The candidates for the terminal: the item (date, feed, title, link), then each commitment it may touch and why. */
export function formatCandidates(result: WatchResult): string {
  const lines: string[] = [];
  for (const feed of result.feeds) {
    lines.push(
      feed.ok
        ? `read ${feed.id}: ${feed.items} item${feed.items === 1 ? '' : 's'} (${feed.from})`
        : `could not read ${feed.id} (${feed.from}): ${feed.error}; skipped`,
    );
  }
  lines.push('');
  for (const { item, commitments } of result.candidates) {
    lines.push(`${item.date ?? 'undated'}  ${item.feed}  ${item.title}`);
    if (item.link) lines.push(`  ${item.link}`);
    // Commitments reached only through an Act are grouped by the section that carries them: a
    // commencement order may touch every section not yet in force, and one line each would bury the rest.
    const byAct = new Map<string, string[]>();
    for (const c of commitments) {
      if (c.reasons.every((r) => r.kind === 'act')) {
        for (const reason of c.reasons) byAct.set(reason.text, [...(byAct.get(reason.text) ?? []), c.id]);
        continue;
      }
      lines.push(`  may touch ${c.id} (checked ${c.checked}): ${c.reasons.map((r) => r.text).join('; ')}`);
    }
    for (const [reason, ids] of byAct) lines.push(`  may touch ${ids.join(', ')}: ${reason}`);
    lines.push('');
  }
  const { counts } = result;
  const failed = result.feeds.filter((feed) => !feed.ok).length;
  lines.push(
    `${counts.candidates} candidate${counts.candidates === 1 ? '' : 's'} from ${counts.items} item${counts.items === 1 ? '' : 's'} in ${result.feeds.length - failed} feed${result.feeds.length - failed === 1 ? '' : 's'}` +
      ` (${counts.beforeCheck} matched only commitments checked since, ${counts.unmatched} matched none)${failed ? `; ${failed} feed${failed === 1 ? '' : 's'} could not be read` : ''}.`,
  );
  return lines.join('\n');
}

export const toWatchJson = (result: WatchResult): string => `${JSON.stringify(result, null, 2)}\n`;

/** Reads `npm run watch -- --json` back, for `npm run review -- --news`: one news item per commitment an item may touch. Throws with what is wrong. */
export function newsFromWatchJson(json: unknown): NewsItem[] {
  const candidates = (json as { candidates?: unknown })?.candidates;
  if (!Array.isArray(candidates)) throw new Error('has no "candidates" list');
  const news: NewsItem[] = [];
  for (const candidate of candidates as Partial<Candidate>[]) {
    const item = candidate?.item;
    if (!item || typeof item.title !== 'string' || !Array.isArray(candidate.commitments))
      throw new Error('has a candidate without an item title or commitments');
    for (const c of candidate.commitments) {
      if (typeof c?.id !== 'string') throw new Error(`has a commitment without an id under "${item.title}"`);
      news.push({ commitment: c.id, title: item.title, date: item.date ?? 'undated', feed: item.feed, ...(item.link ? { link: item.link } : {}) });
    }
  }
  return news;
}
