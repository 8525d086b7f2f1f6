import type { ParsedDigest } from '../parse-digest.ts';
import type { Problem } from '../problems.ts';
import type { Declared } from './ids.ts';
import { placeOf } from '../yaml.ts';

/** previousIds share the id namespace: an old URL must never be taken by a live entity, nor redirect to two. */
export function checkPreviousIds(digests: readonly ParsedDigest[], declared: Map<string, Declared>): Problem[] {
  const problems: Problem[] = [];
  for (const digest of digests) {
    for (const block of [...digest.commitments, ...digest.extracts]) {
      const kind = digest.commitments.includes(block as never) ? 'commitment' : 'extract';
      block.fields.previousIds.forEach((old, index) => {
        const place = placeOf(block.yaml, ['previousIds', index]);
        const subject = `${kind} "${block.id}"`;
        const earlier = declared.get(old);
        if (earlier?.kind.startsWith('previous id of ')) {
          problems.push({
            file: digest.file,
            ...place,
            subject,
            field: `previousIds[${index}]`,
            message: `"${old}" is already the ${earlier.kind} at ${earlier.file}:${earlier.place.line}; expected an old id to redirect to one entity only`,
          });
        } else if (earlier) {
          problems.push({
            file: digest.file,
            ...place,
            subject,
            field: `previousIds[${index}]`,
            message: `"${old}" collides with the live id of ${earlier.kind} at ${earlier.file}:${earlier.place.line}; expected an old id that no live entity uses`,
          });
        } else {
          declared.set(old, { kind: `previous id of ${subject}`, file: digest.file, place });
        }
      });
    }
  }

  return problems;
}
