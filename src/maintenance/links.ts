// `npm run check-links`, the pure half: every external address the content cites (sources'
// originals, status evidence, developments' evidence, Act sections and their evidence, links in
// prose), each with the file:line:col that cites it and what it supports; what an HTTP answer
// means for a citation (./link-check.ts asks the questions); and the report. No I/O here.
import type { RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { CommitmentRecord, Graph } from '../lib/graph.ts';
import { IN_FORCE, STATUSES } from '../lib/schema/commitment.ts';
import { sectionLabel } from '../site/status.ts';
import type { ContentPlaces, FilePlace } from './places.ts';

/** One place in the content that cites an address. */
export interface Citation extends FilePlace {
  /** What cites it, e.g. `commitment "pcf-staying-close"` or `source "keep-on-caring-2016"`. */
  subject: string;
  /** The field, e.g. `status.evidence[0].url`. */
  field: string;
  /** What the address supports, in words: `status "delivered" (as of 2019-03)`. */
  supports: string;
}

/** An address and every place that cites it, in content order. */
export interface CitedUrl {
  url: string;
  citations: Citation[];
}

const isWeb = (url: string | undefined): url is string => !!url && /^https?:\/\//i.test(url);

/** Every http(s) address in the content, each once, with all its citations; in the order the content first cites them. */
export function collectLinks(graph: Graph, places: ContentPlaces): CitedUrl[] {
  const byUrl = new Map<string, CitedUrl>();
  const cite = (url: string | undefined, citation: Citation) => {
    if (!isWeb(url)) return;
    const entry = byUrl.get(url) ?? { url, citations: [] };
    entry.citations.push(citation);
    byUrl.set(url, entry);
  };
  const fallback = (file: string, line: number): FilePlace => ({ file, line, column: 1 });

  for (const source of graph.sources) {
    const subject = `source "${source.id}"`;
    cite(source.url, {
      ...(places.source(source.id, ['url']) ?? fallback(source.file, 1)),
      subject,
      field: 'url',
      supports: `the original of ${source.shortTitle}`,
    });
    citeProse(source.prose, source.file, subject, `the prose of ${source.shortTitle}`, cite);
  }
  for (const c of graph.commitments) {
    const subject = `commitment "${c.id}"`;
    const at = (path: PropertyKey[]) => places.commitment(c.id, path) ?? fallback(c.file, c.line);
    const status = statusWords(c);
    c.status.evidence.forEach((evidence, i) => {
      cite(evidence.url, { ...at(['status', 'evidence', i, 'url']), subject, field: `status.evidence[${i}].url`, supports: status });
    });
    c.status.developments.forEach((development, d) => {
      const what = `the development of ${development.date} (${development.kind}) behind ${status}`;
      development.evidence.forEach((evidence, i) => {
        cite(evidence.url, {
          ...at(['status', 'developments', d, 'evidence', i, 'url']),
          subject,
          field: `status.developments[${d}].evidence[${i}].url`,
          supports: what,
        });
      });
    });
    c.legislation.forEach((law, l) => {
      const act = graph.source.get(law.act)?.shortTitle ?? law.act;
      const what = `"In law": ${act}${sectionLabel(law) ? `, ${sectionLabel(law)}` : ''} (${IN_FORCE[law.inForce]})`;
      cite(law.url, { ...at(['legislation', l, 'url']), subject, field: `legislation[${l}].url`, supports: what });
      law.evidence.forEach((evidence, i) => {
        cite(evidence.url, { ...at(['legislation', l, 'evidence', i, 'url']), subject, field: `legislation[${l}].evidence[${i}].url`, supports: what });
      });
    });
    citeProse(c.body, c.file, subject, `the text of ${c.id}`, cite);
  }
  for (const e of graph.extracts) citeProse(e.body, e.file, `extract "${e.id}"`, `the passage ${e.id}`, cite);
  return [...byUrl.values()];
}

const statusWords = (c: Pick<CommitmentRecord, 'status'>) => `status "${STATUSES[c.status.value].toLowerCase()}" (as of ${c.status.asOf})`;

/** Links written in Markdown prose; the parser keeps each one's place in the file. */
function citeProse(nodes: RootContent[], file: string, subject: string, supports: string, cite: (url: string | undefined, citation: Citation) => void) {
  for (const node of nodes) {
    visit(node, 'link', (link) => {
      const start = link.position?.start;
      cite(link.url, { file, line: start?.line ?? 1, column: start?.column ?? 1, subject, field: 'text', supports });
    });
  }
}

/** One addresses-to-skip entry: every address that starts with `prefix`. */
export interface SkipRule {
  prefix: string;
  reason: string;
}

export const skipRuleFor = (url: string, rules: readonly SkipRule[]): SkipRule | undefined => rules.find((rule) => url.startsWith(rule.prefix));

/** One hop of a redirect chain. */
export interface Hop {
  status: number;
  to: string;
}

/** What happened when an address was asked for, as ./link-check.ts records it. */
export interface Answer {
  url: string;
  /** The final HTTP status, when one came. */
  status?: number;
  statusText?: string;
  /** Redirects followed, in order. */
  hops: Hop[];
  /** The final address, after redirects. */
  finalUrl?: string;
  /** A network error's code (ENOTFOUND, ETIMEDOUT, ECONNRESET, …) and message, when no answer came. */
  error?: { code: string; message: string };
  /** Requests made, retries included. */
  attempts: number;
  /** HEAD, or GET when HEAD was refused. */
  method: 'HEAD' | 'GET';
  /** The timeout that applied, for the words of a timeout. */
  timeoutMs: number;
}

/**
 * - broken: the address is gone (404, 410) or its host does not exist (DNS): the content must change;
 * - moved: a permanent redirect (301, 308) to another address, which answers: cite the new one;
 * - unreachable: no usable answer (timeout, reset, refused, 403, 429, 5xx) after the retries: check by hand;
 * - redirected: temporary redirects only, and an answer: fine, listed with --verbose;
 * - ok: an answer (2xx) with no redirect.
 */
export type Verdict = 'broken' | 'moved' | 'unreachable' | 'redirected' | 'ok' | 'skipped';

export interface Outcome {
  url: string;
  verdict: Verdict;
  /** Says what was found, e.g. "404 Not Found", "moved permanently (301) to https://…". */
  detail: string;
}

const BROKEN_STATUSES = new Set([404, 410]);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_NONAME', 'EAI_NODATA']);
const PERMANENT = new Set([301, 308]);

const ERROR_WORDS: Record<string, string> = {
  ENOTFOUND: 'the host name does not exist (DNS)',
  EAI_NONAME: 'the host name does not exist (DNS)',
  EAI_NODATA: 'the host name has no address (DNS)',
  EAI_AGAIN: 'the host name could not be looked up (DNS, temporary)',
  ECONNRESET: 'the connection was reset',
  ECONNREFUSED: 'the connection was refused',
  EPIPE: 'the connection was closed',
  ENETUNREACH: 'the network is unreachable',
  EHOSTUNREACH: 'the host is unreachable',
};

const attemptsWords = (answer: Answer) => (answer.attempts > 1 ? ` (${answer.attempts} attempts)` : '');
const statusWordsOf = (answer: Answer) => `${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`;
const chainWords = (hops: readonly Hop[]) => hops.map((hop) => `${hop.status} → ${hop.to}`).join(', ');

/** What an answer means for the citations of its address. Pure. */
export function judge(answer: Answer): Outcome {
  const { url } = answer;
  if (answer.error) {
    const { code, message } = answer.error;
    if (DNS_CODES.has(code)) return { url, verdict: 'broken', detail: `${ERROR_WORDS[code] ?? message} [${code}]` };
    if (code === 'ETIMEDOUT') return { url, verdict: 'unreachable', detail: `no answer within ${answer.timeoutMs} ms${attemptsWords(answer)} [ETIMEDOUT]` };
    return { url, verdict: 'unreachable', detail: `${ERROR_WORDS[code] ?? message}${attemptsWords(answer)} [${code}]` };
  }
  const status = answer.status ?? 0;
  const via = answer.hops.length > 0 ? ` after redirects (${chainWords(answer.hops)})` : '';
  if (BROKEN_STATUSES.has(status)) return { url, verdict: 'broken', detail: `${statusWordsOf(answer)}${via}` };
  if (status < 200 || status >= 300)
    return { url, verdict: 'unreachable', detail: `answered ${statusWordsOf(answer)} to ${answer.method}${via}${attemptsWords(answer)}` };
  const final = answer.finalUrl ?? url;
  const permanent = answer.hops.some((hop) => PERMANENT.has(hop.status));
  if (answer.hops.length > 0 && final !== url) {
    if (permanent) return { url, verdict: 'moved', detail: `moved permanently to ${final} (${chainWords(answer.hops)})` };
    return { url, verdict: 'redirected', detail: `redirected for now to ${final} (${chainWords(answer.hops)})` };
  }
  return { url, verdict: 'ok', detail: statusWordsOf(answer) };
}

export interface LinkReport {
  outcomes: Outcome[];
  counts: Record<Verdict, number>;
  /** Citations of broken addresses: the count that makes the command fail. */
  brokenCitations: number;
}

export const VERDICT_ORDER: Verdict[] = ['broken', 'moved', 'unreachable', 'redirected', 'ok', 'skipped'];

export function summarise(outcomes: readonly Outcome[], links: readonly CitedUrl[]): LinkReport {
  const counts = Object.fromEntries(VERDICT_ORDER.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  for (const outcome of outcomes) counts[outcome.verdict] += 1;
  const broken = new Set(outcomes.filter((o) => o.verdict === 'broken').map((o) => o.url));
  const brokenCitations = links.filter((link) => broken.has(link.url)).reduce((n, link) => n + link.citations.length, 0);
  return { outcomes: [...outcomes], counts, brokenCitations };
}

/**
 * One line per citation of every address that needs an author (broken, moved, unreachable; with
 * `verbose`, redirected and skipped too), as validate prints a problem:
 * `file:line:col  commitment "x": status.evidence[0].url — broken: 404 Not Found: <url> (supports …)`.
 * In content order: by file, then line.
 */
export function reportLines(links: readonly CitedUrl[], outcomes: readonly Outcome[], verbose = false): string[] {
  const shown = new Set<Verdict>(verbose ? ['broken', 'moved', 'unreachable', 'redirected', 'skipped'] : ['broken', 'moved', 'unreachable']);
  const byUrl = new Map(outcomes.map((o) => [o.url, o]));
  const lines: { citation: Citation; text: string }[] = [];
  for (const link of links) {
    const outcome = byUrl.get(link.url);
    if (!outcome || !shown.has(outcome.verdict)) continue;
    for (const citation of link.citations) {
      lines.push({
        citation,
        text: `${citation.file}:${citation.line}:${citation.column}  ${citation.subject}: ${citation.field} — ${outcome.verdict}: ${outcome.detail}: ${link.url} (supports ${citation.supports})`,
      });
    }
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  lines.sort((a, b) => order(a.citation.file, b.citation.file) || a.citation.line - b.citation.line || a.citation.column - b.citation.column);
  return lines.map((line) => line.text);
}

export function summaryLine(report: LinkReport, cited: number, settings = 'content/watch.yml'): string {
  const { counts } = report;
  const checked = report.outcomes.length - counts.skipped;
  return (
    `${checked} address${checked === 1 ? '' : 'es'} checked (${cited} citation${cited === 1 ? '' : 's'} in all): ` +
    `${counts.ok} answer, ${counts.redirected} redirected for now, ${counts.moved} moved, ${counts.unreachable} unreachable, ${counts.broken} broken; ` +
    `${counts.skipped} skipped (${settings}).`
  );
}
