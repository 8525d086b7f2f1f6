// node scripts/build.ts — the same as `astro build` (npm run build), for tools that start a build
// as a Node script (the test suites' site builder, the benchmark). Everything else the build does
// (validation first, Pagefind and the search files after) is src/integrations/reforms.ts.
// Environment: SITE_BASE (host under a sub-path), SITE_URL (absolute origin for canonical links),
// CONTENT_DIR (another content tree, e.g. a test fixture) and OUT_DIR (instead of dist/).
import { resolve } from 'node:path';
import { build } from 'astro';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
await build({ root: resolve(import.meta.dirname, '..'), logLevel: 'warn' });
