// Everything the extract page renders: src/pages/extracts/[id].astro only renders it.
import type { CommitmentRecord, ExtractRecord, SourceRecord } from '../../lib/graph.ts';
import { citation } from '../cite.ts';
import { formatDate, opening } from '../format.ts';
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
}

export function extractPage(context: SiteContext, e: ExtractRecord): ExtractPage {
  const { graph, urls, absolute } = context;
  const source = graph.source.get(e.source);
  if (!source) throw new Error(`extract "${e.id}" names unknown source "${e.source}"`);
  const path = urls.extract(e.id);
  const quote = opening(e.blocks.join(' '), 200);
  return {
    extract: e,
    source,
    path,
    quote,
    card: { title: `${e.title} — ${source.shortTitle} (${formatDate(source.published)})`, description: quote },
    crumbs: sourceCrumbs(context, source),
    commitments: e.commitments.map((id) => graph.commitment.get(id)).filter((c) => c !== undefined),
    citation: citation({ source, locator: e.locator, entry: { title: e.title, kind: 'extract' }, permalink: absolute(path) }),
  };
}

/** A page per extract, and a redirect per id it was once published under. */
export const extractPaths = (context: SiteContext) => entityPaths(context.graph, 'extract', (e) => extractPage(context, e));
