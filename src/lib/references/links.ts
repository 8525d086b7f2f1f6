import type { ParsedPillars } from '../cross-references.ts';
import type { ParsedDigest } from '../parse-digest.ts';
import type { Problem } from '../problems.ts';
import type { DeclaredIds } from './ids.ts';
import { placeOf } from '../yaml.ts';

/**
 * Every reference from a digest resolves: related sources, the source's own framework entry,
 * pillars, lineage (to a commitment in another source), the commitments an extract quotes, and
 * entity links in prose.
 */
export function checkReferences(
  digests: readonly ParsedDigest[],
  pillarsFile: ParsedPillars | undefined,
  { sources, commitmentSource, extractIds, pillarIds }: DeclaredIds,
): Problem[] {
  const problems: Problem[] = [];
  const statusOf = new Map(digests.flatMap((digest) => digest.commitments.map((block) => [block.id, block.fields.status] as const)));
  // When pillars.yml cannot be read at all, that is the one problem to report, not every pillar reference.
  const exists = {
    source: (id: string) => sources.has(id),
    commitment: (id: string) => commitmentSource.has(id),
    extract: (id: string) => extractIds.has(id),
    pillar: (id: string) => !pillarsFile || pillarIds.has(id),
  };

  for (const digest of digests) {
    const declaredSource = digest.declaredSource;
    if (!declaredSource) continue;
    const sourceId = declaredSource.id;
    const frameworkIds = declaredSource.frameworkIds;
    digest.source?.data.related.forEach((related, index) => {
      const source = declaredSource;
      const place = placeOf(source.yaml, ['related', index, 'source']);
      if (related.source === sourceId) {
        problems.push({
          file: digest.file,
          ...place,
          subject: `source "${sourceId}"`,
          field: `related[${index}].source`,
          message: 'points at this source itself; expected another source',
        });
      } else if (!exists.source(related.source)) {
        problems.push({
          file: digest.file,
          ...place,
          subject: `source "${sourceId}"`,
          field: `related[${index}].source`,
          message: `names unknown source "${related.source}"; expected one of: ${[...sources.keys()].sort().join(', ')}`,
        });
      }
    });

    for (const block of digest.commitments) {
      const subject = `commitment "${block.id}"`;
      const at = (path: PropertyKey[]) => placeOf(block.yaml, path);
      const f = block.fields;
      if (!declaredSource.fromFileName && !frameworkIds.includes(f.sourcePillar)) {
        problems.push({
          file: digest.file,
          ...at(['sourcePillar']),
          subject,
          field: 'sourcePillar',
          message: `names "${f.sourcePillar}", which is not in the framework of source "${sourceId}"; expected one of: ${frameworkIds.join(', ') || '(the source has no framework entries)'}`,
        });
      }
      f.pillars.forEach((pillar, index) => {
        if (!exists.pillar(pillar)) {
          problems.push({
            file: digest.file,
            ...at(['pillars', index]),
            subject,
            field: `pillars[${index}]`,
            message: `names unknown pillar "${pillar}"; expected one of: ${[...pillarIds].join(', ') || '(no pillars could be read from pillars.yml)'}`,
          });
        }
      });
      f.lineage.forEach((link, index) => {
        const field = `lineage[${index}].commitment`;
        const place = at(['lineage', index, 'commitment']);
        if (link.commitment === block.id) {
          problems.push({ file: digest.file, ...place, subject, field, message: 'links the commitment to itself; expected a commitment in another source' });
        } else if (!exists.commitment(link.commitment)) {
          problems.push({
            file: digest.file,
            ...place,
            subject,
            field,
            message: `names unknown commitment "${link.commitment}"; expected the id of a commitment in another source`,
          });
        } else if (link.relation === 'restates' && statusOf.get(link.commitment)?.value !== f.status.value) {
          const original = statusOf.get(link.commitment);
          problems.push({
            file: digest.file,
            ...at(['status', 'value']),
            subject,
            field: 'status.value',
            message: `is "${f.status.value}", but it restates "${link.commitment}", whose status is "${original?.value}"; expected a restatement to carry the same status as the commitment it restates`,
          });
        } else if (commitmentSource.get(link.commitment) === sourceId) {
          problems.push({
            file: digest.file,
            ...place,
            subject,
            field,
            message: `names "${link.commitment}" in the same source; expected a commitment in another source (link within a source with a prose cross-reference)`,
          });
        }
      });
    }

    for (const block of digest.commitments) {
      block.fields.legislation.forEach((law, index) => {
        const act = sources.get(law.act)?.source?.data;
        const problem = !sources.has(law.act)
          ? `names unknown source "${law.act}"; expected the id of an Act's entry: ${actIds(sources).join(', ') || '(no source of kind "act")'}`
          : act && act.kind !== 'act'
            ? `names "${law.act}", a source of kind "${act.kind}"; expected the id of an Act's entry: ${actIds(sources).join(', ') || '(no source of kind "act")'}`
            : undefined;
        if (problem) {
          problems.push({
            file: digest.file,
            ...placeOf(block.yaml, ['legislation', index, 'act']),
            subject: `commitment "${block.id}"`,
            field: `legislation[${index}].act`,
            message: problem,
          });
        }
      });
    }

    for (const block of digest.extracts) {
      block.fields.commitments.forEach((id, index) => {
        if (!exists.commitment(id)) {
          problems.push({
            file: digest.file,
            ...placeOf(block.yaml, ['commitments', index]),
            subject: `extract "${block.id}"`,
            field: `commitments[${index}]`,
            message: `names unknown commitment "${id}"; expected the id of a commitment`,
          });
        }
      });
    }

    for (const use of digest.links) {
      if (!exists[use.link.kind](use.link.id)) {
        problems.push({
          file: digest.file,
          ...use.place,
          subject: `${use.from.kind} "${use.from.id || '(no id)'}"`,
          field: 'link',
          message: `points at unknown ${use.link.kind} "${use.link.id}"; expected the id of an existing ${use.link.kind}`,
        });
      }
    }
  }

  return problems;
}

/** The sources that are Acts, for "expected one of" in a legislation problem. */
function actIds(sources: ReadonlyMap<string, ParsedDigest>): string[] {
  return [...sources]
    .filter(([, digest]) => digest.source?.data.kind === 'act')
    .map(([id]) => id)
    .sort();
}
