// Vitest global setup of the `site` and `browser` projects: builds each test site (tests/support/
// sites.ts) once per run, side by side, and tells the suites where they are. Both projects'
// setups run in the one vitest process, so the builds are shared through globalThis: whichever
// project starts first builds, the other reuses, and the folder goes when the last project is
// done with it. A failed build is reported to the suites that need it (they fail with the
// build's output) rather than stopping the run.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSites, siteFolder } from './build-site.ts';
import { SITES, type BuiltSite } from './sites.ts';

interface Shared {
  built: Promise<Record<string, BuiltSite>>;
  users: number;
  work: string;
}

const KEY = Symbol.for('childrens-social-care-reforms.test-sites');
const store = globalThis as { [KEY]?: Shared };

async function buildAll(work: string): Promise<Record<string, BuiltSite>> {
  const outDirs = SITES.map((site) => join(work, site.name));
  const results = await buildSites(
    SITES.map((site, i) => ({ content: site.content, base: site.base, url: site.url, outDir: outDirs[i] ?? '', env: site.env })),
  );
  return Object.fromEntries(
    SITES.map((site, i) => {
      const result = results[i] ?? { ok: false, log: 'not built', ms: 0 };
      console.log(`test site "${site.name}" (${site.content}, base ${site.base}) built in ${(result.ms / 1000).toFixed(1)} s${result.ok ? '' : ' — FAILED'}`);
      return [site.name, { ...site, outDir: outDirs[i] ?? '', ok: result.ok, log: result.log }];
    }),
  );
}

export default async function setup(project: TestProject) {
  if (!store[KEY]) {
    const work = siteFolder('shared');
    store[KEY] = { built: buildAll(work), users: 0, work };
  }
  const shared = store[KEY];
  shared.users++;
  project.provide('sites', await shared.built);
  return () => {
    shared.users--;
    if (shared.users > 0) return;
    rmSync(shared.work, { recursive: true, force: true });
    delete store[KEY];
  };
}
