// `--hosts name=address,…` for the maintenance commands: name resolution from a fixed list, and
// "not found" for every other name, so that tests run against a local server without asking any
// DNS server (nothing may reach the network in a test).
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';

/** Parses "links.test=127.0.0.1,feeds.test=127.0.0.1"; throws with what is wrong. */
export function parseHosts(text: string): Map<string, string> {
  const hosts = new Map<string, string>();
  for (const pair of text.split(',').filter(Boolean)) {
    const [name, address] = pair.split('=');
    if (!name || !address || !isIP(address)) throw new Error(`"${pair}" is not name=address; expected e.g. links.test=127.0.0.1`);
    hosts.set(name.toLowerCase(), address);
  }
  return hosts;
}

/** A lookup that answers from `hosts` only (IP literals pass through); any other name fails with ENOTFOUND, as DNS would. */
export function fixedLookup(hosts: ReadonlyMap<string, string>): LookupFunction {
  return ((hostname: string, options: { all?: boolean } | number | undefined, callback: (...args: unknown[]) => void) => {
    const done = typeof options === 'function' ? (options as typeof callback) : callback;
    const all = typeof options === 'object' && options?.all;
    const address = isIP(hostname) ? hostname : hosts.get(hostname.toLowerCase());
    setImmediate(() => {
      if (!address) {
        const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
        done(error);
        return;
      }
      const family = isIP(address);
      if (all) done(null, [{ address, family }]);
      else done(null, address, family);
    });
  }) as unknown as LookupFunction;
}
