// Links into the original (src/site/fragments.ts): text directives percent-encoded by the spec's
// rules, on awkward text; the page a locator names; what each kind of original gets; and the
// route data of the fixture's extract and commitment pages, without a build.
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Graph, SourceRecord } from '../../src/lib/graph.ts';
import { loadContent } from '../../src/lib/load.ts';
import { makeAbsolute } from '../../src/site/absolute.ts';
import { encodeTextDirective, originalLink, pageOf, textDirective, withTextDirective } from '../../src/site/fragments.ts';
import { makeRenderer } from '../../src/site/render.ts';
import { commitmentPage } from '../../src/site/routes/commitment.ts';
import type { SiteContext } from '../../src/site/routes/context.ts';
import { extractPage } from '../../src/site/routes/extract.ts';
import { makeUrls } from '../../src/site/urls.ts';

/** What the spec lets stand unencoded in a text directive term (TextDirectiveExplicitChar), and %XX. */
const SPEC_TERM = /^(?:[A-Za-z0-9!$'()*+./:;=?@_~]|%[0-9A-F]{2})*$/;

/** Awkward text and its encoding (README, "Quoting and linking into the originals"). */
const ENCODINGS: [what: string, text: string, encoded: string][] = [
  ['hyphen (the spec’s own syntax)', 'well-being', 'well%2Dbeing'],
  ['en dash', '2016–2024', '2016%E2%80%932024'],
  ['em dash, spaced', 'leadership — bringing', 'leadership%20%E2%80%94%20bringing'],
  ['comma (separates start and end)', 'first, people', 'first%2C%20people'],
  ['ampersand (separates directives)', 'Mills & Reeve', 'Mills%20%26%20Reeve'],
  ['curly double quotes', '“Putting Children First”', '%E2%80%9CPutting%20Children%20First%E2%80%9D'],
  ['straight apostrophe (allowed as it is)', "children's", "children's"],
  ['curly apostrophe', 'children’s', 'children%E2%80%99s'],
  ['pound sign', '£200 million', '%C2%A3200%20million'],
  ['accented letter', 'Climbié', 'Climbi%C3%A9'],
  ['colon and digits', '10:30', '10%3A30'],
  ['parentheses and full stop (allowed)', 's.17(a)', 's.17(a)'],
  ['hash, question mark, equals', '#1?x=2', '%231%3Fx%3D2'],
  ['per cent sign', '64%', '64%25'],
  ['bullet and non-breaking space', '•\u00a0first', '%E2%80%A2%C2%A0first'],
];

describe('text directives, percent-encoded by the spec', () => {
  it.each(ENCODINGS)('encodes %s', (_what, text, encoded) => {
    expect(encodeTextDirective(text)).toBe(encoded);
    expect(encoded).toMatch(SPEC_TERM);
    expect(decodeURIComponent(encoded)).toBe(text);
  });

  it('leaves no "-", "," or "&" unencoded in any term, and decodes back to the term, for any text', () => {
    // Any text, and text made mostly of the characters that matter: the spec's syntax, spaces, dashes, quotes, non-ASCII.
    const awkward = fc.string({ unit: fc.constantFrom('-', ',', '&', '#', '%', ' ', 'a', '–', '—', '’', '“', 'é', '£', '.', '('), maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), awkward), (text) => {
        const term = encodeTextDirective(text);
        expect(term).toMatch(SPEC_TERM);
        expect(decodeURIComponent(term)).toBe(text);
      }),
    );
  });

  it("builds start,end from the passage's own first and last five words, trimming only the outer punctuation", () => {
    const blocks = [
      '“Today we are delighted to be publishing the government’s strategy to achieve that transformation: our plan for ‘Putting Children First’.',
      'first, people and leadership – bringing the best into the profession.',
    ];
    expect(textDirective(blocks)).toBe('text=Today%20we%20are%20delighted%20to,the%20best%20into%20the%20profession');
  });

  it('keeps what lies between the first and last words as the passage has it: commas, dashes, ampersands', () => {
    expect(textDirective(['Mills & Reeve, in well-being terms – a start; more words here to make it long enough: £200 million, 2016–2024.'])).toBe(
      'text=Mills%20%26%20Reeve%2C%20in%20well%2Dbeing,long%20enough%3A%20%C2%A3200%20million%2C%202016%E2%80%932024',
    );
  });

  it('takes the start from the first block and the end from the last: a term never spans two paragraphs or list items', () => {
    expect(textDirective(['We will keep caring: 10:30 is not a directive.', 'first, people', 'second, practice'])).toBe(
      'text=We%20will%20keep%20caring%3A%2010%3A30,second%2C%20practice',
    );
    expect(textDirective(['Two words.', 'And the last paragraph of the passage, which runs on.'])).toBe(
      'text=Two%20words,the%20passage%2C%20which%20runs%20on',
    );
  });

  it('gives a short passage as one term, and nothing for a passage with no word', () => {
    expect(textDirective(['Staying Close.'])).toBe('text=Staying%20Close');
    expect(textDirective(['“…”'])).toBeUndefined();
    expect(textDirective([])).toBeUndefined();
  });

  it('adds the directive after any fragment the address already has', () => {
    expect(withTextDirective('https://example.org/a', 'text=x')).toBe('https://example.org/a#:~:text=x');
    expect(withTextDirective('https://example.org/a#part-2', 'text=x')).toBe('https://example.org/a#part-2:~:text=x');
  });
});

describe('the page a locator names', () => {
  it.each([
    ['Chapter 2, p. 17', 17],
    ['Ministerial foreword, pp. 3–4', 3],
    ['Chapter 3, Outcome 2, pp. 30–35 (sections on further education, p. 32)', 30],
    ['page 12', 12],
    ['Pages 20 to 21', 20],
    ['Recommendation 5 (Chapter Two)', undefined],
    ['Written statement HCWS57, paragraph 3', undefined],
    ['Not known', undefined],
    ['p. 0', undefined],
  ])('%s → %s', (locator, page) => {
    expect(pageOf(locator)).toBe(page);
  });
});

describe('the link to the original, by what the address is', () => {
  const passage = { blocks: ['We will keep caring about every young person who leaves our care.'], locator: 'Chapter 2, p. 17' };
  it.each([
    [
      { url: 'https://www.gov.uk/x/y', urlKind: 'html' as const },
      'passage',
      'https://www.gov.uk/x/y#:~:text=We%20will%20keep%20caring%20about,person%20who%20leaves%20our%20care',
    ],
    [
      { url: 'https://hansard.parliament.uk/x', urlKind: 'hansard' as const },
      'passage',
      'https://hansard.parliament.uk/x#:~:text=We%20will%20keep%20caring%20about,person%20who%20leaves%20our%20care',
    ],
    [{ url: 'https://assets.example/doc.pdf', urlKind: 'pdf' as const }, 'page', 'https://assets.example/doc.pdf#page=17'],
    [{ url: 'https://www.gov.uk/government/publications/x', urlKind: 'landing-page' as const }, 'document', 'https://www.gov.uk/government/publications/x'],
    [{ url: 'https://www.gov.uk/government/publications/x' }, 'document', 'https://www.gov.uk/government/publications/x'],
  ])('%o: %s', (source, depth, href) => {
    const link = originalLink(source, passage);
    expect(link?.depth).toBe(depth);
    expect(link?.href).toBe(href);
    expect(link?.note.length).toBeGreaterThan(10);
  });

  it('says what a passage link does, and falls back to the top of a PDF whose locator names no page', () => {
    expect(originalLink({ url: 'https://www.gov.uk/x', urlKind: 'html' }, passage)?.note).toBe(
      'Opens the original at this passage, in browsers that support it; others open it at the top.',
    );
    const pdf = originalLink({ url: 'https://assets.example/doc.pdf', urlKind: 'pdf' }, { locator: 'Recommendation 5' });
    expect(pdf).toMatchObject({ depth: 'document', href: 'https://assets.example/doc.pdf' });
  });

  it('gives no link where the source has no confirmed address', () => {
    expect(originalLink({}, passage)).toBeUndefined();
  });
});

describe('route data of the fixture (no build)', () => {
  const loaded = loadContent(join(resolve(import.meta.dirname, '../..'), 'tests/fixtures/good'));
  if (!loaded.ok) throw new Error('tests/fixtures/good does not load');
  const urls = makeUrls('/sub-path/');
  const context = (graph: Graph): SiteContext => ({ graph, urls, absolute: makeAbsolute('https://reforms.example'), render: makeRenderer(urls) });
  /** The fixture with alpha-2016's original replaced. */
  const withOriginal = (original: Pick<SourceRecord, 'url' | 'urlKind'>): Graph => {
    const alpha = loaded.graph.source.get('alpha-2016');
    if (!alpha) throw new Error('fixture lacks alpha-2016');
    const changed = { ...alpha, ...original };
    return {
      ...loaded.graph,
      sources: loaded.graph.sources.map((s) => (s.id === alpha.id ? changed : s)),
      source: new Map([...loaded.graph.source, [alpha.id, changed]]),
    };
  };

  it("links the fixture's extract (an HTML original) to its passage, and gives its quotation's data", () => {
    const e = loaded.graph.extract.get('alpha-foreword');
    if (!e) throw new Error('fixture lacks alpha-foreword');
    const page = extractPage(context(loaded.graph), e);
    expect(page.original).toMatchObject({
      depth: 'passage',
      href: 'https://www.gov.uk/government/publications/alpha#:~:text=We%20will%20keep%20caring%3A%2010%3A30,second%2C%20practice',
    });
    expect(page.quotation).toEqual({
      title: "The foreword's promise",
      speaker: 'A Minister, Minister for Children',
      locator: 'Ministerial foreword, p. 3',
      source: { title: 'Alpha: a first paper', publishers: ['Department for Education'], published: '2016-07-04', date: '4 July 2016' },
    });
    expect(page.card).toEqual({
      title: "The foreword's promise — Alpha, 4 July 2016",
      description: '“We will keep caring: 10:30 is not a directive. first, people second, practice”',
    });
  });

  it('links an extract and a commitment of a PDF original to the page their locator names', () => {
    const graph = withOriginal({ url: 'https://assets.example/alpha.pdf', urlKind: 'pdf' });
    const e = graph.extract.get('alpha-foreword');
    const c = graph.commitment.get('alpha-staying-close');
    if (!e || !c) throw new Error('fixture lacks alpha-foreword or alpha-staying-close');
    expect(extractPage(context(graph), e).original).toMatchObject({
      depth: 'page',
      href: 'https://assets.example/alpha.pdf#page=3',
      note: 'Opens the PDF at page 3.',
    });
    expect(commitmentPage(context(graph), c).original).toMatchObject({ depth: 'page', href: 'https://assets.example/alpha.pdf#page=38' });
  });

  it("links a commitment of an HTML original to the original's top: only a passage has words to find", () => {
    const c = loaded.graph.commitment.get('alpha-staying-close');
    if (!c) throw new Error('fixture lacks alpha-staying-close');
    expect(commitmentPage(context(loaded.graph), c).original).toMatchObject({ depth: 'document', href: 'https://www.gov.uk/government/publications/alpha' });
  });
});
