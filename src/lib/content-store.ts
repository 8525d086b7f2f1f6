// Each content tree is loaded once per process: the build's integration validates it before
// Astro starts, and the pages then read the same graph instead of parsing everything again.
// Both import this module natively (by its file URL, not through Vite's bundle), so they share
// it. A tree whose files have changed since (an author's edit under `astro dev`) is loaded again.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent, loadContentParallel, type LoadResult } from './load.ts';

/** Names, sizes and modification times of the files a load reads: equal stamps, equal content. */
function stamp(root: string): string {
  const files = ['pillars.yml', 'glossary.yml'].map((name) => join(root, name));
  try {
    for (const name of readdirSync(join(root, 'sources')).sort()) files.push(join(root, 'sources', name));
  } catch {
    // No sources folder: the load reports it.
  }
  return files
    .map((file) => {
      try {
        const stat = statSync(file);
        return `${file}:${stat.size}:${stat.mtimeMs}`;
      } catch {
        return `${file}:-`;
      }
    })
    .join('\n');
}

const loaded = new Map<string, { stamp: string; result: LoadResult }>();

function remembered(root: string, now: string): LoadResult | undefined {
  const earlier = loaded.get(root);
  return earlier?.stamp === now ? earlier.result : undefined;
}

function remember(root: string, now: string, result: LoadResult): LoadResult {
  loaded.set(root, { stamp: now, result });
  return result;
}

/** `loadContent(root)`, reused while no file of the tree has changed. */
export function loadContentOnce(root: string): LoadResult {
  const now = stamp(root);
  return remembered(root, now) ?? remember(root, now, loadContent(root));
}

/** `loadContentOnce`, with a large tree parsed on several threads (the build's first load). */
export async function loadContentOnceParallel(root: string): Promise<LoadResult> {
  const now = stamp(root);
  return remembered(root, now) ?? remember(root, now, await loadContentParallel(root));
}
