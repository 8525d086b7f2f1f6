import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkFields } from './check-fields.ts';
import { checkCrossReferences, type ParsedPillars } from './cross-references.ts';
import { buildGraph, type Graph } from './graph.ts';
import { normaliseText, parseDigest, type ParsedDigest } from './parse-digest.ts';
import { type ParallelOptions, parseDigests } from './parse-parallel.ts';
import { sortProblems, type Problem } from './problems.ts';
import { GlossaryFile, type GlossaryGroup } from './schema/glossary.ts';
import { Pillar, PillarMapping, PillarsFile } from './schema/pillar.ts';
import { ID_PATTERN } from './schema/primitives.ts';
import { type ParsedYaml, parseYaml, placeOf } from './yaml.ts';

export type LoadResult = { ok: true; graph: Graph } | { ok: false; problems: Problem[] };

export interface ContentFile {
  /** Path as shown in problems, e.g. `content/sources/x.md`. */
  path: string;
  text: string;
}

export interface ContentTree {
  sources: ContentFile[];
  pillars: ContentFile | undefined;
  /** `glossary.yml`, the search synonyms; optional (no file, no synonyms). */
  glossary?: ContentFile | undefined;
  /** Where the files were looked for (as shown in problems), to name a missing file or folder. */
  expected?: { sources: string; pillars: string };
}

// The last parse of each digest file, by path, with the text it was read from. Parsing is most of
// a load (about 270 of 300 ms for the real content), and a load after an edit (`astro dev`, the
// suites' planted and mutated trees) changes one file: the others are taken from here. A parsed
// digest is never changed after parseDigest returns it (nothing downstream writes to it: the
// graph is read by hundreds of pages in one build already), so one may serve several loads.
const lastParse = new Map<string, { text: string; digest: ParsedDigest }>();

function parseDigestOnce(path: string, text: string): ParsedDigest {
  const last = lastParse.get(path);
  if (last?.text === text) return last.digest;
  const digest = parseDigest(path, text);
  lastParse.set(path, { text, digest });
  return digest;
}

/** Checks a whole content tree held in memory and builds the graph. Pure in effect (a reused parse is the one the same text gives); never throws on content. */
export function loadTree(tree: ContentTree): LoadResult {
  const problems: Problem[] = [];
  const digests: ParsedDigest[] = tree.sources.map((file) => parseDigestOnce(file.path, file.text));
  for (const digest of digests) problems.push(...digest.problems);

  let pillars: ParsedPillars | undefined;
  if (tree.sources.length === 0) {
    const folder = tree.expected?.sources ?? 'content/sources';
    problems.push({
      file: folder,
      line: 1,
      column: 1,
      subject: 'sources',
      field: '',
      message: `folder is missing or has no .md files; expected one digest per source in ${folder}/<id>.md`,
    });
  }
  if (!tree.pillars) {
    const file = tree.expected?.pillars ?? 'content/pillars.yml';
    problems.push({ file, line: 1, column: 1, subject: 'pillars', field: '', message: `file is missing; expected the cross-source pillars in ${file}` });
  } else {
    const file = tree.pillars.path;
    const yaml = parseYaml(normaliseText(tree.pillars.text));
    for (const error of yaml.errors)
      problems.push({ file, ...error, subject: 'pillars', field: '', message: `is not valid YAML (${error.message}); expected a "pillars:" list` });
    if (yaml.errors.length === 0) {
      const checked = checkFields(PillarsFile, yaml.value, { file, subject: 'pillars', yaml });
      if (checked.ok) pillars = { file, pillars: checked.data.pillars, yaml };
      else {
        problems.push(...checked.problems);
        pillars = readablePillars(file, yaml);
      }
    }
  }

  const glossary = tree.glossary ? checkGlossary(tree.glossary, problems) : [];

  problems.push(...checkCrossReferences(digests, pillars));
  if (problems.length > 0 || !pillars) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, graph: buildGraph(digests, pillars, glossary) };
}

/** Checks glossary.yml against its schema, and that no term sits in two groups; adds to `problems`. */
function checkGlossary(source: ContentFile, problems: Problem[]): GlossaryGroup[] {
  const file = source.path;
  const yaml = parseYaml(normaliseText(source.text));
  for (const error of yaml.errors)
    problems.push({ file, ...error, subject: 'glossary', field: '', message: `is not valid YAML (${error.message}); expected a "groups:" list` });
  if (yaml.errors.length > 0) return [];
  const checked = checkFields(GlossaryFile, yaml.value, { file, subject: 'glossary', yaml });
  if (!checked.ok) problems.push(...checked.problems);
  // Checked on what could be read, so that a schema problem elsewhere does not hide a repeat.
  const raw = yaml.value && typeof yaml.value === 'object' ? (yaml.value as { groups?: unknown }).groups : undefined;
  const seen = new Map<string, string>();
  (Array.isArray(raw) ? raw : []).forEach((group: unknown, g) => {
    const terms = group && typeof group === 'object' ? (group as { terms?: unknown }).terms : undefined;
    (Array.isArray(terms) ? terms : []).forEach((term: unknown, t) => {
      if (typeof term !== 'string') return;
      const key = term.trim().toLowerCase();
      const earlier = seen.get(key);
      if (earlier) {
        problems.push({
          file,
          ...placeOf(yaml, ['groups', g, 'terms', t]),
          subject: 'glossary',
          field: `groups[${g}].terms[${t}]`,
          message: `repeats "${term}", already at ${earlier}; expected each term in one group only`,
        });
      } else seen.set(key, `groups[${g}].terms[${t}]`);
    });
  });
  if (!checked.ok) return [];
  return checked.data.groups;
}

/**
 * When pillars.yml fails its schema, the pillars that are fine (and the ids of those that are not)
 * still count for reference checks, so that one bad field does not make every pillar "unknown".
 */
function readablePillars(file: string, yaml: ParsedYaml): ParsedPillars {
  const raw = yaml.value && typeof yaml.value === 'object' ? (yaml.value as { pillars?: unknown }).pillars : undefined;
  const pillars: Pillar[] = [];
  const positions: number[] = [];
  (Array.isArray(raw) ? raw : []).forEach((entry: unknown, index) => {
    const parsed = Pillar.safeParse(entry);
    const id = entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
    if (parsed.success) pillars.push(parsed.data);
    else if (typeof id === 'string' && ID_PATTERN.test(id)) {
      const maps = PillarMapping.array().safeParse((entry as { maps?: unknown }).maps);
      pillars.push({ id, title: id, description: id, aliases: [], maps: maps.success ? maps.data : [], related: [] });
    } else return;
    positions.push(index);
  });
  return { file, pillars, yaml, positions };
}

/** Reads `<root>/sources/*.md`, `<root>/pillars.yml` and (if present) `<root>/glossary.yml`; paths in problems are relative to `cwd`. */
export function readContentTree(root: string, cwd = process.cwd()): ContentTree {
  const show = (path: string) => relative(cwd, path).split('\\').join('/');
  const sourcesDir = join(root, 'sources');
  let names: string[] = [];
  try {
    names = readdirSync(sourcesDir)
      .filter((name) => name.endsWith('.md'))
      .sort();
  } catch {
    names = [];
  }
  const sources = names
    .map((name) => join(sourcesDir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path: show(path), text: readFileSync(path, 'utf8') }));
  // A missing file is for loadTree to report (pillars.yml) or to do without (glossary.yml).
  const readIfPresent = (path: string): ContentFile | undefined => {
    try {
      return { path: show(path), text: readFileSync(path, 'utf8') };
    } catch {
      return undefined;
    }
  };
  const pillarsPath = join(root, 'pillars.yml');
  const pillars = readIfPresent(pillarsPath);
  const glossary = readIfPresent(join(root, 'glossary.yml'));
  return { sources, pillars, glossary, expected: { sources: show(sourcesDir), pillars: show(pillarsPath) } };
}

export function loadContent(root: string, options: { cwd?: string } = {}): LoadResult {
  return loadTree(readContentTree(root, options.cwd));
}

/** `loadContent`, with the digests not parsed before parsed on several threads when there is much to parse (./parse-parallel.ts). */
export async function loadContentParallel(root: string, options: { cwd?: string } & ParallelOptions = {}): Promise<LoadResult> {
  const tree = readContentTree(root, options.cwd);
  const unparsed = tree.sources.filter((file) => lastParse.get(file.path)?.text !== file.text);
  const digests = await parseDigests(unparsed, options);
  unparsed.forEach((file, index) => {
    const digest = digests[index];
    if (digest) lastParse.set(file.path, { text: file.text, digest });
  });
  return loadTree(tree);
}
