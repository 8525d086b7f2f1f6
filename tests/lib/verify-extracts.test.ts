// An extract promises that the source says exactly this. The check forgives only what copying
// from a web page changes without changing the words: white space and straight/curly quotes.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { normaliseForComparison, verifyExtracts, type ExtractToVerify } from '../../src/lib/verify-extracts.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

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

describe('verifyExtracts', () => {
  const reference = {
    path: 'seeds/original.txt',
    text: 'Foreword\n\nWe will  keep \u201ccaring\u201d for young people\u2019s futures,\nright up to 25.\n\nFirst, people.\nSecond, practice.\n\nThe end.',
  };
  const extract = (blocks: string[]): ExtractToVerify => ({ id: 'alpha-foreword', file: 'content/sources/alpha-2016.md', line: 63, blocks });
  const verify = (blocks: string[], references = [reference]) => verifyExtracts([extract(blocks)], references)[0] as NonNullable<ReturnType<typeof verifyExtracts>[number]>;

  it.each([
    ['a passage copied exactly', ['First, people.']],
    ['a passage with different line breaks and spacing', ['We will keep "caring" for young people\u2019s futures, right up to 25.']],
    ['a passage with straight quotes where the source has curly ones', [`We will keep "caring" for young people's futures,`]],
    ['blocks in the order the source gives them, with text between them', ['We will keep', 'Second, practice.', 'The end.']],
    ['a block that is part of a sentence', ['right up to 25.']],
  ])('finds %s', (_rule, blocks) => {
    expect(verify(blocks)).toEqual({ id: 'alpha-foreword', file: 'content/sources/alpha-2016.md', line: 63, foundIn: 'seeds/original.txt' });
  });

  it.each([
    ['a changed word', ['We will keep "caring" for young peoples futures'], 'We will keep "caring" for young peoples futures'],
    ['a dropped comma', ['First people.'], 'First people.'],
    ['an added full stop', ['right up to 25..'], 'right up to 25..'],
    ['a changed case', ['first, people.'], 'first, people.'],
    ['a changed dash', ['The end\u2014'], 'The end\u2014'],
    ['blocks out of order (the first missing block is named)', ['Second, practice.', 'First, people.'], 'First, people.'],
    ['a block repeated when the source has it once', ['First, people.', 'First, people.'], 'First, people.'],
  ])('reports %s', (_rule, blocks, missing) => {
    expect(verify(blocks)).toEqual({ id: 'alpha-foreword', file: 'content/sources/alpha-2016.md', line: 63, missingBlock: missing });
  });

  it('requires every block to come from one reference file', () => {
    const other = { path: 'seeds/other.txt', text: 'Second, practice. A passage from elsewhere.' };
    expect(verify(['First, people.', 'A passage from elsewhere.'], [reference, other]).missingBlock).toBe('A passage from elsewhere.');
  });

  it('names the file it was found in when several references are given', () => {
    const other = { path: 'seeds/other.txt', text: 'A passage from elsewhere.' };
    expect(verify(['A passage from elsewhere.'], [reference, other]).foundIn).toBe('seeds/other.txt');
  });

  it('reports the block that got furthest across all files', () => {
    const partial = { path: 'seeds/partial.txt', text: 'First, people. Only this.' };
    expect(verify(['First, people.', 'Second, practice.', 'Third, money.'], [partial, reference]).missingBlock).toBe('Third, money.');
  });

  it('reports an empty extract rather than finding it everywhere', () => {
    expect(verify([]).missingBlock).toBe('(the extract is empty)');
    expect(verify(['  \n ']).missingBlock).toBe('(the extract is empty)');
  });

  it('reports an extract when there are no reference files', () => {
    expect(verify(['First, people.'], []).foundIn).toBeUndefined();
  });

  it('checks the good fixture extract against a text that holds it', () => {
    const result = loadContent(path.join(repoRoot, 'tests', 'fixtures', 'good'), { cwd: repoRoot });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = 'We will keep caring: 10:30 is not a directive.\n\n- first, people\n- second, practice\n';
    expect(verifyExtracts(result.graph.extracts, [{ path: 'x.txt', text }]).map((r) => r.foundIn)).toEqual(['x.txt']);
    expect(verifyExtracts(result.graph.extracts, [{ path: 'x.txt', text: text.replace('10:30', '10.30') }]).map((r) => r.missingBlock)).toEqual(['We will keep caring: 10:30 is not a directive.']);
  });
});

const seeds = path.resolve(repoRoot, '..', 'shared', 'seeds');
const haveSeeds = existsSync(seeds);

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return textFiles(file);
    return /\.(txt|md|html?)$/i.test(name) ? [file] : [];
  });
}

describe('the real extracts', () => {
  it.skipIf(!haveSeeds)(`are verbatim in the original documents under ../shared/seeds${haveSeeds ? '' : ' (skipped: the folder is not beside the repository)'}`, () => {
    const result = loadContent(path.join(repoRoot, 'content'), { cwd: repoRoot });
    if (!result.ok) {
      expect.fail(`content/ has problems, so its extracts cannot be checked:\n${result.problems.map(formatProblem).join('\n')}`);
    }
    const references = textFiles(seeds).map((file) => ({ path: path.relative(repoRoot, file), text: readFileSync(file, 'utf8') }));
    const failures = verifyExtracts(result.graph.extracts, references)
      .filter((r) => !r.foundIn)
      .map((r) => `${r.file}:${r.line}  extract "${r.id}": text — is not verbatim in any file under ../shared/seeds; not found (in order): ${JSON.stringify(r.missingBlock)}`);
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
