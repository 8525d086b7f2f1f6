// Reproducible builds: the real site built by the global setup and built once more, with the same
// environment into another folder, must be byte-identical, search index included.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { compareBuilds } from '../../scripts/reproducible.ts';
import { buildSite, siteFolder } from '../support/build-site.ts';

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
  it('are byte-identical, every page, data file and Pagefind file, the second built under a Lithuanian locale', async () => {
    const site = inject('sites').content;
    if (!site?.ok) throw new Error(`the content site did not build:\n${site?.log}`);
    const again = siteFolder('reproducible');
    onTestFinished(() => rmSync(again, { recursive: true, force: true }));
    // Lithuanian collation puts "y" between "i" and "j": any order that follows the machine's locale shows.
    const locale = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL };
    Object.assign(process.env, { LANG: 'lt_LT.UTF-8', LC_ALL: 'lt_LT.UTF-8' });
    onTestFinished(() => {
      for (const [name, value] of Object.entries(locale)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });
    const run = await buildSite({ content: site.content, base: site.base, url: site.url, outDir: again, env: site.env });
    expect(run.ok, run.log).toBe(true);
    const { files, differences } = compareBuilds(site.outDir, again);
    console.log(`reproducible: ${files} files compared byte for byte, ${differences.length} differ`);
    expect(files).toBeGreaterThan(100);
    expect(differences.map((d) => `${d.file}: ${d.why}`)).toEqual([]);
  }, 300_000);
});
