// Parsing the digests is nearly all of a load (15.5 of 15.6 s at 10,000 commitments, CPU profile,
// December 2026), and each digest parses on its own. So a large tree is shared out: this thread
// parses one share while worker threads (./parse-worker.ts) parse the others. A parsed digest is
// plain data (the YAML's places included, ./yaml.ts), so it comes back whole, equal to one parsed
// here. A small tree is parsed here: starting a worker costs more than it saves.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ContentFile } from './load.ts';
import { parseDigest, type ParsedDigest } from './parse-digest.ts';

/**
 * Below this many characters of text a tree is parsed on this thread alone. Each thread warms up
 * its own parser, and a worker takes about 0.2 s to start: on 2 cores, the 1,000-commitment tree
 * (3.9 MB) loaded about 0.2 s slower on two threads than on one (four alternated runs each), the
 * 10,000 tree (39.6 MB) 3 to 6 s faster (validation 17.3, 16.3, 14.0 s against 11.1, 11.4,
 * 10.3 s in three alternated builds; December 2026).
 */
export const PARALLEL_FROM_CHARS = 10_000_000;

/** Splits `files`, in order, into at most `count` runs of about equal text. */
export function shares<T extends ContentFile>(files: readonly T[], count: number): T[][] {
  const total = files.reduce((sum, file) => sum + file.text.length, 0);
  const runs: T[][] = [];
  let run: T[] = [];
  let done = 0;
  for (const file of files) {
    run.push(file);
    done += file.text.length;
    if (runs.length < count - 1 && done >= (total * (runs.length + 1)) / count) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function parseInWorker(files: ContentFile[]): Promise<ParsedDigest[]> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url));
    worker.once('message', (digests: ParsedDigest[]) => {
      resolvePromise(digests);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the digest parser's worker stopped (exit code ${code}) before it answered`)));
    worker.postMessage(files);
  });
}

export interface ParallelOptions {
  /** Threads in all, this one included (default: as many as the machine runs at once). */
  threads?: number;
  /** Characters of text below which everything is parsed on this thread (default PARALLEL_FROM_CHARS). */
  fromChars?: number;
}

/** Every file parsed with parseDigest, in the order given; on several threads when the tree is large. */
export async function parseDigests(files: readonly ContentFile[], options: ParallelOptions = {}): Promise<ParsedDigest[]> {
  const { threads = availableParallelism(), fromChars = PARALLEL_FROM_CHARS } = options;
  const chars = files.reduce((sum, file) => sum + file.text.length, 0);
  if (threads < 2 || chars < fromChars) return files.map((file) => parseDigest(file.path, file.text));
  const [here = [], ...elsewhere] = shares(files, threads);
  const pending = elsewhere.map(parseInWorker);
  // The workers have their files before this thread starts on its own share.
  let mine: ParsedDigest[];
  try {
    mine = here.map((file) => parseDigest(file.path, file.text));
  } catch (error) {
    // Not left running, or failing later with no one to hear it.
    await Promise.allSettled(pending);
    throw error;
  }
  return [...mine, ...(await Promise.all(pending)).flat()];
}
