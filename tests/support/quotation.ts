// Reads back the plain text "Copy quotation" writes (src/site/quotation.ts): the quotation in “ ”,
// paragraphs apart by a blank line, list items as "• item" lines, then "Label: value" lines.
import type { QuoteBlock } from '../../src/site/quotation.ts';

export interface ParsedQuotation {
  blocks: QuoteBlock[];
  fields: Record<string, string>;
}

export function parsePlainQuotation(text: string): ParsedQuotation {
  const close = text.lastIndexOf('”\n\n');
  if (!text.startsWith('“') || close < 0) throw new Error(`not a copied quotation: ${JSON.stringify(text.slice(0, 80))}`);
  const blocks = text
    .slice(1, close)
    .split('\n\n')
    .map((block): QuoteBlock => (block.startsWith('• ') ? block.split('\n').map((line) => line.replace(/^• /, '')) : block));
  const fields = Object.fromEntries(
    text
      .slice(close + 3)
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]),
  );
  return { blocks, fields };
}
