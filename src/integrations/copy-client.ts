// The copy buttons' script (src/site/copy-client/, TypeScript) bundled for the browser with
// esbuild into one small file at the site's root, /copy.js, which the pages with copy buttons load
// as an external module (the Content-Security-Policy allows no inline script). The build writes it
// beside the pages; `astro dev` bundles it on request. The build also says, once, when SITE_URL is
// unset: canonical links, citations on the page and the sitemap then name http://localhost:4321.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = fileURLToPath(new URL('../site/copy-client/main.ts', import.meta.url));
/** The file's name inside the site; pages load it from urls.page(COPY_SCRIPT). */
export const COPY_SCRIPT = 'copy.js';

/** The script, minified: the same bytes for the same sources (reproducible builds). */
export async function bundleCopyClient(): Promise<string> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild wrote no copy script');
  return file.text;
}

/** What the build prints when SITE_URL is unset. */
export const SITE_URL_WARNING =
  'SITE_URL is not set: canonical links, the sitemap, the open data and the citations written into the pages name http://localhost:4321. ' +
  'Copy buttons use the address the reader is on. Set SITE_URL for a real deployment, e.g. SITE_URL=https://reforms.example.org npm run build';

export default function copyClient(): AstroIntegration {
  let base = '/';
  return {
    name: 'childrens-social-care-reforms:copy-client',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:start': ({ logger }) => {
        if (!process.env.SITE_URL) logger.warn(SITE_URL_WARNING);
      },
      'astro:build:done': async ({ dir }) => {
        await writeFile(new URL(COPY_SCRIPT, dir), await bundleCopyClient());
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          if (request.url?.split('?')[0] !== `${base}${COPY_SCRIPT}`) return next();
          bundleCopyClient().then(
            (script) => {
              response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
              response.end(script);
            },
            (error: unknown) => next(error),
          );
        });
      },
    },
  };
}
