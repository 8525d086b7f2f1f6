// Quality gates that `npm test` enforces as child processes: TypeScript (`npm run typecheck`,
// strict, no errors), the linter and the formatter (`npm run lint`: biome with biome.json, no
// error, nothing left to format — `npm run format` writes the fixes). tsc is incremental
// (tsconfig.json: its state in node_modules/.cache/tsc/, which git ignores): with nothing changed
// since the last run it took 2.3 s of CPU instead of 7.4 s, and it reports again, from that state,
// the errors of files it did not need to check again.
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
/** A tool's own script from node_modules/.bin, run by this Node (not whatever `node` is on PATH). */
const bin = (tool: string) => realpathSync(join(root, 'node_modules/.bin', tool));

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

describe('quality gates', () => {
  it('tsc --noEmit reports no type error', () => {
    const { status, output } = run(process.execPath, [bin('tsc'), '--noEmit', '-p', 'tsconfig.json']);
    expect(output.trim(), output).toBe('');
    expect(status).toBe(0);
  }, 120_000);

  it('biome lint reports no error', () => {
    const { status, output } = run(process.execPath, [bin('biome'), 'lint', '.', '--diagnostic-level=error', '--max-diagnostics=50']);
    expect(status, output).toBe(0);
  }, 120_000);

  it('biome format finds nothing to change', () => {
    const { status, output } = run(process.execPath, [bin('biome'), 'format', '.', '--max-diagnostics=20']);
    expect(status, `${output}\nRun npm run format to apply the formatter.`).toBe(0);
  }, 120_000);
});
