// The page-template registry (src/site/templates.ts) is the one list the sitemap and every browser
// check derive from: a page file under src/pages/ that no template names would get no axe, 320 px,
// keyboard or request checks, so it fails here, naming the file.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load.ts';
import { PAGE_TEMPLATES, type PageTemplate, samplePath, TEMPLATE_NAMES } from '../../src/site/templates.ts';
import { makeUrls } from '../../src/site/urls.ts';

const root = resolve(import.meta.dirname, '../..');
const PAGES = join(root, 'src/pages');
const htmlPages = readdirSync(PAGES, { recursive: true, encoding: 'utf8' })
  .map((file) => file.split('\\').join('/'))
  .filter((file) => file.endsWith('.astro'))
  .sort();
const registry = PAGE_TEMPLATES as Record<string, PageTemplate>;

describe('the page templates (src/site/templates.ts)', () => {
  it('name every .astro page under src/pages/, each exactly once', () => {
    const named = Object.values(registry).map((t) => t.file);
    expect(htmlPages.length).toBeGreaterThan(10);
    expect(
      htmlPages.filter((file) => !named.includes(file)),
      'page files in no template: add them to PAGE_TEMPLATES so the browser checks cover them',
    ).toEqual([]);
    expect(named.filter((file) => !htmlPages.includes(file))).toEqual([]);
    expect(new Set(named).size).toBe(named.length);
  });

  it('give every template a page to check on the fixture content, under the base path', () => {
    const loaded = loadContent(join(root, 'tests/fixtures/good'));
    if (!loaded.ok) throw new Error('tests/fixtures/good does not load');
    const urls = makeUrls('/sub-path/');
    const samples = Object.fromEntries(TEMPLATE_NAMES.map((name) => [name, samplePath(name, loaded.graph, urls)]));
    expect(Object.entries(samples).filter(([, path]) => !path?.startsWith('/sub-path/'))).toEqual([]);
    expect(samples.commitment).toBe('/sub-path/commitments/beta-staying-close-rollout/');
    expect(samples['tracker changes by year']).toBe('/sub-path/tracker/changes/2024/');
  });
});
