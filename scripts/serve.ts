// npm run serve — serve dist/ on http://localhost:4321/ (honours SITE_BASE), no dependencies.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const dist = resolve(import.meta.dirname, '..', 'dist');
const base = `/${(process.env.SITE_BASE ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const port = Number(process.env.PORT ?? 4321);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon',
};

if (!existsSync(dist)) {
  console.error('dist/ does not exist: run npm run build first.');
  process.exit(1);
}

createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  let path = decodeURIComponent(url.pathname);
  if (!path.startsWith(base)) return send404();
  path = normalize(path.slice(base.length - 1));
  let file = join(dist, path);
  if (!file.startsWith(dist)) return send404();
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!url.pathname.endsWith('/')) {
      response.writeHead(301, { location: `${url.pathname}/${url.search}` });
      return response.end();
    }
    file = join(file, 'index.html');
  }
  if (!existsSync(file) || !statSync(file).isFile()) return send404();
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);

  function send404() {
    const page = join(dist, '404.html');
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    if (existsSync(page)) createReadStream(page).pipe(response);
    else response.end('Not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`Serving dist/ at http://localhost:${port}${base}`));
