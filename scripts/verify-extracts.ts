// npm run verify-extracts -- --against DIR [--content DIR]
// Proves that every extract appears verbatim in the text files under DIR; names each that does not.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/lib/load.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { verifyExtracts } from '../src/lib/verify-extracts.ts';

const { values } = parseArgs({ options: { against: { type: 'string' }, content: { type: 'string', default: 'content' } } });
if (!values.against) {
  console.error('Usage: npm run verify-extracts -- --against DIR   (DIR holds the original documents as text files)');
  process.exit(2);
}

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return /\.(txt|md|html?)$/i.test(name) ? [path] : [];
  });
}

const against = resolve(values.against);
const result = loadContent(resolve(values.content));
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error('\nThe content has problems (see above); fix them before verifying extracts.');
  process.exit(1);
}
const references = textFiles(against).map((path) => ({ path: relative(process.cwd(), path), text: readFileSync(path, 'utf8') }));
const results = verifyExtracts(result.graph.extracts, references);
const failed = results.filter((r) => !r.foundIn);
for (const r of failed) {
  console.error(`${r.file}:${r.line}  extract "${r.id}": text — is not verbatim in any file under ${values.against}; this passage was not found (in order): ${JSON.stringify(r.missingBlock)}`);
}
if (failed.length) {
  console.error(`\n${failed.length} of ${results.length} extracts are not verbatim.`);
  process.exit(1);
}
console.log(`All ${results.length} extracts are verbatim in ${references.length} files under ${values.against}.`);
