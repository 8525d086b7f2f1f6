// The test server (tests/support/serve.ts) answers as a static host does: the site under its base
// path, 404.html with status 404 for anything else, and each kind of file the build writes with
// the content type a host sends for it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from './serve.ts';

const work = mkdtempSync(join(tmpdir(), 'reforms-serve-'));
const site = join(work, 'site');
const FILES: Record<string, string> = {
  'index.html': '<p>home</p>',
  '404.html': '<p>not found</p>',
  'commitments/a/index.html': '<p>commitment a</p>',
  '_astro/search.ABC123.js': 'export {};',
  '_astro/site.css': 'p{}',
  'data/commitments.json': '{}',
  'data/commitments.csv': 'id\r\n',
  'tracker/feed.xml': '<feed/>',
  'sitemap.xml': '<urlset/>',
  'favicon.svg': '<svg/>',
  'pagefind/pagefind.en_1.pf_meta': 'meta',
  'pagefind/index/en_1.pf_index': 'index',
  'pagefind/fragment/en_1.pf_fragment': 'fragment',
  'pagefind/filter/en_1.pf_filter': 'filter',
  'pagefind/wasm.en.pagefind': 'wasm',
  'pagefind/pagefind.js': 'export {};',
  'extra.wasm': 'wasm',
};
// Beside the site's folder: must never be served.
const SECRET = join(work, 'secret.txt');

let server: Served;
beforeAll(async () => {
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  }
  writeFileSync(SECRET, 'secret');
  server = await serve(site, '/sub-path/');
});
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

const get = async (path: string) => {
  const response = await fetch(`${server.origin}${path}`);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
};

describe('the test server', () => {
  it.each([
    ['/sub-path/', '<p>home</p>'],
    ['/sub-path/index.html', '<p>home</p>'],
    ['/sub-path/commitments/a/', '<p>commitment a</p>'],
    ['/sub-path/commitments/a', '<p>commitment a</p>'],
  ])('serves %s from the site under its base path', async (path, body) => {
    expect(await get(path)).toEqual({ status: 200, type: 'text/html;charset=utf-8', body });
  });

  it.each([
    '/',
    '/index.html',
    '/commitments/a/',
    '/sub-path/no-such-page/',
    '/sub-path/commitments/b/',
    '/sub-path/data/missing.json',
    '/sub-path/../secret.txt',
    '/sub-path/%2e%2e/secret.txt',
    '/secret.txt',
  ])('answers %s, outside the base or not in the site, with 404.html and status 404', async (path) => {
    expect(await get(path)).toEqual({ status: 404, type: 'text/html;charset=utf-8', body: '<p>not found</p>' });
  });

  it.each([
    ['_astro/search.ABC123.js', 'text/javascript'],
    ['pagefind/pagefind.js', 'text/javascript'],
    ['_astro/site.css', 'text/css'],
    ['data/commitments.json', 'application/json'],
    ['data/commitments.csv', 'text/csv'],
    ['tracker/feed.xml', 'text/xml'],
    ['sitemap.xml', 'text/xml'],
    ['favicon.svg', 'image/svg+xml'],
    ['extra.wasm', 'application/wasm'],
    ['pagefind/pagefind.en_1.pf_meta', 'application/octet-stream'],
    ['pagefind/index/en_1.pf_index', 'application/octet-stream'],
    ['pagefind/fragment/en_1.pf_fragment', 'application/octet-stream'],
    ['pagefind/filter/en_1.pf_filter', 'application/octet-stream'],
    ['pagefind/wasm.en.pagefind', 'application/octet-stream'],
  ])('sends %s as %s, whole', async (path, type) => {
    expect(await get(`/sub-path/${path}`)).toEqual({ status: 200, type, body: FILES[path] });
  });
});
