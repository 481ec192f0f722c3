/**
 * Hostile content in real Chromium (test build): XSS payloads in page text and in pack fields stay
 * inert text; only http(s) links reach the card; a page under `default-src 'none'` and Trusted
 * Types still gets highlights and cards with no violation; DOM clobbering changes nothing; unusual
 * Unicode anchors exactly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePack } from '../../lib/facts/packs.ts';
import { SENTINEL, XSS_PAYLOADS } from '../fixtures/hostile/xss-payloads.ts';
import { launchWithExtension, ROOT, useResource } from './harness.ts';
import { articlePage, collectErrors, escapeHtml, robustSnapshot, serveWithHeaders } from './hostile-server.ts';
import { highlightTexts, hookSnapshot, onCardRoot, pointOf, readCard } from './page-probe.ts';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const seed = readFileSync(join(ROOT, 'tests/fixtures/seed-article.html'), 'utf8');
const STRICT_CSP = "default-src 'none'; require-trusted-types-for 'script'";
/** The seed article without its own inline style and script, so any violation would be the extension's. */
const seedForCsp = seed.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<script>[\s\S]*?<\/script>/g, '');

/** Markup that tries to shadow the DOM APIs a content script uses, by id and by name. */
const CLOBBERING = [
  ...['querySelector', 'querySelectorAll', 'getElementById', 'createTreeWalker', 'createRange', 'createElement'].map(
    (name) => `<form name="${name}"></form>`,
  ),
  ...['getSelection', 'elementFromPoint', 'caretPositionFromPoint', 'caretRangeFromPoint', 'title', 'cookie'].map(
    (name) => `<img name="${name}" alt="">`,
  ),
  '<form name="body"></form>',
  '<form name="documentElement"></form>',
  '<form name="defaultView"></form>',
  '<embed name="addEventListener">',
  '<div id="browser"></div>',
  '<div id="chrome"></div>',
  '<div id="CSS"></div>',
  '<form id="Highlight"></form>',
  '<a id="location" href="https://evil.example/"></a>',
].join('');

/** A pack whose every displayed field carries the XSS corpus; "Zed Quixote" is its alias. */
function xssPack() {
  const source = { url: 'https://example.org/source', publisher: XSS_PAYLOADS[1]!, published: '2024-01-10' };
  const pack = {
    format: 1,
    id: 'hostile',
    name: 'Hostile test pack',
    version: '1.0.0',
    published: '2024-02-01',
    license: 'CC BY 4.0',
    coverage: { from: '2020', to: '2025' },
    entities: [
      {
        id: 'zed-quixote',
        kind: 'person',
        name: `Zed Quixote ${XSS_PAYLOADS[0]}`,
        aliases: [{ text: 'Zed Quixote', match: 'exact', context: 'none' }],
        description: XSS_PAYLOADS.join(' | '),
        sameAs: ['https://en.wikipedia.org/wiki/Example'],
        roles: [{ title: XSS_PAYLOADS[2]!, organisation: null, from: '2020', to: null, source }],
        anchor: true,
      },
    ],
    events: [],
    facts: XSS_PAYLOADS.slice(0, 4).map((payload, i) => ({
      id: `hostile-f${i}`,
      subject: 'zed-quixote',
      predicate: 'said',
      value: payload,
      unit: null,
      asOf: `2024-01-0${i + 1}`,
      statement: payload,
      sources: [{ ...source, publisher: XSS_PAYLOADS[(i + 5) % XSS_PAYLOADS.length]! }],
      confidence: 'single-source',
      conflicts: [{ value: payload, note: XSS_PAYLOADS[(i + 9) % XSS_PAYLOADS.length]!, source }],
    })),
  };
  const checked = validatePack(pack);
  if (!checked.ok) throw new Error(`test pack invalid: ${JSON.stringify(checked.errors)}`);
  return pack;
}

/** What the open card holds that would mean markup got through. */
const CARD_DANGER = `function () {
  const found = [];
  for (const el of this.querySelectorAll('*')) {
    if (/^(script|iframe|object|embed|img|svg|math|style|template|form|input|frame|frameset|base|meta|link)$/i.test(el.localName)) found.push(el.localName);
    for (const attr of el.getAttributeNames()) if (/^on/i.test(attr) || attr === 'srcdoc' || attr === 'formaction') found.push(el.localName + '[' + attr + ']');
  }
  return found;
}`;

describe('hostile content', () => {
  const payloadParagraphs = XSS_PAYLOADS.map(
    // The page is dated 1 March 2024 (articlePage): the Health Secretary then was Victoria Atkins.
    (p) => `<p>Health Secretary Victoria Atkins quoted ${escapeHtml(p)} today.</p>`,
  ).join('');
  const server = useResource(
    () =>
      serveWithHeaders({
        '/payloads.html': { body: articlePage(`<h1>Doctors' strike</h1>${payloadParagraphs}`) },
        '/zed.html': {
          body: articlePage(
            `<h1>Zed Quixote and the strike</h1><p>Zed Quixote spoke to reporters on Friday about the strike.</p>`,
          ),
        },
        '/csp.html': { body: seedForCsp, headers: { 'content-security-policy': STRICT_CSP } },
        '/plain.html': { body: seed },
        '/clobbered.html': { body: seed.replace('<body>', `<body>${CLOBBERING}`) },
        '/unicode.html': {
          body: articlePage(
            [
              '<h1>مرحبا — Steve Barclay and the BMA 👩🏽‍⚕️</h1>',
              '<p>👩🏽‍⚕️Steve Barclay met the British Medical Association (BMA) in Cafe\u0301 Zoe\u0308.</p>',
              '<p dir="rtl">الأطباء المقيمون — שלום — Health Secretary <b>Steve</b> Bar<span>clay</span> said so.</p>',
              '<p>Long health\u00adcare words, 🇬🇧 flags, e\u0301 marks and Wes Streeting, shadow health secretary.</p>',
            ].join(''),
          ),
        },
      }),
    { beforeAll, afterAll },
  );
  const extension = useResource(() => launchWithExtension(), { beforeAll, afterAll });
  // These pages test anchoring around hostile text, so every mention is marked, not only the first
  // of each entity (the default).
  beforeAll(async () => {
    const popup = await extension().context.newPage();
    try {
      await popup.goto(extension().url('popup.html'));
      const reply = await popup.evaluate(async () => {
        const current = (await chrome.runtime.sendMessage({ type: 'getSettings' })) as { data: object };
        return chrome.runtime.sendMessage({ type: 'setSettings', settings: { ...current.data, markAll: true } });
      });
      expect(reply).toMatchObject({ ok: true });
    } finally {
      await popup.close();
    }
  });

  async function open(path: string, minMentions = 3): Promise<Page> {
    const page = await extension().context.newPage();
    await page.goto(`${server().origin}${path}`);
    await expect
      .poll(async () => (await hookSnapshot(page))?.mentions.length ?? 0, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(minMentions);
    return page;
  }

  async function hoverCard(page: Page, text: string) {
    const at = await pointOf(page, 'article p', text);
    await page.mouse.move(at.x - 30, at.y + 30);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await expect.poll(async () => (await readCard(page)).open, { timeout: 5_000 }).toBe(true);
    return readCard(page);
  }

  const sentinel = (page: Page) =>
    page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], SENTINEL);

  it('XSS payloads in page text stay text: highlights work around them and nothing runs', async () => {
    const page = await open('/payloads.html', XSS_PAYLOADS.length);
    try {
      const card = await hoverCard(page, 'Victoria Atkins');
      expect(card.label).toBe('Victoria Atkins');
      expect(await sentinel(page)).toBeUndefined();
      const text = await page.evaluate(() => document.querySelector('article')!.textContent);
      for (const p of XSS_PAYLOADS) expect(text).toContain(p);
      expect(
        await page.evaluate(
          () => document.querySelectorAll('article script, article img, article svg, article iframe').length,
        ),
      ).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('XSS payloads in pack fields reach the card as the same text, with no markup and only http(s) links', async () => {
    const { context, url } = extension();
    const options = await context.newPage();
    await options.goto(url('options.html'));
    const reply = (await options.evaluate(
      (text) => chrome.runtime.sendMessage({ type: 'importPackFile', text, fileName: 'hostile.json' }),
      JSON.stringify(xssPack()),
    )) as { ok: boolean; data?: { ok: boolean } };
    await options.close();
    expect(reply).toMatchObject({ ok: true, data: { ok: true } });

    const page = await open('/zed.html', 1);
    try {
      const card = await hoverCard(page, 'Zed Quixote');
      const pack = xssPack();
      expect(card.label).toBe(pack.entities[0]!.name);
      expect(card.text).toContain(pack.entities[0]!.name);
      expect(card.text).toContain(pack.entities[0]!.description);
      expect(card.text).toContain(pack.entities[0]!.roles[0]!.title);
      for (const f of pack.facts) expect(card.text).toContain(f.statement);
      expect(await onCardRoot<string[]>(page, CARD_DANGER)).toEqual([]);
      expect(card.links.length).toBeGreaterThan(0);
      for (const link of card.links) {
        expect(link.href).toMatch(/^https?:\/\//);
        expect(link.rel).toContain('noopener');
      }
      expect(await sentinel(page)).toBeUndefined();
      expect(await page.evaluate(() => document.querySelectorAll('nhs-context-card').length)).toBe(1);
    } finally {
      await page.close();
    }
  });

  it("a page under default-src 'none' and Trusted Types gets highlights and cards with no violation", async () => {
    const page = await extension().context.newPage();
    // Installed through the DevTools protocol, which the page's CSP does not govern.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`),
      );
    });
    const { errors, stop } = await collectErrors(page);
    try {
      await page.goto(`${server().origin}/csp.html`);
      await expect
        .poll(async () => (await hookSnapshot(page))?.mentions.length ?? 0, { timeout: 15_000 })
        .toBeGreaterThan(5);
      const texts = await highlightTexts(page);
      expect(texts['nhs-context-entity']!.map((t) => t.text)).toContain('Steve Barclay');
      const card = await hoverCard(page, 'Steve Barclay');
      expect(card.label).toBe('Steve Barclay');
      await new Promise((r) => setTimeout(r, 300));
      expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await stop();
      await page.close();
    }
  });

  it('DOM clobbering (forms, images and ids named like DOM APIs) changes nothing and throws nothing', async () => {
    const mentions = async (page: Page) =>
      (await robustSnapshot(page))?.mentions.map((m) => `${m.kind}:${m.exact}`) ?? null;
    const plain = await open('/plain.html', 6);
    const expected = await mentions(plain);
    await plain.close();

    const page = await extension().context.newPage();
    const { errors, stop } = await collectErrors(page);
    try {
      await page.goto(`${server().origin}/clobbered.html`);
      await expect.poll(async () => (await mentions(page))?.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(5);
      expect(await mentions(page)).toEqual(expected);
      const at = await page.evaluate(() => {
        // The page's own probes, clobber-proof: Document.prototype methods, not document's.
        const article = Document.prototype.getElementsByTagName.call(document, 'article')[0]!;
        const walker = Document.prototype.createTreeWalker.call(document, article, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = (n as Text).data.indexOf('Steve Barclay');
          if (i < 0) continue;
          n.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
          const r = Document.prototype.createRange.call(document);
          r.setStart(n, i);
          r.setEnd(n, i + 13);
          const box = r.getClientRects()[0]!;
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
        return null;
      });
      await page.mouse.move(at!.x - 30, at!.y + 30);
      await page.mouse.move(at!.x, at!.y, { steps: 4 });
      await expect
        .poll(async () => (await robustSnapshot(page))?.openCard ?? null, { timeout: 5_000 })
        .toBe('Steve Barclay');
      expect(errors).toEqual([]);
    } finally {
      await stop();
      await page.close();
    }
  });

  it('RTL text, emoji, combining marks, NFD, soft hyphens and names split across nodes anchor exactly', async () => {
    const page = await open('/unicode.html', 4);
    try {
      const texts = await highlightTexts(page);
      const painted = Object.values(texts)
        .flat()
        .map((t) => t.text);
      expect(painted).toEqual(
        expect.arrayContaining(['Steve Barclay', 'British Medical Association', 'Wes Streeting']),
      );
      // Every highlight reads exactly a name the fact base knows: no shifted or torn ranges.
      const snapshot = (await hookSnapshot(page))!;
      const exacts = new Set(snapshot.mentions.map((m) => m.exact));
      for (const text of painted) expect(exacts.has(text), text).toBe(true);
      // Including the one split over <b>, a text node and a <span> inside a right-to-left paragraph.
      const split = await page.evaluate(() => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        const rtl = document.querySelector('p[dir="rtl"]')!;
        return [...registry.values()]
          .flatMap((set) => [...set])
          .filter((r) => rtl.contains(r.startContainer))
          .map((r) => r.toString());
      });
      expect(split).toContain('Steve Barclay');
    } finally {
      await page.close();
    }
  });
});
