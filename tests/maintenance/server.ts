// A local HTTP server for the maintenance commands' tests, on 127.0.0.1 only: every case a cited
// address can meet, and the recorded feeds. It counts requests, the user agents it was sent and
// the most requests it held at once, so a test can prove the commands ask politely.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FEEDS = fileURLToPath(new URL('../fixtures/feeds/', import.meta.url));

export interface TestServer {
  port: number;
  requests: { method: string; path: string; userAgent: string }[];
  /** The most requests under way at once. */
  maxInFlight: number;
  close(): Promise<void>;
}

/** How long /slow waits before it answers: far beyond any timeout a test sets. */
export const SLOW_MS = 10_000;

let flaky = 0;

const TYPES: Record<string, string> = { atom: 'application/atom+xml', rss: 'application/rss+xml', xml: 'text/html' };

function answer(request: IncomingMessage, response: ServerResponse): void {
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  switch (path) {
    case '/ok':
    case '/delta-original':
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>ok</title>');
      return;
    case '/moved':
      response.writeHead(301, { location: '/ok' }).end();
      return;
    case '/gone':
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    case '/removed':
      response.writeHead(410, { 'content-type': 'text/plain' }).end('gone');
      return;
    case '/slow': {
      const timer = setTimeout(() => response.writeHead(200).end('too late'), SLOW_MS);
      response.on('close', () => clearTimeout(timer));
      return;
    }
    case '/moved-to-flaky':
      response.writeHead(301, { location: '/flaky' }).end();
      return;
    case '/flaky': {
      // The first request waits too long; later ones answer.
      flaky += 1;
      if (flaky > 1) {
        response.writeHead(200).end('ok now');
        return;
      }
      const timer = setTimeout(() => response.writeHead(200).end('too late'), SLOW_MS);
      response.on('close', () => clearTimeout(timer));
      return;
    }
    case '/reset':
      request.socket.destroy();
      return;
  }
  const feed = /^\/([a-z0-9-]+)\.(atom|rss|xml)$/.exec(path);
  if (feed) {
    const [, name, ext] = feed as unknown as [string, string, string];
    try {
      const text = readFileSync(join(FEEDS, `${name}.${ext}`), 'utf8');
      response.writeHead(200, { 'content-type': TYPES[ext] ?? 'text/plain' }).end(text);
      return;
    } catch {
      // fall through to 404
    }
  }
  response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
}

export function startServer(): Promise<TestServer> {
  const state = { requests: [] as TestServer['requests'], inFlight: 0, maxInFlight: 0 };
  const server: Server = createServer((request, response) => {
    state.requests.push({ method: request.method ?? '', path: request.url ?? '', userAgent: String(request.headers['user-agent'] ?? '') });
    state.inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    let counted = true;
    const done = () => {
      if (counted) state.inFlight -= 1;
      counted = false;
    };
    response.on('close', done);
    request.socket.on('close', done);
    // Every answer takes a moment, as a real server's does: requests asked at once are seen at once.
    setTimeout(() => answer(request, response), 40);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        port,
        get requests() {
          return state.requests;
        },
        get maxInFlight() {
          return state.maxInFlight;
        },
        close: () =>
          new Promise<void>((closed) => {
            server.closeAllConnections();
            server.close(() => closed());
          }),
      });
    });
  });
}
