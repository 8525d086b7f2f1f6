// Everything the commitment page renders, worked out once, typed, and testable without a build:
// src/pages/commitments/[id].astro only renders it.
import type { CommitmentRecord, ExtractRecord, SourceRecord } from '../../lib/graph.ts';
import { isKnownLocator } from '../../lib/locator.ts';
import type { FrameworkEntry } from '../../lib/schema/source.ts';
import { citation } from '../cite.ts';
import { type Backlink, backlinks, type ChainItem, extractsFor, lineageChain } from '../derive.ts';
import { formatDate, opening } from '../format.ts';
import { type OriginalLink, originalLink } from '../fragments.ts';
import { type Crumb, type SiteContext, sourceCrumbs } from './context.ts';
import { entityPaths } from './entity-paths.ts';

export interface CommitmentPage {
  commitment: CommitmentRecord;
  source: SourceRecord;
  path: string;
  description: string;
  card: { title: string; description: string };
  crumbs: Crumb[];
  framework: FrameworkEntry | undefined;
  /** "By 2020 (2020)", the due date as the source words it and as a date. */
  due: string | undefined;
  chain: ChainItem[];
  extracts: ExtractRecord[];
  referencedBy: Backlink[];
  citation: string;
  /** The way to the original: at the page the locator names, where the original is a PDF. */
  original: OriginalLink | undefined;
}

/** "by 2020 (2020)": how the source words the timing, with the date when it adds something; or either alone. */
export function dueText(c: Pick<CommitmentRecord, 'due' | 'dueLabel'>): string | undefined {
  if (c.dueLabel && c.due) return `${c.dueLabel} (${formatDate(c.due)})`;
  return c.dueLabel ?? (c.due ? formatDate(c.due) : undefined);
}

export function commitmentPage(context: SiteContext, c: CommitmentRecord): CommitmentPage {
  const { graph, urls, absolute } = context;
  const source = graph.source.get(c.source);
  if (!source) throw new Error(`commitment "${c.id}" names unknown source "${c.source}"`);
  const path = urls.commitment(c.id);
  const where = isKnownLocator(c.locator) ? `${source.shortTitle}, ${c.locator}` : source.shortTitle;
  return {
    commitment: c,
    source,
    path,
    description: opening(`${where}: ${c.text}`, 200),
    card: { title: c.title, description: `Commitment in ${where}` },
    crumbs: sourceCrumbs(context, source),
    framework: source.framework.find((entry) => entry.id === c.sourcePillar),
    due: dueText(c),
    chain: lineageChain(graph, c.id),
    extracts: extractsFor(graph, c.id),
    // The chain and the extracts are shown as such; the Act sections in the status at the top.
    referencedBy: backlinks(graph, c.id, { except: ['lineage', 'quotes', 'legislation'] }),
    citation: citation({ source, locator: c.locator, entry: { title: c.title, kind: 'commitment' }, permalink: absolute(path) }),
    original: originalLink(source, { locator: c.locator }),
  };
}

/** A page per commitment, and a redirect per id it was once published under. */
export const commitmentPaths = (context: SiteContext) => entityPaths(context.graph, 'commitment', (c) => commitmentPage(context, c));
