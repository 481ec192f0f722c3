/**
 * Firefox ESR, headless, driven over WebDriver BiDi (tests/e2e/firefox-harness.ts), with the
 * PRODUCTION Firefox build — the one the add-on zip ships — on the seed article served as
 * https://www.bbc.co.uk (resolved to a loopback server). What a reader sees: highlights, a card on
 * hover and from the keyboard with the role on the article's date, the popup's summary and
 * exports, and the options page.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productionBuild } from '../helpers/production-build.ts';
import { findNode, launchFirefox, nodeText, type BidiNode, type FirefoxSession } from './firefox-harness.ts';
import { ROOT, serveHttps, useResource, type TestServer } from './harness.ts';

const HOST = 'www.bbc.co.uk';
const PATH = '/news/health-66600000';
const BUILD_DIR = join(ROOT, '.output', 'firefox-mv2');
const SHOTS = join(ROOT, '.output', 'e2e-screenshots');
const seed = readFileSync(join(ROOT, 'tests/fixtures/seed-article.html'), 'utf8');
const SHADOW_PATH = '/news/health-66600001';
/** Issue 15: the article inside an open shadow root (a web component), as in built-pages.e2e.test.ts. */
const shadowArticle = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Doctors strike</title>
<meta property="article:published_time" content="2025-07-20T09:00:00Z"></head><body><news-article></news-article>
<script>customElements.define('news-article', class extends HTMLElement {
  connectedCallback() {
    this.attachShadow({ mode: 'open' }).innerHTML = '<article><h1>Resident doctors begin five-day strike</h1>' +
      '<p>Resident doctors in England walked out for five days, the British Medical Association said.</p>' +
      '<p>Wes Streeting said the strike was unnecessary and urged the union to return to talks.</p></article>';
  }
});</script></body></html>`;

/** A production Firefox build (never the loopback test hosts or the test hook). */
function buildProductionFirefox(): void {
  productionBuild('firefox');
  const manifest = readFileSync(join(BUILD_DIR, 'manifest.json'), 'utf8');
  if (manifest.includes('127.0.0.1'))
    throw new Error('the Firefox build matches loopback pages: not a production build');
}

interface Setup {
  server: TestServer;
  firefox: FirefoxSession;
  downloads: string;
  articleUrl: string;
  /** The article's tab. */
  page: string;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Poll `read` until `ok` holds (10 s); returns the last value either way, for the assertion. A read
 * that throws (a page between two documents) is retried; the last attempt's error is thrown.
 */
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await read();
      if (ok(value) || Date.now() >= end) return value;
    } catch (error) {
      if (Date.now() >= end) throw error;
    }
    await sleep(200);
  }
}

/** The text of each range of a highlight, read from the page's own registry. */
const HIGHLIGHTS = `(() => {
  const out = {};
  for (const name of ['nhs-context-entity', 'nhs-context-event', 'nhs-context-claim', 'nhs-context-current']) {
    const h = CSS.highlights.get(name);
    out[name] = h ? [...h].map((r) => r.toString()) : [];
  }
  return out;
})()`;

/** The card's dialog inside the closed shadow root, serialised by BiDi (`includeShadowTree: 'all'`). */
async function readCard(firefox: FirefoxSession, context: string): Promise<{ label: string | null; text: string }> {
  const host = (await firefox.evaluateNode(context, "document.querySelector('nhs-context-card')")) as BidiNode;
  const dialog = findNode(host, (n) => n.value?.attributes?.role === 'dialog');
  return { label: dialog?.value?.attributes?.['aria-label'] ?? null, text: nodeText(dialog) };
}

/** Move the mouse to a viewport point. */
function pointerTo(firefox: FirefoxSession, context: string, x: number, y: number) {
  return firefox.send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0 }],
      },
    ],
  });
}

/** Press keys (each down then up; `modifiers` held around them). */
function press(firefox: FirefoxSession, context: string, keys: string[], modifiers: string[] = []) {
  const down = modifiers.map((value) => ({ type: 'keyDown', value }));
  const up = [...modifiers].reverse().map((value) => ({ type: 'keyUp', value }));
  const strokes = keys.flatMap((value) => [
    { type: 'keyDown', value },
    { type: 'keyUp', value },
  ]);
  return firefox.send('input.performActions', {
    context,
    actions: [{ type: 'key', id: 'keyboard', actions: [...down, ...strokes, ...up] }],
  });
}

/** Click an element (found by a page expression) where a reader would: its centre, with the mouse. */
async function click(firefox: FirefoxSession, context: string, elementExpression: string) {
  const point = await firefox.evaluate<{ x: number; y: number } | null>(
    context,
    `(() => { const el = ${elementExpression}; if (!el) return null; el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`,
  );
  if (!point) throw new Error(`nothing to click: ${elementExpression}`);
  await firefox.send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x: Math.round(point.x), y: Math.round(point.y), duration: 0 },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
}

/** A button by its visible text. */
const button = (text: string) =>
  `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(text)})`;
/** A popup tab by its name (its badge, a count, follows the name). */
const tab = (name: string) =>
  `[...document.querySelectorAll('[role=tab]')].find((b) => b.textContent.startsWith(${JSON.stringify(name)}))`;

describe('Firefox ESR: the production build on a news site', () => {
  const setup = useResource<Setup>(
    async () => {
      buildProductionFirefox();
      const server = await serveHttps({ [PATH]: { body: seed }, [SHADOW_PATH]: { body: shadowArticle } }, HOST);
      const downloads = mkdtempSync(join(tmpdir(), 'nhs-context-downloads-'));
      let firefox: FirefoxSession | undefined;
      try {
        firefox = await launchFirefox({
          extensionDir: BUILD_DIR,
          localDomains: [HOST],
        });
        await firefox.send('browser.setDownloadBehavior', {
          downloadBehavior: { type: 'allowed', destinationFolder: downloads },
        });
        const articleUrl = `https://${HOST}:${server.port}${PATH}`;
        const page = await firefox.openTab(articleUrl);
        const ff = firefox;
        return {
          server,
          firefox: ff,
          downloads,
          articleUrl,
          page,
          close: async () => {
            await ff.close();
            await server.close();
            rmSync(downloads, { recursive: true, force: true });
          },
        };
      } catch (error) {
        await firefox?.close();
        await server.close();
        rmSync(downloads, { recursive: true, force: true });
        throw error;
      }
    },
    { beforeAll, afterAll },
  );

  it('highlights the people, strikes and claims of the article without changing its DOM', async () => {
    const { firefox, page } = setup();
    const seen = await until(
      () => firefox.evaluate<Record<string, string[]>>(page, HIGHLIGHTS),
      (h) => (h['nhs-context-entity']?.length ?? 0) > 5,
      20_000,
    );
    expect(seen['nhs-context-entity']).toContain('Steve Barclay');
    expect(seen['nhs-context-entity']).toContain('British Medical Association');
    expect(seen['nhs-context-event']!.length).toBeGreaterThan(0);
    expect(seen['nhs-context-claim']!.length).toBeGreaterThan(0);
    // The Highlight API marks text without adding a single node to the article.
    const article = await firefox.evaluate<string>(page, "document.querySelector('article').outerHTML");
    expect(seed).toContain(article.slice(0, 200));
    expect(await firefox.evaluate<number>(page, "document.querySelectorAll('article mark, article span').length")).toBe(
      (seed.match(/<article[\s\S]*<\/article>/)![0].match(/<(mark|span)\b/g) ?? []).length,
    );
  });

  it('opens a card on hover saying who Steve Barclay was on the article’s date', async () => {
    const { firefox, page } = setup();
    const point = await firefox.evaluate<{ x: number; y: number } | null>(
      page,
      `(() => { for (const r of CSS.highlights.get('nhs-context-entity') ?? []) {
        if (r.toString() !== 'Steve Barclay') continue;
        r.startContainer.parentElement.scrollIntoView({ block: 'center' });
        const b = r.getClientRects()[0]; return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      } return null; })()`,
    );
    expect(point).not.toBeNull();
    await pointerTo(firefox, page, point!.x - 5, point!.y);
    await pointerTo(firefox, page, point!.x, point!.y);
    const card = await until(
      () => readCard(firefox, page),
      (c) => c.label === 'Steve Barclay',
    );
    expect(card.label).toBe('Steve Barclay');
    expect(card.text).toContain('Secretary of State for Health and Social Care');
    expect(card.text).toMatch(/days? before this article/);
    // What the reader sees, kept for a person to look at (not compared: pixels vary by font), once
    // the card's short fade-in is over.
    await sleep(300);
    const shot = await firefox.send<{ data: string }>('browsingContext.captureScreenshot', { context: page });
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, 'firefox-card.png'), Buffer.from(shot.data, 'base64'));
    await pointerTo(firefox, page, 2, 2);
    await press(firefox, page, ['\uE00C']); // Escape
  });

  it('lists the page in the popup, steps through mentions from it by keyboard, and exports', async () => {
    const { firefox, page, articleUrl, downloads } = setup();
    const popup = await firefox.openTab(`${firefox.extensionOrigin}/popup.html`);
    const tabId = await firefox.evaluate<number>(
      popup,
      // A match pattern cannot hold the test server's port: find the tab by its URL (host permission).
      `browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(articleUrl)}).id)`,
    );
    await firefox.send('browsingContext.navigate', {
      context: popup,
      url: `${firefox.extensionOrigin}/popup.html?tab=${tabId}`,
      wait: 'complete',
    });
    // The popup opens on its Mentions tab; the timeline and the claims are a click away.
    const visibleText = () => firefox.evaluate<string>(popup, 'document.body.innerText');
    const expected = ['Steve Barclay', 'Secretary of State for Health and Social Care', '24 August 2023'];
    const summary = await until(visibleText, (t) => expected.every((e) => t.includes(e)));
    for (const e of expected) expect(summary).toContain(e);
    await firefox.send('browsingContext.activate', { context: popup });
    await click(firefox, popup, tab('Timeline'));
    const bars = await until(
      () =>
        firefox.evaluate<number>(
          popup,
          "[...document.querySelectorAll('svg rect.tl-bar')].filter((r) => r.getBoundingClientRect().width > 0).length",
        ),
      (n) => n > 2,
    );
    expect(bars).toBeGreaterThan(2);
    await click(firefox, popup, tab('Claims'));
    expect(await until(visibleText, (t) => t.includes('more than five months'))).toContain('more than five months');
    await click(firefox, popup, tab('Export'));

    // Exports: a reader's click (a trusted event: the popup ignores synthetic ones) downloads a file that parses.
    await click(firefox, popup, button('W3C Web Annotation'));
    const file = await until(
      async () => readdirSync(downloads).find((f) => !f.endsWith('.part')),
      (f) => !!f,
    );
    expect(file).toMatch(/bbc\.co\.uk.*2023-08-24.*\.json(ld)?$/);
    await until(
      async () => {
        try {
          return JSON.parse(readFileSync(join(downloads, file!), 'utf8')) as { type?: string };
        } catch {
          return {};
        }
      },
      (j) => j.type === 'AnnotationCollection',
    );
    const collection = JSON.parse(readFileSync(join(downloads, file!), 'utf8'));
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.items[0].target.source).toBe(articleUrl);

    // Keyboard: "Step through mentions", then n in the page moves to a mention and opens its card.
    await click(firefox, popup, button('Step through mentions'));
    await firefox.send('browsingContext.activate', { context: page });
    await press(firefox, page, ['n']);
    const current = await until(
      () => firefox.evaluate<Record<string, string[]>>(page, HIGHLIGHTS),
      (h) => h['nhs-context-current']?.length === 1,
    );
    expect(current['nhs-context-current']).toHaveLength(1);
    const card = await until(
      () => readCard(firefox, page),
      (c) => !!c.label,
    );
    // The card is the current mention's entity (its name, which may be longer than the words marked).
    expect(card.label).toBeTruthy();
    expect(card.text.length).toBeGreaterThan(40);
    await press(firefox, page, ['\uE007']); // Enter pins the card and moves focus into it
    expect(
      await until(
        () => firefox.evaluate<string>(page, 'document.activeElement && document.activeElement.localName'),
        (n) => n === 'nhs-context-card',
      ),
    ).toBe('nhs-context-card');
    await press(firefox, page, ['\uE00C']); // Esc leaves and gives focus back
    expect(
      await until(
        () => firefox.evaluate<string>(page, 'document.activeElement && document.activeElement.localName'),
        (n) => n !== 'nhs-context-card',
      ),
    ).not.toBe('nhs-context-card');
    await press(firefox, page, ['\uE00C']); // Esc again leaves navigation

    // Firefox binds the manifest's suggested shortcut (Alt+Shift+K, which Chromium accepts too).
    // Keys sent over BiDi reach the page, not the browser's own shortcut handling, so the shortcut
    // itself cannot be pressed from here.
    const commands = await firefox.evaluate<{ name: string; shortcut: string }[]>(
      popup,
      'browser.commands.getAll().then((all) => all.map(({ name, shortcut }) => ({ name, shortcut })))',
    );
    expect(commands).toContainEqual({ name: 'navigate-mentions', shortcut: 'Alt+Shift+K' });
    await firefox.send('browsingContext.close', { context: popup });
  });

  it('shows the bundled fact pack and what changed on the options page', async () => {
    const { firefox } = setup();
    const options = await firefox.openTab(`${firefox.extensionOrigin}/options.html`);
    const text = await until(
      () => firefox.evaluate<string>(options, 'document.body.innerText'),
      (t) => /nhs-industrial-action|NHS industrial action/i.test(t),
    );
    expect(text).toMatch(/NHS industrial action/i);
    // "What changed" reads CHANGELOG.md, newest version first: the one in package.json.
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(text).toContain('What changed');
    expect(text).toContain(version);
    await firefox.send('browsingContext.close', { context: options });
  });

  it('highlights an article inside an open shadow root, with the styles adopted there', async () => {
    const { firefox, articleUrl } = setup();
    const tab = await firefox.openTab(articleUrl.replace(PATH, SHADOW_PATH));
    const seen = await until(
      () =>
        firefox.evaluate<{ inRoot: string[]; styled: boolean }>(
          tab,
          `(() => {
            const root = document.querySelector('news-article').shadowRoot;
            const inRoot = [];
            for (const h of CSS.highlights.values())
              for (const r of h) if (r.startContainer.getRootNode() === root) inRoot.push(r.toString());
            const styled = [...root.adoptedStyleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('nhs-context')));
            return { inRoot, styled };
          })()`,
        ),
      (v) => v.inRoot.includes('Wes Streeting') && v.styled,
      20_000,
    );
    expect(seen.inRoot).toContain('Wes Streeting');
    expect(seen.inRoot).toContain('British Medical Association');
    expect(seen.styled).toBe(true);
    await firefox.send('browsingContext.close', { context: tab });
  });
});
