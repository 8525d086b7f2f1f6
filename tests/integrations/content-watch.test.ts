// What `astro dev` leaves unwatched (src/integrations/content-watch.ts, `unwatched`): the folders
// of generated files, never the content being previewed, even when it lies inside one of them.
// `npm run dev` on a copy of the content is tests/scripts/dev-server.test.ts.
import { describe, expect, it } from 'vitest';
import { unwatched } from '../../src/integrations/content-watch.ts';

const folders = ['/project/dist', '/project/bench/tmp'];

describe('the dev server watcher', () => {
  it.each([
    ['/project/dist', true],
    ['/project/dist/commitments/x/index.html', true],
    ['/project/bench/tmp/b10k/dist/sources/a/index.html', true],
    ['/project/bench/tmp', true],
    ['/project/content/sources/alpha.md', false],
    ['/project/src/pages/index.astro', false],
    ['/project/bench/generate.ts', false],
    // A sibling whose name only begins like an unwatched folder.
    ['/project/dist-notes/readme.md', false],
    ['/project/bench/tmpfile.ts', false],
  ])('with content in content/: %s is left alone: %s', (path, ignored) => {
    expect(unwatched(folders, '/project/content')(path)).toBe(ignored);
  });

  it.each([
    ['/project/bench/tmp/b10k/content/sources/a.md', false],
    // The folders on the way to the content, which the watcher walks through to reach it.
    ['/project/bench/tmp', false],
    ['/project/bench/tmp/b10k', false],
    // Beside the content, in the same generated folder.
    ['/project/bench/tmp/b10k/dist/index.html', true],
    ['/project/bench/tmp/other/content/a.md', true],
  ])('with content in bench/tmp/b10k/content: %s is left alone: %s', (path, ignored) => {
    expect(unwatched(folders, '/project/bench/tmp/b10k/content')(path)).toBe(ignored);
  });
});
