// "Report a correction" on the built commitment pages: with SITE_CORRECTIONS (the fixture test
// site is built with a mailto: address, tests/support/sites.ts), a link beside the status whose
// pre-filled report decodes back to the commitment's fields (and the page still validates);
// without it (the real content's test site), words saying how to report, and no link; with a
// wrong setting, the build stops with one line.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ConfigData, HtmlValidate } from 'html-validate';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildSite, siteFolder } from '../support/build-site.ts';

const root = resolve(import.meta.dirname, '../..');
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const page = (outDir: string, id: string) => readFileSync(join(outDir, 'commitments', id, 'index.html'), 'utf8');
/** The paragraph after the status's evidence, and the href of its link if it has one. */
function correction(html: string): { text: string; href: string | undefined } {
  const paragraph = /<p class="sources report-correction"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
  const href = /<a href="([^"]+)"/.exec(paragraph)?.[1]?.replaceAll('&amp;', '&');
  return {
    text: paragraph
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
    href,
  };
}

async function build(label: string, env: Record<string, string>) {
  const outDir = siteFolder(label);
  folders.push(outDir);
  const result = await buildSite({ content: 'tests/fixtures/good', base: '/sub-path/', url: 'https://reforms.example', outDir, env });
  return { outDir, ...result };
}

const sites = () => inject('sites');

describe('Report a correction, on the built test sites', () => {
  it('without SITE_CORRECTIONS: says how to report, with no link, on every commitment page', () => {
    const site = sites().content;
    if (!site?.ok) throw new Error(`the content site did not build:\n${site?.log}`);
    // Every commitment's own page (a moved id's page only redirects to it).
    const ids = readdirSync(join(site.outDir, 'commitments')).filter((id) => !page(site.outDir, id).includes('http-equiv="refresh"'));
    expect(ids.length).toBeGreaterThan(50);
    for (const id of ids) {
      const { text, href } = correction(page(site.outDir, id));
      expect(href, id).toBeUndefined();
      expect(text, id).toBe(
        "Out of date or wrong? Tell whoever publishes this site (for example by opening an issue where its source is kept), quoting this page's permanent link and your evidence.",
      );
    }
  });

  it('with a mailto: address: a link whose report decodes back to the commitment, beside its status; the page validates', async () => {
    const site = sites().fixture;
    if (!site?.ok) throw new Error(`the fixture site did not build:\n${site?.log}`);
    expect(site.env?.SITE_CORRECTIONS, "the fixture site is built with readers' corrections by e-mail").toBe('mailto:corrections@reforms.example');
    const html = page(site.outDir, 'beta-staying-close-rollout');
    const { text, href } = correction(html);
    expect(text).toBe('Out of date or wrong? Report a correction to this status, with your evidence.');
    const url = new URL(href ?? '');
    expect(url.pathname).toBe('corrections@reforms.example');
    expect(url.searchParams.get('subject')).toBe('Correction: Roll out staying close (beta-staying-close-rollout)');
    expect(url.searchParams.get('body')?.split('\r\n').slice(0, 4)).toEqual([
      'Commitment: Roll out staying close',
      'Id: beta-staying-close-rollout',
      'Page: https://reforms.example/sub-path/commitments/beta-staying-close-rollout/',
      'Status on the page: In progress, as of 2024-01 (last checked 2026-12-01)',
    ]);
    // Inside the status section, after its evidence.
    const status = html.slice(html.indexOf('<section class="status-now"'), html.indexOf('</section>', html.indexOf('<section class="status-now"')));
    expect(status.indexOf('report-correction')).toBeGreaterThan(status.indexOf('Evidence:'));

    const config = JSON.parse(readFileSync(join(root, '.htmlvalidate.json'), 'utf8')) as ConfigData;
    const report = await new HtmlValidate(config).validateString(html, 'beta-staying-close-rollout/index.html');
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it('with a setting that is neither: the build stops with one line saying what was expected', async () => {
    const site = await build('corrections-wrong', { SITE_CORRECTIONS: 'corrections@reforms.example' });
    expect(site.ok).toBe(false);
    expect(site.log).toContain(
      'SITE_CORRECTIONS is "corrections@reforms.example"; expected a mailto: address (mailto:corrections@example.org) or the https:// address of an issue form that takes title and body; the site was not built.',
    );
    expect(site.log).not.toContain('    at ');
  }, 300_000);
});
