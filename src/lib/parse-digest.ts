// One digest, parsed: front matter (./digest/front-matter.ts), a guard against runaway input
// (./digest/runaway.ts), prose checked by the prose rules (./digest/prose-rules.ts) and the
// commitment and extract blocks (./digest/blocks.ts). Pure: takes the text, returns data and problems.
import type { Root, RootContent } from 'mdast';
import { readBlock } from './digest/blocks.ts';
import { readFrontMatter } from './digest/front-matter.ts';
import { checkProse } from './digest/prose-rules.ts';
import { findRunaway } from './digest/runaway.ts';
import { restoreTextDirectives } from './digest/text-directives.ts';
import type { EntityRef } from './graph.ts';
import { parseMarkdown, type EntityLink } from './markdown.ts';
import type { Place, Problem } from './problems.ts';
import type { CommitmentFields } from './schema/commitment.ts';
import type { ExtractFields } from './schema/extract.ts';
import type { SourceFrontMatter } from './schema/source.ts';
import type { ParsedYaml } from './yaml.ts';

export type BlockKind = 'commitment' | 'extract';

export interface ParsedBlock<T> {
  id: string;
  place: Place;
  fields: T;
  yaml: ParsedYaml;
  body: RootContent[];
}

export interface LinkUse {
  link: EntityLink;
  place: Place;
  /** The record whose text holds the link: the source (prose) or a block. */
  from: EntityRef<'source' | 'commitment' | 'extract'>;
}

export interface ParsedDigest {
  file: string;
  source?: { data: SourceFrontMatter; place: Place; yaml: ParsedYaml };
  /** The source's id and framework ids as written, even when other front-matter fields are wrong,
   *  so that one bad field does not hide every reference check in the file. */
  declaredSource?: { id: string; frameworkIds: string[]; yaml: ParsedYaml; fromFileName?: boolean };
  /** Every block id declared in the file, valid or not, so that references to it are not reported twice. */
  declaredIds: { kind: BlockKind; id: string; place: Place }[];
  prose: RootContent[];
  commitments: ParsedBlock<CommitmentFields>[];
  extracts: ParsedBlock<ExtractFields>[];
  links: LinkUse[];
  problems: Problem[];
}

/** Editors' files may come with a byte-order mark or Windows line endings: neither changes meaning. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Parses one digest: front matter, prose and blocks. Pure: takes the text, returns data and problems. */
export function parseDigest(file: string, rawText: string): ParsedDigest {
  const text = normaliseText(rawText);
  const result: ParsedDigest = {
    file,
    declaredIds: [],
    prose: [],
    commitments: [],
    extracts: [],
    links: [],
    problems: [],
  };
  const problem = (place: Place, subject: string, field: string, message: string) => result.problems.push({ file, ...place, subject, field, message });

  const front = readFrontMatter(file, text, problem, result.problems);
  if (front.source) result.source = front.source;
  if (front.declaredSource) result.declaredSource = front.declaredSource;
  if (front.body === undefined) return result;
  const { body, sourceId } = front;

  const bodyLines = body.split('\n');
  const runaway = findRunaway(bodyLines);
  if (runaway) {
    // The Markdown parser's time grows with the square of these: stop before it hangs.
    problem(runaway.place, `source "${sourceId}"`, 'prose', `${runaway.message} (the rest of the file was not read)`);
    return result;
  }
  const tree: Root = parseMarkdown(body);
  restoreTextDirectives(tree, body);

  const context = { file, bodyLines, problem, links: result.links, result };
  for (const node of tree.children) {
    if (node.type === 'containerDirective' && (node.name === 'commitment' || node.name === 'extract')) {
      readBlock(context, node, node.name);
      continue;
    }
    checkProse(context, node, `source "${sourceId}"`, 'prose', { kind: 'source', id: sourceId });
    if (node.type === 'html') continue;
    result.prose.push(node);
  }
  return result;
}
