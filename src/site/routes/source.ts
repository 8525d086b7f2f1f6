// Everything a source's digest page renders, the Act pages' sections included:
// src/pages/sources/[id].astro only renders it.
import type { ActSection, SourceRecord } from '../../lib/graph.ts';
import { LICENCES } from '../../lib/schema/source.ts';
import { citation } from '../cite.ts';
import { type Backlink, backlinks, commitmentsByFramework, type FrameworkGroup } from '../derive.ts';
import type { Rendered } from '../render.ts';
import type { Crumb, SiteContext } from './context.ts';

export interface SourcePage {
  source: SourceRecord;
  path: string;
  crumbs: Crumb[];
  prose: Rendered;
  groups: FrameworkGroup[];
  extracts: NonNullable<ReturnType<SiteContext['graph']['extract']['get']>>[];
  /** For an Act: its sections that carry commitments. */
  sections: ActSection[];
  /** How many commitments those sections carry. */
  carried: number;
  referencedBy: Backlink[];
  licence: (typeof LICENCES)[keyof typeof LICENCES];
  contents: { id: string; text: string }[];
  citation: string;
}

export function sourcePage(context: SiteContext, source: SourceRecord): SourcePage {
  const { graph, urls, absolute, render } = context;
  const path = urls.source(source.id);
  const prose = render.prose(source);
  const groups = commitmentsByFramework(graph, source.id);
  const extracts = source.extracts.map((id) => graph.extract.get(id)).filter((e) => e !== undefined);
  const sections = graph.sectionsByAct.get(source.id) ?? [];
  // The commitments an Act carries are listed by section, not again as backlinks.
  const referencedBy = backlinks(graph, source.id, { ownSource: source.id, except: ['legislation'] });
  return {
    source,
    path,
    crumbs: [
      { href: urls.home(), text: 'Home' },
      { href: urls.page('sources/'), text: 'Sources' },
    ],
    prose,
    groups,
    extracts,
    sections,
    carried: new Set(sections.flatMap((section) => section.carries.map(({ commitment }) => commitment.id))).size,
    referencedBy,
    licence: LICENCES[source.licence.id],
    contents: [
      ...(source.commitments.length ? [{ id: 'digest-list', text: 'What it commits to' }] : []),
      { id: 'digest-coverage', text: 'About this summary' },
      // A `#` heading in prose is as much a section as a `##` one: both are listed.
      ...prose.headings.filter((h) => h.depth <= 2).map((h) => ({ id: h.id, text: h.text })),
      ...(sections.length ? [{ id: 'act-sections', text: `Sections that carry reform commitments (${sections.length})` }] : []),
      ...(groups.length ? [{ id: 'digest-commitments', text: `Each commitment in full (${source.commitments.length})` }] : []),
      ...(extracts.length ? [{ id: 'digest-extracts', text: `Extracts (${extracts.length})` }] : []),
      ...(source.related.length ? [{ id: 'digest-related', text: 'Related sources' }] : []),
      ...(referencedBy.length ? [{ id: 'digest-referenced-by', text: 'Referenced by' }] : []),
      { id: 'digest-cite', text: 'Cite this summary' },
    ],
    citation: citation({ source, permalink: absolute(path) }),
  };
}

export const sourcePaths = (context: SiteContext) => context.graph.sources.map((source) => ({ params: { id: source.id }, props: sourcePage(context, source) }));
