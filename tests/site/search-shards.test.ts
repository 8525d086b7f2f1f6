// The instant index split into shards (src/site/search-instant.ts) and put back together by the
// search page (src/site/search-client/instant.ts): with a fake fetch that records every file asked
// for, a search fetches only the shards of its own words, answers as the whole index would, and at
// a generated size the part fetched before any word (the manifest) and each shard stay small.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import { afterAll, describe, expect, it } from 'vitest';
import { generateTree, realContentCorpus, writeTree } from '../../bench/generate.ts';
import type { Graph } from '../../src/lib/graph.ts';
import { loadContent } from '../../src/lib/load.ts';
import { bucketsFor, vocabularyLoader } from '../../src/site/search-client/correct.ts';
import { answer, INSTANT_OPTIONS, instantDocuments, loadInstant, shardsFor } from '../../src/site/search-client/instant.ts';
import { type InstantFile, instantFile, instantFiles, shardKeys, shardOf } from '../../src/site/search-instant.ts';

function load(dir: string): Graph {
  const loaded = loadContent(dir);
  if (!loaded.ok) throw new Error(`${dir} does not load`);
  return loaded.graph;
}

/** The instant index over a fake fetch that records each path asked for. */
function served(file: InstantFile) {
  const fetched: string[] = [];
  const engine = loadInstant(MiniSearch, file.manifest, async (path) => {
    fetched.push(path);
    const text = file.files.get(path);
    if (text === undefined) throw new Error(`no such file: ${path}`);
    return JSON.parse(text);
  });
  return { engine, fetched };
}

const keyOfPath = (file: InstantFile, path: string) => Object.entries(file.manifest.shards).find(([, p]) => p === path)?.[0];

describe('shard keys', () => {
  it('cuts words by prefix, so that each word has one shard and no shard outgrows the target unless one word does', () => {
    const words = ['care', 'carer', 'carers', 'cared', 'kinship', 'kin', 'staying', 'stable', 'close', 'a'];
    const weights = new Map(words.map((w) => [w, w === 'care' ? 50 : 10]));
    const keys = shardKeys(weights, 30);
    expect(keys[0]).toBe('');
    for (const key of keys) {
      const inShard = words.filter((w) => shardOf(keys, w) === key);
      const bytes = inShard.reduce((n, w) => n + (weights.get(w) ?? 0), 0);
      // One word alone may be over; otherwise the target holds.
      if (inShard.length > 1) expect(bytes, `${key}: ${inShard}`).toBeLessThanOrEqual(30);
    }
    // "car…" was split: "care" is alone in its shard.
    expect(words.filter((w) => shardOf(keys, w) === shardOf(keys, 'care'))).toEqual(['care']);
  });
});

describe('the instant index in shards (the fixture, cut small)', () => {
  const graph = load('tests/fixtures/good');
  // Budgets small enough that the fixture's few pages make many shards.
  const file = instantFiles(graph, { preload: 0, shard: 400, block: 2 });
  const whole = new MiniSearch(INSTANT_OPTIONS);
  whole.addAll(instantDocuments(file.index));

  it('is cut into several shards and blocks, no page carried in the manifest', () => {
    expect(Object.keys(file.manifest.shards).length).toBeGreaterThan(5);
    expect(file.manifest.blocks.length).toBeGreaterThan(1);
    expect(file.manifest.docs).toBeUndefined();
  });

  it('fetches only the shards of the words typed, and the blocks of the pages it shows', async () => {
    const { engine, fetched } = served(file);
    const docs = await answer(engine, 'staying close', {});
    expect(docs.map((d) => d.id)).toContain('alpha-staying-close');
    const shards = fetched.filter((p) => p.includes('/w/')).map((p) => keyOfPath(file, p));
    const expected = new Set([...shardsFor(file.manifest, 'staying', false), ...shardsFor(file.manifest, 'close', true)]);
    expect(new Set(shards)).toEqual(expected);
    expect(shards.length).toBeLessThan(Object.keys(file.manifest.shards).length / 2);
    const blocks = fetched.filter((p) => p.includes('/d/'));
    const shown = new Set(docs.map((d) => Math.floor(file.index.docs.findIndex((x) => x.k === d.k && x.id === d.id) / file.manifest.block)));
    expect(blocks.length).toBe(shown.size);
    expect(fetched.some((p) => p.includes('/v/'))).toBe(false);
    // A second search for the same words fetches nothing more.
    const before = fetched.length;
    await answer(engine, 'staying close', {});
    expect(fetched.length).toBe(before);
  });

  it('hands over at once the leading answers whose pages are in, while the pages of the others are fetched', async () => {
    const { engine, fetched } = served(file);
    const top = (query: string) =>
      whole
        .search(query)
        .slice(0, 5)
        .map((hit) => hit.id as number);
    const blockOf = (id: number) => file.manifest.blocks[Math.floor(id / file.manifest.block)] as string;
    // "leavers" brings in the block of one page that "staying" also answers with, first of two.
    await answer(engine, 'leavers', {});
    const inAlready = top('staying').findIndex((id) => !fetched.includes(blockOf(id)));
    expect(inAlready, 'the fixture, cut small, should leave the second answer for "staying" in a block "leavers" did not fetch').toBeGreaterThan(0);
    const handed: string[][] = [];
    const docs = await answer(engine, 'staying', {}, {}, (leading) => handed.push(leading.map((d) => d.id)));
    const ids = top('staying').map((id) => file.index.docs[id]?.id);
    expect(handed).toEqual([ids.slice(0, inAlready)]);
    expect(docs.map((d) => d.id)).toEqual(ids);
    // With every page in, nothing is handed over early.
    handed.length = 0;
    await answer(engine, 'staying', {}, {}, (leading) => handed.push(leading.map((d) => d.id)));
    expect(handed).toEqual([]);
  });

  it('leaves a word still being typed alone until its third letter', async () => {
    const { engine, fetched } = served(file);
    await answer(engine, 'kinship a', {});
    const keys = fetched.filter((p) => p.includes('/w/')).map((p) => keyOfPath(file, p));
    expect(keys).toEqual(shardsFor(file.manifest, 'kinship', false));
  });

  it('answers as MiniSearch over the whole index does, scores and all', async () => {
    const { engine } = served(file);
    for (const query of ['staying close', 'kinship', 'care leavers', 'staying clo', 'covenent', 'alpha']) {
      const docs = await answer(engine, query, {});
      const expected = whole
        .search(query)
        .slice(0, 5)
        .map((hit) => file.index.docs[hit.id as number]?.id);
      expect(
        docs.map((d) => d.id),
        query,
      ).toEqual(expected);
    }
  });

  it('fetches the vocabulary buckets of the word lengths a correction can have, and no others', async () => {
    const fetched: string[] = [];
    const vocabulary = vocabularyLoader(file.manifest.vocabulary, async (path) => {
      fetched.push(path);
      return JSON.parse(file.files.get(path) ?? '{}');
    });
    const loaded = await vocabulary(['stayng']);
    expect(fetched).toEqual(bucketsFor(file.manifest.vocabulary, ['stayng']));
    // Buckets of words too short to be a correction are left alone (a long word needs no short-word bucket).
    expect(bucketsFor(file.manifest.vocabulary, ['abcdefghijklmnop']).length).toBeLessThan(file.manifest.vocabulary.length);
    expect(loaded.targets.has('staying')).toBe(true);
    // Six letters, two edits: words from four letters (longer ones too: correction asks whether a word begins another).
    expect([...loaded.targets.keys()].some((w) => w.length >= 4 && w.length <= 8)).toBe(true);
  });
});

describe('the real content', () => {
  it('travels in one file before the first answers: every page inside the manifest, no shards', async () => {
    const file = instantFile(load('content'));
    expect(file.manifest.docs).toHaveLength(file.index.docs.length);
    // With the pages' opening words (17.1 KB, December 2026).
    expect(gzipSync(file.json).length).toBeLessThan(24 * 1024);
    const { engine, fetched } = served(file);
    expect((await answer(engine, 'staying close', {})).length).toBeGreaterThan(0);
    expect(fetched).toEqual([]);
  });
});

describe('at a generated size (2,000 commitments)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'instant-shards-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeTree(generateTree({ commitments: 2000, seed: 1, corpus: realContentCorpus() }), dir);
  const file = instantFile(load(dir));
  const gz = (text: string) => gzipSync(text).length;

  it('keeps the manifest, each shard and each block small, and a search to a few of them', async () => {
    expect(file.manifest.docs).toBeUndefined();
    expect(gz(file.json)).toBeLessThan(12 * 1024);
    const sizes = [...file.files].map(([path, text]) => ({ path, bytes: gz(text) }));
    for (const { path, bytes } of sizes.filter((s) => s.path.includes('/d/'))) expect(bytes, path).toBeLessThan(6 * 1024);
    const shards = sizes.filter((s) => s.path.includes('/w/'));
    expect(shards.length).toBeGreaterThan(20);
    for (const { path, bytes } of shards) expect(bytes, path).toBeLessThan(12 * 1024);
    const { engine, fetched } = served(file);
    const title = file.index.docs.find((d) => d.k === 'c')?.t ?? '';
    expect((await answer(engine, title, {})).map((d) => d.t)).toContain(title);
    const bytes = fetched.reduce((n, path) => n + gz(file.files.get(path) ?? ''), 0);
    expect(bytes).toBeLessThan(60 * 1024);
  });
});
