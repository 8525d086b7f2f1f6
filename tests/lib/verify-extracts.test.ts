// An extract promises that the source says exactly this. The check forgives only what copying
// from a web page changes without changing the words: white space and straight/curly quotes.
// Stored texts come in two shapes: a seed is a whole page (one passage); a quotes file is
// Markdown whose ```text blocks are the passages, with notes around them that are not.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readReferences } from '../../scripts/verify-extracts.ts';
import { loadContent } from '../../src/lib/load.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { normaliseForComparison, passagesOf, verifyExtracts, type ExtractToVerify, type Reference } from '../../src/lib/verify-extracts.ts';
import { need, referenceFolder } from '../support/needs.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'reforms-verify-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('normaliseForComparison', () => {
  it.each([
    ['collapses runs of spaces, tabs and line breaks to one space', 'We  will\tkeep\n\ncaring', 'We will keep caring'],
    ['trims the ends', '  \n caring \r\n', 'caring'],
    ['treats a non-breaking space as a space', 'Keep\u00a0on Caring', 'Keep on Caring'],
    ['straightens curly single quotes and apostrophes', '\u2018children\u2019s\u2019', "'children's'"],
    ['straightens curly double quotes', '\u201cStable Homes\u201d', '"Stable Homes"'],
    ['straightens reversed and prime quotes', '\u201bx\u2032 \u201fy\u2033', `'x' "y"`],
    ['keeps dashes as written', 'care \u2013 and \u2014 support', 'care \u2013 and \u2014 support'],
    ['keeps case as written', 'Staying Close', 'Staying Close'],
    ['keeps punctuation as written', 'homes, built on love.', 'homes, built on love.'],
  ])('%s', (_rule, input, expected) => {
    expect(normaliseForComparison(input)).toBe(expected);
  });
});

const QUOTES_FILE = [
  '# Verbatim passages: Alpha',
  '',
  '## Foreword: "We will keep caring"',
  '- copied from: https://example.org/alpha  (kind: quoted fragment)',
  '- checked: the page quotes "a note the page adds" around it',
  '',
  '```text',
  'We will keep caring for young people,',
  'right up to 25.',
  '```',
  '',
  '## Chapter 2',
  '',
  '```text',
  'First, people. Second, practice.',
  '```',
  '',
].join('\n');

describe('passagesOf', () => {
  it('takes each ```text block of a Markdown quotes file, and none of the notes around them', () => {
    expect(passagesOf('quotes/alpha.md', QUOTES_FILE)).toEqual(['We will keep caring for young people,\nright up to 25.', 'First, people. Second, practice.']);
  });

  it('reads a Markdown file with Windows line ends the same', () => {
    expect(passagesOf('quotes/alpha.md', QUOTES_FILE.replace(/\n/g, '\r\n'))).toEqual(passagesOf('quotes/alpha.md', QUOTES_FILE));
  });

  it('finds no passage in Markdown without a ```text block (a README), nor in a fence named only in prose', () => {
    expect(passagesOf('quotes/README.md', '# Notes\n\nEach passage sits in a ```text block.\n\n```yaml\nnot: a passage\n```\n')).toEqual([]);
  });

  it('takes any other file whole, as one passage', () => {
    expect(passagesOf('seeds/000.txt', 'Foreword\n\n```text\nx\n```\n')).toEqual(['Foreword\n\n```text\nx\n```\n']);
  });
});

describe('verifyExtracts', () => {
  const seed: Reference = {
    path: 'seeds/original.txt',
    passages: [
      'Foreword\n\nWe will  keep \u201ccaring\u201d for young people\u2019s futures,\nright up to 25.\n\nFirst, people.\nSecond, practice.\n\nThe end.',
    ],
  };
  const quotes: Reference = { path: 'quotes/alpha.md', passages: passagesOf('quotes/alpha.md', QUOTES_FILE) };
  const extract = (blocks: string[]): ExtractToVerify => ({ id: 'alpha-foreword', file: 'content/sources/alpha-2016.md', line: 63, blocks });
  const verify = (blocks: string[], references: Reference[] = [seed]) => {
    const [result] = verifyExtracts([extract(blocks)], references);
    if (!result) throw new Error('verifyExtracts returned no result for the extract');
    return result;
  };
  const where = { id: 'alpha-foreword', file: 'content/sources/alpha-2016.md', line: 63 };

  it.each([
    ['a passage copied exactly', ['First, people.']],
    ['a passage with different line breaks and spacing', ['We will keep "caring" for young people\u2019s futures, right up to 25.']],
    ['a passage with straight quotes where the source has curly ones', [`We will keep "caring" for young people's futures,`]],
    ['blocks in the order the source gives them, with text between them', ['We will keep', 'Second, practice.', 'The end.']],
    ['a block that is part of a sentence', ['right up to 25.']],
  ])('finds, in a seed, %s', (_rule, blocks) => {
    expect(verify(blocks)).toEqual({ ...where, foundIn: 'seeds/original.txt' });
  });

  it.each([
    ['a changed word', ['We will keep "caring" for young peoples futures'], 'We will keep "caring" for young peoples futures'],
    ['a dropped comma', ['First people.'], 'First people.'],
    ['an added full stop', ['right up to 25..'], 'right up to 25..'],
    ['a changed case', ['first, people.'], 'first, people.'],
    ['a changed dash', ['The end\u2014'], 'The end\u2014'],
    ['blocks out of order (the first missing block is named)', ['Second, practice.', 'First, people.'], 'First, people.'],
    ['a block repeated when the source has it once', ['First, people.', 'First, people.'], 'First, people.'],
  ])('reports, against a seed, %s', (_rule, blocks, missing) => {
    expect(verify(blocks)).toEqual({ ...where, missingBlock: missing });
  });

  it.each([
    ['one paragraph across the line break of a passage', ['We will keep caring for young people, right up to 25.']],
    ['paragraphs that the quotes file keeps as separate passages', ['right up to 25.', 'First, people.']],
    ['paragraphs from two passages in the other order', ['Second, practice.', 'We will keep caring']],
    ['two paragraphs of one passage in its order', ['First, people.', 'Second, practice.']],
  ])('finds, in a quotes file, %s', (_rule, blocks) => {
    expect(verify(blocks, [quotes])).toEqual({ ...where, foundIn: 'quotes/alpha.md' });
  });

  it.each([
    ['one paragraph that runs from the end of one passage into the next', ['right up to 25. First, people.'], 'right up to 25. First, people.'],
    ["words that stand only in the file's notes", ['a note the page adds'], 'a note the page adds'],
    ['a heading of the file', ['Chapter 2'], 'Chapter 2'],
    ['two paragraphs of one passage out of its order', ['Second, practice.', 'First, people.'], 'First, people.'],
    ['a paragraph of one passage given twice', ['First, people.', 'First, people.'], 'First, people.'],
  ])('reports, against a quotes file, %s', (_rule, blocks, missing) => {
    expect(verify(blocks, [quotes])).toEqual({ ...where, missingBlock: missing });
  });

  it('requires every block to come from one reference file', () => {
    const other: Reference = { path: 'seeds/other.txt', passages: ['Second, practice. A passage from elsewhere.'] };
    expect(verify(['First, people.', 'A passage from elsewhere.'], [seed, other]).missingBlock).toBe('A passage from elsewhere.');
  });

  it('names the file it was found in when several references are given', () => {
    const other: Reference = { path: 'seeds/other.txt', passages: ['A passage from elsewhere.'] };
    expect(verify(['A passage from elsewhere.'], [seed, quotes, other]).foundIn).toBe('seeds/other.txt');
  });

  it('reports the block that got furthest across all files', () => {
    const partial: Reference = { path: 'seeds/partial.txt', passages: ['First, people. Only this.'] };
    expect(verify(['First, people.', 'Second, practice.', 'Third, money.'], [partial, seed]).missingBlock).toBe('Third, money.');
  });

  it('reports an empty extract rather than finding it everywhere', () => {
    expect(verify([]).missingBlock).toBe('(the extract is empty)');
    expect(verify(['  \n ']).missingBlock).toBe('(the extract is empty)');
  });

  it('reports an extract when there are no reference files, or only files without passages', () => {
    expect(verify(['First, people.'], [])).toEqual({ ...where, missingBlock: 'First, people.' });
    expect(verify(['First, people.'], [{ path: 'quotes/README.md', passages: [] }])).toEqual({ ...where, missingBlock: 'First, people.' });
  });

  it('checks the good fixture extract (a paragraph and two list items) against a quotes file that holds it', () => {
    const result = loadContent(path.join(repoRoot, 'tests', 'fixtures', 'good'), { cwd: repoRoot });
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const file = '```text\nWe will keep caring: 10:30 is not a directive.\n```\n\n```text\n- first, people\n- second, practice\n```\n';
    const holds = (text: string) => verifyExtracts(result.graph.extracts, [{ path: 'q.md', passages: passagesOf('q.md', text) }])[0];
    expect(holds(file)?.foundIn).toBe('q.md');
    expect(holds(file.replace('10:30', '10.30'))?.missingBlock).toBe('We will keep caring: 10:30 is not a directive.');
  });
});

// Child processes: a few seconds each on a busy 2-core machine.
describe('npm run verify-extracts', { timeout: 30_000 }, () => {
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const child = spawnSync(process.execPath, ['scripts/verify-extracts.ts', '--content', 'tests/fixtures/good', ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, SEEDS_DIR: '', QUOTES_DIR: '', ...env },
    });
    return { status: child.status, stdout: child.stdout, stderr: child.stderr };
  };
  const folder = (name: string, files: Record<string, string>) => {
    const dir = path.join(work, name);
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
    return dir;
  };
  const PARAGRAPH = 'We will keep caring: 10:30 is not a directive.';
  const seedsHit = folder('seeds-hit', { 'page.txt': `Foreword. ${PARAGRAPH}\n\nfirst, people\nsecond, practice\n\nMore.` });
  const seedsMiss = folder('seeds-miss', { 'page.txt': 'A page that quotes none of it.' });
  const quotesHit = folder('quotes-hit', {
    'alpha.md': `# Alpha\n\n\`\`\`text\n${PARAGRAPH}\n\`\`\`\n\n\`\`\`text\nfirst, people\nsecond, practice\n\`\`\`\n`,
  });
  // The paragraph stands only in notes here (a README, a heading): not a stored passage.
  const quotesMiss = folder('quotes-miss', {
    'alpha.md': `# ${PARAGRAPH}\n\n\`\`\`text\nfirst, people\nsecond, practice\n\`\`\`\n`,
    'README.md': `${PARAGRAPH}\n`,
  });

  it('reads the seeds and the quotes folders together by default (SEEDS_DIR and QUOTES_DIR move them)', () => {
    const inSeeds = run([], { SEEDS_DIR: seedsHit, QUOTES_DIR: quotesMiss });
    expect(inSeeds.stderr).toBe('');
    expect(inSeeds.stdout).toMatch(/^All 1 extracts are verbatim in 2 passages of 3 files under \S+ and \S+\.\n$/);
    expect(inSeeds.status).toBe(0);
    expect(run([], { SEEDS_DIR: seedsMiss, QUOTES_DIR: quotesHit }).status).toBe(0);
    expect(run([], { SEEDS_DIR: seedsMiss, QUOTES_DIR: quotesMiss }).status).toBe(1);
  });

  it('takes --against more than once, and fails naming the first paragraph no single file holds', () => {
    expect(run(['--against', seedsMiss, '--against', quotesHit]).status).toBe(0);
    const notes = run(['--against', seedsMiss, '--against', quotesMiss]);
    expect(notes.status).toBe(1);
    expect(notes.stderr.split('\n')[0]).toMatch(
      /^tests\/fixtures\/good\/sources\/alpha-2016\.md:87 {2}extract "alpha-foreword": text — is not verbatim in any stored passage under \S+ or \S+; expected each paragraph whole within one passage, this one was not found: "We will keep caring: 10:30 is not a directive\."$/,
    );
  });

  it('says in one line which folder is missing, and exits 2', () => {
    const missing = run(['--against', path.join(work, 'no-such-folder')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^verify-extracts: \S+no-such-folder not found; point --against DIR \(or SEEDS_DIR \/ QUOTES_DIR\) at the stored source texts$/),
    ]);
  });
});

const SEEDS = referenceFolder('SEEDS_DIR', '../shared/seeds');
const QUOTES = referenceFolder('QUOTES_DIR', '../shared/quotes');

describe('the real extracts', { timeout: 30_000 }, () => {
  const seeds = need(SEEDS.present, {
    what: `the original documents (${SEEDS.dir})`,
    forWhat: 'the verbatim check of the real extracts',
    fix: 'point SEEDS_DIR at the folder of seeds',
  });
  const quotes = need(QUOTES.present, {
    what: `the stored verbatim passages (${QUOTES.dir})`,
    forWhat: 'the verbatim check of the real extracts',
    fix: 'point QUOTES_DIR at the folder of quotes',
  });
  const present = seeds && quotes;

  it.runIf(present)('are each verbatim in one stored passage of ../shared/seeds or ../shared/quotes', () => {
    const result = loadContent(path.join(repoRoot, 'content'), { cwd: repoRoot });
    if (!result.ok) expect.fail(`content/ has problems, so its extracts cannot be checked:\n${result.problems.map(formatProblem).join('\n')}`);
    expect(result.graph.extracts.length, 'no extract to check').toBeGreaterThan(0);
    const references = readReferences([SEEDS.dir, QUOTES.dir], repoRoot);
    const failures = verifyExtracts(result.graph.extracts, references)
      .filter((r) => !r.foundIn)
      .map((r) => `${r.file}:${r.line}  extract "${r.id}": text — is not verbatim in any stored passage; not found: ${JSON.stringify(r.missingBlock)}`);
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
