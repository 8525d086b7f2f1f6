// Reproducible builds: the real site built by the global setup and built once more, with the same
// environment into another folder, must be byte-identical, search index included.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { compareBuilds } from '../../scripts/reproducible.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'reforms-reproducible-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('compareBuilds (scripts/reproducible.ts)', () => {
  it('names every file that differs or is in one build only, with the first differing bytes and a reason', () => {
    const [a, b] = [join(work, 'a'), join(work, 'b')];
    for (const dir of [a, b]) mkdirSync(join(dir, 'pagefind'), { recursive: true });
    writeFileSync(join(a, 'same.html'), '<p>same</p>');
    writeFileSync(join(b, 'same.html'), '<p>same</p>');
    writeFileSync(join(a, 'stamp.html'), '<p>built 2024-05-01T10:00:00Z</p>');
    writeFileSync(join(b, 'stamp.html'), '<p>built 2024-05-01T10:00:07Z</p>');
    writeFileSync(join(a, 'pagefind/pagefind.en_abc.pf_meta'), 'x');
    writeFileSync(join(b, 'pagefind/pagefind.en_def.pf_meta'), 'x');
    const { files, differences } = compareBuilds(a, b);
    expect(files).toBe(4);
    expect(differences.map((d) => d.file)).toEqual(['pagefind/pagefind.en_abc.pf_meta', 'pagefind/pagefind.en_def.pf_meta', 'stamp.html']);
    expect(differences[0]?.why).toBe('only in the first build');
    expect(differences[2]?.why).toMatch(/^both 33 bytes; first difference at byte 27: .* — looks like a build timestamp$/);
  });
});

describe('two builds of the same content', () => {
  it('are byte-identical, every page, data file and Pagefind file', () => {
    const site = inject('sites').content;
    if (!site?.ok) throw new Error(`the content site did not build:\n${site?.log}`);
    const again = join(work, 'again');
    const run = spawnSync(process.execPath, ['scripts/build.ts'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 180_000,
      env: { ...process.env, CONTENT_DIR: site.content, SITE_BASE: site.base, SITE_URL: site.url, OUT_DIR: again, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
    const { files, differences } = compareBuilds(site.outDir, again);
    console.log(`reproducible: ${files} files compared byte for byte, ${differences.length} differ`);
    expect(files).toBeGreaterThan(100);
    expect(differences.map((d) => `${d.file}: ${d.why}`)).toEqual([]);
  }, 180_000);
});
