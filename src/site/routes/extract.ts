// Everything the extract page renders: src/pages/extracts/[id].astro only renders it.
import type { CommitmentRecord, ExtractRecord, SourceRecord } from '../../lib/graph.ts';
import { isKnownLocator } from '../../lib/locator.ts';
import { citation } from '../cite.ts';
import { formatDate, opening } from '../format.ts';
import { type OriginalLink, originalLink } from '../fragments.ts';
import type { QuotationData } from '../quotation.ts';
import { type Crumb, type SiteContext, sourceCrumbs } from './context.ts';
import { entityPaths } from './entity-paths.ts';

export interface ExtractPage {
  extract: ExtractRecord;
  source: SourceRecord;
  path: string;
  /** The passage's opening, for the description and link previews. */
  quote: string;
  card: { title: string; description: string };
  crumbs: Crumb[];
  commitments: CommitmentRecord[];
  citation: string;
  /** The way into the original at this passage, where the source's address is confirmed. */
  original: OriginalLink | undefined;
  /** What "Copy quotation" copies besides the passage (src/site/quotation.ts). */
  quotation: QuotationData;
}

/** What "Copy quotation" needs of an extract besides its text, on its page. */
export function quotationData(source: SourceRecord, e: ExtractRecord): QuotationData {
  return {
    title: e.title,
    ...(e.speaker ? { speaker: e.speaker } : {}),
    ...(isKnownLocator(e.locator) ? { locator: e.locator } : {}),
    source: {
      title: source.title,
      publishers: source.publishers,
      ...(source.authors ? { authors: source.authors } : {}),
      published: source.published,
      date: formatDate(source.published),
    },
  };
}

export function extractPage(context: SiteContext, e: ExtractRecord): ExtractPage {
  const { graph, urls, absolute } = context;
  const source = graph.source.get(e.source);
  if (!source) throw new Error(`extract "${e.id}" names unknown source "${e.source}"`);
  const path = urls.extract(e.id);
  const quote = opening(e.blocks.join(' '), 200);
  const date = formatDate(source.published);
  return {
    extract: e,
    source,
    path,
    quote,
    // What Teams, Slack and Outlook show of a pasted link: og:title (the passage's name, source and
    // date), og:description (the quotation's opening, in quotation marks) and og:site_name.
    card: { title: `${e.title} — ${source.shortTitle}, ${date}`, description: `“${opening(e.blocks.join(' '), 190)}”` },
    crumbs: sourceCrumbs(context, source),
    commitments: e.commitments.map((id) => graph.commitment.get(id)).filter((c) => c !== undefined),
    citation: citation({ source, locator: e.locator, entry: { title: e.title, kind: 'extract' }, permalink: absolute(path) }),
    original: originalLink(source, { blocks: e.blocks, locator: e.locator }),
    quotation: quotationData(source, e),
  };
}

/** A page per extract, and a redirect per id it was once published under. */
export const extractPaths = (context: SiteContext) => entityPaths(context.graph, 'extract', (e) => extractPage(context, e));
