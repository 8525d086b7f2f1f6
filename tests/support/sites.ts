// The sites the built-site and browser suites check: the fixture under a sub-path (proves `base`
// support and covers redirects), deployed with readers' corrections going to an e-mail address,
// and the real content at the root, deployed without (README, "Deploying"): between them, both
// ways a commitment page offers corrections are built once and checked by every suite. A third,
// the fixture with its search index in parts, is checked by the one suite about that.
export interface SiteSpec {
  name: string;
  /** Content tree, relative to the repository root. */
  content: string;
  base: string;
  url: string;
  /** More environment for the build (tests/support/build-site.ts). */
  env?: Record<string, string>;
}

export interface BuiltSite extends SiteSpec {
  outDir: string;
  ok: boolean;
  log: string;
}

export const SITES: SiteSpec[] = [
  {
    name: 'fixture',
    content: 'tests/fixtures/good',
    base: '/sub-path/',
    url: 'https://reforms.example',
    env: { SITE_CORRECTIONS: 'mailto:corrections@reforms.example' },
  },
  { name: 'content', content: 'content', base: '/', url: 'https://reforms.example' },
  // The fixture again, its search index in parts as a site of thousands of pages has it (three
  // pages a part: src/site/search-parts.ts), for tests/browser/search-parts.test.ts to hold its
  // searches to the one-index fixture's.
  { name: 'fixture-parts', content: 'tests/fixtures/good', base: '/parts/', url: 'https://reforms.example', env: { SEARCH_PAGES_PER_PART: '3' } },
];

declare module 'vitest' {
  export interface ProvidedContext {
    sites: Record<string, BuiltSite>;
  }
}
