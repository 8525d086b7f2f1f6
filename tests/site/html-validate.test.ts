// HTML that validates: html-validate (with the committed .htmlvalidate.json) over every page of each
// built site, redirects and 404 included. `long-title` is off in that file: a page's title is the
// commitment's own name and then the site's, and a reader's bookmark or screen reader needs both.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../support/dist.ts';
import { SITES } from '../support/sites.ts';

const root = resolve(import.meta.dirname, '../..');
const config = JSON.parse(readFileSync(join(root, '.htmlvalidate.json'), 'utf8')) as ConfigData;

describe.each(SITES.map((spec) => [spec.name, spec] as const))('html-validate on the built %s site', (name) => {
  const site = inject('sites')[name];
  if (!site) throw new Error(`site "${name}" was not built by the global setup`);

  it('finds no problem on any page', async () => {
    if (!site.ok) throw new Error(`the ${name} site did not build:\n${site.log}`);
    const validator = new HtmlValidate(config);
    const pages = listFiles(site.outDir).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
    const problems: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(readFileSync(join(site.outDir, file), 'utf8'), file);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message} (${(m.selector ?? '').slice(0, 80)})`);
      }
    }
    console.log(`html-validate: ${pages.length} pages of the ${name} site checked`);
    expect(pages.length).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  }, 60_000);
});
