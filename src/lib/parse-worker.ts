// A worker thread of ./parse-parallel.ts: parses the digests it is sent and sends them back.
import { parentPort } from 'node:worker_threads';
import type { ContentFile } from './load.ts';
import { parseDigest } from './parse-digest.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread of parse-parallel.ts');
port.once('message', (files: ContentFile[]) => {
  port.postMessage(files.map((file) => parseDigest(file.path, file.text)));
});
