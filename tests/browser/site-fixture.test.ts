// The browser checks of the fixture test site (tests/support/site-in-browser.ts): every template in
// both themes, and every behaviour check.
import { describeSiteInBrowser } from '../support/site-in-browser.ts';

describeSiteInBrowser('fixture', { behaviour: true, dark: 'all' });
