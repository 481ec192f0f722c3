import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, ROOT, serve, useResource } from './harness.ts';

describe('the content script in a test build', () => {
  const article = readFileSync(join(ROOT, 'tests/fixtures/seed-article.html'), 'utf8');
  const server = useResource(() => serve({ '/article.html': { body: article } }), { beforeAll, afterAll });
  const extension = useResource(() => launchWithExtension(), { beforeAll, afterAll });

  it('runs on a loopback article page, in its own isolated world', async () => {
    const { context } = extension();
    const page = await context.newPage();
    try {
      const cdp = await context.newCDPSession(page);
      const worlds: { name: string; type?: string }[] = [];
      cdp.on('Runtime.executionContextCreated', ({ context }) => {
        worlds.push({ name: context.name, type: context.auxData?.type });
      });
      await cdp.send('Runtime.enable');
      await page.goto(`${server().origin}/article.html`);
      await expect
        .poll(() => worlds.some((w) => w.type === 'isolated' && w.name === 'NHS Context'), { timeout: 10_000 })
        .toBe(true);
    } finally {
      await page.close();
    }
  });
});
