// The Atom feed of developments, read with a real XML parser (fast-xml-parser), not patterns:
// the serialiser with hostile text, then /tracker/feed.xml of each built site against commitments.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { CommitmentExport } from '../../src/lib/schema/export.ts';
import { atomDate, atomXml, type Feed } from '../../src/site/tracker.ts';
import { SITES } from '../support/sites.ts';

interface AtomLink {
  '@_rel'?: string;
  '@_href': string;
  '@_type'?: string;
}
interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  link: AtomLink | AtomLink[];
  summary: { '#text': string; '@_type': string };
  category: { '@_term': string };
}
interface AtomFeed {
  '@_xmlns': string;
  id: string;
  title: string;
  updated: string;
  author: { name: string };
  link: AtomLink[];
  entry?: AtomEntry[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  // Text stays text: a title of digits or "true" must not turn into a number or boolean.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (tag) => tag === 'entry' || tag === 'link',
});

/** Parses Atom, failing with the parser's own message when the document is not well-formed XML. */
function parseAtom(xml: string): AtomFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} at line ${valid.err.line}`);
  return (parser.parse(xml) as { feed: AtomFeed }).feed;
}

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const links = (link: AtomLink | AtomLink[]) => (Array.isArray(link) ? link : [link]);

describe('the Atom serialiser (atomXml)', () => {
  const hostile = 'Tom & Jerry <b>"quoted"</b> \'apostrophe\' ]]> \u0007bell – £45m';
  const feed: Feed = {
    id: 'https://reforms.example/tracker/feed.xml',
    title: hostile,
    subtitle: hostile,
    author: hostile,
    self: 'https://reforms.example/tracker/feed.xml?a=1&b=2',
    alternate: 'https://reforms.example/tracker/',
    updated: atomDate('2024-03'),
    entries: [
      {
        id: 'https://reforms.example/commitments/x/#development-2024-03-funded',
        title: hostile,
        updated: atomDate('2024-03'),
        link: 'https://reforms.example/commitments/x/?q=<&>',
        summary: hostile,
        category: { term: 'funded', label: hostile },
      },
    ],
  };

  it('writes well-formed Atom that gives back every text as written (control characters, invalid in XML, left out)', () => {
    const parsed = parseAtom(atomXml(feed));
    const clean = hostile.replace('\u0007', '');
    expect(parsed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(parsed.title).toBe(clean);
    expect(parsed.author.name).toBe(clean);
    expect(parsed.link.find((l) => l['@_rel'] === 'self')?.['@_href']).toBe(feed.self);
    expect(parsed.entry?.[0]?.title).toBe(clean);
    expect(parsed.entry?.[0]?.summary['#text']).toBe(clean);
    expect(links(parsed.entry?.[0]?.link ?? [])[0]?.['@_href']).toBe(feed.entries[0]?.link);
  });

  it('leaves out every control character XML 1.0 forbids, and keeps the text around each (and the astral ones)', () => {
    const forbidden = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).filter((c) => !'\t\n\r'.includes(c));
    const title = `a${forbidden.join('b')}c 𝔸`;
    const parsed = parseAtom(atomXml({ ...feed, title, entries: [] }));
    expect(parsed.title).toBe(`a${'b'.repeat(forbidden.length - 1)}c 𝔸`);
  });

  it('is refused by the parser when broken, so the checks below can fail', () => {
    expect(() => parseAtom(atomXml(feed).replace('</feed>', ''))).toThrow(/not well-formed/);
  });
});

describe.each(SITES.map((spec) => [spec.name, spec] as const))('/tracker/feed.xml of the built %s site', (name) => {
  const site = inject('sites')[name];
  if (!site) throw new Error(`site "${name}" was not built by the global setup`);
  let feed: AtomFeed;
  let records: CommitmentExport[];
  const absolute = (path: string) => `${site.url}${site.base}${path}`;

  beforeAll(() => {
    if (!site.ok) throw new Error(`node scripts/build.ts failed for ${site.content}:\n${site.log}`);
    feed = parseAtom(readFileSync(join(site.outDir, 'tracker/feed.xml'), 'utf8'));
    records = (JSON.parse(readFileSync(join(site.outDir, 'data/commitments.json'), 'utf8')) as { commitments: CommitmentExport[] }).commitments;
  });

  it('has the Atom essentials: id, title, updated, author and links to itself and the page of every development', () => {
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(absolute('tracker/feed.xml'));
    expect(feed.title.trim()).not.toBe('');
    expect(feed.updated).toMatch(RFC_3339);
    expect(feed.author.name.trim()).not.toBe('');
    expect(feed.link.find((l) => l['@_rel'] === 'self')?.['@_href']).toBe(absolute('tracker/feed.xml'));
    expect(feed.link.find((l) => l['@_rel'] === 'alternate')?.['@_href']).toBe(absolute('tracker/changes/'));
  });

  it('has one entry per development in commitments.json, each with id, title, updated, link and summary', () => {
    const entries = feed.entry ?? [];
    const developments = records.reduce((n, c) => n + c.status.developments.length, 0);
    expect(developments).toBeGreaterThan(0);
    expect(entries).toHaveLength(developments);
    const problems = entries.flatMap((entry) => {
      const out: string[] = [];
      if (!entry.id || !entry.title.trim() || !entry.summary['#text'].trim()) out.push(`${entry.id}: empty id, title or summary`);
      if (!RFC_3339.test(entry.updated)) out.push(`${entry.id}: updated "${entry.updated}" is not an RFC 3339 date-time`);
      if (!links(entry.link)[0]?.['@_href'].startsWith(absolute('commitments/'))) out.push(`${entry.id}: no link to a commitment page`);
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('titles each entry by its event and the commitment, and dates it by the development', () => {
    const byDate = new Map<string, string[]>();
    for (const c of records)
      for (const d of c.status.developments) byDate.set(`${atomDate(d.date)} ${c.title}`, [...(byDate.get(`${atomDate(d.date)} ${c.title}`) ?? []), d.kind]);
    const unmatched = (feed.entry ?? []).filter((e) => {
      const kinds = byDate.get(`${e.updated} ${e.title.slice(e.title.indexOf(': ') + 2)}`) ?? [];
      return !kinds.includes(e.category['@_term']);
    });
    expect(unmatched.map((e) => `${e.title} (${e.updated})`)).toEqual([]);
  });

  it("links each entry to its development's own anchor on the commitment's page, and uses that link as its id", () => {
    const missing = (feed.entry ?? []).flatMap((entry) => {
      const href = links(entry.link)[0]?.['@_href'] ?? '';
      const [page, anchor] = href.split('#');
      const file = join(site.outDir, (page ?? '').slice(absolute('').length), 'index.html');
      const html = readFileSync(file, 'utf8');
      const problems: string[] = [];
      if (entry.id !== href) problems.push(`${entry.id}: id is not its link ${href}`);
      if (!anchor || !html.includes(`id="${anchor}"`)) problems.push(`${href}: no element with id "${anchor}" on the page`);
      return problems;
    });
    expect(missing).toEqual([]);
  });

  it('lists entries newest first and dates the feed by its newest entry', () => {
    const dates = (feed.entry ?? []).map((e) => e.updated);
    expect(dates).toEqual([...dates].sort().reverse());
    if (dates[0]) expect(feed.updated).toBe(dates[0]);
  });

  if (name === 'fixture') {
    it('gives the fixture its four developments, newest first, with ids pinned', () => {
      expect((feed.entry ?? []).map((e) => [e.id, e.title])).toEqual([
        [absolute('commitments/beta-staying-close-rollout/#development-2024-01-legislated'), 'Became law: Roll out staying close'],
        [absolute('commitments/beta-staying-close-rollout/#development-2023-09-extended'), 'Extended: Roll out staying close'],
        [absolute('commitments/alpha-staying-close/#development-2019-03-evaluated'), 'Evaluated: Pilot staying close'],
        [absolute('commitments/alpha-staying-close/#development-2016-07-04-announced'), 'Announced: Pilot staying close'],
      ]);
    });
  }
});
