// `npm run validate` as an editor runs it: a child process on a content tree. Every problem is
// listed as file:line:col, the exit code is 1, and no stack trace ever reaches the terminal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOverlay } from '../support/fixtures.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'reforms-validate-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function validate(dir: string) {
  const run = spawnSync(process.execPath, ['scripts/validate.ts', dir], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, output: run.stdout + run.stderr };
}

describe('node scripts/validate.ts', () => {
  it('on a tree with a dozen injected problems: exits 1 and lists every one as file:line:col, with no stack trace', () => {
    // tests/fixtures/many-problems is the good tree with thirteen edits, one problem each (the
    // raw <div> and the :::note were added together): see the comment beside each expected line.
    const run = validate('tests/fixtures/many-problems');
    expect(run.status).toBe(1);
    expect(run.output).not.toContain('    at ');
    expect(run.stdout).toBe('');
    const listed = run.stderr.split('\n').filter((line) => /^\S+:\d+:\d+ {2}/.test(line));
    expect(listed).toEqual([
      // unknown field in pillars.yml
      'tests/fixtures/many-problems/pillars.yml:10:5  pillars: pillars[1].colour — is not a known field; expected one of: id, title, description, aliases, maps, related',
      // unknown framework entry in a pillars.yml mapping
      'tests/fixtures/many-problems/pillars.yml:14:47  pillar "workforce": maps[1].entries[1] — names "leaders", which is not in the framework of source "beta-2023"; expected one of: staff',
      // unknown front-matter field
      'tests/fixtures/many-problems/sources/alpha-2016.md:5:1  source "alpha-2016": subtitle — is not a known field; expected one of: id, title, shortTitle, role, kind, published, publishers, people, authors, url, urlKind, urlConfirmedBy, licence, framework, related, coverage, aliases',
      // impossible date
      'tests/fixtures/many-problems/sources/alpha-2016.md:8:12  source "alpha-2016": published — is not a real date; expected YYYY, YYYY-MM or YYYY-MM-DD (quoted), e.g. "2016-07-04"',
      // raw HTML
      'tests/fixtures/many-problems/sources/alpha-2016.md:37:1  source "alpha-2016": prose — contains raw HTML "<div>Boxed</div>"; expected Markdown only (HTML is refused)',
      // unknown directive
      'tests/fixtures/many-problems/sources/alpha-2016.md:39:1  source "alpha-2016": prose — uses an unknown directive ":::note"; expected only :::commitment and :::extract',
      // sourcePillar not in the framework
      'tests/fixtures/many-problems/sources/alpha-2016.md:47:15  commitment "alpha-staying-close": sourcePillar — names "care-leaving", which is not in the framework of source "alpha-2016"; expected one of: people, leaving-care',
      // attribute other than the id
      'tests/fixtures/many-problems/sources/alpha-2016.md:66:1  commitment "alpha-accredited-leaders": status — is not a known attribute; expected only {#id} on the directive, with fields in the yaml block',
      // wrong type
      'tests/fixtures/many-problems/sources/alpha-2016.md:70:17  commitment "alpha-accredited-leaders": recommendation — is the text "three"; expected a number',
      // unknown commitment in an extract
      'tests/fixtures/many-problems/sources/alpha-2016.md:87:15  extract "alpha-foreword": commitments[0] — names unknown commitment "alpha-stay-close"; expected the id of a commitment',
      // broken cross-reference in prose
      'tests/fixtures/many-problems/sources/beta-2023.md:24:47  source "beta-2023": link — points at unknown commitment "alpha-pilot"; expected the id of an existing commitment',
      // unknown pillar
      'tests/fixtures/many-problems/sources/beta-2023.md:31:25  commitment "beta-staying-close-rollout": pillars[1] — names unknown pillar "work-force"; expected one of: care-leavers, workforce',
      // lineage link to itself
      'tests/fixtures/many-problems/sources/beta-2023.md:33:40  commitment "beta-staying-close-rollout": lineage[0].commitment — links the commitment to itself; expected a commitment in another source',
      // javascript: link
      'tests/fixtures/many-problems/sources/beta-2023.md:43:24  commitment "beta-staying-close-rollout": link — points at "javascript:alert(1)"; expected an http(s) or mailto address, or an entity link such as commitment:some-id',
    ]);
    expect(run.stderr).toContain('14 problems in ');
    expect(run.stderr).toContain('nothing was built.');
  });

  it('on the good tree: exits 0 and says what it loaded', () => {
    const run = validate('tests/fixtures/good');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Content is valid: 3 sources, 3 commitments, 1 extracts, 2 pillars \(\d+ ms\)\.\n$/);
  });

  it.each([
    ['malformed YAML front matter', 'malformed-yaml-front-matter'],
    ['unclosed front matter', 'unclosed-front-matter'],
    ['a directive it cannot read', 'directive-unclosed-attributes'],
    ['malformed pillars.yml', 'malformed-yaml-pillars'],
    ['a folder that does not exist', undefined],
  ])('on %s: exits 1 with located problems and no stack trace', (_name, overlay) => {
    // The CLI reads a folder: the error fixture (an overlay on the good tree) is written out as one.
    const dir = overlay ? relative(repoRoot, writeOverlay(overlay, mkdtempSync(join(work, `${overlay}-`)))) : 'tests/fixtures/does-not-exist';
    const run = validate(dir);
    expect(run.status).toBe(1);
    expect(run.output).not.toContain('    at ');
    expect(run.stderr).toMatch(new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}/\\S+:\\d+:\\d+ {2}`, 'm'));
  });
});
