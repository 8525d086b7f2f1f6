// Route data (src/site/routes/) on the fixture content, without a site build: the paths each
// route renders (redirects once, under their old ids) and the typed props its page shows, pinned
// to what tests/fixtures/good says.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load.ts';
import { STATUS_VALUES } from '../../src/lib/schema/statuses.ts';
import { makeAbsolute } from '../../src/site/absolute.ts';
import { makeRenderer } from '../../src/site/render.ts';
import { commitmentPage, commitmentPaths, dueText } from '../../src/site/routes/commitment.ts';
import type { SiteContext } from '../../src/site/routes/context.ts';
import { isMoved } from '../../src/site/routes/entity-paths.ts';
import { extractPaths } from '../../src/site/routes/extract.ts';
import { pillarPaths } from '../../src/site/routes/pillar.ts';
import { sourcePaths } from '../../src/site/routes/source.ts';
import { trackerListPaths } from '../../src/site/routes/tracker-list.ts';
import { makeUrls } from '../../src/site/urls.ts';

const loaded = loadContent(join(resolve(import.meta.dirname, '../..'), 'tests/fixtures/good'));
if (!loaded.ok) throw new Error('tests/fixtures/good does not load');
const urls = makeUrls('/sub-path/');
const site: SiteContext = { graph: loaded.graph, urls, absolute: makeAbsolute('https://reforms.example'), render: makeRenderer(urls) };

describe('route data on the fixture (src/site/routes/)', () => {
  it('renders a page per commitment and a redirect per previous id, the redirect naming where it moved', () => {
    const paths = commitmentPaths(site);
    expect(paths.map((p) => [p.params.id, isMoved(p.props) ? `→ ${p.props.movedTo.id}` : 'page'])).toEqual([
      ['alpha-staying-close', 'page'],
      ['alpha-accredited-leaders', 'page'],
      ['beta-staying-close-rollout', 'page'],
      ['alpha-practice-leaders', '→ alpha-accredited-leaders'],
    ]);
  });

  it('gives a commitment page its source, framework entry, due text, chain, crumbs and citation', () => {
    const c = site.graph.commitment.get('alpha-staying-close');
    if (!c) throw new Error('fixture lacks alpha-staying-close');
    const page = commitmentPage(site, c);
    expect(page.path).toBe('/sub-path/commitments/alpha-staying-close/');
    expect(page.source.id).toBe('alpha-2016');
    expect(page.framework?.id).toBe('leaving-care');
    expect(page.due).toBe('during 2017 (2017)');
    expect(page.chain.map((item) => [item.commitment.id, item.current])).toEqual([
      ['alpha-staying-close', true],
      ['beta-staying-close-rollout', false],
    ]);
    expect(page.extracts.map((e) => e.id)).toEqual(['alpha-foreword']);
    expect(page.crumbs.map((crumb) => crumb.href)).toEqual(['/sub-path/', '/sub-path/sources/', '/sub-path/sources/alpha-2016/']);
    expect(page.citation).toMatch(/Available at: https:\/\/reforms\.example\/sub-path\/commitments\/alpha-staying-close\/$/);
    expect(page.card).toEqual({ title: 'Pilot staying close', description: 'Commitment in Alpha, Chapter 3, p. 38' });
  });

  it.each([
    [{ due: '2020', dueLabel: 'by 2020' }, 'by 2020 (2020)'],
    [{ due: '2020-06' }, 'June 2020'],
    [{ dueLabel: 'within the Parliament' }, 'within the Parliament'],
    [{}, undefined],
  ])('words a due date %j as %j', (fields, expected) => {
    expect(dueText(fields)).toBe(expected);
  });

  it('renders a page per extract with its quote and the commitments it quotes', () => {
    const paths = extractPaths(site);
    const page = paths[0]?.props;
    if (!page || isMoved(page)) throw new Error('the first extract path is not a page');
    expect(paths.map((p) => p.params.id)).toEqual(['alpha-foreword']);
    expect(page.quote).toBe('We will keep caring: 10:30 is not a directive. first, people second, practice');
    expect(page.commitments.map((c) => c.id)).toEqual(['alpha-staying-close']);
  });

  it("gives the Act's page its sections, the unconfirmed last, and keeps its commitments out of the backlinks", () => {
    const act = sourcePaths(site).find((p) => p.params.id === 'gamma-act-2026')?.props;
    expect(act?.sections.map((s) => [s.section ?? '(not confirmed)', s.carries.map(({ commitment }) => commitment.id)])).toEqual([
      ['7', ['beta-staying-close-rollout']],
      ['(not confirmed)', ['beta-staying-close-rollout']],
    ]);
    expect(act?.carried).toBe(1);
    expect(act?.referencedBy).toEqual([]);
    expect(act?.contents.map((c) => c.id)).toContain('act-sections');
  });

  it('renders a page per pillar with its statuses, and a tracker list per status plus overdue', () => {
    expect(pillarPaths(site).map((p) => [p.params.id, p.props.total])).toEqual([
      ['care-leavers', 2],
      ['workforce', 2],
    ]);
    const lists = trackerListPaths(site);
    expect(lists.map((p) => p.params.status)).toEqual([...STATUS_VALUES, 'overdue']);
    expect(lists.find((p) => p.params.status === 'overdue')?.props.what).toBe(
      'due before June 2024 (the date of the newest status on this site) and not delivered, dropped or superseded',
    );
  });
});
