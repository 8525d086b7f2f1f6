// @ts-check
// JavaScript, not TypeScript: Astro imports a .mjs config with Node itself, so the integration and
// the content store it fills are the same modules the built pages import (src/lib/content-store.ts).
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import copyClient from './src/integrations/copy-client.ts';
import reforms from './src/integrations/reforms.ts';
import { statusStyles } from './src/integrations/status-styles.ts';

// The site can be hosted under a sub-path: SITE_BASE=/reforms npm run build.
const base = process.env.SITE_BASE ?? '/';
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  base,
  // OUT_DIR builds somewhere other than dist/ (tests and the benchmark each use their own folder).
  outDir: resolve(process.env.OUT_DIR ?? 'dist'),
  output: 'static',
  trailingSlash: 'always',
  // Eight pages at a time: one at a time, the build waited on each page's folder and file being
  // written, and at 10,000 commitments its thread was idle for about a third of the pages stage
  // (CPU profile, December 2026). Rendering is still one thread; only the waits overlap.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  // Validation before the build, Pagefind and the search files after it, the content watcher in dev.
  integrations: [reforms(), statusStyles(), copyClient()],
  // Telemetry would be a request to a third party from a build machine.
  devToolbar: { enabled: false },
  compressHTML: true,
});
