import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkDirective);

/** Parses Markdown with directive syntax into mdast, with positions. */
export function parseMarkdown(text: string): Root {
  return parser.parse(text);
}

export const ENTITY_KINDS = ['source', 'commitment', 'extract', 'pillar'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** A reference to one record of the graph: how content links to an entity (`commitment:some-id`). */
export interface EntityLink {
  kind: EntityKind;
  id: string;
}

/** Reads an entity link written as a Markdown link target, e.g. `commitment:staying-close`. */
export function parseEntityLink(url: string): EntityLink | undefined {
  const match = /^(source|commitment|extract|pillar):(.*)$/.exec(url);
  if (!match) return undefined;
  return { kind: match[1] as EntityKind, id: match[2] ?? '' };
}

/** The link targets content may use: the web, mail, in-page anchors and our own entities. */
export function isAllowedUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:|#)/i.test(url) || parseEntityLink(url) !== undefined;
}

/** Plain text of mdast nodes, one block per paragraph, heading, code block or list item's paragraph. */
export function plainBlocks(nodes: readonly RootContent[]): string[] {
  const blocks: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'code') {
      blocks.push(textOf(node));
      return;
    }
    if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes);
  };
  for (const node of nodes) walk(node);
  return blocks.filter((block) => block.trim().length > 0);
}

/** A node's text as a reader sees it (raw HTML, refused by the validator anyway, contributes nothing). */
export const textOf = (node: Nodes): string => mdastToString(node, { includeHtml: false });
