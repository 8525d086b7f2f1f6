// Summarises a V8 .cpuprofile (node --cpu-prof): where the main thread spent its time, as self
// time by package or project folder, and inclusive time of the heaviest functions.
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  byArea: { area: string; selfMs: number }[];
  functions: { name: string; inclusiveMs: number; selfMs: number }[];
  /** Functions by self time: where the CPU actually went. */
  hottest: { name: string; selfMs: number }[];
}

export function area(url: string, functionName = ''): string {
  if (/^\((garbage collector|idle|program)\)$/.test(functionName)) return functionName;
  if (url.includes('/.prerender/') || url.includes('/.astro/')) return 'site code (Astro bundle of src/pages, src/components, src/site)';
  if (!url) return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node: internals';
  const local = /\/work\/main\/(src\/[^/]+|scripts|\.astro|[^/]+)/.exec(url) ?? /\/((?:src|scripts)\/[^/]+)/.exec(url);
  return local
    ? local[1]!
    : url
        .replace(/^file:\/\//, '')
        .split('/')
        .slice(-2)
        .join('/');
}

export function summarise(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const selfFn = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    const leaf = byId.get(id)!;
    const name = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} — ${area(n.callFrame.url, n.callFrame.functionName)}`;
    const where = area(leaf.callFrame.url, leaf.callFrame.functionName);
    self.set(where, (self.get(where) ?? 0) + ms);
    selfFn.set(name(leaf), (selfFn.get(name(leaf)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: Node | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const key = name(n);
      if (seen.has(key) || n.callFrame.functionName === '(root)') continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  });
  // Named functions of the project and its libraries; not Node's or V8's own frames, not wrappers.
  const interesting = [...inclusive.entries()].filter(
    ([key]) => !/^\(|^(fn|run|evaluate|default|next|step|processTicksAndRejections|runMicrotasks) —|— (node: internals|\(native\))$/.test(key),
  );
  return {
    totalMs: total,
    hottest: [...selfFn.entries()]
      .filter(([key]) => !/^\((garbage collector|idle|program)\)/.test(key))
      .map(([name, ms]) => ({ name, selfMs: ms }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top),
    byArea: [...self.entries()]
      .map(([a, ms]) => ({ area: a, selfMs: ms }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top),
    functions: interesting
      .map(([name, ms]) => ({ name, inclusiveMs: ms, selfMs: selfFn.get(name) ?? 0 }))
      .filter((f) => f.inclusiveMs < total * 0.97)
      .sort((a, b) => b.inclusiveMs - a.inclusiveMs)
      .slice(0, top * 2),
  };
}
