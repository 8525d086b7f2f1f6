import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import ShuffleWithinProjects from './tests/support/sequencer.ts';

// Three projects (README, "Tests"):
// - unit: everything that needs no built site — the edit loop, `npm run test:unit`;
// - site: suites that build a site or read one built by the global setup (tests/support/
//   build-sites.ts builds the test sites once per run), and the heavy gates (tsc, biome);
// - browser: tests/browser, in Chromium, over the same built sites; and the dev server's test
//   (BESIDE_BROWSER below).
// A suite is in `site` because of what it does, not where it stands: a new file that reads
// inject('sites') or calls buildSite() is a site suite without anyone having to list it here.
const root = import.meta.dirname;
const ignored = ['**/node_modules/**', '**/dist/**', 'tests/fixtures/**'];
/** Heavy without a built site: the type-check and lint gates. */
const HEAVY = ['tests/scripts/gates.test.ts'];
/**
 * Astro's dev server holds the build lock alone (tests/support/build-site.ts): among the site
 * files, a worker whose file built a site waited for it, and it for a build (about 12 s of a
 * worker idle a run, December 2026). The browser files never build (they use the global setup's
 * sites), so its test runs among them.
 */
const BESIDE_BROWSER = ['tests/scripts/dev-server.test.ts'];

const testFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
const needsSite = (file: string) => /\binject\(\s*'sites'\s*\)|\bbuildSite\(/.test(readFileSync(join(root, file), 'utf8'));
const SITE = [...HEAVY, ...testFiles('tests').filter((file) => !file.startsWith('tests/browser/') && !BESIDE_BROWSER.includes(file) && needsSite(file))];

// Node's compile cache for every Node process of a run (vitest's workers, the scripts and builds
// the suites start, ~40 of them): each loads the same modules, and with their compiled code cached
// `node scripts/validate.ts` took 1.34–1.43 s instead of 1.51–1.67 s (December 2026).
process.env.NODE_COMPILE_CACHE ??= join(root, 'node_modules', '.cache', 'node-compile');

const siteSetup = ['tests/support/need-chromium.ts', 'tests/support/chromium-server.ts', 'tests/support/build-sites.ts'];

export default defineConfig({
  test: {
    // Vitest's default on 2 cores is one worker, which runs every file one after another. The
    // browser files spend much of their time waiting on Chromium, which runs in processes of its
    // own: a second worker runs other files meanwhile.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A shuffled run shuffles each project's files, the projects one after another (tests/support/sequencer.ts).
    sequence: { sequencer: ShuffleWithinProjects },
    projects: [
      {
        // All three projects are one group (groupOrder 0), sharing the two workers; vitest takes
        // them one after another (browser, site, unit). Unit files ran first on their own until
        // December 2026, which left a core idle while the link check waited out its timeouts. The
        // property suites' bound on one load (30 s) is about hangs, not speed, so a browser file
        // beside them does no harm. 30 s per test, not 5: each property test runs hundreds of
        // loads on a machine that may be busy.
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...ignored, 'tests/browser/**', ...SITE, ...BESIDE_BROWSER],
          testTimeout: 30_000,
          // One module graph per worker, not one per file: loading src/ again for each of ~30 files
          // was a third of the unit run's CPU (66 s → 45 s on 2 cores). Safe because no unit file
          // mocks a module or changes a global; every file passes alone and shuffled.
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'site',
          include: SITE,
          // As the unit files: one module graph per worker (vitest's workers' CPU 102 → 89 s a run).
          // No site or browser file mocks a module or keeps a global; tests/support/browser.ts
          // counts its blocks across files and closes its connection when each file's last is done.
          isolate: false,
          exclude: ignored,
          globalSetup: siteSetup,
          testTimeout: 60_000,
          hookTimeout: 300_000,
          expect: { poll: { timeout: 10_000 } },
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts', ...BESIDE_BROWSER],
          isolate: false,
          exclude: ignored,
          globalSetup: siteSetup,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A poll waits on the page, which on 2 busy cores can take more than vitest's default
          // second: "Show more" loading 20 results' data once took longer and failed CI.
          expect: { poll: { timeout: 10_000 } },
          sequence: { groupOrder: 0 },
        },
      },
    ],
  },
});
