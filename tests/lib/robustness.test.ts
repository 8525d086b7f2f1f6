// Property tests: whatever an editor's file holds, the loader answers with either a graph or a
// list of problems, each located in one of the files it was given. It never throws.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadTree, type ContentTree, type LoadResult } from '../../src/lib/load.ts';
import { formatProblem } from '../../src/lib/problems.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const ALPHA = 'tests/fixtures/good/sources/alpha-2016.md';
const BETA = 'tests/fixtures/good/sources/beta-2023.md';
const PILLARS = 'tests/fixtures/good/pillars.yml';
const GAMMA = 'tests/fixtures/good/sources/gamma-act-2026.md';
const gamma = readFileSync(path.join(repoRoot, GAMMA), 'utf8');
const alpha = readFileSync(path.join(repoRoot, ALPHA), 'utf8');
const beta = readFileSync(path.join(repoRoot, BETA), 'utf8');
const pillars = readFileSync(path.join(repoRoot, PILLARS), 'utf8');

/** Puts `value` where `find` stands, taken literally (no `$&` patterns); a fixture that no longer
 *  holds `find` fails loudly instead of letting a test run on unchanged content. */
function swap(text: string, find: string, value: string): string {
  if (!text.includes(find)) throw new Error(`the good fixture no longer contains ${JSON.stringify(find)}; update this test`);
  return text.replace(find, () => value);
}

const RUNS = { numRuns: 200 };

function tree(files: { alpha?: string; beta?: string; pillars?: string } = {}): ContentTree {
  return {
    sources: [
      { path: ALPHA, text: files.alpha ?? alpha },
      { path: BETA, text: files.beta ?? beta },
      { path: GAMMA, text: gamma },
    ],
    pillars: { path: PILLARS, text: files.pillars ?? pillars },
  };
}

/** How many content trees (each with at least one generated or mutated file) were loaded. */
let treesTried = 0;
afterAll(() => console.log(`robust loader: ${treesTried} generated or mutated content trees loaded`));

/**
 * The loader never hangs, however hostile the input. This bounds a hang (a backtracking pattern
 * runs for minutes), not speed: a load takes well under a second on an idle machine, and the old
 * 5 s bound failed on 2 cores at a load average of 16–20. Speed is the bench's business.
 */
const MAX_LOAD_MS = 30_000;

/** Loads the tree and checks the contract: a graph, or located problems in the given files. */
function loadChecked(input: ContentTree): LoadResult {
  let result: LoadResult;
  treesTried++;
  const started = performance.now();
  try {
    result = loadTree(input);
  } catch (error) {
    throw new Error(`loadTree threw: ${error instanceof Error ? error.stack : String(error)}`);
  }
  const took = performance.now() - started;
  expect(took, `one load took ${Math.round(took)} ms`).toBeLessThan(MAX_LOAD_MS);
  if (result.ok) {
    expect(result.graph.sources).toBeInstanceOf(Array);
    return result;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  const files = new Map([...input.sources, ...(input.pillars ? [input.pillars] : [])].map((file) => [file.path, file.text]));
  for (const problem of result.problems) {
    const where = formatProblem(problem);
    expect(files.has(problem.file), where).toBe(true);
    expect(Number.isInteger(problem.line) && problem.line >= 1, where).toBe(true);
    expect(Number.isInteger(problem.column) && problem.column >= 1, where).toBe(true);
    // A line that exists in the file (the line after the last one is where "end of file" is).
    const lineCount = (files.get(problem.file) ?? '').split(/\r\n|\r|\n/).length;
    expect(problem.line, where).toBeLessThanOrEqual(lineCount + 1);
    expect(problem.subject.length, where).toBeGreaterThan(0);
    expect(problem.message.length, where).toBeGreaterThan(0);
  }
  return result;
}

/** Characters and fragments that mean something to YAML, Markdown or directives. */
const token = fc.constantFrom(
  ':::',
  '::::',
  '::',
  ':',
  '---',
  '\n---\n',
  '{',
  '}',
  '{#',
  '#',
  '[',
  ']',
  '(',
  ')',
  '"',
  "'",
  '`',
  '```',
  '```yaml\n',
  '\t',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '- ',
  '* ',
  '> ',
  '|',
  '&a',
  '*a',
  '!!str',
  '<b>',
  '<!--',
  '-->',
  '\uFEFF',
  '\u0000',
  'é',
  '£',
  '“',
  '”',
  '’',
  '—',
  '😀',
  '\u202E',
  'commitment:',
  'source:',
  'javascript:',
  'id: x\n',
  '\n:::commitment{#x}\n',
  '\n:::extract{#y}\n```yaml\ntitle: t\nlocator: l\n```\nz\n:::\n',
);

type Edit = { at: number; kind: 'insert'; text: string } | { at: number; kind: 'delete'; length: number } | { at: number; kind: 'truncate' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    at: fc.nat(),
    kind: fc.constant('insert' as const),
    text: fc.oneof(token, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })),
  }),
  fc.record({ at: fc.nat(), kind: fc.constant('delete' as const), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ at: fc.nat(), kind: fc.constant('truncate' as const) }),
);

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    if (e.kind === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
    else if (e.kind === 'delete') out = out.slice(0, at) + out.slice(at + e.length);
    else out = out.slice(0, at);
  }
  return out;
}

const lineEndings = fc.constantFrom<(text: string) => string>(
  (text) => text,
  (text) => text.replace(/\n/g, '\r\n'),
  (text) => text.replace(/\n/g, '\r'),
  (text) => `\uFEFF${text}`,
);

describe('the loader never throws', () => {
  it('on arbitrary strings as a digest and as pillars.yml', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 200 }), (a, b, p) => {
        loadChecked(tree({ alpha: a, beta: b, pillars: p }));
      }),
      RUNS,
    );
  });

  it('on arbitrary text after a valid front matter', () => {
    const front = alpha.slice(0, alpha.indexOf('\n---\n') + 5);
    fc.assert(
      fc.property(fc.array(fc.oneof(token, fc.string({ maxLength: 10 })), { maxLength: 40 }), (parts) => {
        loadChecked(tree({ alpha: front + parts.join('') }));
      }),
      RUNS,
    );
  });

  it('on garbled, truncated and mutated copies of the good files', () => {
    fc.assert(
      fc.property(fc.constantFrom('alpha', 'beta', 'pillars' as const), fc.array(edit, { minLength: 1, maxLength: 8 }), lineEndings, (which, edits, ending) => {
        const original = { alpha, beta, pillars }[which];
        loadChecked(tree({ [which]: ending(applyEdits(original, edits)) }));
      }),
      RUNS,
    );
  });

  it('on arbitrary front-matter values', () => {
    const key = fc.oneof(
      fc.constantFrom(
        'id',
        'title',
        'shortTitle',
        'role',
        'kind',
        'published',
        'publishers',
        'people',
        'url',
        'licence',
        'framework',
        'related',
        'coverage',
        'aliases',
      ),
      fc.string({ minLength: 1, maxLength: 12 }),
    );
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.string(),
      fc.constantFrom('alpha-2016', '2016-02-30', 'javascript:alert(1)', null, true, 2016, [], {}),
    );
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 10 }), fc.boolean(), (fields, keepGoodFields) => {
        const head = keepGoodFields ? alpha.slice(4, alpha.indexOf('\n---\n') + 1) : '';
        const body = alpha.slice(alpha.indexOf('\n---\n') + 5);
        // Later keys repeat good ones sometimes: duplicate keys must be reported, not thrown.
        const yaml = head + stringify(fields, { lineWidth: 0 });
        loadChecked(tree({ alpha: `---\n${yaml}---\n${body}` }));
      }),
      RUNS,
    );
  });

  it('on arbitrary directive names and attributes', () => {
    const name = fc.oneof(fc.constantFrom('commitment', 'extract', 'note', 'Commitment', ''), fc.string({ maxLength: 8 }));
    const attributes = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc
        .array(
          fc.oneof(fc.constantFrom('#alpha-extra', '#Bad_Id', '#', '.class', 'id=x', 'a="b"', "a='", 'x', '#alpha-staying-close'), fc.string({ maxLength: 6 })),
          { maxLength: 4 },
        )
        .map((parts) => parts.join(' ')),
    );
    const colons = fc.constantFrom(':::', '::', '::::', ':');
    fc.assert(
      fc.property(colons, name, attributes, fc.boolean(), (fence, directive, attrs, withYaml) => {
        const block = `${fence}${directive}{${attrs}}\n${withYaml ? '```yaml\ntitle: t\nlocator: l\nsourcePillar: people\npillars: [workforce]\n```\n' : ''}Some text.\n${fence}\n`;
        loadChecked(tree({ alpha: swap(alpha, '## Structure\n', `## Structure\n\n${block}\n`) }));
      }),
      RUNS,
    );
  });

  it('on arbitrary yaml inside a block', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 60 }), fc.boolean(), (value, raw, useRaw) => {
        const yaml = useRaw ? raw : stringify(value, { lineWidth: 0 });
        const block = `:::commitment{#alpha-extra}\n\`\`\`yaml\n${yaml}\n\`\`\`\nText.\n:::\n`;
        loadChecked(tree({ alpha: `${alpha}\n${block}` }));
      }),
      RUNS,
    );
  });
});

describe('line endings and byte-order marks do not change meaning', () => {
  const lf = loadChecked(tree());
  it('the good tree loads', () => {
    expect(lf.ok ? [] : lf.problems.map(formatProblem)).toEqual([]);
  });
  it.each([
    ['CRLF line endings', (text: string) => text.replace(/\n/g, '\r\n')],
    ['a byte-order mark', (text: string) => `\uFEFF${text}`],
    ['a byte-order mark and CRLF line endings', (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`],
    ['old Mac CR line endings', (text: string) => text.replace(/\n/g, '\r')],
  ])('the good tree with %s yields the same graph as with LF', (_name, convert) => {
    const converted = loadChecked(tree({ alpha: convert(alpha), beta: convert(beta), pillars: convert(pillars) }));
    expect(converted.ok).toBe(true);
    if (converted.ok && lf.ok) expect(converted.graph).toEqual(lf.graph);
  });
  it('problems in a CRLF file are reported at the same places as in the LF file', () => {
    const broken = alpha.replace('published: "2016-07-04"', 'published: "2016-02-30"').replace('Two chapters.', 'Two [x](commitment:nope) chapters.');
    const inLf = loadChecked(tree({ alpha: broken }));
    const inCrlf = loadChecked(tree({ alpha: `\uFEFF${broken.replace(/\n/g, '\r\n')}` }));
    expect(inLf.ok).toBe(false);
    expect(inCrlf).toEqual(inLf);
  });
});

/** Bytes as `readFileSync(path, 'utf8')` would hand them to the loader. */
const asRead = (bytes: Buffer | Uint8Array) => Buffer.from(bytes).toString('utf8');

describe('the loader never throws or hangs on files in the wrong encoding', () => {
  const files = { alpha, beta, pillars };
  const encodings: [string, (text: string) => Buffer][] = [
    ['Latin-1 bytes', (text) => Buffer.from(text, 'latin1')],
    ['Windows-1252-style bytes for curly quotes and the pound sign', (text) => Buffer.from(text.replace(/[“”]/g, '"').replace(/£/g, '\xA3'), 'latin1')],
    ['UTF-16LE with a BOM', (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16BE with a BOM', (text) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
    ['UTF-16LE without a BOM', (text) => Buffer.from(text, 'utf16le')],
  ];
  for (const [name, encode] of encodings) {
    it.each(Object.keys(files) as (keyof typeof files)[])(`on %s saved as ${name}`, (which) => {
      loadChecked(tree({ [which]: asRead(encode(files[which])) }));
    });
  }

  it('on good files with random bytes overwritten, inserted or cut (as read from disk)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('alpha', 'beta', 'pillars' as const),
        fc.array(fc.record({ at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }), how: fc.constantFrom('overwrite', 'insert', 'cut') }), {
          minLength: 1,
          maxLength: 6,
        }),
        (which, edits) => {
          let bytes = Buffer.from(files[which], 'utf8');
          for (const e of edits) {
            const at = e.at % (bytes.length + 1);
            if (e.how === 'overwrite') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(e.bytes), bytes.subarray(at + e.bytes.length)]);
            else if (e.how === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(e.bytes), bytes.subarray(at)]);
            else bytes = bytes.subarray(0, at);
          }
          loadChecked(tree({ [which]: asRead(bytes) }));
        },
      ),
      RUNS,
    );
  }, 60_000);
});

describe('the loader stays quick on huge fields and deep nesting', () => {
  const front = alpha.slice(0, alpha.indexOf('\n---\n') + 5);
  const body = alpha.slice(alpha.indexOf('\n---\n') + 5);

  it('on huge titles, prose paragraphs, extract passages and alias lists', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('title', 'prose', 'extract', 'aliases', 'yaml-key'),
        fc.integer({ min: 10_000, max: 400_000 }),
        fc.constantFrom('a', 'é ', '😀', '[x](', '*', '`', '\\', '<', ' '),
        (where, size, unit) => {
          const big = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
          const text =
            where === 'title'
              ? swap(alpha, 'title: "Alpha: a first paper"', `title: ${JSON.stringify(big)}`)
              : where === 'prose'
                ? swap(alpha, 'Two chapters.', big)
                : where === 'extract'
                  ? swap(alpha, 'We will keep caring', big)
                  : where === 'aliases'
                    ? swap(alpha, 'aliases: [staying close]', `aliases: [${Array.from({ length: Math.ceil(size / 100) }, (_, i) => `alias ${i}`).join(', ')}]`)
                    : `${front.slice(0, -4)}${big.replace(/\W/g, 'k')}: 1\n---\n${body}`;
          loadChecked(tree({ alpha: text }));
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it('on deeply nested directives, quotes, lists, brackets and emphasis', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('directives', 'fences', 'quotes', 'lists', 'brackets', 'emphasis', 'flow-yaml'),
        fc.integer({ min: 50, max: 3_000 }),
        (shape, depth) => {
          const nested =
            shape === 'directives'
              ? `${Array.from({ length: Math.min(depth, 400) }, (_, i) => `${':'.repeat(3 + Math.min(depth, 400) - i)}commitment{#alpha-n${i}}`).join('\n')}\ntext\n${Array.from({ length: Math.min(depth, 400) }, (_, i) => ':'.repeat(4 + i)).join('\n')}`
              : shape === 'fences'
                ? ':::commitment{#alpha-deep}\n'.repeat(depth)
                : shape === 'quotes'
                  ? `${'>'.repeat(depth)} deep`
                  : shape === 'lists'
                    ? Array.from({ length: Math.min(depth, 500) }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')
                    : shape === 'brackets'
                      ? `${'['.repeat(depth)}x${'](commitment:x)'.repeat(depth)}`
                      : shape === 'emphasis'
                        ? `${'*_'.repeat(depth)}x${'_*'.repeat(depth)}`
                        : '';
          const text =
            shape === 'flow-yaml'
              ? swap(alpha, 'aliases: [staying close]', `aliases: ${'['.repeat(depth)}${']'.repeat(depth)}`)
              : swap(alpha, 'Two chapters.', nested);
          loadChecked(tree({ alpha: text }));
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe('unicode ids are refused at their line, never taken as ids', () => {
  const lookalikes = fc.constantFrom(
    'аlpha-staying-close', // Cyrillic а
    'alpha-staying-clοse', // Greek ο
    'alpha-stayıng-close', // Turkish dotless ı
    'ａlpha-staying-close', // full-width a
    'alpha-staying-close\u200B', // zero-width space
    'alpha\u2011staying-close', // non-breaking hyphen
    'alpha-staying-close\u202E', // right-to-left override
    'alpha-staying-cloše', // combining-free accent
    'alpha-staying-clo\u0301se', // combining accent
    'ALPHA-STAYING-CLOSE',
  );
  const unicodeId = fc.oneof(
    lookalikes,
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((id) => !/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(id)),
  );
  const places = ['directive', 'front-matter', 'pillar', 'previous-id', 'entity-link'] as const;

  it('in a directive, the front matter, pillars.yml, previousIds and an entity link', () => {
    fc.assert(
      fc.property(fc.constantFrom(...places), unicodeId, (place, id) => {
        const quoted = JSON.stringify(id);
        const input =
          place === 'directive'
            ? { alpha: swap(alpha, ':::commitment{#alpha-staying-close}', `:::commitment{id=${quoted}}`) }
            : place === 'front-matter'
              ? { alpha: swap(alpha, 'id: alpha-2016', `id: ${quoted}`) }
              : place === 'pillar'
                ? { pillars: swap(pillars, 'id: workforce', `id: ${quoted}`) }
                : place === 'previous-id'
                  ? { alpha: swap(alpha, 'previousIds: [alpha-practice-leaders]', `previousIds: [${quoted}]`) }
                  : { alpha: swap(alpha, '(commitment:alpha-staying-close)', `(<commitment:${id.replace(/[<>\n\r]/g, '')}>)`) };
        const text = input.alpha ?? input.pillars ?? '';
        const result = loadChecked(tree(input));
        expect(result.ok, `${place} ${quoted} was accepted`).toBe(false);
        if (result.ok) return;
        const needle =
          place === 'directive'
            ? ':::commitment{id='
            : place === 'front-matter'
              ? 'id: '
              : place === 'pillar'
                ? `id: ${quoted}`
                : place === 'previous-id'
                  ? 'previousIds: ['
                  : '<commitment:';
        const line = text.slice(0, text.indexOf(needle)).split('\n').length;
        const file = place === 'pillar' ? PILLARS : ALPHA;
        expect(
          result.problems.some((p) => p.file === file && p.line === line),
          `${place} ${quoted}: ${result.problems.map(formatProblem).join(' | ')}`,
        ).toBe(true);
      }),
      RUNS,
    );
  }, 60_000);
});
