import type { z } from 'zod';
import { formatPath, type Problem } from './problems.ts';
import { type ParsedYaml, placeOf, placeOfKey } from './yaml.ts';

type Issue = z.core.$ZodIssue;

function describeValue(input: unknown): string {
  if (input === undefined) return 'missing';
  if (input === null) return 'empty';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') return `the text ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)}`;
  return `${typeof input} ${String(input)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
};

function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  // Walk the schema along the path to list the fields an object accepts, for "expected one of".
  let current: unknown = schema;
  for (const key of path) {
    const def = (current as { def?: Record<string, unknown> })?.def;
    if (!def) return [];
    if (def.type === 'pipe') current = def.in;
    if (def.type === 'default' || def.type === 'optional') current = def.innerType;
    const inner = (current as { def?: Record<string, unknown> })?.def;
    if (!inner) return [];
    if (inner.type === 'object' && typeof key === 'string') current = (inner.shape as Record<string, unknown>)[key];
    else if (inner.type === 'array' && typeof key === 'number') current = inner.element;
    else return [];
    for (let i = 0; i < 3; i++) {
      const d = (current as { def?: Record<string, unknown> })?.def;
      if (d && (d.type === 'default' || d.type === 'optional')) current = d.innerType;
    }
  }
  const def = (current as { def?: Record<string, unknown> })?.def;
  if (def?.type === 'object') return Object.keys(def.shape as Record<string, unknown>);
  return [];
}

function issueMessage(issue: Issue, schema: z.ZodType): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      // A schema's own word for a missing field says more than its type ("a day, YYYY-MM-DD" beats "text").
      if (issue.input === undefined) return issue.message.startsWith('expected ') ? `is missing; ${issue.message}` : `is missing; expected ${expected}`;
      return `is ${describeValue(issue.input)}; expected ${expected}`;
    }
    case 'unrecognized_keys': {
      const known = knownKeys(schema, issue.path);
      return `is not a known field; expected one of: ${known.join(', ')}`;
    }
    case 'invalid_value':
      return `is ${describeValue(issue.input)}; expected one of: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array') return `has too few items; expected at least ${String(issue.minimum)}`;
      if (issue.origin === 'string') return 'is empty; expected some text';
      return `is too small; expected at least ${String(issue.minimum)}`;
    case 'too_big':
      return `is too large; expected at most ${String(issue.maximum)}`;
    case 'invalid_union':
      return `is ${describeValue(issue.input)}; expected a value of the documented form`;
    default:
      return issue.message;
  }
}

export interface CheckContext {
  file: string;
  subject: string;
  yaml: ParsedYaml;
  /** Prefix for field names when the checked value sits inside a larger document. */
  pathPrefix?: readonly PropertyKey[];
}

/** Validates `value` against `schema`; returns the parsed value or located problems. */
export function checkFields<S extends z.ZodType>(
  schema: S,
  value: unknown,
  context: CheckContext,
): { ok: true; data: z.output<S> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const prefix = context.pathPrefix ?? [];
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      const path = [...prefix, ...issue.path];
      const place = key === undefined ? placeOf(context.yaml, path) : placeOfKey(context.yaml, path, key);
      const fieldPath = key === undefined ? issue.path : [...issue.path, key];
      problems.push({
        file: context.file,
        ...place,
        subject: context.subject,
        field: formatPath(fieldPath) || '(fields)',
        message: issueMessage(issue, schema),
      });
    }
  }
  return { ok: false, problems };
}
