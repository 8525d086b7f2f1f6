// The rules every piece of prose obeys, in a source's prose and inside blocks: no raw HTML (HTML
// comments excepted), no images, no unknown or nested directives, no directive line left unread,
// links only to the web, mail or our own entities, and no runaway nesting.
import type { Nodes, Parent, RootContent } from 'mdast';
import { isAllowedUrl, parseEntityLink } from '../markdown.ts';
import type { Place } from '../problems.ts';
import type { LinkUse } from '../parse-digest.ts';

/** Quotes and lists nested deeper than this are refused (rendering them would exhaust the stack). */
export const MAX_DEPTH = 32;

export interface ProseContext {
  /** The digest's lines (front matter blanked), to read back what the parser could not. */
  bodyLines: readonly string[];
  problem: (place: Place, subject: string, field: string, message: string) => void;
  /** Every entity link found, for the cross-reference checks and the graph's edges. */
  links: LinkUse[];
}

export const start = (node: { position?: { start: { line: number; column: number } } } | undefined): Place => ({
  line: node?.position?.start.line ?? 1,
  column: node?.position?.start.column ?? 1,
});

export function checkProse(context: ProseContext, root: RootContent, subject: string, field: string, from: LinkUse['from']) {
  const { problem } = context;
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
          problem(
            place,
            subject,
            field,
            `uses "::${node.name}" (two colons); expected a block ":::${node.name}{#id}" with a yaml block and text, closed by ":::"`,
          );
        } else if (node.name === 'commitment' || node.name === 'extract') {
          problem(
            place,
            subject,
            field,
            `contains a nested :::${node.name} block; expected blocks only at the top level of the digest, one after another (is a ":::" that closes the enclosing block missing?)`,
          );
        } else {
          problem(
            place,
            subject,
            field,
            `uses an unknown directive "${node.type === 'leafDirective' ? '::' : ':::'}${node.name}"; expected only :::commitment and :::extract`,
          );
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
        checkStrayFences(context, node, subject, field);
        return true;
      case 'link':
        checkLink(context, node.url, place, subject, from);
        return true;
      case 'definition':
        checkLink(context, node.url, place, subject, from);
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
function checkStrayFences(context: ProseContext, node: Nodes, subject: string, field: string) {
  const { problem, bodyLines } = context;
  const first = node.position?.start.line;
  const last = node.position?.end.line;
  if (first === undefined || last === undefined) return;
  for (let line = first; line <= last; line++) {
    const text = bodyLines[line - 1] ?? '';
    const match = /^[\s>]*(:{2,}.*)$/.exec(text);
    if (!match?.[1]) continue;
    const fence = match[1].trim();
    problem(
      { line, column: text.length - match[1].length + 1 },
      subject,
      field,
      `has a line ${JSON.stringify(fence.slice(0, 60))} that is not a readable directive; expected ":::commitment{#id}" or ":::extract{#id}" alone on a line, and ":::" alone on the line that closes the block`,
    );
  }
}

function checkLink(context: ProseContext, url: string, place: Place, subject: string, from: LinkUse['from']) {
  const { problem } = context;
  if (!isAllowedUrl(url)) {
    problem(
      place,
      subject,
      'link',
      `points at ${JSON.stringify(url.slice(0, 60))}; expected an http(s) or mailto address, or an entity link such as commitment:some-id`,
    );
    return;
  }
  const link = parseEntityLink(url);
  if (link) context.links.push({ link, place, from });
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

export function walk(node: Nodes, visit: (node: Nodes, depth: number) => boolean, depth = 0) {
  if (!visit(node, depth)) return;
  if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes, visit, depth + 1);
}
