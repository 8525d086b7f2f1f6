import type { ParsedDigest } from './parse-digest.ts';
import { checkIds } from './references/ids.ts';
import { checkReferences } from './references/links.ts';
import { checkPillarMaps } from './references/pillar-maps.ts';
import { checkPreviousIds } from './references/previous-ids.ts';
import type { Problem } from './problems.ts';
import type { Pillar } from './schema/pillar.ts';
import type { ParsedYaml } from './yaml.ts';

export interface ParsedPillars {
  file: string;
  pillars: Pillar[];
  yaml: ParsedYaml;
  /** Index of each pillar in the file's list, when entries that could not be read were left out. */
  positions?: number[];
}

/**
 * Checks everything that spans more than one block or file: unique ids (./references/ids.ts),
 * previous ids (./references/previous-ids.ts), that every reference resolves
 * (./references/links.ts) and the pillar maps (./references/pillar-maps.ts).
 */
export function checkCrossReferences(digests: readonly ParsedDigest[], pillarsFile: ParsedPillars | undefined): Problem[] {
  const { ids, problems } = checkIds(digests, pillarsFile);
  return [...problems, ...checkPreviousIds(digests, ids.declared), ...checkReferences(digests, pillarsFile, ids), ...checkPillarMaps(pillarsFile, ids.sources)];
}
