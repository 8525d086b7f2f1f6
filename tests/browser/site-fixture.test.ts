// The browser checks of the fixture test site (tests/support/site-in-browser.ts).
import { describeSiteInBrowser } from '../support/site-in-browser.ts';

describeSiteInBrowser('fixture');
