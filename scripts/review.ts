// npm run review — the authors' worklist, from the content alone (no network): the commitments
// most in need of a look, oldest check first, each with the file:line of its status and why.
//   npm run review                       a table for the terminal
//   npm run review -- --markdown > w.md  a checklist to work through
//   npm run review -- --json             for tools
//   npm run review -- --older-than 6     only those last checked over 6 months ago; exits 1 if any
//   npm run review -- --news watch.json  beside each, the feed items `npm run watch -- --json` found
// Exit codes: 0 listed (or nothing listed), 1 something listed under --older-than, 2 the content
// or the command line has a problem.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadTree, readContentTree } from '../src/lib/load.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { readOptions } from '../src/maintenance/cli.ts';
import { isFullDate, today } from '../src/maintenance/dates.ts';
import { contentPlaces } from '../src/maintenance/places.ts';
import { formatMarkdown, formatTable, review, toJson } from '../src/maintenance/review.ts';
import { newsFromWatchJson } from '../src/maintenance/watch.ts';

const usage = 'usage: npm run review -- [--markdown | --json] [--older-than <months>] [--news <watch.json>] [--content <dir>] [--today YYYY-MM-DD]';
const fail = (message: string): never => {
  console.error(`review: ${message}\n${usage}`);
  process.exit(2);
};

const values = readOptions('review', usage, {
  markdown: { type: 'boolean' },
  json: { type: 'boolean' },
  'older-than': { type: 'string' },
  news: { type: 'string' },
  content: { type: 'string' },
  today: { type: 'string' },
});
if (values.markdown && values.json) fail('--markdown and --json: choose one');
let olderThan: number | undefined;
if (values['older-than'] !== undefined) {
  olderThan = Number(values['older-than']);
  if (!Number.isInteger(olderThan) || olderThan < 0) fail(`--older-than is "${values['older-than']}"; expected a whole number of months, e.g. 6`);
}
const day = values.today ?? today();
if (!isFullDate(day)) fail(`--today is "${day}"; expected a date as YYYY-MM-DD`);

const root = resolve(values.content ?? 'content');
const tree = readContentTree(root);
const loaded = loadTree(tree);
if (!loaded.ok) {
  for (const problem of loaded.problems) console.error(formatProblem(problem));
  console.error(
    `\n${loaded.problems.length} content problem${loaded.problems.length === 1 ? '' : 's'}: fix them first (npm run validate lists the same); nothing was reviewed.`,
  );
  process.exit(2);
}

let news: ReturnType<typeof newsFromWatchJson> = [];
if (values.news) {
  let text = '';
  try {
    text = readFileSync(values.news, 'utf8');
  } catch {
    fail(`--news ${values.news}: no such file; expected the output of npm run watch -- --json`);
  }
  try {
    news = newsFromWatchJson(JSON.parse(text));
  } catch (error) {
    fail(`--news ${values.news}: ${error instanceof Error ? error.message : String(error)}; expected the output of npm run watch -- --json`);
  }
}

const result = review(loaded.graph, contentPlaces(tree), { ...(olderThan !== undefined ? { olderThanMonths: olderThan } : {}), today: day, news });
process.stdout.write(values.json ? toJson(result) : values.markdown ? formatMarkdown(result) : `${formatTable(result)}\n`);
process.exitCode = olderThan !== undefined && result.items.length > 0 ? 1 : 0;
