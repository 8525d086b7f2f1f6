// Global setup of the `site` and `browser` projects: the browser checks need Chromium. Missing
// under CI, the run stops here with one line; elsewhere one line says the browser checks are
// skipped and how to get them (the suites themselves skip on the same `hasChromium`).
import { CHROMIUM, hasChromium } from './chromium.ts';
import { inCI, missingLine } from './needs.ts';

const KEY = Symbol.for('childrens-social-care-reforms.chromium-warned');
const store = globalThis as { [KEY]?: boolean };

export default function setup() {
  if (hasChromium) return;
  const line = missingLine({
    what: `Chromium (${CHROMIUM})`,
    forWhat: 'the browser checks',
    fix: 'install it (apt-get install chromium) or set CHROMIUM to its path',
  });
  if (inCI()) {
    const error = new Error(line);
    error.stack = line;
    throw error;
  }
  if (store[KEY]) return;
  store[KEY] = true;
  console.warn(line);
}
