// A passage as a colleague gets it from "Copy quotation": the quotation, who said it, its source
// and place, the citation and the permanent link, as plain text and as HTML. Built from text only:
// every value is escaped, so no markup from the content can pass through. Pure, like cite.ts: the
// page's data comes from src/site/routes/extract.ts, the browser's copy script
// (src/site/copy-client/) adds the passage as the page shows it, the address and the day.
import { isKnownLocator } from '../lib/locator.ts';
import { accessed, type CitedSource, citation } from './cite.ts';

/** What the page holds for each extract (as JSON in `data-quotation`). */
export interface QuotationData {
  /** The extract's title on this site. */
  title: string;
  speaker?: string | undefined;
  /** The locator proper; "Not known" is left out. */
  locator?: string | undefined;
  source: CitedSource & { /** The publication date as the site words it, "4 July 2016". */ date: string };
}

/** A paragraph, or the items of a list. */
export type QuoteBlock = string | string[];

export interface Quotation extends QuotationData {
  blocks: QuoteBlock[];
  /** The permanent link, on the host the reader is on. */
  url: string;
  /** The day of copying, "1 December 2026". */
  day: string;
}

/** The labelled lines under the quotation, in order; each is left out when it has nothing to say. */
export function quotationFields(q: Quotation): [label: string, value: string][] {
  const source = `${q.source.title} (${q.source.publishers.join(', ')}, ${q.source.date})`;
  const fields: [string, string | undefined][] = [
    ['Speaker or author', q.speaker],
    ['Source', source],
    ['Where in the document', isKnownLocator(q.locator) ? q.locator : undefined],
    ['Cite as', accessed(citation({ source: q.source, locator: q.locator, entry: { title: q.title, kind: 'extract' }, permalink: q.url }), q.day)],
    ['Link', q.url],
  ];
  return fields.filter((field): field is [string, string] => !!field[1]);
}

/** Plain text, for wherever formatting is not accepted: the quotation in “ ”, then the labelled lines. */
export function quotationText(q: Quotation): string {
  const body = q.blocks.map((block) => (typeof block === 'string' ? block : block.map((item) => `• ${item}`).join('\n'))).join('\n\n');
  return `“${body}”\n\n${quotationFields(q)
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n')}\n`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as HTML text or a quoted attribute value. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** An http(s) address as a link; anything else as text. */
const link = (url: string) => (/^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : escapeHtml(url));

/**
 * HTML, for Outlook, Word and Teams: a block quotation, then the labelled lines, the source's title
 * in <cite> and the permanent link as a link. Only blockquote, p, ul, li, br, cite and a[href].
 */
export function quotationHtml(q: Quotation): string {
  const quote = q.blocks
    .map((block) => (typeof block === 'string' ? `<p>${escapeHtml(block)}</p>` : `<ul>${block.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`))
    .join('');
  const lines = quotationFields(q).map(([label, value]) => {
    if (label === 'Link') return `Link: ${link(value)}`;
    if (label === 'Cite as') {
      const at = value.lastIndexOf(q.url);
      return `Cite as: ${escapeHtml(value.slice(0, at))}${link(q.url)}${escapeHtml(value.slice(at + q.url.length))}`;
    }
    if (label === 'Source') return `Source: <cite>${escapeHtml(q.source.title)}</cite>${escapeHtml(value.slice(q.source.title.length))}`;
    return `${escapeHtml(label)}: ${escapeHtml(value)}`;
  });
  return `<blockquote>${quote}</blockquote><p>${lines.join('<br>')}</p>`;
}
