/**
 * Firefox end-to-end harness: Debian's `firefox-esr`, headless, driven over WebDriver BiDi (the
 * W3C protocol Firefox speaks natively; Playwright's Firefox driver needs a patched Firefox).
 *
 * - Firefox starts with `--remote-debugging-port=0` in a fresh profile and prints the BiDi
 *   WebSocket address on stderr; we connect to `<address>/session` and send `session.new`.
 * - The extension goes in with `webExtension.install` (a temporary add-on, as in about:debugging).
 * - `network.dns.localDomains` resolves a news hostname to 127.0.0.1, so the extension sees
 *   `https://www.bbc.co.uk:PORT/…` served by a loopback test server (self-signed certificate,
 *   accepted through the session's `acceptInsecureCerts`). No traffic leaves the machine.
 * - `extensions.webextensions.uuids` fixes the extension's internal UUID, so the popup and options
 *   pages have a known `moz-extension://UUID/` address; BiDi navigates there only when Firefox
 *   runs with `--remote-allow-system-access`.
 *
 * Everything started here is stopped, and the profile removed, by `close()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** A node as WebDriver BiDi serialises it (`script.NodeRemoteValue`), trimmed to what we read. */
export interface BidiNode {
  type: 'node';
  sharedId?: string;
  value?: {
    nodeType: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: BidiNode[];
    shadowRoot?: BidiNode | null;
    mode?: 'open' | 'closed';
  };
}

/** A remote value from `script.evaluate` / `script.callFunction`. */
export interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

/** Turn a serialised primitive, array or object back into a plain value (nodes stay as they are). */
export function deserialize(remote: RemoteValue): unknown {
  switch (remote.type) {
    case 'undefined':
    case 'null':
      return remote.type === 'null' ? null : undefined;
    case 'string':
    case 'number':
    case 'boolean':
      return remote.value;
    case 'array':
      return (remote.value as RemoteValue[]).map(deserialize);
    case 'object':
      return Object.fromEntries(
        (remote.value as [string | RemoteValue, RemoteValue][]).map(([k, v]) => [
          typeof k === 'string' ? k : String(deserialize(k)),
          deserialize(v),
        ]),
      );
    default:
      return remote;
  }
}

export interface FirefoxSession {
  /** Send a BiDi command; resolves with its result or rejects with the remote error. */
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Evaluate an expression in a browsing context (awaiting promises); returns the plain value. */
  evaluate<T = unknown>(context: string, expression: string): Promise<T>;
  /** Evaluate and return the raw remote value, with shadow trees (closed ones too) serialised. */
  evaluateNode(context: string, expression: string, depth?: number): Promise<RemoteValue>;
  /** Open a new tab at `url` and wait for it to load; returns its browsing-context id. */
  openTab(url: string): Promise<string>;
  /** The Firefox process's stderr so far (start-up messages, content-script errors). */
  log(): string;
  /** The extension's `moz-extension://UUID/` origin. */
  extensionOrigin: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Unpacked extension directory (a Firefox build), installed as a temporary add-on. */
  extensionDir: string;
  /** Hostnames Firefox resolves to 127.0.0.1. */
  localDomains: string[];
  /** More preferences for the profile (e.g. where downloads go). */
  prefs?: Record<string, string | number | boolean>;
}

/** Fail loudly, not skip, when Firefox or the build is missing. */
function checkPrerequisites(extensionDir: string): { id: string } {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `Firefox not found at ${FIREFOX_PATH}. Install it with: apt-get install -y firefox-esr (as root), or set FIREFOX_PATH.`,
    );
  }
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No Firefox build at ${extensionDir}. Run: npm run build:firefox`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
  return { id };
}

/** `user.js` for a quiet, offline, test-only profile. */
function userPrefs(prefs: Record<string, string | number | boolean>): string {
  return Object.entries(prefs)
    .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
    .join('\n');
}

/** Wait for Firefox to print the BiDi address (`WebDriver BiDi listening on ws://…`). */
function waitForBidiAddress(child: ChildProcess, output: { text: string }, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new Error(`Firefox printed no WebDriver BiDi address within ${timeoutMs} ms:\n${output.text.slice(-2000)}`),
      );
    }, timeoutMs);
    const onData = () => {
      const m = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(output.text);
      if (m) {
        cleanup();
        resolve(m[1]!);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`Firefox exited (code ${code}) before BiDi was ready:\n${output.text.slice(-2000)}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Launch headless Firefox ESR with the extension installed. */
export async function launchFirefox(options: LaunchOptions): Promise<FirefoxSession> {
  const { id } = checkPrerequisites(options.extensionDir);
  const uuid = '6f1c3a52-8d3b-4c5e-9a47-2b0d1e5f7a13';
  const profile = mkdtempSync(join(tmpdir(), 'nhs-context-firefox-'));
  writeFileSync(
    join(profile, 'user.js'),
    userPrefs({
      'network.dns.localDomains': options.localDomains.join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
      // Nothing to fetch on a closed network: no captive-portal probe, no update checks, no telemetry.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'app.update.disabledForTesting': true,
      ...options.prefs,
    }),
  );
  const output = { text: '' };
  const child = spawn(
    FIREFOX_PATH,
    // --remote-allow-system-access: BiDi refuses to navigate to moz-extension:// pages without it.
    [
      '--headless',
      '--no-remote',
      '--remote-debugging-port=0',
      '--remote-allow-system-access',
      '--profile',
      profile,
      'about:blank',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_HEADLESS: '1' } },
  );
  child.stdout?.on('data', (d: Buffer) => (output.text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output.text += d.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  let ws: WebSocket | undefined;
  const kill = async () => {
    ws?.terminate();
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(profile, { recursive: true, force: true });
  };

  try {
    const address = await waitForBidiAddress(child, output, 30_000);
    ws = new WebSocket(`${address}/session`);
    await new Promise<void>((done, fail) => {
      ws!.once('open', () => done());
      ws!.once('error', fail);
    });
    let nextId = 1;
    const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string }>();
    const listeners: ((event: { method: string; params: Record<string, unknown> }) => void)[] = [];
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as {
        id?: number;
        type: string;
        result?: unknown;
        error?: string;
        message?: string;
        method?: string;
        params?: Record<string, unknown>;
      };
      if (msg.type === 'event') {
        for (const l of listeners) l({ method: msg.method!, params: msg.params! });
        return;
      }
      const waiter = msg.id !== undefined ? pending.get(msg.id) : undefined;
      if (!waiter) return;
      pending.delete(msg.id!);
      if (msg.type === 'error') waiter.reject(new Error(`${waiter.method}: ${msg.error}: ${msg.message}`));
      else waiter.resolve(msg.result);
    });
    ws.on('close', () => {
      for (const w of pending.values()) w.reject(new Error(`${w.method}: the BiDi connection closed`));
      pending.clear();
    });
    const socket = ws;
    const send = <T>(method: string, params: Record<string, unknown> = {}): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        const msgId = nextId++;
        pending.set(msgId, { resolve: resolve as (v: unknown) => void, reject, method });
        socket.send(JSON.stringify({ id: msgId, method, params }));
      });

    await send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    await send('webExtension.install', { extensionData: { type: 'path', path: options.extensionDir } });

    const evaluateRaw = async (context: string, expression: string, serializationOptions?: Record<string, unknown>) => {
      const reply = await send<{ type: string; result?: RemoteValue; exceptionDetails?: { text: string } }>(
        'script.evaluate',
        {
          expression,
          target: { context },
          awaitPromise: true,
          resultOwnership: 'none',
          ...(serializationOptions && { serializationOptions }),
        },
      );
      if (reply.type === 'exception') throw new Error(`in the page: ${reply.exceptionDetails?.text ?? 'exception'}`);
      return reply.result!;
    };

    return {
      send,
      extensionOrigin: `moz-extension://${uuid}`,
      log: () => output.text,
      evaluate: async <T>(context: string, expression: string) =>
        deserialize(await evaluateRaw(context, expression, { maxObjectDepth: 20 })) as T,
      evaluateNode: (context, expression, depth = 40) =>
        evaluateRaw(context, expression, { maxDomDepth: depth, includeShadowTree: 'all' }),
      openTab: async (url) => {
        const { context } = await send<{ context: string }>('browsingContext.create', { type: 'tab' });
        await send('browsingContext.navigate', { context, url, wait: 'complete' });
        return context;
      },
      close: async () => {
        await Promise.race([send('session.end').catch(() => {}), new Promise((r) => setTimeout(r, 2_000))]);
        await kill();
      },
    };
  } catch (error) {
    await kill();
    throw error;
  }
}

/** The text content of a serialised node (text nodes and descendants, shadow roots included). */
export function nodeText(node: BidiNode | undefined | null): string {
  if (!node?.value) return '';
  if (node.value.nodeType === 3) return node.value.nodeValue ?? '';
  const own = (node.value.children ?? []).map(nodeText).join('');
  return (node.value.shadowRoot ? nodeText(node.value.shadowRoot) : '') + own;
}

/** Depth-first search of a serialised tree (shadow roots included). */
export function findNode(node: BidiNode | undefined | null, test: (n: BidiNode) => boolean): BidiNode | null {
  if (!node?.value) return null;
  if (test(node)) return node;
  for (const child of [node.value.shadowRoot, ...(node.value.children ?? [])]) {
    const hit = findNode(child, test);
    if (hit) return hit;
  }
  return null;
}
