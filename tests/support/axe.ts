// axe-core (WCAG 2.2 AA) for the browser suites: where its file is, and one run over a page that
// has it loaded, reported as one line per violation.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

export const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}

/** Runs axe on the page (already carrying axe.min.js); each violation as `where: rule — help at targets`. */
export async function axeViolations(page: Page, where: string): Promise<string[]> {
  const result = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe;
    // Only the violations, summarised in the page: axe's full result (every passing node of a long
    // page) is megabytes to serialise and send back, for nothing the check reads.
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return { violations: violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) })) };
  }, WCAG_22_AA);
  return result.violations.map(
    (v) =>
      `${where}: ${v.id} — ${v.help} at ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}
