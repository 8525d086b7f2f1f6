// One local static server for the search benchmark: 127.0.0.1 on a random port, folders mounted
// under URL prefixes, text responses gzip-compressed (Pagefind's own index files are already
// compressed, so they go as they are), and every request and byte sent counted.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt']);

export interface Counted {
  requests: number;
  bytes: number;
  /** Each response, with the wall-clock time it was sent. */
  log: { path: string; bytes: number; at: number }[];
}

export interface BenchServer {
  origin: string;
  mount(prefix: string, dir: string): void;
  reset(): void;
  counted(): Counted;
  close(): Promise<void>;
}

export async function startServer(): Promise<BenchServer> {
  const mounts = new Map<string, string>();
  const cache = new Map<string, Buffer>();
  let counted: Counted = { requests: 0, bytes: 0, log: [] };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const prefix = [...mounts.keys()].sort((a, b) => b.length - a.length).find((p) => path.startsWith(p));
    let file: string | undefined;
    if (prefix) {
      const dir = mounts.get(prefix)!;
      file = join(dir, normalize(path.slice(prefix.length - 1)));
      if (!file.startsWith(dir)) file = undefined;
      else if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    }
    const send = (status: number, headers: Record<string, string>, body: Buffer) => {
      response.writeHead(status, { ...headers, 'content-length': String(body.length), 'cache-control': 'no-cache' });
      response.end(body);
      const headerBytes = Object.entries(headers).reduce((sum, [k, v]) => sum + k.length + v.length + 4, 60);
      counted.requests++;
      counted.bytes += body.length + headerBytes;
      counted.log.push({ path, bytes: body.length + headerBytes, at: Date.now() });
    };
    if (!file || !existsSync(file) || !statSync(file).isFile()) return send(404, { 'content-type': 'text/plain' }, Buffer.from('Not found'));
    const ext = extname(file);
    const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const key = `${gzip ? 'gz:' : ''}${file}`;
    let body = cache.get(key);
    if (!body) {
      const raw = readFileSync(file);
      body = gzip ? gzipSync(raw) : raw;
      cache.set(key, body);
    }
    send(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', ...(gzip ? { 'content-encoding': 'gzip' } : {}) }, body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    mount: (prefix, dir) => {
      mounts.set(prefix, dir);
      for (const key of [...cache.keys()]) if (key.replace(/^gz:/, '').startsWith(dir)) cache.delete(key);
    },
    reset: () => {
      counted = { requests: 0, bytes: 0, log: [] };
    },
    counted: () => ({ ...counted, log: [...counted.log] }),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
