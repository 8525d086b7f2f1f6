// Everything a pillar page renders: src/pages/pillars/[id].astro only renders it.
import type { PillarRecord } from '../../lib/graph.ts';
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
}

export function pillarPage({ graph, urls }: SiteContext, pillar: PillarRecord): PillarPage {
  const bySource = pillarBySource(graph, pillar.id);
  return {
    pillar,
    path: urls.pillar(pillar.id),
    crumbs: [
      { href: urls.home(), text: 'Home' },
      { href: urls.page('pillars/'), text: 'Pillars' },
    ],
    bySource,
    byFramework: pillarByFramework(graph, pillar.id),
    total: bySource.reduce((n, group) => n + group.commitments.length, 0),
    statuses: statusCounts(
      graph,
      bySource.flatMap((group) => group.commitments),
    ),
  };
}

export const pillarPaths = (context: SiteContext) => context.graph.pillars.map((pillar) => ({ params: { id: pillar.id }, props: pillarPage(context, pillar) }));
