// Property tests: whatever an editor's file holds, the loader answers with either a graph or a
// list of problems, each located in one of the files it was given. It never throws.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadTree, type ContentTree, type LoadResult } from '../../src/lib/load.ts';
import { formatProblem } from '../../src/lib/problems.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const ALPHA = 'tests/fixtures/good/sources/alpha-2016.md';
const BETA = 'tests/fixtures/good/sources/beta-2023.md';
const PILLARS = 'tests/fixtures/good/pillars.yml';
const alpha = readFileSync(path.join(repoRoot, ALPHA), 'utf8');
const beta = readFileSync(path.join(repoRoot, BETA), 'utf8');
const pillars = readFileSync(path.join(repoRoot, PILLARS), 'utf8');

const RUNS = { numRuns: 200 };

function tree(files: { alpha?: string; beta?: string; pillars?: string } = {}): ContentTree {
  return {
    sources: [
      { path: ALPHA, text: files.alpha ?? alpha },
      { path: BETA, text: files.beta ?? beta },
    ],
    pillars: { path: PILLARS, text: files.pillars ?? pillars },
  };
}

/** Loads the tree and checks the contract: a graph, or located problems in the given files. */
function loadChecked(input: ContentTree): LoadResult {
  let result: LoadResult;
  try {
    result = loadTree(input);
  } catch (error) {
    throw new Error(`loadTree threw: ${error instanceof Error ? error.stack : String(error)}`);
  }
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
  ':::', '::::', '::', ':', '---', '\n---\n', '{', '}', '{#', '#', '[', ']', '(', ')', '"', "'", '`', '```', '```yaml\n',
  '\t', '\n', '\r\n', '\r', ' ', '- ', '* ', '> ', '|', '&a', '*a', '!!str', '<b>', '<!--', '-->', '\uFEFF', '\u0000',
  'é', '£', '“', '”', '’', '—', '😀', '\u202E', 'commitment:', 'source:', 'javascript:', 'id: x\n', '\n:::commitment{#x}\n',
  '\n:::extract{#y}\n```yaml\ntitle: t\nlocator: l\n```\nz\n:::\n',
);

type Edit = { at: number; kind: 'insert'; text: string } | { at: number; kind: 'delete'; length: number } | { at: number; kind: 'truncate' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ at: fc.nat(), kind: fc.constant('insert' as const), text: fc.oneof(token, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })) }),
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
      fc.property(
        fc.constantFrom('alpha', 'beta', 'pillars' as const),
        fc.array(edit, { minLength: 1, maxLength: 8 }),
        lineEndings,
        (which, edits, ending) => {
          const original = { alpha, beta, pillars }[which];
          loadChecked(tree({ [which]: ending(applyEdits(original, edits)) }));
        },
      ),
      RUNS,
    );
  });

  it('on arbitrary front-matter values', () => {
    const key = fc.oneof(
      fc.constantFrom('id', 'title', 'shortTitle', 'role', 'kind', 'published', 'publishers', 'people', 'url', 'licence', 'framework', 'related', 'coverage', 'aliases'),
      fc.string({ minLength: 1, maxLength: 12 }),
    );
    const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string(), fc.constantFrom('alpha-2016', '2016-02-30', 'javascript:alert(1)', null, true, 2016, [], {}));
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
      fc.array(fc.oneof(fc.constantFrom('#alpha-extra', '#Bad_Id', '#', '.class', 'id=x', 'a="b"', "a='", 'x', '#alpha-staying-close'), fc.string({ maxLength: 6 })), { maxLength: 4 }).map((parts) => parts.join(' ')),
    );
    const colons = fc.constantFrom(':::', '::', '::::', ':');
    fc.assert(
      fc.property(colons, name, attributes, fc.boolean(), (fence, directive, attrs, withYaml) => {
        const block = `${fence}${directive}{${attrs}}\n${withYaml ? '```yaml\ntitle: t\nlocator: l\nsourcePillar: people\npillars: [workforce]\n```\n' : ''}Some text.\n${fence}\n`;
        loadChecked(tree({ alpha: alpha.replace('## Structure\n', `## Structure\n\n${block}\n`) }));
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

