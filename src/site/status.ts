// A commitment's status as readers meet it: the "In law" line, the dated history, and the latest
// developments across all commitments (the tracker's opening list and its feed). Pure views of the graph.
import type { CommitmentRecord, Graph, SourceRecord } from '../lib/graph.ts';
import { DEVELOPMENT_KINDS, type Development, type Legislation } from '../lib/schema/commitment.ts';
import { compareDates, compareIds } from './order.ts';

/** "s.17" for a confirmed section; undefined where the section is not confirmed. */
export const sectionLabel = (law: Pick<Legislation, 'section'>): string | undefined => (law.section ? `s.${law.section}` : undefined);

/** The anchor of a section on its Act's page: "section-17", or "section-not-confirmed". */
export const actSectionAnchor = (law: Pick<Legislation, 'section'>): string =>
  `section-${
    law.section
      ? law.section
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/-$/, '')
      : 'not-confirmed'
  }`;

/** How a development reads in a list or a feed title: "Became law", "Funded". */
export const developmentLabel = (development: Pick<Development, 'kind'>): string => DEVELOPMENT_KINDS[development.kind].label;

export interface DatedDevelopment {
  development: Development;
  /** Its place in the commitment's own list: with the commitment's id, a stable name for it. */
  index: number;
  commitment: CommitmentRecord;
  source: SourceRecord | undefined;
}

/**
 * Every development of every commitment, newest first; on the same date, in tracker order of the
 * commitments and, within one commitment, the later-listed first.
 */
export function latestDevelopments(graph: Graph): DatedDevelopment[] {
  const all: DatedDevelopment[] = [];
  for (const commitment of graph.commitments) {
    commitment.status.developments.forEach((development, index) => {
      all.push({ development, index, commitment, source: graph.source.get(commitment.source) });
    });
  }
  const rank = new Map(graph.commitments.map((c, index) => [c.id, index]));
  return all.sort(
    (a, b) =>
      compareDates(b.development.date, a.development.date) ||
      (rank.get(a.commitment.id) ?? 0) - (rank.get(b.commitment.id) ?? 0) ||
      b.index - a.index ||
      compareIds(a.commitment.id, b.commitment.id),
  );
}

/**
 * The fragment that names one development for good: its date and kind, with a counter only when a
 * commitment lists two of the same kind on the same date. Adding a development elsewhere in the
 * list never renames another.
 */
export function developmentAnchor(commitment: Pick<CommitmentRecord, 'status'>, index: number): string {
  const developments = commitment.status.developments;
  const own = developments[index];
  if (!own) throw new Error(`no development ${index}`);
  const base = `${own.date}-${own.kind}`;
  const twins = developments.slice(0, index).filter((d) => d.date === own.date && d.kind === own.kind).length;
  return `development-${base}${twins ? `-${twins + 1}` : ''}`;
}

/** The years that have developments, newest first: each has its page under /tracker/changes/. */
export function developmentYears(graph: Graph): string[] {
  return [...new Set(latestDevelopments(graph).map(({ development }) => development.date.slice(0, 4)))];
}
