// Page weight of every page of a built site: the HTML, and the CSS and JavaScript each page loads
// (linked files plus inline blocks), gzip-compressed as the bench server sends them; and any web
// font (an @font-face rule, a font file or a font preload).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
  scripts: string[];
}

export interface WeightReport {
  pages: number;
  worst: { html: PageWeight; css: PageWeight; js: PageWeight };
  median: { html: number; css: number; js: number };
  /** Distinct script files any page loads. */
  scripts: string[];
  /** The same for every page but /search/ (which needs its search script), and the worst of them. */
  contentScripts: string[];
  worstContentJs: PageWeight;
  webFonts: string[];
  overHtmlBudget: number;
}

const gz = (text: string | Buffer) => gzipSync(text).length;
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : 0;
};

export function pageWeights(dist: string, base = '/', htmlBudget = 14 * 1024): WeightReport {
  const html: string[] = [];
  const fonts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind') walk(full);
      } else if (entry.name.endsWith('.html')) html.push(full);
      else if (/\.(woff2?|ttf|otf|eot)$/i.test(entry.name)) fonts.push(relative(dist, full));
    }
  };
  walk(dist);
  const sizes = new Map<string, number>();
  const asset = (href: string, from: string): { path: string; size: number } | undefined => {
    if (/^[a-z]+:/i.test(href) || href.startsWith('//')) return undefined;
    const clean = href.split(/[?#]/)[0]!;
    const path = clean.startsWith('/') ? join(dist, clean.slice(base.length - 1)) : join(from, clean);
    if (!sizes.has(path)) {
      try {
        const text = readFileSync(path);
        sizes.set(path, gz(text));
        if (path.endsWith('.css') && /@font-face/i.test(text.toString())) fonts.push(`${relative(dist, path)} (@font-face)`);
      } catch {
        sizes.set(path, 0);
      }
    }
    return { path: relative(dist, path), size: sizes.get(path)! };
  };
  const weights: PageWeight[] = [];
  const allScripts = new Set<string>();
  for (const file of html) {
    const text = readFileSync(file, 'utf8');
    const dir = join(file, '..');
    let css = 0;
    let js = 0;
    const scripts: string[] = [];
    for (const m of text.matchAll(/<link\b[^>]*>/gi)) {
      const tag = m[0];
      const href = /href="([^"]+)"/i.exec(tag)?.[1];
      if (!href) continue;
      if (/rel="?stylesheet/i.test(tag)) css += asset(href, dir)?.size ?? 0;
      if (/rel="?modulepreload/i.test(tag)) js += asset(href, dir)?.size ?? 0;
      if (/as="?font/i.test(tag)) fonts.push(`${relative(dist, file)} preloads ${href}`);
    }
    for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      const src = /src="([^"]+)"/i.exec(m[1] ?? '')?.[1];
      if (/type="application\/(ld\+)?json"/i.test(m[1] ?? '')) continue;
      if (src) {
        const found = asset(src, dir);
        js += found?.size ?? 0;
        if (found) scripts.push(found.path);
      } else if ((m[2] ?? '').trim()) {
        js += gz(m[2] ?? '');
        scripts.push('(inline)');
      }
    }
    for (const m of text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) css += gz(m[1] ?? '');
    for (const script of scripts) allScripts.add(script);
    weights.push({ page: `/${relative(dist, file)}`.replace(/index\.html$/, ''), html: gz(text), css, js, scripts });
  }
  const worst = (key: 'html' | 'css' | 'js') => weights.reduce((a, b) => (b[key] > a[key] ? b : a));
  return {
    pages: weights.length,
    worst: { html: worst('html'), css: worst('css'), js: worst('js') },
    median: { html: median(weights.map((w) => w.html)), css: median(weights.map((w) => w.css)), js: median(weights.map((w) => w.js)) },
    scripts: [...allScripts].sort(),
    contentScripts: [...new Set(weights.filter((w) => !w.page.startsWith('/search/')).flatMap((w) => w.scripts))].sort(),
    worstContentJs: weights.filter((w) => !w.page.startsWith('/search/')).reduce((a, b) => (b.js > a.js ? b : a)),
    webFonts: [...new Set(fonts)],
    overHtmlBudget: weights.filter((w) => w.html > htmlBudget).length,
  };
}
