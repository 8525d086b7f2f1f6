// Links into an original document at the place a passage or commitment stands: a URL text
// fragment for a web page (https://wicg.github.io/scroll-to-text-fragment/), `#page=N` for a PDF
// whose locator names a page, the address as it is otherwise. Which one a source gets is its
// front matter's `urlKind` (ORIGINAL_KINDS in src/lib/schema/source.ts).
import { isKnownLocator } from '../lib/locator.ts';
import { ORIGINAL_KINDS, type OriginalKind } from '../lib/schema/source.ts';

/**
 * Percent-encodes one term of a text directive. The spec allows only [A-Za-z0-9] and
 * `! $ ' ( ) * + . / : ; = ? @ _ ~` unencoded; `-`, `,` and `&` are its own syntax (prefix-,
 * start,end, -suffix, and the next directive) and must be encoded, as must every other character,
 * each UTF-8 byte as %XX. encodeURIComponent encodes all of those but `-`.
 */
export function encodeTextDirective(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

/** Words a fragment may start or end on: letters and digits, in any script. */
const WORD_EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
/** How many words each end of a passage carries: enough to be found once, few enough to survive a copy's small differences. */
export const FRAGMENT_WORDS = 5;

/**
 * The text directive for a passage, from its own first and last words: `text=start` for a short
 * one-paragraph passage, `text=start,end` otherwise (the browser highlights everything between).
 * A term is matched within one block of the page (a paragraph, a list item), so the start comes
 * from the passage's first block and the end from its last. Outer punctuation is trimmed (quote
 * marks and full stops differ most between copies); what lies between stays as the passage has
 * it. Undefined when the passage has no word to start or end on.
 */
export function textDirective(blocks: readonly string[], words = FRAGMENT_WORDS): string | undefined {
  const split = (block: string | undefined) => (block ?? '').split(/\s+/).filter(Boolean);
  const trim = (part: string[]) => part.join(' ').replace(WORD_EDGE, '');
  const first = split(blocks[0]);
  const last = split(blocks.at(-1));
  if (blocks.length === 1 && first.length <= words * 2) {
    const whole = trim(first);
    return whole ? `text=${encodeTextDirective(whole)}` : undefined;
  }
  const start = trim(first.slice(0, words));
  const end = trim(last.slice(-words));
  if (!start || !end) return undefined;
  return `text=${encodeTextDirective(start)},${encodeTextDirective(end)}`;
}

/** Adds a fragment directive to an address, after any fragment it already has. */
export function withTextDirective(url: string, directive: string): string {
  return url.includes('#') ? `${url}:~:${directive}` : `${url}#:~:${directive}`;
}

/** The first page a locator names: "p. 17", "pp. 3–4", "page 12", "pages 20 to 21" → 17, 3, 12, 20. */
export function pageOf(locator: string | undefined): number | undefined {
  if (!isKnownLocator(locator)) return undefined;
  const match = /\b(?:pp?\.|pages?)\s*(\d+)/i.exec(locator);
  const page = match ? Number(match[1]) : Number.NaN;
  return Number.isInteger(page) && page > 0 ? page : undefined;
}

/** The way out to the original, as a page shows it. */
export interface OriginalLink {
  href: string;
  /** How far in the link goes: to the passage, to a page, or to the address as it is. */
  depth: 'passage' | 'page' | 'document';
  /** What the source's address is (ORIGINAL_KINDS). */
  kind: OriginalKind;
  /** Said beside the link: what following it does. */
  note: string;
}

export interface Linkable {
  url?: string | undefined;
  urlKind?: OriginalKind | undefined;
}

/**
 * The link to a source's original for an extract (its text, for a text fragment) or a commitment
 * (its locator, for a page), or undefined where the source gives no confirmed address.
 */
export function originalLink(source: Linkable, place: { blocks?: readonly string[]; locator?: string | undefined } = {}): OriginalLink | undefined {
  if (!source.url) return undefined;
  const kind: OriginalKind = source.urlKind ?? 'landing-page';
  const how = ORIGINAL_KINDS[kind].deepLink;
  if (how === 'text' && place.blocks?.length) {
    const directive = textDirective(place.blocks);
    if (directive)
      return {
        href: withTextDirective(source.url, directive),
        depth: 'passage',
        kind,
        note: 'Opens the original at this passage, in browsers that support it; others open it at the top.',
      };
  }
  if (how === 'page') {
    const page = pageOf(place.locator);
    if (page !== undefined) return { href: `${source.url.replace(/#.*$/, '')}#page=${page}`, depth: 'page', kind, note: `Opens the PDF at page ${page}.` };
  }
  const note =
    kind === 'landing-page'
      ? 'Opens the page that lists the document and its files.'
      : kind === 'pdf'
        ? 'Opens the PDF at its first page: the place in it does not name a page.'
        : 'Opens the original at the top.';
  return { href: source.url, depth: 'document', kind, note };
}
