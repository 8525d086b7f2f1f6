// Fixture content trees as overlays. tests/fixtures/good is a small valid tree. Each folder under
// tests/fixtures/errors/ holds only what it breaks: the file(s) that replace or join the good
// tree's, an optional `without.txt` naming good files the broken tree lacks (one path a line,
// e.g. sources/beta-2023.md when a file is renamed), and `expected.txt`, the exact messages
// `npm run validate` prints for it, in order, one a line. Problems name the file an editor would
// open: the overlay's file, or the good tree's when the problem is in a file laid underneath.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { ContentFile, ContentTree } from '../../src/lib/load.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(repoRoot, 'tests', 'fixtures');
export const GOOD = join(FIXTURES, 'good');
export const ERRORS = join(FIXTURES, 'errors');

/** Files of an overlay folder that are about it rather than part of the content tree. */
const NOT_CONTENT = new Set(['expected.txt', 'without.txt']);

const show = (path: string) => relative(repoRoot, path).split('\\').join('/');

/** Every file under `dir`, by path relative to it (forward slashes). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => name.split('\\').join('/'));
}

/** The names of the error folders, sorted. */
export function errorFixtures(): string[] {
  return readdirSync(ERRORS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** `relative path → file` of the good tree with the overlay `name` laid over it. */
export function overlayFiles(name: string): Map<string, ContentFile> {
  const overlay = join(ERRORS, name);
  if (!existsSync(overlay)) throw new Error(`no fixture folder tests/fixtures/errors/${name}`);
  const files = new Map<string, ContentFile>();
  for (const rel of filesUnder(GOOD)) files.set(rel, { path: show(join(GOOD, rel)), text: readFileSync(join(GOOD, rel), 'utf8') });
  const without = join(overlay, 'without.txt');
  if (existsSync(without)) {
    for (const rel of readFileSync(without, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)) {
      if (!files.delete(rel)) throw new Error(`tests/fixtures/errors/${name}/without.txt names ${rel}, which the good tree does not have`);
    }
  }
  for (const rel of filesUnder(overlay).filter((rel) => !NOT_CONTENT.has(rel))) {
    files.set(rel, { path: show(join(overlay, rel)), text: readFileSync(join(overlay, rel), 'utf8') });
  }
  return files;
}

/** The overlay as the content tree `loadTree` checks, in the order `readContentTree` reads a folder. */
export function overlayTree(name: string): ContentTree {
  const files = overlayFiles(name);
  const sources = [...files]
    .filter(([rel]) => /^sources\/[^/]+\.md$/.test(rel))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, file]) => file);
  return {
    sources,
    pillars: files.get('pillars.yml'),
    glossary: files.get('glossary.yml'),
    expected: { sources: `tests/fixtures/errors/${name}/sources`, pillars: `tests/fixtures/errors/${name}/pillars.yml` },
  };
}

/** The messages `expected.txt` pins for an overlay. */
export function expectedMessages(name: string): string[] {
  const file = join(ERRORS, name, 'expected.txt');
  if (!existsSync(file)) throw new Error(`tests/fixtures/errors/${name} has no expected.txt`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0);
}

/** Writes the overlay as a plain folder (for a CLI that reads one); returns that folder. */
export function writeOverlay(name: string, dir: string): string {
  for (const [rel, file] of overlayFiles(name)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), file.text);
  }
  return dir;
}
