// Fixture content trees: tests/fixtures/good is a small valid tree; each folder under
// tests/fixtures/errors/ is an overlay on it that breaks ONE thing, beside the exact messages an
// editor sees from `npm run validate` for it (expected.txt, file:line:col). Every folder is tested
// by construction: a new folder needs no test written for it (see tests/support/fixtures.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { loadContent, loadTree } from '../../src/lib/load.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { ERRORS, GOOD, errorFixtures, expectedMessages, overlayFiles, overlayTree } from '../support/fixtures.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = path.join(repoRoot, 'tests', 'fixtures');

/** The formatted problems of an error overlay, as `npm run validate` would print them. */
function problemsIn(name: string): string[] {
  const result = loadTree(overlayTree(name));
  return result.ok ? ['(the tree loads without problems)'] : result.problems.map(formatProblem);
}

describe('the good tree', () => {
  const result = loadContent(path.join(fixtures, 'good'), { cwd: repoRoot });
  const graph = result.ok ? result.graph : undefined;

  it('loads without problems', () => {
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it('has every entity, with sources in publication order', () => {
    expect(graph?.sources.map((s) => s.id)).toEqual(['alpha-2016', 'beta-2023', 'gamma-act-2026']);
    expect(graph?.commitments.map((c) => c.id)).toEqual(['alpha-staying-close', 'alpha-accredited-leaders', 'beta-staying-close-rollout']);
    expect(graph?.extracts.map((e) => e.id)).toEqual(['alpha-foreword']);
    expect(graph?.pillars.map((p) => p.id)).toEqual(['care-leavers', 'workforce']);
    expect(graph?.source.get('alpha-2016')?.commitments).toEqual(['alpha-staying-close', 'alpha-accredited-leaders']);
    expect(graph?.source.get('alpha-2016')?.extracts).toEqual(['alpha-foreword']);
  });

  it('records where each block stands and which source it belongs to', () => {
    const rollout = graph?.commitment.get('beta-staying-close-rollout');
    expect(rollout).toMatchObject({
      source: 'beta-2023',
      file: 'tests/fixtures/good/sources/beta-2023.md',
      line: 26,
      text: 'Roll out staying close nationally.',
    });
    expect(graph?.extract.get('alpha-foreword')).toMatchObject({ source: 'alpha-2016', line: 87 });
  });

  it('gives every commitment a status, not-known standing without evidence', () => {
    expect(graph?.commitments.map((c) => [c.id, c.status.value, c.status.asOf, c.status.evidence.length])).toEqual([
      ['alpha-staying-close', 'delivered', '2019-03', 1],
      ['alpha-accredited-leaders', 'not-known', '2024-06', 0],
      ['beta-staying-close-rollout', 'in-progress', '2024-01', 2],
    ]);
    expect(graph?.commitment.get('beta-staying-close-rollout')?.status.evidence).toEqual([
      { citation: 'Parliamentary question, 2023', url: 'https://example.org/pq' },
      { citation: 'Department for Education, annual report 2023' },
    ]);
  });

  it('fills in defaults and keeps dates as the strings written', () => {
    const leaders = graph?.commitment.get('alpha-accredited-leaders');
    expect(leaders).toMatchObject({ funding: [], owners: [], lineage: [], aliases: [], previousIds: ['alpha-practice-leaders'] });
    expect(graph?.source.get('alpha-2016')?.published).toBe('2016-07-04');
    expect(graph?.commitment.get('alpha-staying-close')?.due).toBe('2017');
  });

  it('keeps an extract verbatim, colons included, one block per paragraph or list item', () => {
    expect(graph?.extract.get('alpha-foreword')?.blocks).toEqual(['We will keep caring: 10:30 is not a directive.', 'first, people', 'second, practice']);
  });

  it('records typed edges: who points at each entity, and how', () => {
    const from = (id: string) => graph?.edgesTo.get(id)?.map((edge) => [edge.type, edge.from.kind, edge.from.id]);
    expect(from('alpha-staying-close')).toEqual([
      ['mentions', 'source', 'alpha-2016'],
      ['lineage', 'commitment', 'beta-staying-close-rollout'],
      ['quotes', 'extract', 'alpha-foreword'],
    ]);
    expect(from('alpha-2016')).toEqual([
      ['related', 'source', 'beta-2023'],
      ['mentions', 'source', 'beta-2023'],
    ]);
    expect(from('care-leavers')).toEqual([['mentions', 'source', 'alpha-2016']]);
    expect(graph?.edgesTo.has('alpha-accredited-leaders')).toBe(false);
  });

  it('indexes each lineage edge once, as written, from both ends', () => {
    const edge = {
      type: 'lineage',
      from: { kind: 'commitment', id: 'beta-staying-close-rollout' },
      to: { kind: 'commitment', id: 'alpha-staying-close' },
      relation: 'continues',
      note: 'From pilot to national roll-out.',
    };
    expect(graph?.edges.filter((e) => e.type === 'lineage')).toEqual([edge]);
    expect(graph?.lineageFrom.get('beta-staying-close-rollout')).toEqual([edge]);
    expect(graph?.lineageTo.get('alpha-staying-close')).toEqual([edge]);
  });

  it('redirects each previous id to the entity that now holds it', () => {
    expect([...(graph?.redirects ?? [])]).toEqual([['alpha-practice-leaders', { kind: 'commitment', id: 'alpha-accredited-leaders' }]]);
  });

  it('keeps prose links as entity references, for the site to resolve', () => {
    const targets: string[] = [];
    for (const node of graph?.source.get('alpha-2016')?.prose ?? []) visit(node, 'link', (link) => void targets.push(link.url));
    expect(targets).toEqual(expect.arrayContaining(['commitment:alpha-staying-close', 'pillar:care-leavers', 'source:beta-2023']));
  });
});

describe('the error fixtures', () => {
  const names = errorFixtures();

  it('are there to be tested (an empty folder list would make the table below pass vacuously)', () => {
    expect(names.length).toBeGreaterThanOrEqual(60);
  });

  it.each(names)('tests/fixtures/errors/%s: validate reports exactly its expected.txt', (name) => {
    expect(problemsIn(name)).toEqual(expectedMessages(name));
  });

  it.each(names)('tests/fixtures/errors/%s holds only what it breaks, and its messages point into it', (name) => {
    const own = [...overlayFiles(name).values()].map((file) => file.path).filter((file) => file.startsWith(`tests/fixtures/errors/${name}/`));
    expect(own.length, 'an overlay with no file of its own is the good tree').toBeGreaterThan(0);
    for (const file of own) {
      const good = path.join(GOOD, path.relative(path.join(ERRORS, name), path.join(repoRoot, file)));
      if (existsSync(good))
        expect(readFileSync(path.join(repoRoot, file), 'utf8'), `${file} is the same as the good tree's`).not.toBe(readFileSync(good, 'utf8'));
    }
    const pointing = expectedMessages(name).filter((message) => own.some((file) => message.includes(`${file}:`)));
    expect(pointing.length, 'no expected message points at a line of the file the folder breaks').toBeGreaterThan(0);
  });
});

describe('overlays (tests/support/fixtures.ts)', () => {
  it('lay the good tree under the broken file, and leave out what without.txt names', () => {
    expect(overlayTree('file-name-mismatch').sources.map((file) => file.path)).toEqual([
      'tests/fixtures/good/sources/alpha-2016.md',
      'tests/fixtures/errors/file-name-mismatch/sources/beta-2024.md',
      'tests/fixtures/good/sources/gamma-act-2026.md',
    ]);
    expect(overlayTree('unknown-map-entry').pillars?.path).toBe('tests/fixtures/errors/unknown-map-entry/pillars.yml');
    expect(overlayTree('bad-glossary').glossary?.path).toBe('tests/fixtures/errors/bad-glossary/glossary.yml');
    expect(overlayTree('wrong-type').glossary).toBeUndefined();
  });
});

describe('glossary.yml', () => {
  it('is optional: a tree without glossary.yml loads with no synonyms', () => {
    const result = loadContent(path.join(fixtures, 'good'), { cwd: repoRoot });
    expect(result.ok && result.graph.glossary).toEqual([]);
  });
});
