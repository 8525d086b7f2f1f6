// npm run reproducible — builds the site twice, into two temporary folders, and compares every file
// byte for byte. Prints each file that differs (or exists in one build only) with the first
// differing bytes and a likely reason, and exits 1; exits 0 when the builds are identical.
// The same environment applies to both builds (SITE_BASE, SITE_URL, CONTENT_DIR).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Difference {
  /** Path inside the output folder, with forward slashes. */
  file: string;
  /** What differs and the likely reason, in one line. */
  why: string;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => name.split('\\').join('/'))
    .sort();
}

const show = (bytes: Buffer) => JSON.stringify(bytes.toString('latin1')).slice(1, -1);

/** Why two versions of a file differ, as far as their bytes tell. */
function explain(file: string, a: Buffer, b: Buffer): string {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const around = (bytes: Buffer) => show(bytes.subarray(Math.max(0, at - 24), at + 40));
  const sizes = a.length === b.length ? `both ${a.length} bytes` : `${a.length} vs ${b.length} bytes`;
  const region = `${a.subarray(Math.max(0, at - 24), at + 40).toString('latin1')} ${b.subarray(Math.max(0, at - 24), at + 40).toString('latin1')}`;
  let reason = 'content differs';
  if (/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\b1[6-9]\d{8,11}\b/.test(region)) reason = 'looks like a build timestamp';
  else if (/\/tmp\/|[A-Za-z]:\\|\/home\//.test(region)) reason = 'looks like an absolute path of the build machine';
  else if (a.length === b.length) reason = 'same size, different bytes: probably an order that is not fixed (a map, a set, a directory listing)';
  if (file.startsWith('pagefind/')) reason += '; Pagefind file (index names are content hashes, so one difference renames others)';
  return `${sizes}; first difference at byte ${at}: "${around(a)}" vs "${around(b)}" — ${reason}`;
}

/** Every file that is not byte-identical in the two folders, or is in only one of them. */
export function compareBuilds(first: string, second: string): { files: number; differences: Difference[] } {
  const a = listFiles(first);
  const b = listFiles(second);
  const inB = new Set(b);
  const inA = new Set(a);
  const differences: Difference[] = [
    ...a.filter((f) => !inB.has(f)).map((file) => ({ file, why: 'only in the first build' })),
    ...b.filter((f) => !inA.has(f)).map((file) => ({ file, why: 'only in the second build' })),
  ];
  for (const file of a.filter((f) => inB.has(f))) {
    const x = readFileSync(join(first, file));
    const y = readFileSync(join(second, file));
    if (!x.equals(y)) differences.push({ file, why: explain(file, x, y) });
  }
  differences.sort((p, q) => (p.file < q.file ? -1 : p.file > q.file ? 1 : 0));
  return { files: new Set([...a, ...b]).size, differences };
}

function build(outDir: string): void {
  const root = resolve(import.meta.dirname, '..');
  const run = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, OUT_DIR: outDir } });
  if (run.status !== 0) {
    process.stderr.write(`${run.stdout}${run.stderr}`);
    throw new Error(`the build into ${outDir} failed`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const work = mkdtempSync(join(tmpdir(), 'reforms-reproducible-'));
  try {
    const [first, second] = [join(work, 'first'), join(work, 'second')];
    console.log('building twice…');
    build(first);
    build(second);
    const { files, differences } = compareBuilds(first, second);
    if (differences.length === 0) {
      console.log(`reproducible: the two builds are byte-identical (${files} files, search index included).`);
    } else {
      for (const d of differences) console.error(`${d.file}: ${d.why}`);
      console.error(`\nnot reproducible: ${differences.length} of ${files} files differ between two builds.`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
