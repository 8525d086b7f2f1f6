// Vitest global setup of the `site` and `browser` projects: one Chromium for the whole run, which
// every browser suite connects to (tests/support/browser.ts). Launching one per test file cost
// about 2 s of CPU each, nine times a run. Both projects' setups run in the one vitest process, so
// the server is shared through globalThis, as the site builds are (./build-sites.ts), and closed
// when the last project is done with it. Each suite still gets contexts of its own: nothing a page
// does is shared between tests but the browser process.
import type { BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { hasChromium, launchServer } from './chromium.ts';

interface Shared {
  server: Promise<BrowserServer>;
  users: number;
}

const KEY = Symbol.for('childrens-social-care-reforms.chromium-server');
const store = globalThis as { [KEY]?: Shared };

export default async function setup(project: TestProject) {
  if (!hasChromium) return;
  store[KEY] ??= { server: launchServer(), users: 0 };
  const shared = store[KEY];
  shared.users++;
  const server = await shared.server;
  project.provide('chromiumEndpoint', server.wsEndpoint());
  project.provide('chromiumPid', server.process().pid);
  return async () => {
    shared.users--;
    if (shared.users > 0) return;
    delete store[KEY];
    await (await shared.server).close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's Chromium, for `chromium.connect`; absent where there is no Chromium. */
    chromiumEndpoint?: string;
    /** Its browser process, whose command line tests/browser/chromium-switches.test.ts reads. */
    chromiumPid?: number;
  }
}
