// The render step: the graph's Markdown (mdast) to HTML when a page renders. Entity links
// (`commitment:some-id`) are resolved to this site's URLs here, and headings get their ids here.
import GithubSlugger from 'github-slugger';
import type { Element, Root as HastRoot } from 'hast';
import { toString as hastText } from 'hast-util-to-string';
import type { Root, RootContent } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { CommitmentRecord, ExtractRecord, SourceRecord } from '../lib/graph.ts';
import { parseEntityLink } from '../lib/markdown.ts';
import type { Urls } from './urls.ts';

export interface Heading {
  depth: number;
  id: string;
  text: string;
}

export interface Rendered {
  html: string;
  /** Every heading in document order, with the id written into the HTML. */
  headings: Heading[];
}

/**
 * Heading ids are a prefix and github-slugger's slug of the heading's text. Entity ids (and the
 * pages' own anchors) are kebab-case with no "_", so the prefixes keep headings apart from them:
 * prose headings start with "h_" ("h_summary": an HTML id must begin with a letter for
 * html-validate and older tools); a commitment's or extract's own headings start with
 * its id and "__" ("staying-close__funding"), which also keeps two blocks' headings apart.
 */
export const PROSE_HEADING_PREFIX = 'h_';
export const blockHeadingPrefix = (id: string): string => `${id}__`;

interface RenderData {
  resolve: Urls['entity'];
  headingPrefix: string;
  headings: Heading[];
}

const dataOf = (file: VFile) => file.data as unknown as RenderData;

/** Entity links were checked by the validator, so each resolves to a page of this site. */
function rehypeEntityLinks() {
  return (tree: HastRoot, file: VFile) => {
    const { resolve } = dataOf(file);
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
      const link = parseEntityLink(node.properties.href);
      if (link) node.properties.href = resolve(link.kind, link.id);
    });
  };
}

/** Writes each heading's id and collects the heading in the same pass, so the two cannot disagree. */
function rehypeHeadingIds() {
  return (tree: HastRoot, file: VFile) => {
    const data = dataOf(file);
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node: Element) => {
      const depth = /^h([1-6])$/.exec(node.tagName)?.[1];
      if (!depth) return;
      const text = hastText(node);
      const id = `${data.headingPrefix}${slugger.slug(text)}`;
      node.properties.id = id;
      data.headings.push({ depth: Number(depth), id, text });
    });
  };
}

// Building a processor costs far more than running one: one frozen processor serves every call,
// with what differs per call (URLs, heading prefix) carried in the file's data.
// Raw HTML never reaches the output: the validator refuses it, and allowDangerousHtml stays off.
const processor = unified().use(remarkRehype).use(rehypeEntityLinks).use(rehypeHeadingIds).use(rehypeStringify).freeze();

/** Renders mdast to HTML, resolving entity links with `resolve` and prefixing heading ids. Pure. */
export function renderMarkdown(nodes: readonly RootContent[], options: { resolve: Urls['entity']; headingPrefix: string }): Rendered {
  const file = new VFile();
  const data: RenderData = { ...options, headings: [] };
  Object.assign(file.data, data);
  const root: Root = { type: 'root', children: [...nodes] };
  const hast = processor.runSync(root, file) as HastRoot;
  return { html: processor.stringify(hast, file), headings: dataOf(file).headings };
}

/**
 * The renderer pages use: each record's Markdown rendered once per build (a commitment shows on
 * its own page and on its source's digest), with this site's URLs.
 */
export function makeRenderer(urls: Pick<Urls, 'entity'>) {
  const done = new WeakMap<object, Rendered>();
  const once = (record: object, nodes: readonly RootContent[], headingPrefix: string) => {
    let rendered = done.get(record);
    if (!rendered) {
      rendered = renderMarkdown(nodes, { resolve: urls.entity, headingPrefix });
      done.set(record, rendered);
    }
    return rendered;
  };
  return {
    /** A source's prose (summary, structure); its headings make the digest's contents. */
    prose: (source: SourceRecord) => once(source, source.prose, PROSE_HEADING_PREFIX),
    /** A commitment's or extract's text. */
    block: (record: CommitmentRecord | ExtractRecord) => once(record, record.body, blockHeadingPrefix(record.id)),
  };
}

export type Renderer = ReturnType<typeof makeRenderer>;
