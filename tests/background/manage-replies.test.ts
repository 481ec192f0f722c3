/**
 * Every management call's real reply, from a background holding one of everything, parses against
 * its schema in lib/protocol/manage-calls.ts — what the options page does with every reply it gets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manageCalls } from '../../lib/protocol/manage-calls.ts';
import { parseReply, type CallName } from '../../lib/protocol/messages.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import { makePack, richPack } from '../facts/fixtures.ts';
import { OPTIONS_PAGE, startManageWorker } from '../helpers/manage-worker.ts';

const remote = JSON.stringify(makePack('remote', '1.0.0'));
let w: ReturnType<typeof startManageWorker>;

beforeAll(async () => {
  w = startManageWorker({ bundled: richPack, fetch: async () => new Response(remote, { headers: { etag: '"1"' } }) });
  await w.settings.save({ ...DEFAULT_SETTINGS, keepAnnotations: true });
  const text = "The BMA said the junior doctors' strike would go ahead.";
  await w.fromPage({
    type: 'annotate',
    page: {
      url: 'https://www.bbc.co.uk/news/1',
      title: 'T',
      published: '2023-03-10',
      publishedFrom: 'meta',
      text,
      blocks: [[0, text.length]],
    },
  });
  await w.call({ type: 'subscribe', url: 'https://packs.example.org/remote.json' });
  await w.call({
    type: 'saveOwnEntity',
    entity: {
      name: 'Pat Example',
      kind: 'person',
      aliases: ['Pat'],
      description: '',
      wikipedia: 'https://en.wikipedia.org/wiki/Pat',
      private: false,
    },
  });
  await w.call({
    type: 'saveOwnFact',
    fact: {
      subject: 'own-pat-example',
      statement: 'Spoke.',
      date: '2024',
      sourceUrl: 'https://example.org/p',
      note: 'n',
    },
  });
  await w.call({ type: 'flagFact', recordId: 'turnout-1' });
});
afterAll(() => w.close());

const requests: { [K in keyof typeof manageCalls]: unknown } = {
  importPackFile: { type: 'importPackFile', text: JSON.stringify(makePack('file', '1.0.0')) },
  removePack: { type: 'removePack', id: 'file' },
  subscriptions: { type: 'subscriptions' },
  subscribe: { type: 'subscribe', url: 'https://packs.example.org/other.json' },
  updateSubscriptions: { type: 'updateSubscriptions' },
  unsubscribe: { type: 'unsubscribe', url: 'https://packs.example.org/none.json' },
  ownFacts: { type: 'ownFacts' },
  saveOwnEntity: {
    type: 'saveOwnEntity',
    entity: { name: '', kind: 'person', aliases: [], description: '', private: false },
  },
  removeOwnEntity: { type: 'removeOwnEntity', id: 'own-pat-example' },
  saveOwnFact: { type: 'saveOwnFact', fact: { subject: 'bma', statement: 'x', date: '2024', sourceUrl: '' } },
  removeOwnFact: { type: 'removeOwnFact', id: 'nope' },
  exportOwnPack: { type: 'exportOwnPack' },
  flagFact: { type: 'flagFact', recordId: 'strike-1', note: 'date?' },
  removeFlag: { type: 'removeFlag', id: 99 },
  search: { type: 'search', query: 'bma', date: '2023-03-14' },
  keptList: { type: 'keptList', query: 'bbc' },
  keptDelete: { type: 'keptDelete', id: 99 },
  keptExport: { type: 'keptExport', format: 'w3c' },
  backup: { type: 'backup' },
  restore: { type: 'restore', text: '[]' },
};

describe('management replies match their schemas', () => {
  it.each(Object.keys(requests) as (keyof typeof manageCalls)[])('%s', async (type) => {
    const raw = await w.route(requests[type], OPTIONS_PAGE);
    expect(raw.ok, JSON.stringify(raw)).toBe(true);
    const parsed = parseReply(type as CallName, raw);
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
  });
});
