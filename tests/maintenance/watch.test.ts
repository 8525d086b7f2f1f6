// `npm run watch`, offline: the recorded feeds in tests/fixtures/feeds (GOV.UK Atom,
// legislation.gov.uk Atom, TheyWorkForYou RSS, and a broken page where a feed should be) are read
// from a local server and from saved copies, and matched against tests/fixtures/maintenance: the
// known matches are found with their reasons, the known non-matches are not, and the broken feed
// is named and skipped while the others are read.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTree, readContentTree } from '../../src/lib/load.ts';
import { readFeed, ukDay } from '../../src/maintenance/feeds.ts';
import { distinctiveWords, makeMatcher, normalise, sectionsNamed } from '../../src/maintenance/matching.ts';
import { findCandidates, newsFromWatchJson, type WatchResult } from '../../src/maintenance/watch.ts';
import { startServer, type TestServer } from './server.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const FEEDS = join(repoRoot, 'tests/fixtures/feeds');
const FIXTURE = 'tests/fixtures/maintenance';
const feedText = (name: string) => readFileSync(join(FEEDS, name), 'utf8');

const loaded = loadTree(readContentTree(join(repoRoot, FIXTURE), repoRoot));
if (!loaded.ok) throw new Error('the maintenance fixture does not load');
const graph = loaded.graph;

function watch(cwd: string, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'scripts/watch.ts'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('reading the recorded feeds', () => {
  it('reads GOV.UK Atom: every entry, its link and its day', () => {
    const feed = readFeed('govuk', feedText('govuk-dfe-policy-papers.atom'));
    if (!feed.ok) throw new Error(feed.message);
    expect(feed.items.map((item) => [item.date, item.title])).toEqual([
      ['2026-12-01', 'Staying Close: statutory guidance for local authorities'],
      ['2026-12-01', 'Regional care co-operatives: pathfinder progress report'],
      ['2026-11-28', 'Staying Put: funding for 2027 to 2028'],
      ['2026-11-25', "Children's social care: a statistics update"],
      ['2026-11-20', 'Kinship allowance trial: local authority guidance'],
    ]);
    expect(feed.items[0]?.link).toBe('https://www.gov.uk/government/publications/staying-close-statutory-guidance');
  });

  it('reads RSS: HTML in descriptions becomes plain text, entities decoded', () => {
    const feed = readFeed('wms', feedText('written-statements.rss'));
    if (!feed.ok) throw new Error(feed.message);
    expect(feed.items).toHaveLength(3);
    expect(feed.items[0]?.summary).toBe('Social Work England will consult in the new year on registering the staff of children\u2019s homes.');
    expect(feed.items[1]?.title).toBe('Secure Children\u2019s Homes: Voluntary Providers');
  });

  it('refuses a page that is not a feed, with the reason', () => {
    expect(readFeed('broken', feedText('broken-feed.xml'))).toEqual({ ok: false, message: 'The XML document could not be parsed as a feed' });
  });

  it('keeps the whole entries of a feed cut off in the middle of one', () => {
    const cut = `${feedText('legislation-new-uksi.atom').split('<entry>').slice(0, 2).join('<entry>')}<entry><title>The cut`;
    const feed = readFeed('cut', cut);
    expect(feed.ok && feed.items.map((item) => item.title)).toEqual(["The Children's Wellbeing and Schools Act 2026 (Commencement No. 2) Regulations 2026"]);
  });

  it('dates an item by its day in the UK', () => {
    expect(ukDay(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(ukDay(new Date('2026-11-30T23:30:00Z'))).toBe('2026-11-30');
  });
});

describe('matching items to the commitments they may touch', () => {
  const match = makeMatcher(graph);
  const ids = (title: string, summary = '') => match({ title, summary }).map((m) => `${m.commitment.id}: ${m.reasons.map((r) => r.kind).join(', ')}`);

  it('on an alias, as a phrase and whatever its case; on an acronym only as written', () => {
    expect(ids('Staying Close: statutory guidance')).toEqual(['delta-staying-close-duty: alias']);
    expect(ids('Update on STAYING CLOSE')).toEqual(['delta-staying-close-duty: alias']);
    expect(ids('RCCs: the second year')).toEqual(['delta-regional-care-cooperatives: alias']);
    expect(ids('Staying Put: funding')).toEqual([]);
    expect(ids('Closing the staying gap')).toEqual([]);
    expect(ids('rccs are not an acronym here')).toEqual([]);
  });

  it("on the title's distinctive words, three in four of them", () => {
    expect(ids('Secure Children\u2019s Homes: Voluntary Providers')).toEqual(['delta-secure-homes: title']);
    expect(ids('Secure children\u2019s homes: an update')).toEqual([]);
  });

  it('on the Act that carries it; sections in force, or not named when others are, are left out', () => {
    expect(ids("The Children's Wellbeing and Schools Act 2026 (Commencement No. 2) Regulations 2026")).toEqual(['delta-staying-close-duty: act']);
    expect(match({ title: "The Children's Wellbeing and Schools Act 2026 (Commencement No. 2) Regulations 2026", summary: '' })[0]?.reasons[0]?.text).toBe(
      "is a commencement order for the Children's Wellbeing and Schools Act 2026, which carries its s.7 (not yet in force)",
    );
    expect(ids("Children's Wellbeing and Schools Act 2026: section 7 guidance")[0]).toBe('delta-staying-close-duty: act');
    expect(ids("Children's Wellbeing and Schools Act 2026: section 12 guidance")).toEqual([]);
    expect(ids('The Children and Families Act 2014 (Amendment) Regulations 2026')).toEqual([]);
  });

  it('leaves out a section already in force, unless the item names it', () => {
    const tree = readContentTree(join(repoRoot, FIXTURE), repoRoot);
    const inForce = loadTree({
      ...tree,
      sources: tree.sources.map((file) => ({ ...file, text: file.text.replace('inForce: not-yet-in-force', 'inForce: in-force') })),
    });
    if (!inForce.ok) throw new Error('the edited fixture does not load');
    const matchInForce = makeMatcher(inForce.graph);
    const order = "The Children's Wellbeing and Schools Act 2026 (Commencement No. 3) Regulations 2026";
    expect(matchInForce({ title: order, summary: '' })).toEqual([]);
    expect(matchInForce({ title: order, summary: 'These Regulations amend section 7.' }).map((m) => m.commitment.id)).toEqual(['delta-staying-close-duty']);
  });

  it('on an owner few commitments share, named as written', () => {
    expect(ids('Registration of staff', 'Social Work England will consult.')).toEqual(['delta-homes-staff-registration: owner']);
    expect(ids('A note', 'The Department for Education will consult.')).toEqual([]);
  });

  it('normalises quotes, case and punctuation; finds the sections an item names', () => {
    expect(normalise('Children\u2019s Homes: co-operatives!')).toBe(" children's homes co operatives ");
    expect(distinctiveWords('Regional care co-operatives to plan and commission placements')).toEqual([
      'regional',
      'operative',
      'plan',
      'commission',
      'placement',
    ]);
    expect([...sectionsNamed('sections 7 and 8, s.16 and section 30ZE')]).toEqual(['7', '8', '16', '30ZE']);
  });
});

describe('candidates: items since each commitment was checked', () => {
  const items = ['govuk-dfe-policy-papers.atom', 'legislation-new-uksi.atom', 'written-statements.rss'].flatMap((name) => {
    const feed = readFeed(name.split('.')[0] ?? name, feedText(name));
    return feed.ok ? feed.items : [];
  });
  const result = findCandidates(graph, [], items);
  const found = result.candidates.map((c) => [c.item.title, c.commitments.map((m) => m.id)]);

  it('finds the known matches, newest first', () => {
    expect(found).toEqual([
      ['Staying Close: statutory guidance for local authorities', ['delta-staying-close-duty']],
      ['Regional care co-operatives: pathfinder progress report', ['delta-regional-care-cooperatives']],
      ["The Children's Wellbeing and Schools Act 2026 (Commencement No. 2) Regulations 2026", ['delta-staying-close-duty']],
      ["Children's Homes Workforce: Professional Registration", ['delta-homes-staff-registration']],
      ['Secure Children\u2019s Homes: Voluntary Providers', ['delta-secure-homes']],
    ]);
  });

  it('leaves out an item published before the check of the commitment it matches, and those that match nothing', () => {
    // "Kinship allowance trial" (20 November) matches delta-kinship-allowance, checked on 1 December.
    expect(found.map(([title]) => title)).not.toContain('Kinship allowance trial: local authority guidance');
    expect(result.counts).toEqual({ items: 10, candidates: 5, beforeCheck: 1, unmatched: 4 });
  });

  it('is read back by review --news as one news item per commitment', () => {
    const news = newsFromWatchJson(JSON.parse(JSON.stringify(result)));
    expect(news.filter((n) => n.commitment === 'delta-staying-close-duty').map((n) => n.title)).toEqual([
      'Staying Close: statutory guidance for local authorities',
      "The Children's Wellbeing and Schools Act 2026 (Commencement No. 2) Regulations 2026",
    ]);
    expect(() => newsFromWatchJson({ items: [] })).toThrow('has no "candidates" list');
  });
});

describe('npm run watch', () => {
  let server: TestServer;
  const work = mkdtempSync(join(tmpdir(), 'reforms-watch-'));
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('fetches the feeds from a server, prints each candidate with why, and names the feed it could not read (exit 1)', async () => {
    const run = await watch(repoRoot, '--content', FIXTURE, '--hosts', `feeds.test=127.0.0.1`, '--config', join(work, 'watch.yml'));
    // The fixture's settings, with this server's port.
    expect(run.stderr).toContain('watch.yml:1:1  watch: file is missing');
    writeFileSync(
      join(work, 'watch.yml'),
      readFileSync(join(repoRoot, FIXTURE, 'watch.yml'), 'utf8').replaceAll('http://feeds.test/', `http://feeds.test:${server.port}/`),
    );
    const fetched = await watch(repoRoot, '--content', FIXTURE, '--hosts', `feeds.test=127.0.0.1`, '--config', join(work, 'watch.yml'));
    expect(fetched.stdout).toContain('read govuk-dfe-policy-papers: 5 items');
    expect(fetched.stdout).toContain(
      `could not read broken-feed (http://feeds.test:${server.port}/broken-feed.xml): not an Atom or RSS feed (The XML document could not be parsed as a feed); skipped`,
    );
    expect(fetched.stdout).toContain(
      [
        "2026-12-01  written-statements  Children's Homes Workforce: Professional Registration",
        '  https://www.theyworkforyou.com/wms/?id=2026-12-01.hcws900.h',
        `  may touch delta-homes-staff-registration (checked 2026-09-01): names its owner, Social Work England, in its summary; shares its title's words "professional", "registration", "home" (3 of 4) in its title`,
      ].join('\n'),
    );
    expect(fetched.stdout).toContain(
      '5 candidates from 10 items in 3 feeds (1 matched only commitments checked since, 4 matched none); 1 feed could not be read.',
    );
    expect(fetched.status).toBe(1);
    expect(new Set(server.requests.map((r) => r.userAgent))).toEqual(new Set(['childrens-social-care-reforms link check (tests)']));
  }, 30_000);

  it('--from reads saved copies, and --json feeds review --news', async () => {
    const run = await watch(repoRoot, '--content', FIXTURE, '--from', 'tests/fixtures/feeds', '--json');
    const json = JSON.parse(run.stdout) as WatchResult;
    expect(json.feeds.map((feed) => [feed.id, feed.ok, feed.from])).toEqual([
      ['govuk-dfe-policy-papers', true, 'tests/fixtures/feeds/govuk-dfe-policy-papers.atom'],
      ['legislation-new-uksi', true, 'tests/fixtures/feeds/legislation-new-uksi.atom'],
      ['written-statements', true, 'tests/fixtures/feeds/written-statements.rss'],
      ['broken-feed', false, 'tests/fixtures/feeds/broken-feed.xml'],
    ]);
    writeFileSync(join(work, 'news.json'), run.stdout);
    const reviewed = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ['scripts/review.ts', '--content', FIXTURE, '--today', '2026-12-01', '--news', join(work, 'news.json')], {
        cwd: repoRoot,
      });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.on('close', () => resolve(out));
    });
    expect(reviewed).toMatch(/delta-staying-close-duty +2 new feed items/);
    expect(reviewed).toMatch(/delta-secure-homes +delivered on 1 citation; evidence as of 2019-05; 1 new feed item/);
  }, 30_000);
});
