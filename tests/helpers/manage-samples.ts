/**
 * One valid request and one valid reply per extension-page management call (lib/protocol/manage-calls.ts),
 * for the router tables (tests/background/router.test.ts, tests/security/). `satisfies` makes a new call a type
 * error here until it has samples.
 */
import type { manageCalls } from '../../lib/protocol/manage-calls.ts';

type ManageCall = keyof typeof manageCalls;

const noChange = { added: [], changed: [], removed: [], counts: { added: 0, changed: 0, removed: 0 } };

/** A small valid own pack file (no flags). */
const ownFile = JSON.stringify({
  format: 1,
  id: 'own',
  name: 'Own facts',
  version: '1.0.0',
  published: '2025-07-25',
  license: 'Own notes',
  coverage: { from: '2025', to: '2025' },
  entities: [],
  events: [],
  facts: [],
});

export const MANAGE_SAMPLE_REQUESTS = {
  importPackFile: { type: 'importPackFile', text: ownFile, fileName: 'own.json' },
  removePack: { type: 'removePack', id: 'demo' },
  subscriptions: { type: 'subscriptions' },
  subscribe: { type: 'subscribe', url: 'https://packs.example.org/nhs.json' },
  updateSubscriptions: { type: 'updateSubscriptions' },
  unsubscribe: { type: 'unsubscribe', url: 'https://packs.example.org/nhs.json' },
  ownFacts: { type: 'ownFacts' },
  saveOwnEntity: {
    type: 'saveOwnEntity',
    entity: { name: 'Jo Example', kind: 'person', aliases: [], description: '', private: false },
  },
  removeOwnEntity: { type: 'removeOwnEntity', id: 'own-jo-example' },
  saveOwnFact: {
    type: 'saveOwnFact',
    fact: { subject: 'bma', statement: 'Said so.', date: '2024-01-02', sourceUrl: 'https://example.org/s' },
  },
  removeOwnFact: { type: 'removeOwnFact', id: 'own-fact-1' },
  exportOwnPack: { type: 'exportOwnPack' },
  flagFact: { type: 'flagFact', recordId: 'turnout-1', note: 'Wrong turnout' },
  removeFlag: { type: 'removeFlag', id: 1 },
  search: { type: 'search', query: 'BMA' },
  keptList: { type: 'keptList' },
  keptDelete: { type: 'keptDelete', id: 1 },
  keptExport: { type: 'keptExport', format: 'json' },
  backup: { type: 'backup' },
  restore: { type: 'restore', text: '{}' },
} satisfies { [K in ManageCall]: { type: K } & Record<string, unknown> };

export const MANAGE_SAMPLE_REPLIES = {
  importPackFile: {
    ok: true,
    id: 'own',
    name: 'Own facts',
    version: '1.0.0',
    origin: 'own',
    changes: { entities: noChange, events: noChange, facts: noChange },
    flagsAdded: 0,
  },
  removePack: { removed: true },
  subscriptions: { subscriptions: [] },
  subscribe: { ok: false, message: 'Only https:// URLs can be subscribed to.' },
  updateSubscriptions: { subscriptions: [] },
  unsubscribe: { removed: false },
  ownFacts: { entities: [], facts: [], flags: [], subjects: [] },
  saveOwnEntity: { ok: true, id: 'own-jo-example' },
  removeOwnEntity: { removed: true },
  saveOwnFact: { ok: false, errors: [{ field: 'sourceUrl', message: 'A source URL is required.' }] },
  removeOwnFact: { removed: true },
  exportOwnPack: { fileName: 'own.json', mime: 'application/json', text: '{}' },
  flagFact: { ok: false, message: 'not found' },
  removeFlag: { removed: false },
  search: { hits: [] },
  keptList: { items: [] },
  keptDelete: { deleted: 0 },
  keptExport: { fileName: 'kept.json', mime: 'application/json', text: '[]' },
  backup: { fileName: 'backup.json', mime: 'application/json', text: '{}' },
  restore: { ok: false, errors: [{ path: '$.format', message: 'Invalid input' }] },
} satisfies Record<ManageCall, unknown>;
