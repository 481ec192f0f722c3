import { createHash } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkSubscriptionUrl, parseIntegrity, type FetchLike } from '../../lib/facts/fetch-pack.ts';
import { FactStore } from '../../lib/facts/store.ts';
import { subscriptionStore } from '../../lib/facts/subscription-store.ts';
import { createSubscriptions, isDue, RETRY_INTERVAL_MS, UPDATE_INTERVAL_MS } from '../../lib/facts/subscriptions.ts';
import { makePack } from './fixtures.ts';

const URL_A = 'https://packs.example.org/nhs.json';

/** A scripted HTTP server: serves `body` with an ETag, honours If-None-Match, records requests. */
function fakeServer(initial: string) {
  let body = initial;
  let version = 1;
  const requests: { url: string; headers: Headers; init: RequestInit }[] = [];
  let failure: Error | null = null;
  const fetch = vi.fn<FetchLike>(async (url, init) => {
    const headers = new Headers(init.headers);
    requests.push({ url, headers, init });
    if (failure) throw failure;
    const etag = `"v${version}"`;
    if (headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });
    return new Response(body, {
      status: 200,
      headers: { etag, 'last-modified': `Mon, 0${version} Jan 2024 00:00:00 GMT`, 'content-type': 'text/plain' },
    });
  });
  return {
    fetch,
    requests,
    serve(next: string) {
      body = next;
      version += 1;
    },
    fail(error: Error | null) {
      failure = error;
    },
  };
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const sri = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

let stores: FactStore[] = [];
afterEach(() => {
  for (const s of stores) s.close();
  stores = [];
});

async function setup(body: string, opts: { maxBytes?: number } = {}) {
  const store = await FactStore.open('nhs-context', { indexedDB: new IDBFactory(), IDBKeyRange });
  stores.push(store);
  const server = fakeServer(body);
  let now = new Date('2025-03-01T09:00:00Z');
  const onPacksChanged = vi.fn();
  const subs = createSubscriptions({
    fetch: server.fetch,
    now: () => now,
    store: subscriptionStore(async () => store),
    policy: { allowLoopbackHttp: false },
    onPacksChanged,
    ...opts,
  });
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  const packVersion = async () => (await store.getPack('nhs'))?.pack.version;
  return { store, server, subs, advance, onPacksChanged, packVersion };
}

describe('subscriptions: the update cycle', () => {
  it('imports on subscribe, then gets a 304 and keeps the pack', async () => {
    const v1 = json(makePack('nhs', '1.0.0'));
    const { store, server, subs, advance, onPacksChanged, packVersion } = await setup(v1);

    const first = await subs.subscribe(URL_A);
    expect(first.ok).toBe(true);
    const record = first.ok ? first.record : null;
    expect(record).toMatchObject({
      url: URL_A,
      packId: 'nhs',
      etag: '"v1"',
      lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT',
      lastChecked: '2025-03-01T09:00:00.000Z',
      lastUpdated: '2025-03-01T09:00:00.000Z',
      lastResult: 'updated',
    });
    expect(record?.changes?.facts.counts).toEqual({ added: 5, changed: 0, removed: 0 });
    expect(server.requests[0]!.headers.get('if-none-match')).toBeNull();
    expect(server.requests[0]!.init.credentials).toBe('omit');
    expect((await store.listPacks())[0]).toMatchObject({ origin: 'subscription', extra: { url: URL_A } });
    expect(onPacksChanged).toHaveBeenCalledTimes(1);

    advance(UPDATE_INTERVAL_MS);
    const second = await subs.update(URL_A);
    expect(server.requests[1]!.headers.get('if-none-match')).toBe('"v1"');
    expect(server.requests[1]!.headers.get('if-modified-since')).toBe('Mon, 01 Jan 2024 00:00:00 GMT');
    expect(second).toMatchObject({
      lastResult: 'not-modified',
      lastChecked: '2025-03-02T09:00:00.000Z',
      lastUpdated: '2025-03-01T09:00:00.000Z',
      etag: '"v1"',
    });
    expect(await packVersion()).toBe('1.0.0');
    expect(onPacksChanged).toHaveBeenCalledTimes(1);
  });

  it('imports a changed pack and records what changed', async () => {
    const { server, subs, packVersion } = await setup(json(makePack('nhs', '1.0.0', 3, 5)));
    await subs.subscribe(URL_A);
    server.serve(json(makePack('nhs', '1.1.0', 4, 3)));
    const after = await subs.update(URL_A);
    expect(after).toMatchObject({ lastResult: 'updated', etag: '"v2"' });
    expect(after?.changes?.entities.counts).toEqual({ added: 1, changed: 3, removed: 0 });
    expect(after?.changes?.entities.added).toEqual(['nhs-e3']);
    expect(after?.changes?.facts.removed).toEqual(['nhs-f3', 'nhs-f4']);
    expect(await packVersion()).toBe('1.1.0');
  });

  it('refuses a changed pack whose integrity does not match and keeps the old one', async () => {
    const v1 = json(makePack('nhs', '1.0.0'));
    const { server, subs, packVersion } = await setup(v1);
    expect((await subs.subscribe(URL_A, sri(v1))).ok).toBe(true);
    expect(await packVersion()).toBe('1.0.0');

    server.serve(json(makePack('nhs', '2.0.0')));
    const after = await subs.update(URL_A);
    expect(after?.lastResult).toBe('error');
    expect(after?.lastError).toMatch(
      /^Integrity check failed: expected sha256-.+, received sha256-.+ The previous version is kept\.$/,
    );
    expect(after?.etag).toBe('"v1"'); // not the refused copy's: the next check must fetch again
    expect(await packVersion()).toBe('1.0.0');
  });

  it('accepts a hex integrity value over the exact bytes', async () => {
    const v1 = json(makePack('nhs', '1.0.0'));
    const { subs } = await setup(v1);
    const hex = createHash('sha256').update(v1).digest('hex');
    const result = await subs.subscribe(URL_A, hex.toUpperCase());
    expect(result.ok && result.record.lastResult).toBe('updated');
  });

  it('refuses invalid JSON, naming the position, and keeps the old pack', async () => {
    const { server, subs, packVersion } = await setup(json(makePack('nhs', '1.0.0')));
    await subs.subscribe(URL_A);
    server.serve('{\n  "format": 1,\n  "id": "nhs",,\n}');
    const after = await subs.update(URL_A);
    expect(after?.lastResult).toBe('error');
    expect(after?.lastError).toMatch(/Invalid JSON at line 3, column \d+/);
    expect(await packVersion()).toBe('1.0.0');
  });

  it('refuses a pack that fails the schema, naming the JSON path', async () => {
    const { server, subs, packVersion } = await setup(json(makePack('nhs', '1.0.0')));
    await subs.subscribe(URL_A);
    const bad = makePack('nhs', '1.1.0');
    bad.facts[2]!.sources = [];
    server.serve(json(bad));
    const after = await subs.update(URL_A);
    expect(after?.lastError).toMatch(/\$\.facts\[2\]\.sources: /);
    expect(await packVersion()).toBe('1.0.0');
  });

  it('records a network error and keeps the old pack', async () => {
    const { server, subs, packVersion } = await setup(json(makePack('nhs', '1.0.0')));
    await subs.subscribe(URL_A);
    server.fail(new TypeError('Failed to fetch'));
    const after = await subs.update(URL_A);
    expect(after).toMatchObject({
      lastResult: 'error',
      lastError: 'Network error: Failed to fetch',
      lastUpdated: expect.any(String),
    });
    expect(await packVersion()).toBe('1.0.0');
    server.fail(null);
    expect(await subs.update(URL_A)).not.toHaveProperty('lastError');
  });

  it('records an HTTP error, and a first check that fails still keeps the subscription', async () => {
    const { server, subs, store } = await setup('');
    server.fetch.mockResolvedValueOnce(new Response('gone', { status: 404, statusText: 'Not Found' }));
    const result = await subs.subscribe(URL_A);
    expect(result.ok && result.record).toMatchObject({
      lastResult: 'error',
      lastError: 'The server answered HTTP 404 Not Found.',
    });
    expect(await store.listPacks()).toEqual([]);
    expect((await subs.list()).map((s) => s.url)).toEqual([URL_A]);
  });

  it('refuses a pack over the size limit, from Content-Length or while reading', async () => {
    const { subs, server } = await setup(json(makePack('nhs', '1.0.0')), { maxBytes: 1000 });
    expect((await subs.subscribe(URL_A)).ok && (await subs.list())[0]?.lastError).toBe(
      'The pack is larger than 1000 bytes.',
    );
    server.fetch.mockResolvedValueOnce(new Response('x'.repeat(5000), { headers: { 'content-length': '5000' } }));
    expect((await subs.update(URL_A))?.lastError).toMatch(/larger than/);
  });

  it('calls an unchanged body "unchanged" and does not re-import it', async () => {
    const v1 = json(makePack('nhs', '1.0.0'));
    const { subs, server, onPacksChanged } = await setup(v1);
    await subs.subscribe(URL_A);
    server.serve(v1); // same bytes, new ETag (a server that does not keep ETags stable)
    expect(await subs.update(URL_A)).toMatchObject({ lastResult: 'unchanged', etag: '"v2"' });
    expect(onPacksChanged).toHaveBeenCalledTimes(1);
  });

  it('refuses a pack that claims the own-facts id or another subscription’s pack', async () => {
    const { subs, store, server } = await setup(json(makePack('nhs', '1.0.0')));
    await store.importPack(makePack('own', '1.0.0'), 'own');
    await subs.subscribe(URL_A);
    server.serve(json(makePack('own', '9.0.0')));
    const other = await subs.subscribe('https://mirror.example.org/own.json');
    expect(other.ok && other.record.lastError).toMatch(/reserved for your own facts/);
    server.serve(json(makePack('nhs', '3.0.0')));
    const dup = await subs.subscribe('https://mirror.example.org/nhs.json');
    expect(dup.ok && dup.record.lastError).toMatch(/already comes from another subscription/);
    expect((await store.getPack('own'))?.pack.version).toBe('1.0.0');
  });

  it('removes the pack with the subscription', async () => {
    const { subs, store, onPacksChanged } = await setup(json(makePack('nhs', '1.0.0')));
    await subs.subscribe(URL_A);
    expect(await subs.unsubscribe(URL_A)).toEqual({ removed: true, packId: 'nhs' });
    expect(await store.listPacks()).toEqual([]);
    expect(await subs.list()).toEqual([]);
    expect(onPacksChanged).toHaveBeenCalledTimes(2);
  });

  it('checks only what is due: daily, or an hour after an error', async () => {
    const { subs, server, advance } = await setup(json(makePack('nhs', '1.0.0')));
    await subs.subscribe(URL_A);
    advance(UPDATE_INTERVAL_MS - 1);
    expect(await subs.updateDue()).toEqual([]);
    advance(1);
    server.fail(new TypeError('offline'));
    expect((await subs.updateDue()).map((r) => r.lastResult)).toEqual(['error']);
    advance(RETRY_INTERVAL_MS - 1);
    expect(await subs.updateDue()).toEqual([]);
    advance(1);
    server.fail(null);
    expect((await subs.updateDue()).map((r) => r.lastResult)).toEqual(['not-modified']);
    expect(server.fetch).toHaveBeenCalledTimes(3);
  });
});

describe('subscriptions: what can be subscribed to', () => {
  it('takes https only, and http on loopback only when the policy allows it', () => {
    const strict = { allowLoopbackHttp: false };
    const test = { allowLoopbackHttp: true };
    expect(checkSubscriptionUrl('https://a.example/p.json#x', strict)).toEqual({
      ok: true,
      url: 'https://a.example/p.json',
    });
    expect(checkSubscriptionUrl('http://a.example/p.json', test).ok).toBe(false);
    expect(checkSubscriptionUrl('http://127.0.0.1:8080/p.json', strict).ok).toBe(false);
    expect(checkSubscriptionUrl('http://127.0.0.1:8080/p.json', test).ok).toBe(true);
    expect(checkSubscriptionUrl('http://localhost/p.json', test).ok).toBe(true);
    expect(checkSubscriptionUrl('https://user:pw@a.example/p.json', strict).ok).toBe(false);
    expect(checkSubscriptionUrl('file:///etc/passwd', test).ok).toBe(false);
    expect(checkSubscriptionUrl('not a url', test).ok).toBe(false);
  });

  it('refuses a bad URL or integrity value without any request', async () => {
    const { subs, server } = await setup('');
    expect(await subs.subscribe('http://packs.example.org/p.json')).toEqual({
      ok: false,
      message: 'Only https:// URLs can be subscribed to.',
    });
    expect(await subs.subscribe(URL_A, 'md5-abc')).toMatchObject({ ok: false, message: /sha256-<base64>/ });
    expect(server.fetch).not.toHaveBeenCalled();
    expect(await subs.list()).toEqual([]);
  });

  it('parses both integrity forms to the same digest', () => {
    const text = 'hello';
    const hex = createHash('sha256').update(text).digest('hex');
    expect(parseIntegrity(sri(text))).toEqual({ ok: true, integrity: { hex } });
    expect(parseIntegrity(hex)).toEqual({ ok: true, integrity: { hex } });
  });

  it('is due when never checked', () => {
    expect(isDue({ url: URL_A, addedAt: '2025-01-01T00:00:00Z' }, new Date())).toBe(true);
  });
});

describe('subscriptions: stored URLs are checked again', () => {
  it('refuses to fetch a stored http URL the policy does not allow (e.g. from a test build’s backup)', async () => {
    const { subs, server, store } = await setup('');
    await subscriptionStore(async () => store).put({
      url: 'http://127.0.0.1:9/p.json',
      addedAt: '2025-01-01T00:00:00Z',
    });
    expect(await subs.update('http://127.0.0.1:9/p.json')).toMatchObject({
      lastResult: 'error',
      lastError: 'Only https:// URLs can be subscribed to.',
    });
    expect(server.fetch).not.toHaveBeenCalled();
  });
});
