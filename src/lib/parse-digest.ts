import matter from 'gray-matter';
import type { Code, Root, RootContent, Nodes, Parent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { checkFields } from './check-fields.ts';
import { isAllowedUrl, parseEntityLink, parseMarkdown, type EntityLink } from './markdown.ts';
import type { EntityRef } from './graph.ts';
import type { Place, Problem } from './problems.ts';
import { CommitmentFields } from './schema/commitment.ts';
import { ExtractFields } from './schema/extract.ts';
import { ID_PATTERN } from './schema/primitives.ts';
import { SourceFrontMatter } from './schema/source.ts';
import { parseYaml, type ParsedYaml } from './yaml.ts';

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

const start = (node: { position?: { start: { line: number; column: number } } } | undefined): Place => ({
  line: node?.position?.start.line ?? 1,
  column: node?.position?.start.column ?? 1,
});

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
  const problem = (place: Place, subject: string, field: string, message: string) =>
    result.problems.push({ file, ...place, subject, field, message });

  /**
   * When the front matter cannot tell us the id, go by the file name, so that references to this
   * source from other files are not reported as unknown on top of the real problem.
   */
  const declareByFileName = (yaml: ParsedYaml) => {
    const fromName = /([^/\\]+)\.md$/.exec(file)?.[1];
    if (fromName && ID_PATTERN.test(fromName)) result.declaredSource = { id: fromName, frameworkIds: [], yaml, fromFileName: true };
  };

  if (!/^---[ \t]*\n/.test(text)) {
    problem({ line: 1, column: 1 }, 'front matter', '', 'is missing; expected the file to start with a line "---", the source\'s YAML fields, and a closing "---"');
    declareByFileName(parseYaml(''));
    return result;
  }
  const closing = /\n---[ \t]*(\n|$)/.exec(text.slice(3));
  if (!closing) {
    problem({ line: 1, column: 1 }, 'front matter', '', 'is not closed; expected a line "---" after the source\'s YAML fields');
    declareByFileName(parseYaml(''));
    return result;
  }

  // gray-matter splits the file; our own YAML parser reads the fields so that positions survive.
  // Passing options keeps gray-matter from caching (and sharing) parses by input string.
  const split = matter(text, { engines: { yaml: { parse: () => ({}), stringify: () => '' } } });
  const frontText = split.matter.replace(/^\n/, '');
  const bodyOffset = text.length - split.content.length;
  const bodyFirstLine = text.slice(0, bodyOffset).split('\n').length;

  const frontYaml = parseYaml(frontText, 2);
  for (const error of frontYaml.errors) problem(error, 'front matter', '', `is not valid YAML (${error.message}); expected "field: value" lines`);
  let sourceId = '(unknown source)';
  if (frontYaml.errors.length === 0) {
    const value = frontYaml.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problem({ line: 2, column: 1 }, 'front matter', '', 'is not a mapping of fields; expected "field: value" lines');
    } else {
      const raw = value as Record<string, unknown>;
      if (typeof raw.id === 'string' && ID_PATTERN.test(raw.id)) {
        sourceId = raw.id;
        const framework = Array.isArray(raw.framework) ? raw.framework : [];
        const frameworkIds = framework.flatMap((entry) =>
          entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' ? [(entry as { id: string }).id] : [],
        );
        result.declaredSource = { id: sourceId, frameworkIds, yaml: frontYaml };
      }
      const checked = checkFields(SourceFrontMatter, value, { file, subject: `source "${sourceId}"`, yaml: frontYaml });
      if (checked.ok) result.source = { data: checked.data, place: { line: 1, column: 1 }, yaml: frontYaml };
      else result.problems.push(...checked.problems);
    }
  }

  if (!result.declaredSource) declareByFileName(frontYaml);

  // Blank lines stand in for the front matter so that body positions are file positions.
  const body = '\n'.repeat(bodyFirstLine - 1) + split.content;
  const bodyLines = body.split('\n');
  const runaway = findRunaway(bodyLines);
  if (runaway) {
    // The Markdown parser's time grows with the square of these: stop before it hangs.
    problem(runaway.place, `source "${sourceId}"`, 'prose', `${runaway.message} (the rest of the file was not read)`);
    return result;
  }
  const tree: Root = parseMarkdown(body);
  restoreTextDirectives(tree, body);

  for (const node of tree.children) {
    if (node.type === 'containerDirective' && (node.name === 'commitment' || node.name === 'extract')) {
      readBlock(node, node.name);
      continue;
    }
    checkProse(node, `source "${sourceId}"`, 'prose', { kind: 'source', id: sourceId });
    if (node.type === 'html') continue;
    result.prose.push(node);
  }
  return result;

  function readBlock(node: ContainerDirective, kind: BlockKind) {
    const place = start(node);
    const attributes = node.attributes ?? {};
    const id = attributes.id ?? '';
    const subject = `${kind} "${id || '(no id)'}"`;
    if (!id) {
      problem(place, `${kind} (no id)`, 'id', `is missing; expected :::${kind}{#some-id}`);
    } else if (!ID_PATTERN.test(id)) {
      problem(place, subject, 'id', 'is not a valid id; expected lowercase kebab-case starting with a letter, e.g. "staying-close"');
    }
    for (const name of Object.keys(attributes)) {
      if (name !== 'id') problem(place, subject, name, `is not a known attribute; expected only {#id} on the directive, with fields in the yaml block`);
    }
    if (node.children.length > 0 && node.children[0]?.type === 'paragraph' && (node.children[0].data as { directiveLabel?: boolean })?.directiveLabel) {
      problem(place, subject, 'label', `is not used; expected :::${kind}{#id} with no [label]`);
      node.children.shift();
    }
    if (id) result.declaredIds.push({ kind, id, place });

    const [first, ...rest] = node.children;
    if (first?.type !== 'code' || (first.lang ?? '').toLowerCase() !== 'yaml') {
      problem(start(first ?? node), subject, 'fields', 'are missing; expected the block to open with a ```yaml fenced block of fields');
      return;
    }
    for (const child of rest) checkProse(child, subject, 'text', { kind, id });
    const textNodes = rest.filter((child) => child.type !== 'html');
    if (textNodes.length === 0 || textNodes.every((child) => child.type === 'code')) {
      problem(place, subject, 'text', kind === 'extract' ? 'is empty; expected the verbatim passage after the yaml block' : 'is empty; expected the commitment in our own words after the yaml block');
    }
    const yaml = parseFieldsBlock(first, subject);
    if (!yaml) return;
    const schema = kind === 'commitment' ? CommitmentFields : ExtractFields;
    const checked = checkFields(schema, yaml.value ?? {}, { file, subject, yaml });
    if (!checked.ok) {
      result.problems.push(...checked.problems);
      return;
    }
    if (!id || !ID_PATTERN.test(id)) return;
    const block = { id, place, yaml, body: textNodes };
    if (kind === 'commitment') result.commitments.push({ ...block, fields: checked.data as CommitmentFields });
    else result.extracts.push({ ...block, fields: checked.data as ExtractFields });
  }

  function parseFieldsBlock(code: Code, subject: string): ParsedYaml | undefined {
    // The fence line is code's first line; the YAML starts on the line after it.
    const yaml = parseYaml(code.value, start(code).line + 1, 1);
    for (const error of yaml.errors) problem(error, subject, 'fields', `are not valid YAML (${error.message}); expected "field: value" lines`);
    if (yaml.errors.length) return undefined;
    if (yaml.value === null || typeof yaml.value !== 'object' || Array.isArray(yaml.value)) {
      problem(start(code), subject, 'fields', 'are not a mapping; expected "field: value" lines');
      return undefined;
    }
    return yaml;
  }

  function checkProse(root: RootContent, subject: string, field: string, from: LinkUse['from']) {
    walk(root as Nodes, (node, depth) => {
      const place = start(node);
      if (depth > MAX_DEPTH) {
        problem(place, subject, field, `nests quotes or lists more than ${MAX_DEPTH} levels deep; expected plain paragraphs, lists and quotes`);
        return false;
      }
      switch (node.type) {
        case 'containerDirective':
        case 'leafDirective':
          if ((node.name === 'commitment' || node.name === 'extract') && node.type === 'leafDirective') {
            problem(place, subject, field, `uses "::${node.name}" (two colons); expected a block ":::${node.name}{#id}" with a yaml block and text, closed by ":::"`);
          } else if (node.name === 'commitment' || node.name === 'extract') {
            problem(place, subject, field, `contains a nested :::${node.name} block; expected blocks only at the top level of the digest, one after another (is a ":::" that closes the enclosing block missing?)`);
          } else {
            problem(place, subject, field, `uses an unknown directive "${node.type === 'leafDirective' ? '::' : ':::'}${node.name}"; expected only :::commitment and :::extract`);
          }
          return false;
        case 'html':
          if (!isHtmlComment(node.value.trim())) {
            problem(place, subject, field, `contains raw HTML ${JSON.stringify(node.value.slice(0, 40))}; expected Markdown only (HTML is refused)`);
          }
          return false;
        case 'image':
        case 'imageReference':
          problem(place, subject, field, 'contains an image; expected text only (images are not supported)');
          return false;
        case 'paragraph':
          checkStrayFences(node, subject, field);
          return true;
        case 'link':
          checkLink(node.url, place, subject, from);
          return true;
        case 'definition':
          checkLink(node.url, place, subject, from);
          return true;
        default:
          return true;
      }
    });
  }

  /**
   * A directive line that remark-directive cannot read (an unclosed `{`, a stray `:::`) falls
   * through as paragraph text, and the block it opened would silently vanish: report it.
   */
  function checkStrayFences(node: Nodes, subject: string, field: string) {
    const first = node.position?.start.line;
    const last = node.position?.end.line;
    if (first === undefined || last === undefined) return;
    for (let line = first; line <= last; line++) {
      const text = bodyLines[line - 1] ?? '';
      const match = /^[\s>]*(:{2,}.*)$/.exec(text);
      if (!match?.[1]) continue;
      const fence = match[1].trim();
      problem({ line, column: text.length - match[1].length + 1 }, subject, field, `has a line ${JSON.stringify(fence.slice(0, 60))} that is not a readable directive; expected ":::commitment{#id}" or ":::extract{#id}" alone on a line, and ":::" alone on the line that closes the block`);
    }
  }

  function checkLink(url: string, place: Place, subject: string, from: LinkUse['from']) {
    if (!isAllowedUrl(url)) {
      problem(place, subject, 'link', `points at ${JSON.stringify(url.slice(0, 60))}; expected an http(s) or mailto address, or an entity link such as commitment:some-id`);
      return;
    }
    const link = parseEntityLink(url);
    if (link) result.links.push({ link, place, from });
  }
}

/** Blocks never nest; past this many open at once, a file is not read further (see findRunaway). */
export const MAX_OPEN_BLOCKS = 16;
/** No real paragraph has this many "[": past it, a file is not read further (see findRunaway). */
export const MAX_BRACKETS_PER_PARAGRAPH = 1_000;
/** Quotes and lists nested deeper than this are refused (rendering them would exhaust the stack). */
export const MAX_DEPTH = 32;

/**
 * Shapes that cost the Markdown parser time growing with the square of their size, found by a
 * cheap scan of the lines before parsing: more than MAX_OPEN_BLOCKS directive blocks open at once
 * (lines that open one, ":::name", less lines that close one, ":::" alone, outside fenced code),
 * a paragraph with more than MAX_BRACKETS_PER_PARAGRAPH "[", or a line indented or quoted deeper
 * than MAX_DEPTH levels. All are always mistakes here.
 */
function findRunaway(lines: readonly string[]): { place: Place; message: string } | undefined {
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
      return { place: { line: i + 1, column: 1 }, message: `nests quotes or lists more than ${MAX_DEPTH} levels deep (over ${4 * MAX_DEPTH} characters of indentation and ">"); expected plain paragraphs, lists and quotes` };
    }
    for (const char of line) if (char === '[') brackets++;
    if (brackets > MAX_BRACKETS_PER_PARAGRAPH) {
      return { place: { line: paragraphStart + 1, column: 1 }, message: `has a paragraph with more than ${MAX_BRACKETS_PER_PARAGRAPH} "["; expected ordinary prose with a few links` };
    }
    if (/^[\s>]*:{3,}\s*$/.test(line)) open = Math.max(0, open - 1);
    else if (/^[\s>]*:{3,}[^:\s]/.test(line) && ++open > MAX_OPEN_BLOCKS) {
      return { place: { line: i + 1, column: 1 }, message: `opens more than ${MAX_OPEN_BLOCKS} ":::" blocks without closing them; expected blocks one after another, each closed by ":::" alone on a line` };
    }
  }
  return undefined;
}

/**
 * One well-formed HTML comment and nothing else. A browser ends a comment at the first "-->"
 * (or "--!>"), and reads "<!-->" and "<!--->" as whole comments, so "<!--><script>…</script>-->"
 * or "<!-- a --><script>…</script><!-- b -->" is live markup between two comments, not a comment.
 */
export function isHtmlComment(text: string): boolean {
  const match = /^<!--([\s\S]*)-->$/.exec(text);
  if (!match) return false;
  const inner = match[1] ?? '';
  return !/^-?>/.test(inner) && !/-->|--!>|<!--/.test(inner) && !inner.endsWith('<!-');
}

function walk(node: Nodes, visit: (node: Nodes, depth: number) => boolean, depth = 0) {
  if (!visit(node, depth)) return;
  if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes, visit, depth + 1);
}

/**
 * remark-directive reads `:word` inside a sentence as a text directive; we have none, so put the
 * author's characters back exactly as written (verbatim extracts depend on it).
 */
function restoreTextDirectives(tree: Root, text: string) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (point: { line: number; column: number; offset?: number }) =>
    point.offset ?? (lineStarts[point.line - 1] ?? 0) + point.column - 1;
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
