/**
 * Makes absolute URLs from paths that already carry the base (as `urls` returns them), so that
 * canonical links, permalinks, citations and the sitemap agree with every internal link.
 */
export function makeAbsolute(site: string) {
  const origin = new URL(site).origin;
  return (path: string): string => new URL(path, `${origin}/`).href;
}
