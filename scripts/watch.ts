// npm run watch — what has been published since we last looked: reads the feeds listed in
// content/watch.yml (the only command besides check-links that uses the network), keeps the items
// published on or after the day a commitment they may touch was last checked, and prints each
// candidate with its date, link, the commitments and why. A feed that cannot be read is named
// and skipped; the others are still read.
//   --json               for tools, and for `npm run review -- --news <file>`
//   --from <dir>         read saved copies (<feed id>.atom|.rss|.xml) instead of the network
//   --save <dir>         keep a copy of each feed fetched, to read again with --from
//   --content <dir>      another content tree (default content/); its watch.yml is the settings
//   --config <file>      other settings than <content>/watch.yml
//   --hosts a=ip,…       resolve only these names (offline tests); every other name is not found
// Exit codes: 0 every feed read, 1 a feed could not be read, 2 the content or settings have a problem.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import got, { type RequestError } from 'got';
import { loadTree, readContentTree } from '../src/lib/load.ts';
import { formatProblem } from '../src/lib/problems.ts';
import { readOptions, stop } from '../src/maintenance/cli.ts';
import { type FeedConfig, readWatchConfig } from '../src/maintenance/config.ts';
import { type FeedItem, readFeed } from '../src/maintenance/feeds.ts';
import { fixedLookup, parseHosts } from '../src/maintenance/hosts.ts';
import { type FeedStatus, findCandidates, formatCandidates, toWatchJson } from '../src/maintenance/watch.ts';

const usage = 'usage: npm run watch -- [--json] [--from <dir> | --save <dir>] [--content <dir>] [--config <file>] [--hosts name=address,…]';
const show = (path: string) => relative(process.cwd(), path).split('\\').join('/') || '.';

const args = readOptions('watch', usage, {
  json: { type: 'boolean' },
  from: { type: 'string' },
  save: { type: 'string' },
  content: { type: 'string' },
  config: { type: 'string' },
  hosts: { type: 'string' },
});
if (args.from && args.save) stop(['watch: --from and --save: choose one', usage]);

const root = resolve(args.content ?? 'content');
const loaded = loadTree(readContentTree(root));
if (!loaded.ok)
  stop([...loaded.problems.map(formatProblem), `\n${loaded.problems.length} content problem(s): fix them first (npm run validate); no feed was read.`]);
const graph = loaded.ok ? loaded.graph : (undefined as never);

const configPath = resolve(args.config ?? join(root, 'watch.yml'));
let configText = '';
try {
  configText = readFileSync(configPath, 'utf8');
} catch {
  stop([`${show(configPath)}:1:1  watch: file is missing; expected the feeds to read (see content/watch.yml)`]);
}
const configResult = readWatchConfig(show(configPath), configText);
if (!configResult.ok) stop([...configResult.problems.map(formatProblem), `\nfix ${show(configPath)} first; no feed was read.`]);
const config = configResult.ok ? configResult.config : (undefined as never);

let lookup: ReturnType<typeof fixedLookup> | undefined;
if (args.hosts) {
  try {
    lookup = fixedLookup(parseHosts(args.hosts));
  } catch (error) {
    stop([`watch: --hosts ${error instanceof Error ? error.message : String(error)}`]);
  }
}

/** A feed's text: from a saved copy, or fetched (timeout, retries with backoff, our user agent). */
async function feedText(feed: FeedConfig): Promise<{ text: string; from: string } | { error: string; from: string }> {
  if (args.from) {
    const file = ['atom', 'rss', 'xml'].map((ext) => join(resolve(args.from as string), `${feed.id}.${ext}`)).find((path) => existsSync(path));
    if (!file) return { error: `no saved copy ${feed.id}.atom, .rss or .xml`, from: show(resolve(args.from)) };
    return { text: readFileSync(file, 'utf8'), from: show(file) };
  }
  try {
    const response = await got(feed.url, {
      timeout: { request: (config.links.timeoutSeconds ?? 20) * 1000 },
      retry: { limit: config.links.retries ?? 2 },
      headers: {
        'user-agent': config.links.userAgent ?? 'childrens-social-care-reforms watch',
        accept: 'application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.5',
      },
      ...(lookup ? { dnsLookup: lookup } : {}),
    });
    if (args.save) {
      mkdirSync(resolve(args.save), { recursive: true });
      writeFileSync(join(resolve(args.save), `${feed.id}.xml`), response.body);
    }
    return { text: response.body, from: feed.url };
  } catch (caught) {
    const error = caught as RequestError;
    const status = error.response?.statusCode;
    return { error: status ? `answered ${status} ${error.response?.statusMessage ?? ''}`.trim() : `${error.message} [${error.code}]`, from: feed.url };
  }
}

const feeds: FeedStatus[] = [];
const items: FeedItem[] = [];
for (const feed of config.feeds) {
  const got = await feedText(feed);
  if ('error' in got) {
    feeds.push({ id: feed.id, title: feed.title, url: feed.url, from: got.from, ok: false, items: 0, error: got.error });
    continue;
  }
  const read = readFeed(feed.id, got.text);
  if (!read.ok) {
    feeds.push({ id: feed.id, title: feed.title, url: feed.url, from: got.from, ok: false, items: 0, error: `not an Atom or RSS feed (${read.message})` });
    continue;
  }
  feeds.push({ id: feed.id, title: feed.title, url: feed.url, from: got.from, ok: true, items: read.items.length });
  items.push(...read.items);
}

const result = findCandidates(graph, feeds, items);
process.stdout.write(args.json ? toWatchJson(result) : `${formatCandidates(result)}\n`);
process.exitCode = feeds.some((feed) => !feed.ok) ? 1 : 0;
