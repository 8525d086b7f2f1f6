import type { SourceRecord } from '../lib/graph.ts';
import { listText, yearOf } from './format.ts';

export const SITE_NAME = "Children's social care reforms, 2016–2024";

export interface CitationInput {
  source: Pick<SourceRecord, 'publishers' | 'published' | 'title'>;
  /** Where the passage or commitment stands in the original. */
  locator?: string;
  /** How the entry is named on this site, and whether it is a verbatim extract or our summary. */
  entry?: { title: string; kind: 'commitment' | 'extract' };
  /** The permanent absolute URL on this site. */
  permalink: string;
}

/**
 * A Harvard-style plain-text citation: the original document first (author, year, title,
 * locator), then where it was read (this site's entry and permanent URL).
 *   Department for Education (2016) Putting children first. Chapter 2, p. 17. Summarised in:
 *   Children's social care reforms, 2016–2024, 'Accredited practice leaders'. Available at: https://…
 */
export function citation({ source, locator, entry, permalink }: CitationInput): string {
  const title = source.title.replace(/[.\s]+$/, '');
  const parts = [`${listText(source.publishers)} (${yearOf(source.published)}) ${title}.`];
  if (locator) parts.push(`${locator.replace(/[.\s]+$/, '')}.`);
  if (entry) parts.push(`${entry.kind === 'extract' ? 'Quoted in' : 'Summarised in'}: ${SITE_NAME}, ‘${entry.title}’.`);
  else parts.push(`Digest in: ${SITE_NAME}.`);
  parts.push(`Available at: ${permalink}`);
  return parts.join(' ');
}
