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

/** One file of stored source text, cut into the passages that are the documents' own words. */
export interface Reference {
  path: string;
  passages: string[];
}

export interface VerifyResult {
  id: string;
  file: string;
  line: number;
  /** The file the passage was found in, when every block was found. */
  foundIn?: string;
  /** The first block that no reference file contains (as the rule below reads it), when not found. */
  missingBlock?: string;
}

/**
 * The passages of a stored file. A Markdown file (../shared/quotes) keeps each verbatim passage
 * in a ```text block and its own notes around them: only the blocks are the documents' words, so
 * only they count, and a file with none (a README) offers nothing. Any other file (a seed: a
 * whole page as received) is one passage.
 */
export function passagesOf(path: string, text: string): string[] {
  if (!/\.md$/i.test(path)) return [text];
  const passages: string[] = [];
  for (const match of text.replace(/\r\n?/g, '\n').matchAll(/^```text[ \t]*\n([\s\S]*?)\n```[ \t]*$/gm)) passages.push(match[1] ?? '');
  return passages;
}

/**
 * How many of `blocks`, from the first, one reference holds. The rule: every block stands whole
 * inside a single passage (never across two passages, never in the notes between them), and
 * blocks that follow one another in the extract and stand in the same passage stand there in that
 * order. So an extract may join paragraphs that a quotes file keeps as separate passages, yet
 * cannot reorder or repeat the words of one passage.
 */
function blocksHeld(blocks: readonly string[], passages: readonly string[]): number {
  let passage = -1;
  let from = 0;
  let held = 0;
  for (const block of blocks) {
    const here = passage >= 0 ? (passages[passage] ?? '').indexOf(block, from) : -1;
    if (here >= 0) {
      from = here + block.length;
    } else {
      const elsewhere = passages.findIndex((text, index) => index !== passage && text.includes(block));
      if (elsewhere < 0) break;
      passage = elsewhere;
      from = (passages[elsewhere] ?? '').indexOf(block) + block.length;
    }
    held++;
  }
  return held;
}

/** Finds each extract's blocks in a single reference file, by the rule of `blocksHeld`. Pure. */
export function verifyExtracts(extracts: readonly ExtractToVerify[], references: readonly Reference[]): VerifyResult[] {
  const normalised = references.map((ref) => ({ path: ref.path, passages: ref.passages.map(normaliseForComparison) }));
  return extracts.map((extract) => {
    const where = { id: extract.id, file: extract.file, line: extract.line };
    const blocks = extract.blocks.map(normaliseForComparison).filter(Boolean);
    if (blocks.length === 0) return { ...where, missingBlock: '(the extract is empty)' };
    let bestHeld = -1;
    for (const ref of normalised) {
      const held = blocksHeld(blocks, ref.passages);
      if (held === blocks.length) return { ...where, foundIn: ref.path };
      bestHeld = Math.max(bestHeld, held);
    }
    return { ...where, missingBlock: blocks[Math.max(bestHeld, 0)] };
  });
}
