// The status colours as a stylesheet module, generated from the status registry
// (src/lib/schema/statuses.ts): the Layout imports `virtual:status-styles.css` and Vite bundles it
// into the site's one CSS file, so a new status gets its badge colour without a CSS edit, and no
// inline style is needed (the CSP allows none).
import type { AstroIntegration } from 'astro';
import { statusCss } from '../lib/schema/statuses.ts';

const ID = 'virtual:status-styles.css';
// Vite treats an id ending in .css as a stylesheet; the \0 keeps other plugins off the virtual file.
const RESOLVED = `\0${ID}`;

export function statusStyles(): AstroIntegration {
  return {
    name: 'status-styles',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'status-styles',
                resolveId: (id: string) => (id === ID ? RESOLVED : undefined),
                load: (id: string) => (id === RESOLVED ? statusCss() : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
