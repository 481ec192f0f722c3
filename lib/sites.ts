/**
 * Where the extension runs by itself: UK news and health-policy sites. One list, used by the
 * content script's `matches` and by the manifest's `host_permissions`, so the two never drift.
 * Anything else needs the user to grant it at run time (`optional_host_permissions`).
 */

/**
 * Registrable domains. A `*.` match pattern also matches the bare domain, so one pattern per
 * domain covers `bbc.co.uk`, `www.bbc.co.uk` and `news.bbc.co.uk`.
 */
export const NEWS_DOMAINS = [
  'bbc.co.uk',
  'theguardian.com',
  'independent.co.uk',
  'thetimes.co.uk',
  'thetimes.com',
  'telegraph.co.uk',
  'news.sky.com',
  'itv.com',
  'inews.co.uk',
  'standard.co.uk',
  'mirror.co.uk',
  'dailymail.co.uk',
  'thesun.co.uk',
  'politicshome.com',
  'politics.co.uk',
  'bmj.com',
  'gponline.com',
  'nursingtimes.net',
  'rcni.com',
  'pulsetoday.co.uk',
  'hsj.co.uk',
  'lbc.co.uk',
  'bma.org.uk',
  'gov.uk',
  'england.nhs.uk',
] as const;

/** HTTPS match patterns for the listed sites (host permissions and content-script matches). */
export const NEWS_SITE_MATCHES: string[] = NEWS_DOMAINS.map((domain) => `https://*.${domain}/*`);

/**
 * Loopback pages for end-to-end tests. Only a test build (`NHS_CONTEXT_TEST_HOSTS=1`) adds them;
 * a match pattern without a port matches every port.
 */
export const TEST_SITE_MATCHES: string[] = ['http://127.0.0.1/*', 'http://localhost/*'];

/** The environment variable that makes a test build. */
export const TEST_HOSTS_ENV = 'NHS_CONTEXT_TEST_HOSTS';

/** The manifest command (keyboard shortcut) that starts mention navigation. */
export const NAVIGATE_COMMAND = 'navigate-mentions';
