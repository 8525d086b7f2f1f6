// Reading a built site: its pages, their links and ids, without a browser or an HTML library
// (Astro's output is regular enough for these patterns).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface Page {
  /** File path inside the output folder, e.g. `commitments/x/index.html`. */
  file: string;
  /** URL path with the base, e.g. `/sub-path/commitments/x/`. */
  url: string;
  html: string;
  ids: Set<string>;
  links: string[];
}

const decode = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => name.split('\\').join('/'))
    .sort();
}

/** Every HTML page in the output (Pagefind's own files left out). */
export function readPages(outDir: string, base: string): Map<string, Page> {
  const pages = new Map<string, Page>();
  for (const file of listFiles(outDir).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))) {
    const html = readFileSync(join(outDir, file), 'utf8');
    const url = base + file.replace(/index\.html$/, '');
    const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1] ?? '')));
    const links = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decode(m[1] ?? ''));
    pages.set(url, { file, url, html, ids, links });
  }
  return pages;
}

/** Every `id` value that appears more than once on a page. */
export function duplicateIds(html: string): string[] {
  const seen = new Map<string, number>();
  for (const m of html.matchAll(/\sid="([^"]*)"/g)) seen.set(m[1] ?? '', (seen.get(m[1] ?? '') ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
}

/**
 * Resolves a link found on `from` to a file in the output and checks its fragment. Returns a
 * problem message, or undefined when the link holds (or is external).
 */
export function checkLink(link: string, from: Page, options: { outDir: string; base: string; site: string; pages: Map<string, Page> }): string | undefined {
  if (/^(mailto|tel):/i.test(link)) return undefined;
  const url = new URL(link, new URL(from.url, options.site));
  if (url.origin !== new URL(options.site).origin) return undefined;
  const path = decodeURIComponent(url.pathname);
  const fragment = decodeURIComponent(url.hash.slice(1));
  if (!path.startsWith(options.base)) return `${link} is outside the base path ${options.base}`;
  const target = path.endsWith('/') ? options.pages.get(path) : undefined;
  if (path.endsWith('/') && !target) return `${link} → no page at ${path}`;
  if (!path.endsWith('/')) {
    try {
      if (!statSync(join(options.outDir, path.slice(options.base.length))).isFile()) return `${link} → ${path} is not a file`;
    } catch {
      return `${link} → no file at ${path}`;
    }
  }
  if (fragment && target && !target.ids.has(fragment)) {
    const near = [...target.ids].filter((id) => id.includes(fragment.slice(0, 6))).slice(0, 5);
    return `${link} → page ${path} has no id "${fragment}"${near.length ? ` (similar ids there: ${near.join(', ')})` : ''}`;
  }
  return undefined;
}

/** What Pagefind indexed of a page: its path (without the base, as Pagefind keeps it), its text, metadata, filters and anchors. */
export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: { element: string; id: string; title?: string; text?: string }[];
}

/** Every page Pagefind indexed, read from its fragments (gzip, a signature, then JSON). */
export function readFragments(outDir: string): Fragment[] {
  const folder = join(outDir, 'pagefind', 'fragment');
  return readdirSync(folder).map((name) => {
    const raw = gunzipSync(readFileSync(join(folder, name))).toString('utf8');
    return JSON.parse(raw.slice(raw.indexOf('{'))) as Fragment;
  });
}
