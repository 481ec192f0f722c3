/**
 * End-to-end harness: a real Chromium with the built extension (`.output/chrome-mv3`, built with
 * NHS_CONTEXT_TEST_HOSTS=1) and a loopback HTTP server. Everything started here is stopped, and
 * every temporary profile removed, by the `close()` functions; call them in `finally`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The test build; NHS_CONTEXT_EXTENSION_DIR points elsewhere (e.g. a private build while others rebuild). */
export const EXTENSION_DIR = process.env.NHS_CONTEXT_EXTENSION_DIR ?? join(ROOT, '.output', 'chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** `chrome-extension://ID/<path>`. */
  url: (path: string) => string;
  close: () => Promise<void>;
}

/** Fail loudly, not skip, when the browser or the build is missing. */
export function checkPrerequisites(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium (as root), or set CHROMIUM_PATH.`,
    );
  }
  const manifestPath = join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No extension build at ${EXTENSION_DIR}. Run: npm run build:test`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts?: { matches?: string[] }[] };
  const matches = manifest.content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
  if (!matches.includes('http://127.0.0.1/*')) {
    throw new Error(`${EXTENSION_DIR} is a production build (no loopback hosts). Run: npm run build:test`);
  }
}

/**
 * Chromium's flags for a run with an unpacked extension on this closed network (docs/DEVELOPMENT.md):
 * no background networking, component updates or sync, whose connections would all be refused.
 */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/** Launch Chromium with the extension loaded in a fresh profile. */
export async function launchWithExtension(extraArgs: string[] = []): Promise<ExtensionBrowser> {
  checkPrerequisites();
  const profile = mkdtempSync(join(tmpdir(), 'nhs-context-profile-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...chromiumArgs(EXTENSION_DIR), ...extraArgs],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    // The id depends on the folder path; read it from chrome-extension://ID/background.js.
    const extensionId = new URL(worker.url()).host;
    const ctx = context;
    return {
      context: ctx,
      extensionId,
      worker,
      url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
      close: async () => {
        try {
          await ctx.close();
        } finally {
          rmSync(profile, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await context?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

export interface TestServer {
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  port: number;
  close: () => Promise<void>;
}

export type Routes = Record<string, { body: string; type?: string; status?: number }>;

/** Answer requests from fixed routes; unknown paths get 404. */
function routeHandler(routes: Routes) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'text/html; charset=utf-8' }).end(route.body);
  };
}

/** Listen on 127.0.0.1 (port chosen by the OS) and describe how to stop. */
async function listen(
  server: ReturnType<typeof createServer> | ReturnType<typeof createHttpsServer>,
  scheme: 'http' | 'https',
  cleanup: () => void = () => {},
): Promise<TestServer> {
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => {
          cleanup();
          done();
        });
      }),
  };
}

/** Serve fixed responses on 127.0.0.1 (port chosen by the OS); unknown paths get 404. */
export async function serve(routes: Routes): Promise<TestServer> {
  return listen(createServer(routeHandler(routes)), 'http');
}

/** A throwaway self-signed certificate for `hostname` (openssl req -x509), in a temporary folder. */
function selfSignedCertificate(hostname: string): { key: Buffer; cert: Buffer; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nhs-context-cert-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1'],
      ...['-subj', `/CN=${hostname}`, '-addext', `subjectAltName=DNS:${hostname}`],
    ],
    { stdio: 'ignore', timeout: 30_000 },
  );
  return { key: readFileSync(key), cert: readFileSync(cert), dir };
}

/**
 * Serve fixed responses over HTTPS on 127.0.0.1 with a self-signed certificate, to be reached
 * under a real news hostname through `newsSiteArgs` (docs/DEVELOPMENT.md).
 */
export async function serveHttps(routes: Routes, hostname = 'www.bbc.co.uk'): Promise<TestServer> {
  const { key, cert, dir } = selfSignedCertificate(hostname);
  const server = createHttpsServer({ key, cert }, routeHandler(routes));
  return listen(server, 'https', () => rmSync(dir, { recursive: true, force: true }));
}

/**
 * Chromium flags that resolve `hostname` to a loopback test server and accept its self-signed
 * certificate: the extension then sees `https://<hostname>/…` as a reader's browser would, and no
 * traffic leaves the machine.
 */
export function newsSiteArgs(hostname: string, port: number): string[] {
  return [`--host-resolver-rules=MAP ${hostname} 127.0.0.1:${port}`, '--ignore-certificate-errors'];
}

/**
 * Start a resource in `beforeAll` and stop it in `afterAll`. If starting fails (no Chromium, no
 * build), every test that asks for it fails with that error, rather than being reported as skipped.
 */
export function useResource<T extends { close: () => Promise<void> }>(
  start: () => Promise<T>,
  hooks: { beforeAll: (fn: () => Promise<void>) => void; afterAll: (fn: () => Promise<void>) => void },
): () => T {
  let resource: T | undefined;
  let failure: unknown;
  hooks.beforeAll(async () => {
    try {
      resource = await start();
    } catch (error) {
      failure = error;
    }
  });
  hooks.afterAll(async () => {
    await resource?.close();
  });
  return () => {
    if (resource) return resource;
    throw failure ?? new Error('resource not started');
  };
}
