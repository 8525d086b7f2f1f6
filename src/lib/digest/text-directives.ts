import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { walk } from './prose-rules.ts';

/**
 * remark-directive reads `:word` inside a sentence as a text directive; we have none, so put the
 * author's characters back exactly as written (verbatim extracts depend on it).
 */
export function restoreTextDirectives(tree: Root, text: string) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (point: { line: number; column: number; offset?: number }) => point.offset ?? (lineStarts[point.line - 1] ?? 0) + point.column - 1;
  walk(tree as Nodes, (node) => {
    if (!('children' in node)) return false;
    const parent = node as Parent;
    parent.children = parent.children.map((child) => {
      if (child.type !== 'textDirective' || !child.position) return child;
      const value = text.slice(offset(child.position.start), offset(child.position.end));
      return { type: 'text', value, position: child.position } as RootContent;
    }) as Parent['children'];
    return true;
  });
}
