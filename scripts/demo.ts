/**
 * `npm start`: builds the extension and shows it working on the sample article.
 * The article is served on 127.0.0.1 and opened in Chromium (Debian's, or Chrome for Testing —
 * branded Chrome ignores --load-extension) with the extension loaded. With a display: a window to
 * play with, until it is closed. Without one: headless — it hovers "Steve Barclay", saves
 * screenshots of the page and the card, and prints where they are, what the card says and the
 * page's annotations. No browser: one line saying how to install one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, EXTENSION_DIR, ROOT, serve } from '../tests/e2e/harness.ts';
import { hookSnapshot, onCardRoot, pointOf, readCard } from '../tests/e2e/page-probe.ts';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-for-testing',
];
const OUT = join(ROOT, 'demo-output');

function findChromium(): string | null {
  for (const path of CANDIDATES) if (path && existsSync(path)) return path;
  const which = spawnSync('sh', ['-c', 'command -v chromium chromium-browser chrome 2>/dev/null | head -1'], {
    encoding: 'utf8',
  });
  return which.stdout.trim() || null;
}

function build(): void {
  process.stdout.write('Building the extension (npm run build:test)… ');
  const r = spawnSync('npm', ['run', '--silent', 'build:test'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    console.log('failed.');
    console.error(r.stdout, r.stderr);
    process.exit(1);
  }
  console.log('done.');
}

async function launch(
  executablePath: string,
  headless: boolean,
): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'nhs-context-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs(EXTENSION_DIR),
  });
  return { context, profile };
}

/** Waits until the content script has annotated the page (the test build's hook). */
async function waitForMentions(page: Page): Promise<number> {
  for (let i = 0; i < 60; i++) {
    const snap = await hookSnapshot(page);
    if (snap && snap.mentions.length > 0) return snap.mentions.length;
    await page.waitForTimeout(250);
  }
  throw new Error('the page was not annotated within 15 seconds');
}

async function headlessDemo(page: Page): Promise<void> {
  const count = await waitForMentions(page);
  mkdirSync(OUT, { recursive: true });
  const point = await pointOf(page, 'article', 'Steve Barclay');
  await page.mouse.move(point.x, point.y);
  let card = await readCard(page);
  for (let i = 0; i < 40 && !card.open; i++) {
    await page.waitForTimeout(100);
    card = await readCard(page);
  }
  const pageShot = join(OUT, 'seed-article.png');
  const cardShot = join(OUT, 'card.png');
  await page.screenshot({ path: pageShot });
  const rect = await onCardRoot<{ x: number; y: number; width: number; height: number } | null>(
    page,
    `function () { const c = this.querySelector('.card'); if (!c) return null; const r = c.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }`,
  );
  const pad = 12;
  const clip =
    rect && rect.width > 0
      ? {
          x: Math.max(0, rect.x - pad),
          y: Math.max(0, rect.y - pad),
          width: rect.width + 2 * pad,
          height: rect.height + 2 * pad,
        }
      : undefined;
  await page.screenshot({ path: cardShot, ...(clip ? { clip } : {}) });
  const snap = await hookSnapshot(page);
  console.log(`\nThe extension highlighted ${count} mentions in the sample article.`);
  console.log(`Screenshots: ${pageShot}\n             ${cardShot}`);
  console.log(
    `\nThe card for "Steve Barclay" (${card.open ? 'open' : 'did not open'}):\n  ${card.text.replace(/\s+/g, ' ').trim()}`,
  );
  console.log('\nAnnotations on the page:');
  for (const m of snap?.mentions ?? [])
    console.log(`  ${m.kind.padEnd(7)} ${JSON.stringify(m.exact).padEnd(42)} ${m.name}`);
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.log(
      'No Chromium found: install one with `apt-get install -y chromium` (Debian) or set CHROMIUM_PATH to Chrome for Testing, then run npm start again.',
    );
    process.exitCode = 1;
    return;
  }
  build();
  const html = readFileSync(join(ROOT, 'tests', 'fixtures', 'seed-article.html'), 'utf8');
  const server = await serve({ '/seed-article.html': { body: html } });
  const url = `${server.origin}/seed-article.html`;
  const headless = !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.env.CI === 'true';
  const { context, profile } = await launch(executablePath, headless);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    if (headless) await headlessDemo(page);
    else {
      console.log(
        `Chromium is open on ${url} with NHS Context loaded: hover over a highlighted name, or press the shortcut to step through mentions. Close the window to stop.`,
      );
      await new Promise<void>((resolve) => context.on('close', () => resolve()));
    }
  } finally {
    await context.close().catch(() => {});
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
