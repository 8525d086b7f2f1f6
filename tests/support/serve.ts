// A built site served as a static host serves it, for the browser suites: sirv (a maintained
// static-file server) on node:http, on 127.0.0.1 and a port of its own. Paths under the site's
// base are served from the output folder, `/x/` and `/x` from `x/index.html`; anything else is
// answered with 404.html and status 404, as most static hosts do (README, "Deploying"). Content
// types are sirv's (from the mrmime table: text/html, text/css, text/javascript, application/json,
// text/csv, text/xml, application/wasm …, as nginx's table has them); Pagefind's own files (.pagefind, .pf_meta, .pf_index,
// .pf_fragment, .pf_filter), which no table knows, go as application/octet-stream, as a host
// sends a file of a type it does not know. No compression: a body's length is the bytes sent.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

export interface Served {
  /** `http://127.0.0.1:<port>`: the site is at `origin + base`. */
  origin: string;
  close: () => Promise<void>;
}

/** `extra`: files served outside the site, by absolute path (the browser suites' copy of axe-core). */
export async function serve(outDir: string, base: string, extra: Record<string, string> = {}): Promise<Served> {
  const notFound = readFileSync(join(outDir, '404.html'));
  const files = sirv(outDir, {
    dev: false,
    etag: false,
    setHeaders: (response, pathname) => {
      if (/\.(pagefind|pf_[a-z]+)$/.test(pathname)) response.setHeader('content-type', 'application/octet-stream');
    },
  });
  const server = createServer((request, response) => {
    const missing = () => {
      response.writeHead(404, { 'content-type': 'text/html;charset=utf-8', 'content-length': notFound.length });
      response.end(notFound);
    };
    const url = request.url ?? '/';
    const file = extra[url];
    if (file) {
      const body = readFileSync(file);
      // Cacheable, so Chromium compiles axe-core once per context rather than on every page it checks.
      response.writeHead(200, { 'content-type': 'text/javascript', 'content-length': body.length, 'cache-control': 'max-age=3600' });
      return response.end(body);
    }
    if (!url.startsWith(base)) return missing();
    // sirv serves from the folder's root: the base is taken off, as a host mounting the site there would.
    request.url = `/${url.slice(base.length)}`;
    files(request, response, missing);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        // A browser may still hold a keep-alive connection open: close them, or close() waits for it.
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
