import { basename } from 'node:path';
import type { ParsedDigest } from './parse-digest.ts';
import type { Place, Problem } from './problems.ts';
import type { Pillar } from './schema/pillar.ts';
import type { ParsedYaml } from './yaml.ts';

export interface ParsedPillars {
  file: string;
  pillars: Pillar[];
  yaml: ParsedYaml;
  /** Index of each pillar in the file's list, when entries that could not be read were left out. */
  positions?: number[];
}

interface Declared {
  kind: string;
  file: string;
  place: Place;
}

/**
 * Checks everything that spans more than one block or file: unique ids, and that every reference
 * (framework entry, pillar, source, commitment, extract, prose link, lineage) resolves.
 */
export function checkCrossReferences(digests: readonly ParsedDigest[], pillarsFile: ParsedPillars | undefined): Problem[] {
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
      declare(id, 'source', digest.file, source.yaml.placeOf(['id']), `source "${id}"`);
      // The first file to declare an id keeps it; a duplicate must not hide the original's framework.
      if (!sources.has(id)) sources.set(id, digest);
      const expectedName = `${id}.md`;
      if (!source.fromFileName && basename(digest.file) !== expectedName) {
        problems.push({ file: digest.file, ...source.yaml.placeOf(['id']), subject: `source "${id}"`, field: 'id', message: `does not match the file name; expected the file to be named ${expectedName}` });
      }
      const seen = new Set<string>();
      source.frameworkIds.forEach((entry, index) => {
        if (seen.has(entry)) {
          problems.push({ file: digest.file, ...source.yaml.placeOf(['framework', index, 'id']), subject: `source "${id}"`, field: `framework[${index}].id`, message: `duplicates framework entry "${entry}"; expected framework ids to be unique within the source` });
        }
        seen.add(entry);
      });
    }
    for (const block of digest.declaredIds) {
      declare(block.id, block.kind, digest.file, block.place, `${block.kind} "${block.id}"`);
      if (block.kind === 'commitment' && source) commitmentSource.set(block.id, source.id);
      if (block.kind === 'extract') extractIds.add(block.id);
    }
  }
  if (pillarsFile) {
    pillarsFile.pillars.forEach((pillar, index) => {
      const position = pillarsFile.positions?.[index] ?? index;
      declare(pillar.id, 'pillar', pillarsFile.file, pillarsFile.yaml.placeOf(['pillars', position, 'id']), `pillar "${pillar.id}"`);
      pillarIds.add(pillar.id);
    });
  }

  // previousIds share the id namespace: an old URL must never be taken by a live entity.
  for (const digest of digests) {
    for (const block of [...digest.commitments, ...digest.extracts]) {
      const kind = digest.commitments.includes(block as never) ? 'commitment' : 'extract';
      block.fields.previousIds.forEach((old, index) => {
        const place = block.yaml.placeOf(['previousIds', index]);
        const subject = `${kind} "${block.id}"`;
        const earlier = declared.get(old);
        if (earlier?.kind.startsWith('previous id of ')) {
          problems.push({ file: digest.file, ...place, subject, field: `previousIds[${index}]`, message: `"${old}" is already the ${earlier.kind} at ${earlier.file}:${earlier.place.line}; expected an old id to redirect to one entity only` });
        } else if (earlier) {
          problems.push({ file: digest.file, ...place, subject, field: `previousIds[${index}]`, message: `"${old}" collides with the live id of ${earlier.kind} at ${earlier.file}:${earlier.place.line}; expected an old id that no live entity uses` });
        } else {
          declared.set(old, { kind: `previous id of ${subject}`, file: digest.file, place });
        }
      });
    }
  }

  // When pillars.yml cannot be read at all, that is the one problem to report, not every pillar reference.
  const exists = { source: (id: string) => sources.has(id), commitment: (id: string) => commitmentSource.has(id), extract: (id: string) => extractIds.has(id), pillar: (id: string) => !pillarsFile || pillarIds.has(id) };

  for (const digest of digests) {
    const declaredSource = digest.declaredSource;
    if (!declaredSource) continue;
    const sourceId = declaredSource.id;
    const frameworkIds = declaredSource.frameworkIds;
    digest.source?.data.related.forEach((related, index) => {
      const source = declaredSource;
      const place = source.yaml.placeOf(['related', index, 'source']);
      if (related.source === sourceId) {
        problems.push({ file: digest.file, ...place, subject: `source "${sourceId}"`, field: `related[${index}].source`, message: 'points at this source itself; expected another source' });
      } else if (!exists.source(related.source)) {
        problems.push({ file: digest.file, ...place, subject: `source "${sourceId}"`, field: `related[${index}].source`, message: `names unknown source "${related.source}"; expected one of: ${[...sources.keys()].sort().join(', ')}` });
      }
    });

    for (const block of digest.commitments) {
      const subject = `commitment "${block.id}"`;
      const at = (path: PropertyKey[]) => block.yaml.placeOf(path);
      const f = block.fields;
      if (!declaredSource.fromFileName && !frameworkIds.includes(f.sourcePillar)) {
        problems.push({ file: digest.file, ...at(['sourcePillar']), subject, field: 'sourcePillar', message: `names "${f.sourcePillar}", which is not in the framework of source "${sourceId}"; expected one of: ${frameworkIds.join(', ') || '(the source has no framework entries)'}` });
      }
      f.pillars.forEach((pillar, index) => {
        if (!exists.pillar(pillar)) {
          problems.push({ file: digest.file, ...at(['pillars', index]), subject, field: `pillars[${index}]`, message: `names unknown pillar "${pillar}"; expected one of: ${[...pillarIds].join(', ') || '(no pillars could be read from pillars.yml)'}` });
        }
      });
      f.lineage.forEach((link, index) => {
        const field = `lineage[${index}].commitment`;
        const place = at(['lineage', index, 'commitment']);
        if (link.commitment === block.id) {
          problems.push({ file: digest.file, ...place, subject, field, message: 'links the commitment to itself; expected a commitment in another source' });
        } else if (!exists.commitment(link.commitment)) {
          problems.push({ file: digest.file, ...place, subject, field, message: `names unknown commitment "${link.commitment}"; expected the id of a commitment in another source` });
        } else if (commitmentSource.get(link.commitment) === sourceId) {
          problems.push({ file: digest.file, ...place, subject, field, message: `names "${link.commitment}" in the same source; expected a commitment in another source (link within a source with a prose cross-reference)` });
        }
      });
    }

    for (const block of digest.extracts) {
      block.fields.commitments.forEach((id, index) => {
        if (!exists.commitment(id)) {
          problems.push({ file: digest.file, ...block.yaml.placeOf(['commitments', index]), subject: `extract "${block.id}"`, field: `commitments[${index}]`, message: `names unknown commitment "${id}"; expected the id of a commitment` });
        }
      });
    }

    for (const use of digest.links) {
      if (!exists[use.link.kind](use.link.id)) {
        problems.push({ file: digest.file, ...use.place, subject: `${use.from.kind} "${use.from.id || "(no id)"}"`, field: 'link', message: `points at unknown ${use.link.kind} "${use.link.id}"; expected the id of an existing ${use.link.kind}` });
      }
    }
  }

  if (pillarsFile) {
    pillarsFile.pillars.forEach((pillar, index) => {
      const p = pillarsFile.positions?.[index] ?? index;
      pillar.maps.forEach((mapping, m) => {
        const digest = sources.get(mapping.source);
        const subject = `pillar "${pillar.id}"`;
        if (!digest?.declaredSource) {
          problems.push({ file: pillarsFile.file, ...pillarsFile.yaml.placeOf(['pillars', p, 'maps', m, 'source']), subject, field: `maps[${m}].source`, message: `names unknown source "${mapping.source}"; expected one of: ${[...sources.keys()].sort().join(', ')}` });
          return;
        }
        if (digest.declaredSource.fromFileName) return;
        const ids = digest.declaredSource.frameworkIds;
        mapping.entries.forEach((entry, e) => {
          if (!ids.includes(entry)) {
            problems.push({ file: pillarsFile.file, ...pillarsFile.yaml.placeOf(['pillars', p, 'maps', m, 'entries', e]), subject, field: `maps[${m}].entries[${e}]`, message: `names "${entry}", which is not in the framework of source "${mapping.source}"; expected one of: ${ids.join(', ') || '(the source has no framework entries)'}` });
          }
        });
      });
    });
  }
  return problems;
}
