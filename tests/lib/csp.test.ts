// The Content-Security-Policy a host should send as a header (src/site/csp.ts) is the one the
// README's deploy section tells people to copy: the two cannot drift apart.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER_POLICY, META_POLICY } from '../../src/site/csp.ts';

describe('the header form of the Content-Security-Policy', () => {
  it("is written in the README's deploy section exactly as the code has it", () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const lines = readme.split('\n').filter((line) => line.startsWith('Content-Security-Policy: '));
    expect(lines).toEqual([`Content-Security-Policy: ${HEADER_POLICY}`]);
  });

  it('adds to the meta policy only what a meta tag cannot carry', () => {
    expect(HEADER_POLICY.startsWith(`${META_POLICY}; `)).toBe(true);
    expect(HEADER_POLICY.slice(META_POLICY.length + 2)).toBe("frame-ancestors 'none'");
  });
});
