/**
 * `npm run screenshots`: the pictures a reviewer looks at, from the test build in headless Chromium.
 * The seed article served as a listed news site; Steve Barclay's and Will Quince's cards (a 380×500
 * box), the same card on a dark page and in forced-colours mode, the popup's tabs at 400×600, the
 * options page, and docs/screenshot.png (the article with a card beside the popup).
 * Writes to demo-output/shots/ and prints each path.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, newsSiteArgs, ROOT, serveHttps } from '../tests/e2e/harness.ts';
import { hookSnapshot, onCardRoot, pointOf, readCard } from '../tests/e2e/page-probe.ts';

const HOST = 'www.theguardian.com';
const PATH = '/society/2023/aug/24/consultants-strike';
const OUT = join(ROOT, 'demo-output', 'shots');
const seed = readFileSync(join(ROOT, 'tests/fixtures/seed-article.html'), 'utf8');
const dark = seed.replace('</head>', '<style>html,body{background:#121212;color:#e8e8e8}a{color:#9cf}</style></head>');

declare const chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } };

async function cardBox(page: Page) {
  return onCardRoot<{ x: number; y: number; width: number; height: number; scroll: number; client: number }>(
    page,
    `function () { const c = this.querySelector('.card'); if (!c) return null; const r = c.getBoundingClientRect(); const b = c.querySelector('.body') || c; return { x: r.x, y: r.y, width: r.width, height: r.height, scroll: b.scrollHeight, client: b.clientHeight }; }`,
  );
}

async function openCard(page: Page, name: string) {
  await page.keyboard.press('Escape');
  await page.mouse.move(1, 1);
  await page.waitForTimeout(400);
  // Put the mention near the top, so the card has its full 500 px below it.
  const first = await pointOf(page, 'article', name);
  await page.evaluate((dy) => window.scrollBy({ top: dy, behavior: 'instant' }), first.y - 60);
  await page.waitForTimeout(300);
  const p = await pointOf(page, 'article', name, false);
  await page.mouse.move(p.x, p.y);
  for (let i = 0; i < 40 && !(await readCard(page)).open; i++) await page.waitForTimeout(100);
  await page.waitForTimeout(300);
}

async function shootCard(page: Page, file: string) {
  const box = await cardBox(page);
  if (!box) throw new Error(`no card for ${file}`);
  const pad = 10;
  const path = join(OUT, file);
  await page.screenshot({
    path,
    clip: {
      x: Math.max(0, box.x - pad),
      y: Math.max(0, box.y - pad),
      width: box.width + 2 * pad,
      height: box.height + 2 * pad,
    },
  });
  console.log(
    `${path}  (${Math.round(box.width)}×${Math.round(box.height)}, body scroll ${box.scroll} / ${box.client})`,
  );
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const server = await serveHttps({ [PATH]: { body: seed }, '/dark': { body: dark } }, HOST);
  const ext = await launchWithExtension(newsSiteArgs(HOST, server.port));
  try {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(`https://${HOST}${PATH}`);
    for (let i = 0; i < 60 && !((await hookSnapshot(page))?.mentions.length ?? 0); i++) await page.waitForTimeout(250);
    console.log(`mentions: ${(await hookSnapshot(page))?.mentions.length}`);
    await page.screenshot({ path: join(OUT, 'page.png') });
    for (const [name, file] of [
      ['Steve Barclay', 'card-barclay.png'],
      ['Will Quince', 'card-quince.png'],
      ['Society of Radiographers', 'card-union.png'],
    ] as const) {
      await openCard(page, name);
      await shootCard(page, file);
      if (name === 'Steve Barclay') await page.screenshot({ path: join(OUT, 'page-card.png') });
    }

    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 412, height: 600 });
    await popup.goto(ext.url('popup.html'));
    const tabId = await popup.evaluate(
      async (url) => (await chrome.tabs.query({ url }))[0]!.id!,
      `https://${HOST}${PATH}`,
    );
    await popup.goto(ext.url(`popup.html?tab=${tabId}`));
    await popup.waitForTimeout(1500);
    const h = await popup.evaluate(() => document.documentElement.scrollHeight);
    await popup.screenshot({ path: join(OUT, 'popup.png'), fullPage: true });
    console.log(`${join(OUT, 'popup.png')} (height ${h})`);
    for (const tab of ['Timeline', 'Claims', 'Export']) {
      const t = popup.getByRole('tab', { name: tab });
      if ((await t.count()) === 0) continue;
      await t.click();
      await popup.waitForTimeout(400);
      const file = join(OUT, `popup-${tab.toLowerCase()}.png`);
      await popup.screenshot({ path: file, fullPage: true });
      console.log(`${file} (height ${await popup.evaluate(() => document.documentElement.scrollHeight)})`);
    }

    const options = await ext.context.newPage();
    await options.setViewportSize({ width: 1100, height: 800 });
    await options.goto(ext.url('options.html'));
    await options.waitForTimeout(1500);
    await options.screenshot({ path: join(OUT, 'options.png') });
    console.log(join(OUT, 'options.png'));

    const darkPage = await ext.context.newPage();
    await darkPage.setViewportSize({ width: 1000, height: 700 });
    await darkPage.emulateMedia({ colorScheme: 'light' });
    await darkPage.goto(`https://${HOST}/dark`);
    for (let i = 0; i < 60 && !((await hookSnapshot(darkPage))?.mentions.length ?? 0); i++)
      await darkPage.waitForTimeout(250);
    await darkPage.screenshot({ path: join(OUT, 'dark-page.png') });
    await openCard(darkPage, 'Steve Barclay');
    await shootCard(darkPage, 'card-dark.png');

    const forced = await ext.context.newPage();
    await forced.setViewportSize({ width: 1000, height: 700 });
    await forced.emulateMedia({ forcedColors: 'active' });
    await forced.goto(`https://${HOST}${PATH}`);
    for (let i = 0; i < 60 && !((await hookSnapshot(forced))?.mentions.length ?? 0); i++)
      await forced.waitForTimeout(250);
    await forced.screenshot({ path: join(OUT, 'forced-page.png') });
    console.log('forced highlights:', JSON.stringify((await hookSnapshot(forced))?.highlights));
    if (process.env.DEBUG_SHOTS)
      console.log(
        JSON.stringify(
          await forced.evaluate(() =>
            [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights].map(([k, v]) => [
              k,
              [...v].map((r) => r.toString()),
            ]),
          ),
        ),
      );
    await openCard(forced, 'Steve Barclay');
    await shootCard(forced, 'card-forced.png');
    // The README's picture: the article with Barclay's card, beside the popup's timeline tab.
    const shot = (f: string) => `data:image/png;base64,${readFileSync(join(OUT, f)).toString('base64')}`;
    const board = await ext.context.newPage();
    await board.setViewportSize({ width: 1452, height: 740 });
    await board.setContent(
      `<body style="margin:0;padding:20px;background:#dfe3e8;display:flex;gap:20px;align-items:flex-start">` +
        `<img src="${shot('page-card.png')}" width="1000" height="700" style="box-shadow:0 2px 12px #0004">` +
        `<img src="${shot('popup-timeline.png')}" width="412" style="box-shadow:0 2px 12px #0004"></body>`,
    );
    const readme = join(ROOT, 'docs', 'screenshot.png');
    await board.screenshot({ path: readme });
    console.log(`${readme} (${Math.round(statSync(readme).size / 1024)} KB)`);
    const cmds = await ext.worker.evaluate(() =>
      (globalThis as unknown as { chrome: { commands: { getAll(): Promise<unknown> } } }).chrome.commands.getAll(),
    );
    console.log('commands:', JSON.stringify(cmds));
  } finally {
    await ext.close();
    await server.close();
  }
}

await main();
