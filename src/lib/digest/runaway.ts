// A cheap scan of a digest's lines before the Markdown parser sees them: shapes that would make
// the parser's time grow with the square of their size are refused instead of parsed.
import type { Place } from '../problems.ts';
import { MAX_DEPTH } from './prose-rules.ts';

/** Blocks never nest; past this many open at once, a file is not read further (see findRunaway). */
export const MAX_OPEN_BLOCKS = 16;
/** No real paragraph has this many "[": past it, a file is not read further (see findRunaway). */
export const MAX_BRACKETS_PER_PARAGRAPH = 1_000;
/**
 * Shapes that cost the Markdown parser time growing with the square of their size, found by a
 * cheap scan of the lines before parsing: more than MAX_OPEN_BLOCKS directive blocks open at once
 * (lines that open one, ":::name", less lines that close one, ":::" alone, outside fenced code),
 * a paragraph with more than MAX_BRACKETS_PER_PARAGRAPH "[", or a line indented or quoted deeper
 * than MAX_DEPTH levels. All are always mistakes here.
 */
export function findRunaway(lines: readonly string[]): { place: Place; message: string } | undefined {
  let open = 0;
  let fence: string | undefined;
  let brackets = 0;
  let paragraphStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const code = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (code) {
      if (!fence) fence = code;
      else if (code.startsWith(fence)) fence = undefined;
      continue;
    }
    if (fence) continue;
    if (line.trim() === '') {
      brackets = 0;
      paragraphStart = i + 1;
      continue;
    }
    if ((/^[\s>]*/.exec(line)?.[0].length ?? 0) > 4 * MAX_DEPTH) {
      return {
        place: { line: i + 1, column: 1 },
        message: `nests quotes or lists more than ${MAX_DEPTH} levels deep (over ${4 * MAX_DEPTH} characters of indentation and ">"); expected plain paragraphs, lists and quotes`,
      };
    }
    for (const char of line) if (char === '[') brackets++;
    if (brackets > MAX_BRACKETS_PER_PARAGRAPH) {
      return {
        place: { line: paragraphStart + 1, column: 1 },
        message: `has a paragraph with more than ${MAX_BRACKETS_PER_PARAGRAPH} "["; expected ordinary prose with a few links`,
      };
    }
    if (/^[\s>]*:{3,}\s*$/.test(line)) open = Math.max(0, open - 1);
    else if (/^[\s>]*:{3,}[^:\s]/.test(line) && ++open > MAX_OPEN_BLOCKS) {
      return {
        place: { line: i + 1, column: 1 },
        message: `opens more than ${MAX_OPEN_BLOCKS} ":::" blocks without closing them; expected blocks one after another, each closed by ":::" alone on a line`,
      };
    }
  }
  return undefined;
}
