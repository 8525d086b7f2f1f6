// Everything a pillar page renders: src/pages/pillars/[id].astro only renders it.
import type { PillarRecord, SourceRecord } from '../../lib/graph.ts';
import { type FrameworkView, pillarByFramework, pillarBySource, type SourceGroup } from '../derive.ts';
import { type StatusCounts, statusCounts } from '../tracker.ts';
import type { Crumb, SiteContext } from './context.ts';

export interface PillarPage {
  pillar: PillarRecord;
  path: string;
  crumbs: Crumb[];
  bySource: SourceGroup[];
  byFramework: FrameworkView[];
  total: number;
  statuses: StatusCounts;
  /** The five reform documents with no commitment under this pillar: "since 2016" needs them named. */
  without: SourceRecord[];
  /** Other documents on the theme: companions mapped to the pillar, and those the pillar names as related. */
  companions: SourceRecord[];
}

export function pillarPage({ graph, urls }: SiteContext, pillar: PillarRecord): PillarPage {
  const bySource = pillarBySource(graph, pillar.id);
  const withCommitments = new Set(bySource.map((group) => group.source.id));
  const companionIds = new Set([...pillar.maps.map((m) => m.source), ...pillar.related]);
  // Only the commitments tagged with this pillar under each mapped part of a document; parts with none left out.
  const byFramework = pillarByFramework(graph, pillar.id)
    .map((view) => ({
      ...view,
      groups: view.groups
        .map((group) => ({ ...group, commitments: group.commitments.filter((c) => c.pillars.includes(pillar.id)) }))
        .filter((group) => group.commitments.length > 0),
    }))
    .filter((view) => view.groups.length > 0);
  return {
    pillar,
    path: urls.pillar(pillar.id),
    crumbs: [
      { href: urls.home(), text: 'Home' },
      { href: urls.page('pillars/'), text: 'Pillars' },
    ],
    bySource,
    byFramework,
    without: graph.sources.filter((source) => source.role === 'core' && !withCommitments.has(source.id)),
    companions: graph.sources.filter((source) => source.role === 'companion' && companionIds.has(source.id)),
    total: bySource.reduce((n, group) => n + group.commitments.length, 0),
    statuses: statusCounts(
      graph,
      bySource.flatMap((group) => group.commitments),
    ),
  };
}

export const pillarPaths = (context: SiteContext) => context.graph.pillars.map((pillar) => ({ params: { id: pillar.id }, props: pillarPage(context, pillar) }));
