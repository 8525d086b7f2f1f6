import { defineConfig } from 'astro/config';

// The site can be hosted under a sub-path: SITE_BASE=/reforms npm run build.
const base = process.env.SITE_BASE ?? '/';
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  base,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Telemetry would be a request to a third party from a build machine.
  devToolbar: { enabled: false },
  compressHTML: true,
});
