import type { Root, RootContent, Nodes, Parent } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Root as HastRoot, Element } from 'hast';

const parser = unified().use(remarkParse).use(remarkDirective);

/** Parses Markdown with directive syntax into mdast, with positions. */
export function parseMarkdown(text: string): Root {
  return parser.parse(text);
}

export const ENTITY_KINDS = ['source', 'commitment', 'extract', 'pillar'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

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

export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(slug) ? slug : `s-${slug}`;
}

function rehypeHeadingIds(prefix: string) {
  return (tree: HastRoot) => {
    const seen = new Map<string, number>();
    visit(tree, 'element', (node: Element) => {
      if (!/^h[2-6]$/.test(node.tagName)) return;
      const text = hastText(node);
      const base = `${prefix}${slugify(text)}`;
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      node.properties = { ...node.properties, id: count ? `${base}-${count}` : base };
    });
  };
}

function hastText(node: Element | HastRoot): string {
  let out = '';
  visit(node, 'text', (text: { value: string }) => {
    out += text.value;
  });
  return out;
}

// Building a processor is costly next to running one: make one per heading prefix, then reuse it.
const htmlProcessors = new Map<string, ReturnType<typeof makeHtmlProcessor>>();
function makeHtmlProcessor(prefix: string) {
  return unified().use(remarkRehype).use(rehypeHeadingIds, prefix).use(rehypeStringify).freeze();
}
function htmlProcessor(prefix: string) {
  let processor = htmlProcessors.get(prefix);
  if (!processor) {
    processor = makeHtmlProcessor(prefix);
    htmlProcessors.set(prefix, processor);
  }
  return processor;
}

export interface RenderOptions {
  /** Turns an entity link into a URL; links were checked before rendering, so it always resolves. */
  resolve: (link: EntityLink) => string;
  /** Prefix for generated heading ids, to keep them apart from entity anchors. */
  headingPrefix?: string;
}

/**
 * Renders mdast nodes to an HTML string. Raw HTML never reaches the output: the validator
 * refuses it, and `allowDangerousHtml` stays off as a second line of defence.
 */
export function renderNodes(nodes: readonly RootContent[], options: RenderOptions): string {
  const root: Root = { type: 'root', children: structuredClone([...nodes]) };
  visit(root, 'link', (node) => {
    const link = parseEntityLink(node.url);
    if (link) node.url = options.resolve(link);
  });
  const processor = htmlProcessor(options.headingPrefix ?? '');
  const hast = processor.runSync(root as never) as HastRoot;
  return processor.stringify(hast);
}

/** Plain text of mdast nodes, one block per paragraph or list item. */
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

export function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node as Parent).children.map((child) => textOf(child as Nodes)).join('');
  return '';
}
