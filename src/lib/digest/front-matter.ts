// A digest's front matter: split from the body, read with positions, checked against the source
// schema. The source's id is declared even when other fields are wrong (or, failing that, taken
// from the file name), so that one bad field does not make every reference to it "unknown".
import matter from 'gray-matter';
import { checkFields } from '../check-fields.ts';
import type { ParsedDigest } from '../parse-digest.ts';
import type { Place } from '../problems.ts';
import { ID_PATTERN } from '../schema/primitives.ts';
import { SourceFrontMatter } from '../schema/source.ts';
import { parseYaml, type ParsedYaml } from '../yaml.ts';

export interface FrontMatter {
  source?: ParsedDigest['source'];
  declaredSource?: ParsedDigest['declaredSource'];
  /** The source's id as far as it could be read, for the subject of later problems. */
  sourceId: string;
  /** The body with blank lines in place of the front matter, so that body positions are file positions; undefined when the front matter cannot be split off. */
  body?: string;
}

/** Reads the front matter of a normalised digest text; problems go to `problem`. */
export function readFrontMatter(
  file: string,
  text: string,
  problem: (place: Place, subject: string, field: string, message: string) => void,
  problems: ParsedDigest['problems'],
): FrontMatter {
  const out: FrontMatter = { sourceId: '(unknown source)' };
  /**
   * When the front matter cannot tell us the id, go by the file name, so that references to this
   * source from other files are not reported as unknown on top of the real problem.
   */
  const declareByFileName = (yaml: ParsedYaml) => {
    const fromName = /([^/\\]+)\.md$/.exec(file)?.[1];
    if (fromName && ID_PATTERN.test(fromName)) out.declaredSource = { id: fromName, frameworkIds: [], yaml, fromFileName: true };
  };

  if (!/^---[ \t]*\n/.test(text)) {
    problem(
      { line: 1, column: 1 },
      'front matter',
      '',
      'is missing; expected the file to start with a line "---", the source\'s YAML fields, and a closing "---"',
    );
    declareByFileName(parseYaml(''));
    return out;
  }
  const closing = /\n---[ \t]*(\n|$)/.exec(text.slice(3));
  if (!closing) {
    problem({ line: 1, column: 1 }, 'front matter', '', 'is not closed; expected a line "---" after the source\'s YAML fields');
    declareByFileName(parseYaml(''));
    return out;
  }

  // gray-matter splits the file; our own YAML parser reads the fields so that positions survive.
  // Passing options keeps gray-matter from caching (and sharing) parses by input string.
  const split = matter(text, { engines: { yaml: { parse: () => ({}), stringify: () => '' } } });
  const frontText = split.matter.replace(/^\n/, '');
  const bodyOffset = text.length - split.content.length;
  const bodyFirstLine = text.slice(0, bodyOffset).split('\n').length;

  const frontYaml = parseYaml(frontText, 2);
  for (const error of frontYaml.errors) problem(error, 'front matter', '', `is not valid YAML (${error.message}); expected "field: value" lines`);
  if (frontYaml.errors.length === 0) {
    const value = frontYaml.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problem({ line: 2, column: 1 }, 'front matter', '', 'is not a mapping of fields; expected "field: value" lines');
    } else {
      const raw = value as Record<string, unknown>;
      if (typeof raw.id === 'string' && ID_PATTERN.test(raw.id)) {
        out.sourceId = raw.id;
        const framework = Array.isArray(raw.framework) ? raw.framework : [];
        const frameworkIds = framework.flatMap((entry) =>
          entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' ? [(entry as { id: string }).id] : [],
        );
        out.declaredSource = { id: raw.id, frameworkIds, yaml: frontYaml };
      }
      const checked = checkFields(SourceFrontMatter, value, { file, subject: `source "${out.sourceId}"`, yaml: frontYaml });
      if (checked.ok) out.source = { data: checked.data, place: { line: 1, column: 1 }, yaml: frontYaml };
      else problems.push(...checked.problems);
    }
  }

  if (!out.declaredSource) declareByFileName(frontYaml);
  out.body = '\n'.repeat(bodyFirstLine - 1) + split.content;
  return out;
}
