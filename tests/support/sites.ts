// The sites the built-site and browser suites check: the fixture under a sub-path (proves `base`
// support and covers redirects) and the real content at the root.
export interface SiteSpec {
  name: string;
  /** Content tree, relative to the repository root. */
  content: string;
  base: string;
  url: string;
}

export interface BuiltSite extends SiteSpec {
  outDir: string;
  ok: boolean;
  log: string;
}

export const SITES: SiteSpec[] = [
  { name: 'fixture', content: 'tests/fixtures/good', base: '/sub-path/', url: 'https://reforms.example' },
  { name: 'content', content: 'content', base: '/', url: 'https://reforms.example' },
];

declare module 'vitest' {
  export interface ProvidedContext {
    sites: Record<string, BuiltSite>;
  }
}
