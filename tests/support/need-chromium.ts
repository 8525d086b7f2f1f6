// Global setup of the `site` and `browser` projects: the browser checks need Chromium. Missing
// under CI, the run stops here with one line and exit code 1; elsewhere one line says the
// browser checks are skipped and how to get them (the suites skip on the same `hasChromium`).
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
    // Global setups run before any test, so nothing is lost by stopping here; a thrown error
    // would be reported by vitest as "No test files found" above the line that matters.
    console.error(line);
    process.exit(1);
  }
  if (store[KEY]) return;
  store[KEY] = true;
  // Said when the run ends, under the summary, where a reader of the result will see it.
  return () => console.warn(line);
}
