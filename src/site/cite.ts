import type { SourceRecord } from '../lib/graph.ts';
import { isKnownLocator } from '../lib/locator.ts';
import { listText, yearOf } from './format.ts';

// Pure text, no Astro and nothing of Node: the browser's copy script (src/site/copy-client/)
// builds the same citation from the same function.

export const SITE_NAME = "Children's social care reforms, 2016–2024";

/** What a citation needs of its source. */
export type CitedSource = Pick<SourceRecord, 'publishers' | 'published' | 'title' | 'authors'>;

export interface CitationInput {
  source: CitedSource;
  /** Where the passage or commitment stands in the original: the locator proper; "Not known" is left out. */
  locator?: string;
  /** How the entry is named on this site, and whether it is a verbatim extract or our summary. */
  entry?: { title: string; kind: 'commitment' | 'extract' };
  /** The permanent absolute URL on this site. */
  permalink: string;
}

const stop = (text: string) => `${text.replace(/[.\s]+$/, '')}.`;

/**
 * A Harvard-style plain-text citation: the original document first (author as the document names
 * it, year, title, publisher where it is not the author, locator), then where it was read (this
 * site's entry and permanent URL).
 *   Department for Education (2016) Putting children first. Chapter 2, p. 17. Summarised in:
 *   Children's social care reforms, 2016–2024, 'Accredited practice leaders'. Available at: https://…
 *   Narey, M. (2016) Residential Care in England. Department for Education. Recommendation 5. Quoted in: …
 */
export function citation({ source, locator, entry, permalink }: CitationInput): string {
  const author = source.authors?.length ? listText(source.authors) : listText(source.publishers);
  const parts = [`${author} (${yearOf(source.published)}) ${stop(source.title)}`];
  if (source.authors?.length) parts.push(stop(listText(source.publishers)));
  if (isKnownLocator(locator)) parts.push(stop(locator));
  if (entry) parts.push(`${entry.kind === 'extract' ? 'Quoted in' : 'Summarised in'}: ${SITE_NAME}, ‘${entry.title}’.`);
  else parts.push(`Digest in: ${SITE_NAME}.`);
  parts.push(`Available at: ${permalink}`);
  return parts.join(' ');
}

/** A citation as copied: with the day it was read, "(Accessed 1 December 2026)". */
export const accessed = (citationText: string, day: string): string => `${citationText} (Accessed ${day})`;
