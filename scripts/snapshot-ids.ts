// npm run snapshot-ids — record the ids published today in tests/published-ids.json.
// The built-site test fails when an id in that file has neither a page nor a redirect; run this
// only when dropping an id is deliberate, or to add newly published ids. It lists what changed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadContent } from '../src/lib/load.ts';
import { formatProblem } from '../src/lib/problems.ts';

const root = resolve(import.meta.dirname, '..');
const file = resolve(root, 'tests/published-ids.json');
const result = loadContent(resolve(process.env.CONTENT_DIR ?? resolve(root, 'content')));
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error('\nContent has problems; the snapshot was not changed.');
  process.exit(1);
}
const { graph } = result;
const ids = (records: { id: string }[], redirects: string[] = []) => [...new Set([...records.map((r) => r.id), ...redirects])].sort();
const moved = (kind: 'commitment' | 'extract') => [...graph.redirects].filter(([, to]) => to.kind === kind).map(([old]) => old);
const next = {
  sources: ids(graph.sources),
  commitments: ids(graph.commitments, moved('commitment')),
  extracts: ids(graph.extracts, moved('extract')),
  pillars: ids(graph.pillars),
};
const before = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>) : {};
for (const [section, list] of Object.entries(next)) {
  const old = new Set(before[section] ?? []);
  const added = list.filter((id) => !old.has(id));
  const removed = [...old].filter((id) => !list.includes(id));
  if (added.length) console.log(`${section}: +${added.length} (${added.join(', ')})`);
  if (removed.length) console.log(`${section}: -${removed.length} REMOVED (${removed.join(', ')})`);
}
writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
console.log(`Wrote ${file}.`);
