/**
 * Test pages for the hostile-page tests, served from loopback with the response headers a test
 * needs (a strict Content-Security-Policy, say), plus small helpers to build article markup from
 * untrusted strings and to collect errors from every world of a page.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CDPSession, Page } from 'playwright-core';
import type { TestSnapshot } from '../../lib/page/test-hook.ts';
import type { TestServer } from './harness.ts';

export type HostileRoutes = Record<string, { body: string; headers?: Record<string, string> }>;

/** Serve fixed pages with their own headers on 127.0.0.1 (`host` names the origin, e.g. localhost). */
export async function serveWithHeaders(routes: HostileRoutes, host = '127.0.0.1'): Promise<TestServer> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (!route) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...route.headers }).end(route.body);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Text escaped for HTML, so a payload is page text, not markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An article page: a dated head and the given body markup inside <article>. */
export function articlePage(body: string, opts: { head?: string; title?: string } = {}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${opts.title ?? 'Doctors strike'}</title>
<meta property="article:published_time" content="2024-03-01T09:00:00Z">${opts.head ?? ''}</head>
<body>${body.trimStart().startsWith('<article') ? body : `<article>${body}</article>`}</body></html>`;
}

/**
 * Uncaught exceptions and console errors from every JavaScript world of the page (the page's own,
 * and the content script's isolated world), via the DevTools protocol.
 */
export async function collectErrors(page: Page): Promise<{ errors: string[]; stop: () => Promise<void> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const errors: string[] = [];
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) => {
    errors.push(`exception: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  });
  cdp.on('Runtime.consoleAPICalled', ({ type, args }) => {
    if (type === 'error' || type === 'assert')
      errors.push(`console.${type}: ${args.map((a) => a.value ?? a.description).join(' ')}`);
  });
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (entry.level === 'error' && !/favicon/.test(entry.url ?? '')) errors.push(`log(${entry.source}): ${entry.text}`);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  return { errors, stop: () => cdp.detach().catch(() => {}) };
}

/**
 * The test hook's snapshot (lib/page/test-hook.ts), asked through the prototypes' own methods, so
 * a page that clobbers `document.addEventListener` and friends cannot break the probe itself.
 */
export function robustSnapshot(page: Page): Promise<TestSnapshot | null> {
  return page.evaluate(
    () =>
      new Promise<TestSnapshot | null>((resolve) => {
        const on = EventTarget.prototype.addEventListener;
        const dispatch = EventTarget.prototype.dispatchEvent;
        const timer = setTimeout(() => resolve(null), 2000);
        on.call(
          document,
          'nhs-context-test-reply',
          (event: Event) => {
            clearTimeout(timer);
            resolve(JSON.parse((event as CustomEvent<string>).detail) as TestSnapshot);
          },
          { once: true },
        );
        dispatch.call(document, new CustomEvent('nhs-context-test', { detail: 'state' }));
      }),
  );
}
