import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkFields } from './check-fields.ts';
import { checkCrossReferences, type ParsedPillars } from './cross-references.ts';
import { buildGraph, type Graph } from './graph.ts';
import { normaliseText, parseDigest, type ParsedDigest } from './parse-digest.ts';
import { sortProblems, type Problem } from './problems.ts';
import { PillarsFile } from './schema/pillar.ts';
import { makeUrls } from './urls.ts';
import { parseYaml } from './yaml.ts';

export type LoadResult = { ok: true; graph: Graph } | { ok: false; problems: Problem[] };

export interface ContentFile {
  /** Path as shown in problems, e.g. `content/sources/x.md`. */
  path: string;
  text: string;
}

export interface ContentTree {
  sources: ContentFile[];
  pillars: ContentFile | undefined;
}

export interface LoadOptions {
  /** The site's base path, for the links rendered into prose. */
  base?: string;
}

/** Checks a whole content tree held in memory and builds the graph. Pure; never throws on content. */
export function loadTree(tree: ContentTree, options: LoadOptions = {}): LoadResult {
  const problems: Problem[] = [];
  const digests: ParsedDigest[] = tree.sources.map((file) => parseDigest(file.path, file.text));
  for (const digest of digests) problems.push(...digest.problems);

  let pillars: ParsedPillars | undefined;
  if (!tree.pillars) {
    problems.push({ file: 'content/pillars.yml', line: 1, column: 1, subject: 'pillars', field: '', message: 'file is missing; expected the cross-source pillars in content/pillars.yml' });
  } else {
    const file = tree.pillars.path;
    const yaml = parseYaml(normaliseText(tree.pillars.text));
    for (const error of yaml.errors) problems.push({ file, ...error, subject: 'pillars', field: '', message: `is not valid YAML (${error.message}); expected a "pillars:" list` });
    if (yaml.errors.length === 0) {
      const checked = checkFields(PillarsFile, yaml.value, { file, subject: 'pillars', yaml });
      if (checked.ok) pillars = { file, pillars: checked.data.pillars, yaml };
      else problems.push(...checked.problems);
    }
  }

  problems.push(...checkCrossReferences(digests, pillars));
  if (problems.length > 0 || !pillars) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, graph: buildGraph(digests, pillars, makeUrls(options.base ?? '/')) };
}

/** Reads `<root>/sources/*.md` and `<root>/pillars.yml`; paths in problems are relative to `cwd`. */
export function readContentTree(root: string, cwd = process.cwd()): ContentTree {
  const show = (path: string) => relative(cwd, path).split('\\').join('/');
  const sourcesDir = join(root, 'sources');
  let names: string[] = [];
  try {
    names = readdirSync(sourcesDir).filter((name) => name.endsWith('.md')).sort();
  } catch {
    names = [];
  }
  const sources = names
    .map((name) => join(sourcesDir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path: show(path), text: readFileSync(path, 'utf8') }));
  const pillarsPath = join(root, 'pillars.yml');
  let pillars: ContentFile | undefined;
  try {
    pillars = { path: show(pillarsPath), text: readFileSync(pillarsPath, 'utf8') };
  } catch {
    pillars = undefined;
  }
  return { sources, pillars };
}

export function loadContent(root: string, options: LoadOptions & { cwd?: string } = {}): LoadResult {
  return loadTree(readContentTree(root, options.cwd), options);
}
