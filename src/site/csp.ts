// The Content-Security-Policy every page carries as a <meta http-equiv> tag (Layout.astro and
// Redirect.astro). No inline script or style and no eval: Pagefind's WebAssembly needs
// 'wasm-unsafe-eval', and nothing else unsafe is allowed. `frame-ancestors` (and `report-uri`,
// `sandbox`) are ignored in a meta tag: a host that can set headers should send the header form,
// HEADER_POLICY, instead (see the README's deploy section).
export const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** The policy as a `<meta http-equiv="Content-Security-Policy">` can carry it. */
export const META_POLICY = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/** The same policy as a response header, with what only a header can say. */
export const HEADER_POLICY = `${META_POLICY}; frame-ancestors 'none'`;
