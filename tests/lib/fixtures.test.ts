// Fixture content trees: tests/fixtures/good is a small valid tree; every other folder is a copy
// of it with ONE thing broken. Each test pins the exact messages an editor would see from
// `npm run validate`, with file:line:col.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load.ts';
import { formatProblem } from '../../src/lib/problems.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = path.join(repoRoot, 'tests', 'fixtures');
const tested = new Set<string>();

/** Loads tests/fixtures/<scenario> as `npm run validate` would and returns the formatted problems. */
function problemsIn(scenario: string): string[] {
  tested.add(scenario);
  const result = loadContent(path.join(fixtures, scenario), { cwd: repoRoot });
  if (result.ok) throw new Error(`tests/fixtures/${scenario} loaded without problems; expected it to be broken`);
  return result.problems.map(formatProblem);
}

describe('the good tree', () => {
  const result = loadContent(path.join(fixtures, 'good'), { cwd: repoRoot });
  const graph = result.ok ? result.graph : undefined;

  it('loads without problems', () => {
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it('has every entity, with sources in publication order', () => {
    expect(graph?.sources.map((s) => s.id)).toEqual(['alpha-2016', 'beta-2023']);
    expect(graph?.commitments.map((c) => c.id)).toEqual(['alpha-staying-close', 'alpha-accredited-leaders', 'beta-staying-close-rollout']);
    expect(graph?.extracts.map((e) => e.id)).toEqual(['alpha-foreword']);
    expect(graph?.pillars.map((p) => p.id)).toEqual(['care-leavers', 'workforce']);
    expect(graph?.source.get('alpha-2016')?.commitments).toEqual(['alpha-staying-close', 'alpha-accredited-leaders']);
    expect(graph?.source.get('alpha-2016')?.extracts).toEqual(['alpha-foreword']);
  });

  it('records where each block stands and which source it belongs to', () => {
    const rollout = graph?.commitment.get('beta-staying-close-rollout');
    expect(rollout).toMatchObject({ source: 'beta-2023', file: 'tests/fixtures/good/sources/beta-2023.md', line: 26, text: 'Roll out staying close nationally.' });
    expect(graph?.extract.get('alpha-foreword')).toMatchObject({ source: 'alpha-2016', line: 63 });
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

  it('records backlinks: who points at each entity, and how', () => {
    expect(graph?.referencedBy.get('alpha-staying-close')).toEqual([
      { kind: 'source', id: 'alpha-2016', how: 'mentions' },
      { kind: 'commitment', id: 'beta-staying-close-rollout', how: 'lineage: continues' },
      { kind: 'extract', id: 'alpha-foreword', how: 'quotes' },
    ]);
    expect(graph?.referencedBy.get('alpha-2016')).toEqual([
      { kind: 'source', id: 'beta-2023', how: 'continues' },
      { kind: 'source', id: 'beta-2023', how: 'mentions' },
    ]);
    expect(graph?.referencedBy.get('care-leavers')).toEqual([{ kind: 'source', id: 'alpha-2016', how: 'mentions' }]);
    expect(graph?.referencedBy.has('alpha-accredited-leaders')).toBe(false);
  });

  it('records each lineage edge once, as written', () => {
    expect(graph?.lineage).toEqual([{ from: 'beta-staying-close-rollout', to: 'alpha-staying-close', relation: 'continues', note: 'From pilot to national roll-out.' }]);
  });

  it('redirects each previous id to the entity that now holds it', () => {
    expect([...(graph?.redirects ?? [])]).toEqual([['alpha-practice-leaders', { kind: 'commitment', id: 'alpha-accredited-leaders' }]]);
  });

  it('renders prose links to entity URLs', () => {
    const html = graph?.source.get('alpha-2016')?.html ?? '';
    expect(html).toContain('href="/commitments/alpha-staying-close/"');
    expect(html).toContain('href="/pillars/care-leavers/"');
    expect(html).toContain('href="/sources/beta-2023/"');
  });
});

describe('front matter', () => {
  it('reports malformed YAML in front matter at the place the parser stopped, and nothing else', () => {
    expect(problemsIn('malformed-yaml-front-matter')).toEqual([
      'tests/fixtures/malformed-yaml-front-matter/sources/alpha-2016.md:3:29  front matter: is not valid YAML (Missing closing "quote); expected "field: value" lines',
    ]);
  });

  it('reports a field given twice in front matter as malformed YAML', () => {
    expect(problemsIn('duplicate-yaml-key')).toEqual([
      'tests/fixtures/duplicate-yaml-key/sources/alpha-2016.md:5:1  front matter: is not valid YAML (Map keys must be unique); expected "field: value" lines',
    ]);
  });

  it('reports front matter that is never closed', () => {
    expect(problemsIn('unclosed-front-matter')).toEqual([
      `tests/fixtures/unclosed-front-matter/sources/beta-2023.md:1:1  front matter: is not closed; expected a line "---" after the source's YAML fields`,
    ]);
  });

  it('reports a digest that does not start with front matter', () => {
    expect(problemsIn('missing-front-matter')).toEqual([
      `tests/fixtures/missing-front-matter/sources/beta-2023.md:1:1  front matter: is missing; expected the file to start with a line "---", the source's YAML fields, and a closing "---"`,
    ]);
  });

  it('reports an unknown front-matter field and lists the known ones (schemas are strict)', () => {
    expect(problemsIn('unknown-field-front-matter')).toEqual([
      'tests/fixtures/unknown-field-front-matter/sources/alpha-2016.md:5:1  source "alpha-2016": subtitle — is not a known field; expected one of: id, title, shortTitle, role, kind, published, publishers, people, url, licence, framework, related, coverage, aliases',
    ]);
  });

  it('reports a value of the wrong type: text where a list is expected', () => {
    expect(problemsIn('wrong-type')).toEqual([
      'tests/fixtures/wrong-type/sources/alpha-2016.md:8:13  source "alpha-2016": publishers — is the text "Department for Education"; expected a list',
    ]);
  });

  it('reports a value outside a closed set and lists the allowed ones', () => {
    expect(problemsIn('wrong-enum')).toEqual([
      'tests/fixtures/wrong-enum/sources/alpha-2016.md:6:7  source "alpha-2016": kind — is the text "white-paper"; expected one of: policy-paper, strategy, implementation-strategy, independent-review, government-response, policy-statement, written-ministerial-statement, oral-statement, bill, act, statutory-guidance, consultation, report',
    ]);
  });

  it('reports an impossible date (30 February)', () => {
    expect(problemsIn('impossible-date')).toEqual([
      'tests/fixtures/impossible-date/sources/alpha-2016.md:7:12  source "alpha-2016": published — is not a real date; expected YYYY, YYYY-MM or YYYY-MM-DD (quoted), e.g. "2016-07-04"',
    ]);
  });

  it('reports an empty source title', () => {
    expect(problemsIn('empty-source-title')).toEqual([
      'tests/fixtures/empty-source-title/sources/beta-2023.md:3:8  source "beta-2023": title — is empty; expected some text',
    ]);
  });

  it('reports a source whose id does not match its file name', () => {
    expect(problemsIn('file-name-mismatch')).toEqual([
      'tests/fixtures/file-name-mismatch/sources/beta-2024.md:2:5  source "beta-2023": id — does not match the file name; expected the file to be named beta-2023.md',
    ]);
  });

  it('reports an unknown source in related', () => {
    expect(problemsIn('unknown-related-source')).toEqual([
      'tests/fixtures/unknown-related-source/sources/beta-2023.md:15:15  source "beta-2023": related[0].source — names unknown source "alpha-2017"; expected one of: alpha-2016, beta-2023',
    ]);
  });

  it('reports a source related to itself', () => {
    expect(problemsIn('related-to-itself')).toEqual([
      'tests/fixtures/related-to-itself/sources/beta-2023.md:15:15  source "beta-2023": related[0].source — points at this source itself; expected another source',
    ]);
  });

  it('reports a framework entry id used twice within a source', () => {
    expect(problemsIn('duplicate-framework-entry')).toEqual([
      'tests/fixtures/duplicate-framework-entry/sources/alpha-2016.md:18:11  source "alpha-2016": framework[2].id — duplicates framework entry "people"; expected framework ids to be unique within the source',
    ]);
  });
});

describe('commitment and extract fields', () => {
  it("reports malformed YAML in a commitment's yaml block", () => {
    expect(problemsIn('malformed-yaml-commitment')).toEqual([
      'tests/fixtures/malformed-yaml-commitment/sources/alpha-2016.md:55:1  commitment "alpha-accredited-leaders": fields — are not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]); expected "field: value" lines',
    ]);
  });

  it('reports a yaml block that is a list, not fields', () => {
    expect(problemsIn('commitment-fields-not-mapping')).toEqual([
      'tests/fixtures/commitment-fields-not-mapping/sources/alpha-2016.md:53:1  commitment "alpha-accredited-leaders": fields — are not a mapping; expected "field: value" lines',
    ]);
  });

  it('reports an unknown commitment field and lists the known ones', () => {
    expect(problemsIn('unknown-field-commitment')).toEqual([
      'tests/fixtures/unknown-field-commitment/sources/alpha-2016.md:44:1  commitment "alpha-staying-close": deadline — is not a known field; expected one of: title, locator, sourcePillar, pillars, recommendation, due, dueLabel, funding, owners, lineage, response, status, aliases, note, previousIds',
    ]);
  });

  it('reports an unknown extract field and lists the known ones', () => {
    expect(problemsIn('unknown-field-extract')).toEqual([
      'tests/fixtures/unknown-field-extract/sources/alpha-2016.md:67:1  extract "alpha-foreword": page — is not a known field; expected one of: title, locator, speaker, commitments, previousIds',
    ]);
  });

  it('reports text where a number is expected (recommendation)', () => {
    expect(problemsIn('wrong-type-commitment')).toEqual([
      'tests/fixtures/wrong-type-commitment/sources/beta-2023.md:30:17  commitment "beta-staying-close-rollout": recommendation — is the text "three"; expected a number',
    ]);
  });

  it('reports an impossible month (2023-13) in due', () => {
    expect(problemsIn('impossible-month')).toEqual([
      'tests/fixtures/impossible-month/sources/alpha-2016.md:42:6  commitment "alpha-staying-close": due — is not a real date; expected YYYY, YYYY-MM or YYYY-MM-DD (quoted), e.g. "2016-07-04"',
    ]);
  });

  it('reports a commitment title that is only white space', () => {
    expect(problemsIn('empty-title')).toEqual([
      'tests/fixtures/empty-title/sources/alpha-2016.md:38:8  commitment "alpha-staying-close": title — is empty; expected some text',
    ]);
  });

  it('reports a commitment with no text after its yaml block', () => {
    expect(problemsIn('empty-commitment-text')).toEqual([
      'tests/fixtures/empty-commitment-text/sources/alpha-2016.md:52:1  commitment "alpha-accredited-leaders": text — is empty; expected the commitment in our own words after the yaml block',
    ]);
  });

  it('reports an extract with no passage after its yaml block', () => {
    expect(problemsIn('empty-extract-text')).toEqual([
      'tests/fixtures/empty-extract-text/sources/alpha-2016.md:63:1  extract "alpha-foreword": text — is empty; expected the verbatim passage after the yaml block',
    ]);
  });

  it('reports a status without evidence', () => {
    expect(problemsIn('status-without-evidence')).toEqual([
      'tests/fixtures/status-without-evidence/sources/beta-2023.md:38:13  commitment "beta-staying-close-rollout": status.evidence — has too few items; expected at least 1',
    ]);
  });

  it('refuses a javascript: URL in a URL field', () => {
    expect(problemsIn('javascript-url-field')).toEqual([
      'tests/fixtures/javascript-url-field/sources/beta-2023.md:39:56  commitment "beta-staying-close-rollout": status.evidence[0].url — is not a web address; expected an absolute http(s) URL',
    ]);
  });
});

describe('references', () => {
  it("reports a sourcePillar that is not in the source's framework and lists the framework ids", () => {
    expect(problemsIn('unknown-source-pillar')).toEqual([
      'tests/fixtures/unknown-source-pillar/sources/alpha-2016.md:40:15  commitment "alpha-staying-close": sourcePillar — names "care-leaving", which is not in the framework of source "alpha-2016"; expected one of: people, leaving-care',
    ]);
  });

  it('reports an unknown cross-source pillar in pillars and lists the pillar ids', () => {
    expect(problemsIn('unknown-pillar')).toEqual([
      'tests/fixtures/unknown-pillar/sources/beta-2023.md:31:25  commitment "beta-staying-close-rollout": pillars[1] — names unknown pillar "work-force"; expected one of: care-leavers, workforce',
    ]);
  });

  it('reports an unknown commitment in lineage', () => {
    expect(problemsIn('unknown-lineage-commitment')).toEqual([
      'tests/fixtures/unknown-lineage-commitment/sources/beta-2023.md:33:40  commitment "beta-staying-close-rollout": lineage[0].commitment — names unknown commitment "alpha-staying-closer"; expected the id of a commitment in another source',
    ]);
  });

  it("reports an unknown commitment in an extract's commitments", () => {
    expect(problemsIn('unknown-extract-commitment')).toEqual([
      'tests/fixtures/unknown-extract-commitment/sources/alpha-2016.md:67:15  extract "alpha-foreword": commitments[0] — names unknown commitment "alpha-stay-close"; expected the id of a commitment',
    ]);
  });

  it('reports an unknown source in a pillars.yml mapping', () => {
    expect(problemsIn('unknown-map-source')).toEqual([
      'tests/fixtures/unknown-map-source/pillars.yml:13:19  pillar "workforce": maps[1].source — names unknown source "gamma-2024"; expected one of: alpha-2016, beta-2023',
    ]);
  });

  it('reports an unknown framework entry in a pillars.yml mapping', () => {
    expect(problemsIn('unknown-map-entry')).toEqual([
      'tests/fixtures/unknown-map-entry/pillars.yml:13:47  pillar "workforce": maps[1].entries[1] — names "leaders", which is not in the framework of source "beta-2023"; expected one of: staff',
    ]);
  });

  it('reports prose links to an unknown source, commitment, extract and pillar, each at its own column', () => {
    expect(problemsIn('unknown-prose-links')).toEqual([
      'tests/fixtures/unknown-prose-links/sources/beta-2023.md:24:16  source "beta-2023": link — points at unknown source "alpha-2015"; expected the id of an existing source',
      'tests/fixtures/unknown-prose-links/sources/beta-2023.md:24:44  source "beta-2023": link — points at unknown commitment "alpha-pilot"; expected the id of an existing commitment',
      'tests/fixtures/unknown-prose-links/sources/beta-2023.md:25:1  source "beta-2023": link — points at unknown extract "alpha-preface"; expected the id of an existing extract',
      'tests/fixtures/unknown-prose-links/sources/beta-2023.md:25:40  source "beta-2023": link — points at unknown pillar "kinship"; expected the id of an existing pillar',
    ]);
  });

  it('reports a lineage link from a commitment to itself', () => {
    expect(problemsIn('lineage-to-itself')).toEqual([
      'tests/fixtures/lineage-to-itself/sources/beta-2023.md:33:40  commitment "beta-staying-close-rollout": lineage[0].commitment — links the commitment to itself; expected a commitment in another source',
    ]);
  });

  it('reports a lineage link to a commitment in the same source', () => {
    expect(problemsIn('lineage-same-source')).toEqual([
      'tests/fixtures/lineage-same-source/sources/alpha-2016.md:60:40  commitment "alpha-accredited-leaders": lineage[0].commitment — names "alpha-staying-close" in the same source; expected a commitment in another source (link within a source with a prose cross-reference)',
    ]);
  });
});

describe('ids', () => {
  it('reports a commitment id used in two files, naming the first', () => {
    expect(problemsIn('duplicate-commitment-id')).toEqual([
      'tests/fixtures/duplicate-commitment-id/sources/beta-2023.md:26:1  commitment "alpha-staying-close": id — duplicates the id of commitment "alpha-staying-close" at tests/fixtures/duplicate-commitment-id/sources/alpha-2016.md:36; expected every id to be unique across all sources, commitments, extracts and pillars',
    ]);
  });

  it('reports an extract id used in two files', () => {
    expect(problemsIn('duplicate-extract-id-across-files')).toEqual([
      'tests/fixtures/duplicate-extract-id-across-files/sources/beta-2023.md:44:1  extract "alpha-foreword": id — duplicates the id of extract "alpha-foreword" at tests/fixtures/duplicate-extract-id-across-files/sources/alpha-2016.md:63; expected every id to be unique across all sources, commitments, extracts and pillars',
    ]);
  });

  it('reports an id shared by an extract and a pillar', () => {
    expect(problemsIn('duplicate-id-across-kinds')).toEqual([
      'tests/fixtures/duplicate-id-across-kinds/pillars.yml:8:9  pillar "workforce": id — duplicates the id of extract "workforce" at tests/fixtures/duplicate-id-across-kinds/sources/alpha-2016.md:63; expected every id to be unique across all sources, commitments, extracts and pillars',
    ]);
  });

  it("reports a source id used twice, and checks references against the first source's framework", () => {
    expect(problemsIn('duplicate-source-id')).toEqual([
      'tests/fixtures/duplicate-source-id/pillars.yml:13:19  pillar "workforce": maps[1].source — names unknown source "beta-2023"; expected one of: alpha-2016',
      'tests/fixtures/duplicate-source-id/sources/alpha-2016.md:19:15  source "alpha-2016": related[0].source — names unknown source "beta-2023"; expected one of: alpha-2016',
      'tests/fixtures/duplicate-source-id/sources/alpha-2016.md:30:51  source "alpha-2016": link — points at unknown source "beta-2023"; expected the id of an existing source',
      'tests/fixtures/duplicate-source-id/sources/beta-2023.md:2:5  source "alpha-2016": id — does not match the file name; expected the file to be named alpha-2016.md',
      'tests/fixtures/duplicate-source-id/sources/beta-2023.md:2:5  source "alpha-2016": id — duplicates the id of source "alpha-2016" at tests/fixtures/duplicate-source-id/sources/alpha-2016.md:2; expected every id to be unique across all sources, commitments, extracts and pillars',
      'tests/fixtures/duplicate-source-id/sources/beta-2023.md:15:15  source "alpha-2016": related[0].source — points at this source itself; expected another source',
      'tests/fixtures/duplicate-source-id/sources/beta-2023.md:33:40  commitment "beta-staying-close-rollout": lineage[0].commitment — names "alpha-staying-close" in the same source; expected a commitment in another source (link within a source with a prose cross-reference)',
    ]);
  });

  it('reports a previousId that is the live id of another commitment', () => {
    expect(problemsIn('previous-id-collides')).toEqual([
      'tests/fixtures/previous-id-collides/sources/alpha-2016.md:58:39  commitment "alpha-accredited-leaders": previousIds[1] — "beta-staying-close-rollout" collides with the live id of commitment "beta-staying-close-rollout" at tests/fixtures/previous-id-collides/sources/beta-2023.md:26; expected an old id that no live entity uses',
    ]);
  });

  it('reports a previousId already listed by another commitment', () => {
    expect(problemsIn('previous-id-duplicates-previous-id')).toEqual([
      'tests/fixtures/previous-id-duplicates-previous-id/sources/beta-2023.md:30:15  commitment "beta-staying-close-rollout": previousIds[0] — "alpha-practice-leaders" is already the previous id of commitment "alpha-accredited-leaders" at tests/fixtures/previous-id-duplicates-previous-id/sources/alpha-2016.md:58; expected an old id to redirect to one entity only',
    ]);
  });
});

describe('directives and Markdown', () => {
  it('reports a block without an id', () => {
    expect(problemsIn('directive-without-id')).toEqual([
      'tests/fixtures/directive-without-id/sources/alpha-2016.md:52:1  commitment (no id): id — is missing; expected :::commitment{#some-id}',
    ]);
  });

  it('reports a block whose id is not kebab-case', () => {
    expect(problemsIn('directive-bad-id')).toEqual([
      'tests/fixtures/directive-bad-id/sources/alpha-2016.md:52:1  commitment "Alpha_Leaders": id — is not a valid id; expected lowercase kebab-case starting with a letter, e.g. "staying-close"',
    ]);
  });

  it('reports an attribute other than the id', () => {
    expect(problemsIn('directive-extra-attribute')).toEqual([
      'tests/fixtures/directive-extra-attribute/sources/alpha-2016.md:52:1  commitment "alpha-accredited-leaders": status — is not a known attribute; expected only {#id} on the directive, with fields in the yaml block',
    ]);
  });

  it('reports a [label] on a block', () => {
    expect(problemsIn('directive-label')).toEqual([
      'tests/fixtures/directive-label/sources/alpha-2016.md:52:1  commitment "alpha-accredited-leaders": label — is not used; expected :::commitment{#id} with no [label]',
    ]);
  });

  it('reports a commitment without its yaml block', () => {
    expect(problemsIn('directive-missing-yaml')).toEqual([
      'tests/fixtures/directive-missing-yaml/sources/alpha-2016.md:53:1  commitment "alpha-accredited-leaders": fields — are missing; expected the block to open with a ```yaml fenced block of fields',
    ]);
  });

  it('reports an extract without its yaml block', () => {
    expect(problemsIn('extract-missing-yaml')).toEqual([
      'tests/fixtures/extract-missing-yaml/sources/alpha-2016.md:64:1  extract "alpha-foreword": fields — are missing; expected the block to open with a ```yaml fenced block of fields',
    ]);
  });

  it('reports a directive line that cannot be read instead of silently dropping the block', () => {
    expect(problemsIn('directive-unclosed-attributes')).toEqual([
      'tests/fixtures/directive-unclosed-attributes/sources/alpha-2016.md:52:1  source "alpha-2016": prose — has a line ":::commitment{#alpha-accredited-leaders" that is not a readable directive; expected ":::commitment{#id}" or ":::extract{#id}" alone on a line, and ":::" alone on the line that closes the block',
      'tests/fixtures/directive-unclosed-attributes/sources/alpha-2016.md:61:1  source "alpha-2016": prose — has a line ":::" that is not a readable directive; expected ":::commitment{#id}" or ":::extract{#id}" alone on a line, and ":::" alone on the line that closes the block',
    ]);
  });

  it('reports an unknown container directive', () => {
    expect(problemsIn('unknown-directive')).toEqual([
      'tests/fixtures/unknown-directive/sources/alpha-2016.md:34:1  source "alpha-2016": prose — uses an unknown directive ":::note"; expected only :::commitment and :::extract',
    ]);
  });

  it('reports a two-colon ::commitment', () => {
    expect(problemsIn('leaf-directive')).toEqual([
      'tests/fixtures/leaf-directive/sources/alpha-2016.md:34:1  source "alpha-2016": prose — uses "::commitment" (two colons); expected a block ":::commitment{#id}" with a yaml block and text, closed by ":::"',
    ]);
  });

  it('reports a block nested in another block', () => {
    expect(problemsIn('nested-blocks')).toEqual([
      'tests/fixtures/nested-blocks/sources/alpha-2016.md:62:1  commitment "alpha-accredited-leaders": text — contains a nested :::extract block; expected blocks only at the top level of the digest, one after another (is a ":::" that closes the enclosing block missing?)',
    ]);
  });

  it('reports an unclosed block as a nested block and suggests the missing ":::"', () => {
    expect(problemsIn('unclosed-block')).toEqual([
      'tests/fixtures/unclosed-block/sources/alpha-2016.md:62:1  commitment "alpha-accredited-leaders": text — contains a nested :::extract block; expected blocks only at the top level of the digest, one after another (is a ":::" that closes the enclosing block missing?)',
    ]);
  });

  it('reports every raw HTML tag and allows HTML comments', () => {
    expect(problemsIn('raw-html')).toEqual([
      'tests/fixtures/raw-html/sources/alpha-2016.md:34:5  source "alpha-2016": prose — contains raw HTML "<b>"; expected Markdown only (HTML is refused)',
      'tests/fixtures/raw-html/sources/alpha-2016.md:34:16  source "alpha-2016": prose — contains raw HTML "</b>"; expected Markdown only (HTML is refused)',
      'tests/fixtures/raw-html/sources/alpha-2016.md:38:1  source "alpha-2016": prose — contains raw HTML "<div class=\\"box\\">Boxed</div>"; expected Markdown only (HTML is refused)',
    ]);
  });

  it('reports an image', () => {
    expect(problemsIn('image-in-prose')).toEqual([
      'tests/fixtures/image-in-prose/sources/alpha-2016.md:34:15  source "alpha-2016": prose — contains an image; expected text only (images are not supported)',
    ]);
  });

  it('reports a javascript: link in a commitment', () => {
    expect(problemsIn('javascript-link')).toEqual([
      'tests/fixtures/javascript-link/sources/beta-2023.md:41:24  commitment "beta-staying-close-rollout": link — points at "javascript:alert(1)"; expected an http(s) or mailto address, or an entity link such as commitment:some-id',
    ]);
  });

  it('reports a javascript: link definition in prose', () => {
    expect(problemsIn('javascript-link-definition')).toEqual([
      'tests/fixtures/javascript-link-definition/sources/alpha-2016.md:36:1  source "alpha-2016": link — points at "javascript:alert(1)"; expected an http(s) or mailto address, or an entity link such as commitment:some-id',
    ]);
  });
});

describe('pillars.yml', () => {
  it('reports malformed YAML in pillars.yml without reporting every pillar reference as unknown', () => {
    expect(problemsIn('malformed-yaml-pillars')).toEqual([
      'tests/fixtures/malformed-yaml-pillars/pillars.yml:10:5  pillars: is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]); expected a "pillars:" list',
      'tests/fixtures/malformed-yaml-pillars/pillars.yml:10:18  pillars: is not valid YAML (Implicit keys need to be on a single line); expected a "pillars:" list',
      'tests/fixtures/malformed-yaml-pillars/pillars.yml:10:18  pillars: is not valid YAML (Nested mappings are not allowed in compact mappings); expected a "pillars:" list',
    ]);
  });

  it('reports an unknown pillar field without making that pillar unknown elsewhere', () => {
    expect(problemsIn('unknown-field-pillar')).toEqual([
      'tests/fixtures/unknown-field-pillar/pillars.yml:10:5  pillars: pillars[1].colour — is not a known field; expected one of: id, title, description, aliases, maps',
    ]);
  });
});

describe('glossary.yml', () => {
  it('reports a one-term group, an unknown field and a term repeated in another group, each at its line', () => {
    expect(problemsIn('bad-glossary')).toEqual([
      'tests/fixtures/bad-glossary/glossary.yml:3:12  glossary: groups[0].terms — has too few items; expected at least 2',
      'tests/fixtures/bad-glossary/glossary.yml:5:5  glossary: groups[1].synonyms — is not a known field; expected one of: terms, note',
      'tests/fixtures/bad-glossary/glossary.yml:7:13  glossary: groups[3].terms[0] — repeats "Care Leavers", already at groups[2].terms[0]; expected each term in one group only',
    ]);
  });

  it('is optional: a tree without glossary.yml loads with no synonyms', () => {
    const result = loadContent(path.join(fixtures, 'good'), { cwd: repoRoot });
    expect(result.ok && result.graph.glossary).toEqual([]);
  });
});

describe('the fixture folders', () => {
  it('each broken tree has a test above', () => {
    // many-problems is the validate CLI's tree (tests/scripts/validate-cli.test.ts).
    const folders = readdirSync(fixtures, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'good' && entry.name !== 'many-problems')
      .map((entry) => entry.name)
      .sort();
    expect(folders.filter((name) => !tested.has(name))).toEqual([]);
  });
});
