// npm run validate — check all content and list every problem with its place; exit 1 if any.
import { resolve } from 'node:path';
import { loadContent } from '../src/lib/load.ts';
import { formatProblem } from '../src/lib/problems.ts';

const root = resolve(process.argv[2] ?? 'content');
const started = performance.now();
const result = loadContent(root);
const ms = Math.round(performance.now() - started);

if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(`\n${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${root}; nothing was built.`);
  process.exit(1);
}
const { graph } = result;
console.log(
  `Content is valid: ${graph.sources.length} sources, ${graph.commitments.length} commitments, ${graph.extracts.length} extracts, ${graph.pillars.length} pillars (${ms} ms).`,
);
