// The one id namespace: every source, commitment, extract and pillar id is unique across the
// whole graph; a source's id matches its file name and its framework ids are unique within it.
import { basename } from 'node:path';
import type { ParsedPillars } from '../cross-references.ts';
import type { ParsedDigest } from '../parse-digest.ts';
import type { Place, Problem } from '../problems.ts';
import { reservedBecause } from './reserved-ids.ts';
import { placeOf } from '../yaml.ts';

export interface Declared {
  kind: string;
  file: string;
  place: Place;
}

/** What was declared, for the other checks to look up. */
export interface DeclaredIds {
  declared: Map<string, Declared>;
  /** Source id → the first digest that declares it. */
  sources: Map<string, ParsedDigest>;
  /** Commitment id → its source's id. */
  commitmentSource: Map<string, string>;
  extractIds: Set<string>;
  pillarIds: Set<string>;
}

export function checkIds(digests: readonly ParsedDigest[], pillarsFile: ParsedPillars | undefined): { ids: DeclaredIds; problems: Problem[] } {
  const problems: Problem[] = [];
  const declared = new Map<string, Declared>();
  const declare = (id: string, kind: string, file: string, place: Place, subject: string) => {
    const earlier = declared.get(id);
    if (earlier) {
      problems.push({
        file,
        ...place,
        subject,
        field: 'id',
        message: `duplicates the id of ${earlier.kind} at ${earlier.file}:${earlier.place.line}; expected every id to be unique across all sources, commitments, extracts and pillars`,
      });
      return;
    }
    declared.set(id, { kind: `${kind} "${id}"`, file, place });
  };

  const sources = new Map<string, ParsedDigest>();
  const commitmentSource = new Map<string, string>();
  const extractIds = new Set<string>();
  const pillarIds = new Set<string>();

  for (const digest of digests) {
    const source = digest.declaredSource;
    if (source) {
      const id = source.id;
      declare(id, 'source', digest.file, placeOf(source.yaml, ['id']), `source "${id}"`);
      // The first file to declare an id keeps it; a duplicate must not hide the original's framework.
      if (!sources.has(id)) sources.set(id, digest);
      const expectedName = `${id}.md`;
      if (!source.fromFileName && basename(digest.file) !== expectedName) {
        problems.push({
          file: digest.file,
          ...placeOf(source.yaml, ['id']),
          subject: `source "${id}"`,
          field: 'id',
          message: `does not match the file name; expected the file to be named ${expectedName}`,
        });
      }
      const seen = new Set<string>();
      source.frameworkIds.forEach((entry, index) => {
        if (seen.has(entry)) {
          problems.push({
            file: digest.file,
            ...placeOf(source.yaml, ['framework', index, 'id']),
            subject: `source "${id}"`,
            field: `framework[${index}].id`,
            message: `duplicates framework entry "${entry}"; expected framework ids to be unique within the source`,
          });
        }
        seen.add(entry);
      });
    }
    for (const block of digest.declaredIds) {
      declare(block.id, block.kind, digest.file, block.place, `${block.kind} "${block.id}"`);
      const reserved = reservedBecause(block.id);
      if (reserved) {
        problems.push({
          file: digest.file,
          ...block.place,
          subject: `${block.kind} "${block.id}"`,
          field: 'id',
          message: `is reserved: ${reserved}; expected an id of the ${block.kind}'s own, e.g. "${digest.declaredSource?.id.split('-')[0] ?? 'src'}-${block.id}"`,
        });
      }
      if (block.kind === 'commitment' && source) commitmentSource.set(block.id, source.id);
      if (block.kind === 'extract') extractIds.add(block.id);
    }
  }
  if (pillarsFile) {
    pillarsFile.pillars.forEach((pillar, index) => {
      const position = pillarsFile.positions?.[index] ?? index;
      declare(pillar.id, 'pillar', pillarsFile.file, placeOf(pillarsFile.yaml, ['pillars', position, 'id']), `pillar "${pillar.id}"`);
      pillarIds.add(pillar.id);
    });
  }

  return { ids: { declared, sources, commitmentSource, extractIds, pillarIds }, problems };
}
