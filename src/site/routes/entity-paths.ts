// The static paths of an entity route, once for every kind that has permanent ids: a page per live
// entity, and a redirect page per id it was once published under (previousIds), so an id keeps its
// URL for good.
import type { CommitmentRecord, ExtractRecord, Graph } from '../../lib/graph.ts';

type Kinds = { commitment: CommitmentRecord; extract: ExtractRecord };

export interface MovedProps<R> {
  movedTo: R;
}

export function entityPaths<K extends keyof Kinds, P>(
  graph: Graph,
  kind: K,
  live: (record: Kinds[K]) => P,
): { params: { id: string }; props: P | MovedProps<Kinds[K]> }[] {
  const records = (kind === 'commitment' ? graph.commitments : graph.extracts) as Kinds[K][];
  const byId = (kind === 'commitment' ? graph.commitment : graph.extract) as Map<string, Kinds[K]>;
  const pages = records.map((record) => ({ params: { id: record.id }, props: live(record) as P | MovedProps<Kinds[K]> }));
  const moved = [...graph.redirects].flatMap(([old, to]) => {
    const target = to.kind === kind ? byId.get(to.id) : undefined;
    return target ? [{ params: { id: old }, props: { movedTo: target } as P | MovedProps<Kinds[K]> }] : [];
  });
  return [...pages, ...moved];
}

export const isMoved = <R, P>(props: P | MovedProps<R>): props is MovedProps<R> => typeof props === 'object' && props !== null && 'movedTo' in props;
