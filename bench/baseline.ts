// The plain-unified baseline: the same Markdown rendered with remark-parse → remark-rehype →
// rehype-stringify, no framework, to the same number of HTML pages, written to disk.
// One page per source (its whole body), one per commitment block and one per extract block,
// then the remaining pages (lists, pillars, redirects in our build) cycle through the sources'
// prose, so that the page count matches.
//
//   node bench/baseline.ts <content dir> <out dir> <pages>
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const [content, out, pagesArg] = process.argv.slice(2);
if (!content || !out || !pagesArg) {
  console.error('usage: node bench/baseline.ts <content dir> <out dir> <pages>');
  process.exit(2);
}
const started = performance.now();
const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify);
const render = (markdown: string) => String(processor.processSync(markdown));
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`;

rmSync(out, { recursive: true, force: true });
const write = (path: string, html: string) => {
  mkdirSync(join(out, path), { recursive: true });
  writeFileSync(join(out, path, 'index.html'), html);
};

const BLOCK = /^:::(commitment|extract)\{#([a-z0-9-]+)\}\n([\s\S]*?)\n:::$/gm;
const prose: string[] = [];
let written = 0;
for (const name of readdirSync(join(content, 'sources'))
  .filter((file) => file.endsWith('.md'))
  .sort()) {
  const text = readFileSync(join(content, 'sources', name), 'utf8');
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  const id = name.replace(/\.md$/, '');
  write(`sources/${id}`, page(id, render(body)));
  written++;
  prose.push(body.replace(BLOCK, ''));
  for (const match of body.matchAll(BLOCK)) {
    write(`${match[1]}s/${match[2]}`, page(match[2] ?? '', render(match[3] ?? '')));
    written++;
  }
}
const target = Number(pagesArg);
for (let i = 0; written < target; i++, written++) write(`other/${i}`, page(`page ${i}`, render(prose[i % prose.length] ?? '')));
console.log(`baseline: ${Math.round(performance.now() - started)} ms`);
console.log(`pages: ${written}`);
