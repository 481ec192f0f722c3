/** Small synthetic packs for the fact-base tests (never the research data: the project stands alone). */
import type { Pack } from '../../lib/facts/schema.ts';

const source = { url: 'https://example.org/a', publisher: 'Example', published: '2023-01-02', tier: 'press' as const };

/** A valid synthetic pack with n organisations, one strike and m facts. */
export function makePack(id: string, version: string, n = 3, m = 5): Pack {
  return {
    format: 2,
    id,
    name: `Pack ${id}`,
    version,
    published: '2026-01-01',
    license: 'CC BY 4.0',
    coverage: { from: '2022-10', to: '2025-12' },
    entities: Array.from({ length: n }, (_, i) => ({
      id: `${id}-e${i}`,
      kind: 'organisation' as const,
      name: `Entity ${i} v${version}`,
      aliases: [{ text: `Entity ${i}`, match: 'exact' as const, context: 'none' as const }],
      description: '',
      sameAs: [],
      anchor: true,
    })),
    events: [
      {
        id: `${id}-ev0`,
        kind: 'strike',
        title: 'A strike',
        participants: n > 0 ? [`${id}-e0`] : [],
        startDate: '2023-01-02',
        endDate: null,
        nation: 'England',
        details: { turnoutPercent: 61 },
        sources: [source],
        confidence: 'corroborated',
      },
    ],
    facts: Array.from({ length: m }, (_, i) => ({
      id: `${id}-f${i}`,
      subject: `${id}-e${i % Math.max(n, 1)}`,
      predicate: 'ballot-turnout',
      value: i,
      unit: 'percent',
      asOf: '2023-01-02',
      statement: `Statement ${i} of ${version}`,
      sources: [source],
      confidence: 'single-source',
    })),
  };
}

/** A small valid pack using every optional feature: roles, role entities, parents, periods, conflicts. */
export function richPack(): Pack {
  return {
    format: 2,
    id: 'demo',
    name: 'Demo pack',
    version: '1.0.0',
    published: '2026-01-01',
    license: 'CC BY 4.0',
    coverage: { from: '2022-10', to: '2025-12' },
    description: 'For tests.',
    entities: [
      {
        id: 'bma',
        kind: 'organisation',
        name: 'British Medical Association',
        aliases: [{ text: 'BMA', match: 'exact', context: 'domain' }],
        description: "Doctors' union.",
        sameAs: ['https://en.wikipedia.org/wiki/British_Medical_Association'],
        anchor: true,
      },
      {
        id: 'bma-rdc',
        kind: 'organisation',
        name: 'BMA resident doctors committee',
        aliases: [],
        description: '',
        sameAs: [],
        parent: 'bma',
        nation: 'England',
        anchor: true,
      },
      {
        id: 'role-chair',
        kind: 'role',
        name: 'Chair of BMA Council',
        aliases: [{ text: 'BMA chair', match: 'ignore-case', context: 'domain', descriptor: true }],
        description: '',
        sameAs: [],
        anchor: true,
      },
      {
        id: 'jo-bloggs',
        kind: 'person',
        name: 'Jo Bloggs',
        aliases: [{ text: 'Bloggs', match: 'exact', context: 'coreference' }],
        description: '',
        sameAs: [],
        roles: [
          {
            title: 'Chair of BMA Council',
            role: 'role-chair',
            organisation: 'bma',
            from: '2022-07',
            to: '2025',
            sources: [source],
          },
          {
            title: 'Member',
            organisation: 'bma',
            from: null,
            to: null,
            attested: ['2021-01-01', '2021-06'],
            sources: [source],
          },
        ],
        anchor: true,
      },
      {
        id: 'residents',
        kind: 'staff-group',
        name: 'Resident doctors',
        aliases: [
          {
            text: 'junior doctors',
            match: 'ignore-case',
            context: 'domain',
            current: { from: null, to: '2024-09-18', where: 'England' },
          },
        ],
        description: '',
        sameAs: [],
        anchor: true,
      },
    ],
    events: [
      {
        id: 'strike-1',
        kind: 'strike',
        title: 'Resident doctors strike',
        participants: ['bma', 'residents'],
        startDate: '2023-03-13',
        endDate: '2023-03-16',
        nation: 'England',
        details: { times: '07:00 to 07:00', days: ['2023-03-13'], rcnRepresented: false, turnoutPercent: 77.5 },
        sources: [source],
        confidence: 'corroborated',
      },
    ],
    facts: [
      {
        id: 'turnout-1',
        subject: 'strike-1',
        predicate: 'ballot-turnout',
        value: 77.5,
        unit: 'percent',
        asOf: '2023-02-24',
        statement: 'Turnout was 77.5%.',
        sources: [
          source,
          { ...source, url: 'http://example.com/b', published: null, seen: true, tier: 'press' as const },
        ],
        confidence: 'corroborated',
        conflicts: [{ value: '78%', note: 'Rounded.', source: { ...source, published: '2023' } }],
        note: 'A note.',
      },
    ],
  };
}
