// npm run verify-extracts [-- --against DIR [--against DIR …]] [--content DIR]
// Proves that every extract appears verbatim in the stored source texts, and names each that
// does not. By default it reads both folders beside the project: ../shared/seeds (the original
// pages, each file one passage) and ../shared/quotes (Markdown, each ```text block one passage);
// SEEDS_DIR and QUOTES_DIR move those defaults. src/lib/verify-extracts.ts says how a passage
// matches.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/lib/load.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { passagesOf, verifyExtracts, type Reference } from '../src/lib/verify-extracts.ts';

const root = resolve(import.meta.dirname, '..');

/** The folders checked when none is given. */
export function defaultFolders(env: NodeJS.ProcessEnv = process.env): string[] {
  return [env.SEEDS_DIR || resolve(root, '../shared/seeds'), env.QUOTES_DIR || resolve(root, '../shared/quotes')];
}

function textFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return textFiles(path);
      return /\.(txt|md|html?)$/i.test(name) ? [path] : [];
    });
}

/** Every stored text under `folders`, cut into passages; paths as shown relative to `cwd`. */
export function readReferences(folders: readonly string[], cwd = process.cwd()): Reference[] {
  return folders.flatMap((folder) => textFiles(folder).map((path) => ({ path: relative(cwd, path), passages: passagesOf(path, readFileSync(path, 'utf8')) })));
}

function main(): number {
  const { values } = parseArgs({ options: { against: { type: 'string', multiple: true }, content: { type: 'string', default: 'content' } } });
  const folders = values.against?.length ? values.against.map((dir) => resolve(dir)) : defaultFolders();
  const shown = folders.map((dir) => relative(process.cwd(), dir) || '.');
  const missing = folders.filter((dir) => !existsSync(dir));
  if (missing.length) {
    console.error(
      `verify-extracts: ${missing.map((dir) => relative(process.cwd(), dir)).join(' and ')} not found; point --against DIR (or SEEDS_DIR / QUOTES_DIR) at the stored source texts`,
    );
    return 2;
  }
  const result = loadContent(resolve(values.content));
  if (!result.ok) {
    for (const problem of result.problems) console.error(formatProblem(problem));
    console.error('\nThe content has problems (see above); fix them before verifying extracts.');
    return 1;
  }
  const references = readReferences(folders);
  const passages = references.reduce((sum, ref) => sum + ref.passages.length, 0);
  const results = verifyExtracts(result.graph.extracts, references);
  const failed = results.filter((r) => !r.foundIn);
  for (const r of failed) {
    console.error(
      `${r.file}:${r.line}  extract "${r.id}": text — is not verbatim in any stored passage under ${shown.join(' or ')}; expected each paragraph whole within one passage, this one was not found: ${JSON.stringify(r.missingBlock)}`,
    );
  }
  if (failed.length) {
    console.error(`\n${failed.length} of ${results.length} extracts are not verbatim.`);
    return 1;
  }
  console.log(`All ${results.length} extracts are verbatim in ${passages} passages of ${references.length} files under ${shown.join(' and ')}.`);
  return 0;
}

if (import.meta.main) process.exitCode = main();
