// The browser checks of the content test site (tests/support/site-in-browser.ts): what the real
// content's size and variety can break (first screen, axe, 320 px, requests). Behaviour is checked
// on the fixture; the dark theme on the tracker, the one page that shows every status.
import { describeSiteInBrowser } from '../support/site-in-browser.ts';

describeSiteInBrowser('content', { behaviour: false, dark: ['tracker'] });
