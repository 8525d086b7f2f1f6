// A status with its history, on each built site, read against commitments.json (what the content
// says), not against the code that renders it: the status at the top of a commitment page, the
// "In law" line, each development with its anchor, the Act pages' sections, and /tracker/'s
// latest developments in date order.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { CommitmentExport, SourceExport } from '../../src/lib/schema/export.ts';
import { STATUS_VALUES } from '../../src/lib/schema/statuses.ts';
import { readPages, type Page } from '../support/dist.ts';
import { SITES } from '../support/sites.ts';

const mainOf = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

describe.each(SITES.map((spec) => [spec.name, spec] as const))('status history on the built %s site', (name) => {
  const site = inject('sites')[name];
  if (!site) throw new Error(`site "${name}" was not built by the global setup`);
  let records: CommitmentExport[];
  let sources: SourceExport[];
  let pages: Map<string, Page>;
  const page = (path: string) => {
    const found = pages.get(`${site.base}${path}`);
    if (!found) throw new Error(`no page at ${site.base}${path}`);
    return found;
  };

  beforeAll(() => {
    if (!site.ok) throw new Error(`node scripts/build.ts failed for ${site.content}:\n${site.log}`);
    records = (JSON.parse(readFileSync(join(site.outDir, 'data/commitments.json'), 'utf8')) as { commitments: CommitmentExport[] }).commitments;
    sources = (JSON.parse(readFileSync(join(site.outDir, 'data/sources.json'), 'utf8')) as { sources: SourceExport[] }).sources;
    pages = readPages(site.outDir, site.base);
  });

  it("colours every status's badge and bar in the site's stylesheet, from the status registry", () => {
    const css = readdirSync(join(site.outDir, '_astro'))
      .filter((f) => f.endsWith('.css'))
      .map((f) => readFileSync(join(site.outDir, '_astro', f), 'utf8'))
      .join('\n');
    expect(STATUS_VALUES.filter((v) => !css.includes(`.badge-${v},.bar-${v}{--st:var(--st-${v})}`))).toEqual([]);
  });

  it('puts the status first under the title of every commitment page, with its checked date', () => {
    const problems = records.flatMap((c) => {
      const main = mainOf(page(`commitments/${c.id}/`).html);
      const h1 = main.indexOf('</h1>');
      const status = main.indexOf('class="status-now"');
      const body = main.indexOf('id="commitment-text"');
      const out: string[] = [];
      if (!(h1 > 0 && status > h1 && (body === -1 || status < body))) out.push(`${c.id}: the status does not come straight after the title`);
      if (!main.includes(`<time datetime="${c.status.checked}">`)) out.push(`${c.id}: checked ${c.status.checked} not shown`);
      return out;
    });
    expect(records.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('lists every development on its commitment page, oldest first, each with an anchor and its evidence', () => {
    const problems: string[] = [];
    let seen = 0;
    for (const c of records) {
      const main = mainOf(page(`commitments/${c.id}/`).html);
      const items = [...main.matchAll(/<li id="(development-[^"]+)">([\s\S]*?)<\/li>/g)];
      if (items.length !== c.status.developments.length)
        problems.push(`${c.id}: ${items.length} developments shown, ${c.status.developments.length} in the data`);
      c.status.developments.forEach((d, index) => {
        const item = items[index];
        if (!item) return;
        seen += 1;
        if (!item[2]?.includes(`<time datetime="${d.date}">`)) problems.push(`${c.id}: development ${index} is not dated ${d.date}`);
        if (!item[1]?.startsWith(`development-${d.date}-${d.kind}`)) problems.push(`${c.id}: development ${index} has anchor ${item[1]}`);
        for (const e of d.evidence)
          if (e.url && !item[2]?.includes(`href="${e.url.replace(/&/g, '&amp;')}"`)) problems.push(`${c.id}: development ${index} lacks ${e.url}`);
      });
    }
    expect(seen).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('says "In law" with the Act and section for exactly the commitments an Act carries, at the top and in the tracker list', () => {
    const tracker = mainOf(page('tracker/').html);
    const rows = new Map([...tracker.matchAll(/<tr>\s*<td><a href="[^"]*\/commitments\/([a-z0-9-]+)\/">[\s\S]*?<\/tr>/g)].map((m) => [m[1], m[0]]));
    const problems = records.flatMap((c) => {
      const top = /<section class="status-now"[\s\S]*?<\/section>/.exec(page(`commitments/${c.id}/`).html)?.[0] ?? '';
      const row = rows.get(c.id) ?? '';
      const out: string[] = [];
      if (c.legislation.length === 0) {
        if (top.includes('In law:')) out.push(`${c.id}: says In law with no legislation`);
        if (row.includes('In law:')) out.push(`${c.id}: tracker row says In law with no legislation`);
      }
      for (const law of c.legislation) {
        const act = sources.find((s) => s.id === law.act)?.shortTitle ?? law.act;
        const words = law.section ? `${act}, s.${law.section}` : act;
        if (!text(top).includes(words)) out.push(`${c.id}: top lacks "${words}"`);
        if (!text(row).includes(words)) out.push(`${c.id}: tracker row lacks "${words}"`);
      }
      return out;
    });
    expect(problems).toEqual([]);
  });

  it("lists on each Act's page every section the content links to it, with each commitment that section carries", () => {
    const acts = sources.filter((s) => s.kind === 'act');
    const problems: string[] = [];
    let checked = 0;
    for (const act of acts) {
      const main = mainOf(page(`sources/${act.id}/`).html);
      const carried = records.flatMap((c) => c.legislation.filter((law) => law.act === act.id).map((law) => ({ c, law })));
      if (carried.length === 0) {
        if (main.includes('id="act-sections"')) problems.push(`${act.id}: a sections list with nothing to list`);
        continue;
      }
      for (const { c, law } of carried) {
        checked += 1;
        const anchor = law.section ? `section-${law.section.toLowerCase()}` : 'section-not-confirmed';
        const section = new RegExp(`<section class="act-section" aria-labelledby="${anchor}">([\\s\\S]*?)</section>`).exec(main)?.[1];
        if (!section) problems.push(`${act.id}: no ${anchor}`);
        else if (!section.includes(`/commitments/${c.id}/"`)) problems.push(`${act.id} ${anchor}: does not list ${c.id}`);
      }
      const shown = [...main.matchAll(/<section class="act-section" aria-labelledby="(section-[^"]+)">/g)].map((m) => m[1]);
      const expected = [...new Set(carried.map(({ law }) => (law.section ? `section-${law.section.toLowerCase()}` : 'section-not-confirmed')))];
      if (shown.length !== expected.length) problems.push(`${act.id}: ${shown.length} sections shown, ${expected.length} in the data`);
    }
    expect(checked).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('opens /tracker/ with the latest developments, newest first, the newest of all at the top', () => {
    const main = mainOf(page('tracker/').html);
    const latest = /<h2 id="latest"[^>]*>[\s\S]*?<ol class="latest">([\s\S]*?)<\/ol>/.exec(main)?.[1] ?? '';
    const dates = [...latest.matchAll(/<li>\s*<time datetime="([^"]+)">/g)].map((m) => m[1] ?? '');
    const all = records.flatMap((c) => c.status.developments.map((d) => d.date)).sort();
    expect(dates.length).toBeGreaterThan(0);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe(all.at(-1));
    expect(main.indexOf('id="latest"')).toBeLessThan(main.indexOf('id="by-source"'));
  });

  if (name === 'fixture') {
    it("pins the fixture's latest developments in order, as tests/fixtures/good has them", () => {
      const latest = /<ol class="latest">([\s\S]*?)<\/ol>/.exec(mainOf(page('tracker/').html))?.[1] ?? '';
      const items = [...latest.matchAll(/<time datetime="([^"]+)">[\s\S]*?<strong>([^<]+)<\/strong>\s*<a href="[^"]*\/commitments\/([a-z0-9-]+)\/#/g)].map(
        (m) => `${m[1]} ${m[2]} ${m[3]}`,
      );
      expect(items).toEqual([
        '2024-01 Became law: beta-staying-close-rollout',
        '2023-09 Extended: beta-staying-close-rollout',
        '2019-03 Evaluated: alpha-staying-close',
        '2016-07-04 Announced: alpha-staying-close',
      ]);
    });

    it("names the fixture Act's unconfirmed section as unconfirmed, and links the confirmed one to legislation.gov.uk", () => {
      const main = mainOf(page('sources/gamma-act-2026/').html);
      expect(text(main)).toContain('Section not confirmed');
      expect(text(main)).toContain('Section 7 on legislation.gov.uk');
    });
  }
});
