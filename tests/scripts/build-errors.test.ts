// `astro build` (npm run build) on content with problems: before Astro renders anything, the same
// file:line:col lines as `npm run validate`, no stack trace, exit code 1, and the output folder
// left as it was.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { withSharedBuildLock } from '../support/build-site.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'reforms-build-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const located = (text: string) => text.split('\n').filter((line) => /^\S+:\d+:\d+ {2}/.test(line));

describe('astro build on content with problems', () => {
  it('lists the problems as validate does, with no stack trace, exits 1 and leaves the output folder alone', async () => {
    const outDir = join(work, 'dist');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'last-good.txt'), 'the site from the last good build');
    const content = 'tests/fixtures/many-problems';
    // Astro starts in the project and writes its caches there: as a build, never beside the dev server.
    const build = await withSharedBuildLock(() =>
      spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, CONTENT_DIR: content, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
      }),
    );
    const validate = spawnSync(process.execPath, ['scripts/validate.ts', content], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    expect(build.status).toBe(1);
    expect(`${build.stdout}${build.stderr}`).not.toContain('    at ');
    expect(located(validate.stderr).length).toBeGreaterThan(10);
    expect(located(build.stderr)).toEqual(located(validate.stderr));
    expect(build.stderr).toMatch(/\d+ content problems; the site was not built\./);
    expect(readFileSync(join(outDir, 'last-good.txt'), 'utf8')).toBe('the site from the last good build');
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  }, 300_000);
});
