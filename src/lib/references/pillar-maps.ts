import type { ParsedPillars } from '../cross-references.ts';
import type { ParsedDigest } from '../parse-digest.ts';
import type { Problem } from '../problems.ts';
import { placeOf } from '../yaml.ts';

/** Each pillar's `maps` name real sources and entries of their own frameworks; its `related` name real sources. */
export function checkPillarMaps(pillarsFile: ParsedPillars | undefined, sources: Map<string, ParsedDigest>): Problem[] {
  const problems: Problem[] = [];
  if (pillarsFile) {
    pillarsFile.pillars.forEach((pillar, index) => {
      const p = pillarsFile.positions?.[index] ?? index;
      pillar.related.forEach((id, r) => {
        if (!sources.has(id)) {
          problems.push({
            file: pillarsFile.file,
            ...placeOf(pillarsFile.yaml, ['pillars', p, 'related', r]),
            subject: `pillar "${pillar.id}"`,
            field: `related[${r}]`,
            message: `names unknown source "${id}"; expected one of: ${[...sources.keys()].sort().join(', ')}`,
          });
        }
      });
      pillar.maps.forEach((mapping, m) => {
        const digest = sources.get(mapping.source);
        const subject = `pillar "${pillar.id}"`;
        if (!digest?.declaredSource) {
          problems.push({
            file: pillarsFile.file,
            ...placeOf(pillarsFile.yaml, ['pillars', p, 'maps', m, 'source']),
            subject,
            field: `maps[${m}].source`,
            message: `names unknown source "${mapping.source}"; expected one of: ${[...sources.keys()].sort().join(', ')}`,
          });
          return;
        }
        if (digest.declaredSource.fromFileName) return;
        const ids = digest.declaredSource.frameworkIds;
        mapping.entries.forEach((entry, e) => {
          if (!ids.includes(entry)) {
            problems.push({
              file: pillarsFile.file,
              ...placeOf(pillarsFile.yaml, ['pillars', p, 'maps', m, 'entries', e]),
              subject,
              field: `maps[${m}].entries[${e}]`,
              message: `names "${entry}", which is not in the framework of source "${mapping.source}"; expected one of: ${ids.join(', ') || '(the source has no framework entries)'}`,
            });
          }
        });
      });
    });
  }
  return problems;
}
