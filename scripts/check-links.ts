// npm run check-links — asks every external address the content cites whether it still answers
// (the only command besides watch that uses the network; never part of npm test or the build).
// Prints each broken, moved or unreachable address once per citation, as file:line:col with the
// field and what it supports, then a summary; exits 1 when any address is broken (404, 410, or
// a host that does not exist), 0 otherwise, 2 when the content or content/watch.yml has a problem
// or no server answered at all (no web access: then nothing is called broken).
//   --verbose            also list temporary redirects and skipped addresses
//   --json               the outcomes and their citations, for tools
//   --content <dir>      another content tree (default content/); its watch.yml is the settings
//   --config <file>      other settings than <content>/watch.yml
//   --hosts a=ip,…       resolve only these names (offline tests); every other name is not found
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadTree, readContentTree } from '../src/lib/load.ts';
import { formatProblem, type Problem } from '../src/lib/problems.ts';
import { readOptions, stop } from '../src/maintenance/cli.ts';
import { readWatchConfig } from '../src/maintenance/config.ts';
import { fixedLookup, parseHosts } from '../src/maintenance/hosts.ts';
import { type CheckOptions, checkUrls, DEFAULT_CHECK_OPTIONS } from '../src/maintenance/link-check.ts';
import { collectLinks, judge, type Outcome, reportLines, skipRuleFor, summarise, summaryLine } from '../src/maintenance/links.ts';
import { contentPlaces } from '../src/maintenance/places.ts';

const usage = 'usage: npm run check-links -- [--verbose] [--json] [--content <dir>] [--config <file>] [--hosts name=address,…]';
const args = readOptions('check-links', usage, {
  verbose: { type: 'boolean' },
  json: { type: 'boolean' },
  content: { type: 'string' },
  config: { type: 'string' },
  hosts: { type: 'string' },
});

const root = resolve(args.content ?? 'content');
const tree = readContentTree(root);
const loaded = loadTree(tree);
if (!loaded.ok)
  stop([...loaded.problems.map(formatProblem), `\n${loaded.problems.length} content problem(s): fix them first (npm run validate); nothing was checked.`]);
const graph = loaded.ok ? loaded.graph : (undefined as never);

const configPath = resolve(args.config ?? join(root, 'watch.yml'));
const shownConfig = relative(process.cwd(), configPath).split('\\').join('/');
let configText = '';
try {
  configText = readFileSync(configPath, 'utf8');
} catch {
  stop([`${shownConfig}:1:1  watch: file is missing; expected the feeds and link settings (see content/watch.yml)`]);
}
const configResult = readWatchConfig(shownConfig, configText);
if (!configResult.ok) stop([...configResult.problems.map((problem: Problem) => formatProblem(problem)), `\nfix ${shownConfig} first; nothing was checked.`]);
const settings = configResult.ok ? configResult.config.links : (undefined as never);

let lookup: CheckOptions['lookup'];
if (args.hosts) {
  try {
    lookup = fixedLookup(parseHosts(args.hosts));
  } catch (error) {
    stop([`check-links: --hosts ${error instanceof Error ? error.message : String(error)}`]);
  }
}

const options: CheckOptions = {
  ...DEFAULT_CHECK_OPTIONS,
  ...(settings.timeoutSeconds ? { timeoutMs: settings.timeoutSeconds * 1000 } : {}),
  ...(settings.retries !== undefined ? { retries: settings.retries } : {}),
  ...(settings.concurrency ? { concurrency: settings.concurrency } : {}),
  ...(settings.perHost ? { perHost: settings.perHost } : {}),
  userAgent: settings.userAgent ?? 'childrens-social-care-reforms link check',
  ...(lookup ? { lookup } : {}),
};

const links = collectLinks(graph, contentPlaces(tree));
const cited = links.reduce((n, link) => n + link.citations.length, 0);
const skipped: Outcome[] = [];
const toAsk: string[] = [];
for (const link of links) {
  const rule = skipRuleFor(link.url, settings.skip);
  if (rule) skipped.push({ url: link.url, verdict: 'skipped', detail: `skipped by ${shownConfig} (${rule.reason})` });
  else toAsk.push(link.url);
}
const showProgress = process.stderr.isTTY && !args.json;
if (!args.json) console.error(`checking ${toAsk.length} addresses (${cited} citations; ${skipped.length} skipped), ${options.concurrency} at a time…`);
const answers = await checkUrls(toAsk, options, showProgress ? (done, total) => process.stderr.write(`\r${done}/${total}`) : undefined);
if (showProgress) process.stderr.write('\n');
// Not one answer from any server: the machine is offline (or its DNS is down), and nothing can be
// said about any address. Calling them all "broken" would send an author to fix the wrong thing.
if (answers.length > 0 && answers.every((answer) => answer.status === undefined)) {
  const codes = [...new Set(answers.map((answer) => answer.error?.code ?? 'ERROR'))].join(', ');
  stop([`check-links: no server answered any of ${answers.length} addresses (${codes}): this machine seems to have no web access; nothing was judged.`]);
}
const outcomes = [...answers.map(judge), ...skipped];
const report = summarise(outcomes, links);

if (args.json) {
  const byUrl = new Map(links.map((link) => [link.url, link.citations]));
  process.stdout.write(`${JSON.stringify({ counts: report.counts, outcomes: outcomes.map((o) => ({ ...o, citations: byUrl.get(o.url) ?? [] })) }, null, 2)}\n`);
} else {
  const lines = reportLines(links, outcomes, args.verbose);
  if (lines.length) console.log(lines.join('\n'));
  console.log(`${lines.length ? '\n' : ''}${summaryLine(report, cited, shownConfig)}`);
  if (report.counts.broken > 0)
    console.log(
      `${report.counts.broken} broken address${report.counts.broken === 1 ? '' : 'es'}, cited ${report.brokenCitations} time${report.brokenCitations === 1 ? '' : 's'}: replace or remove them.`,
    );
}
process.exitCode = report.counts.broken > 0 ? 1 : 0;
