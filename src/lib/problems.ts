/**
 * A problem found in content. Every problem names a place (file, line, column) so that an editor
 * can go straight to it; the loader collects them all and reports them together.
 */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** What the problem belongs to, e.g. `commitment "pcf-regulator"` or `front matter`. */
  subject: string;
  /** The field, e.g. `due` or `lineage[0].commitment`; empty when the problem is not about one field. */
  field: string;
  /** What is wrong and what is expected, e.g. `is not a real date; expected YYYY-MM-DD`. */
  message: string;
}

export interface Place {
  line: number;
  column: number;
}

export function formatProblem(problem: Problem): string {
  const field = problem.field ? `${problem.field} — ` : '';
  return `${problem.file}:${problem.line}:${problem.column}  ${problem.subject}: ${field}${problem.message}`;
}

// Code-point order, so that the list reads the same on every machine whatever its locale.
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => byCodePoint(a.file, b.file) || a.line - b.line || a.column - b.column || byCodePoint(a.message, b.message));
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
