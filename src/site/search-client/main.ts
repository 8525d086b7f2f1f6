// The search page's script, bundled by the build into a hashed file under _astro/
// (src/integrations/search-client.ts) and loaded by /search/ alone.
import { start } from './page.ts';

const app = document.getElementById('search-app');
if (app) start(app);
