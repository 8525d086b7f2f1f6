/**
 * An extract is a promise that the source says exactly this. The check tolerates only what
 * copying from a web page changes without changing the words: white space, and straight versus
 * curly quotation marks.
 */
export function normaliseForComparison(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ExtractToVerify {
  id: string;
  file: string;
  line: number;
  blocks: string[];
}

export interface VerifyResult {
  id: string;
  file: string;
  line: number;
  /** The file the passage was found in, when every block was found in order. */
  foundIn?: string;
  /** The first block that no reference file contains (in order), when not found. */
  missingBlock?: string;
}

/** Finds each extract's blocks, in order, within a single reference text. Pure. */
export function verifyExtracts(extracts: readonly ExtractToVerify[], references: readonly { path: string; text: string }[]): VerifyResult[] {
  const normalised = references.map((ref) => ({ path: ref.path, text: normaliseForComparison(ref.text) }));
  return extracts.map((extract) => {
    const blocks = extract.blocks.map(normaliseForComparison).filter(Boolean);
    let bestMissing = blocks[0];
    let bestCount = -1;
    for (const ref of normalised) {
      let from = 0;
      let count = 0;
      for (const block of blocks) {
        const at = ref.text.indexOf(block, from);
        if (at < 0) break;
        from = at + block.length;
        count++;
      }
      if (count === blocks.length && blocks.length > 0) return { id: extract.id, file: extract.file, line: extract.line, foundIn: ref.path };
      if (count > bestCount) {
        bestCount = count;
        bestMissing = blocks[count];
      }
    }
    return { id: extract.id, file: extract.file, line: extract.line, missingBlock: bestMissing ?? '(the extract is empty)' };
  });
}
