// Vitest global setup: builds each test site once per run with `node scripts/build.ts`, into a
// temporary folder, and tells the suites where it is. A failed build is reported to the suites
// (which fail with the build's output) rather than stopping unrelated unit tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { SITES, type BuiltSite } from './sites.ts';

const root = resolve(import.meta.dirname, '../..');

export default function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'reforms-site-'));
  const built: Record<string, BuiltSite> = {};
  for (const site of SITES) {
    const outDir = join(work, site.name);
    const run = spawnSync(process.execPath, ['scripts/build.ts'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 180_000,
      env: { ...process.env, CONTENT_DIR: site.content, SITE_BASE: site.base, SITE_URL: site.url, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    built[site.name] = { ...site, outDir, ok: run.status === 0, log: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}` };
  }
  project.provide('sites', built);
  return () => rmSync(work, { recursive: true, force: true });
}
