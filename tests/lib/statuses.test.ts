// The status registry (src/lib/schema/statuses.ts) is the one place a status is defined: its CSS
// is generated from it, and every colour must stand out from the page in both themes (WCAG 1.4.11,
// 3:1 for a graphical object), so a new status can neither go grey nor go unseen.
import { describe, expect, it } from 'vitest';
import { STATUS_REGISTRY, STATUS_VALUES, STATUSES, statusCss, statusesInWords } from '../../src/lib/schema/statuses.ts';

/** Relative luminance of a #rrggbb colour (WCAG 2.2). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
};
// The page backgrounds of src/styles/site.css (--bg, light and dark).
const PAGE = { light: '#ffffff', dark: '#111213' };

describe('the status registry', () => {
  it('gives every status a label, and the labels are distinct', () => {
    expect(STATUS_VALUES.map((v) => STATUSES[v])).toEqual(STATUS_VALUES.map((v) => STATUS_REGISTRY[v].label));
    expect(new Set(Object.values(STATUSES)).size).toBe(STATUS_VALUES.length);
  });

  it.each(STATUS_VALUES)('generates the badge and bar rules and both theme colours of "%s"', (value) => {
    const css = statusCss();
    expect(css).toContain(`.badge-${value},\n.bar-${value} {\n  --st: var(--st-${value});\n}`);
    expect(css).toContain(`--st-${value}: ${STATUS_REGISTRY[value].colour.light};`);
    expect(css).toContain(`--st-${value}: ${STATUS_REGISTRY[value].colour.dark};`);
  });

  it.each(STATUS_VALUES)('colours "%s" at 3:1 or more against the page in the light and dark themes', (value) => {
    const { light, dark } = STATUS_REGISTRY[value].colour;
    expect(contrast(light, PAGE.light)).toBeGreaterThanOrEqual(3);
    expect(contrast(dark, PAGE.dark)).toBeGreaterThanOrEqual(3);
  });

  it('lets delivered, superseded and dropped commitments close, and no other status', () => {
    expect(STATUS_VALUES.filter((v) => STATUS_REGISTRY[v].closes)).toEqual(['delivered', 'dropped', 'superseded']);
  });

  it('asks a second citation of delivered and dropped alone (npm run review)', () => {
    expect(STATUS_VALUES.filter((v) => STATUS_REGISTRY[v].corroborate)).toEqual(['delivered', 'dropped']);
  });
});

describe('statuses in words, for the home and tracker pages', () => {
  it('names every status in the registry once, in its order, the last after "or"', () => {
    const words = statusesInWords();
    expect(words).toBe('delivered, partly delivered, in progress, dropped, superseded or not known');
    for (const value of STATUS_VALUES) expect(words).toContain(STATUS_REGISTRY[value].label.toLowerCase());
  });
});
