import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { descriptorKey, splitLabel } from '../../scripts/pack/convert-aliases.ts';
import { aliasFlags, convertResearch, PACK_META } from '../../scripts/pack/convert.ts';
import { validatePack } from '../../lib/facts/packs.ts';
import type { Alias, Entity, Pack } from '../../lib/facts/schema.ts';

const src = (published: string | null = '2023-01-02', tier: 'primary' | 'press' | 'copy' | 'weak' = 'press') => ({
  url: 'https://example.org/x',
  publisher: 'Example',
  published,
  seen: true,
  tier,
});
const ent = (id: string, kind: string, name: string, aliases: string[], extra: object = {}) => ({
  id,
  kind,
  name,
  aliases,
  description: `About ${name}.`,
  wikipedia: null,
  ...extra,
});

/** A research file in the documented shape, small enough to check by hand. */
function research() {
  return {
    schemaVersion: '2.0',
    title: 'Test',
    scope: 'Test',
    compiledFrom: 'Test',
    entities: [
      ent(
        'sam-smith',
        'person',
        'Sam Smith',
        ['Mr Smith', 'Smith', 'the Health Secretary', 'Health and Social Care Secretary'],
        {
          wikipedia: 'https://en.wikipedia.org/wiki/Sam_Smith',
          roles: [
            {
              title: 'Secretary of State for Health and Social Care',
              organisation: 'dhsc',
              from: '2022-10-25',
              to: '2023-11-13',
              sources: [src()],
            },
            {
              title: 'Secretary of State for Environment',
              organisation: 'uk-government',
              from: '2023-11-13',
              to: null,
              note: 'Moved.',
              sources: [src(null)],
            },
          ],
        },
      ),
      ent('kim-starr', 'person', 'Kim Starr', ['Sir Kim', 'Starr', 'Labour leader', 'the Prime Minister'], {
        roles: [
          {
            title: 'Prime Minister of the United Kingdom',
            organisation: 'uk-government',
            from: '2024-07-05',
            to: null,
            sources: [src()],
          },
        ],
      }),
      ent('alex-gray', 'person', 'Alex Gray', ['Mr Gray'], {
        roles: [
          {
            title: 'Scottish Cabinet Secretary for Health',
            organisation: 'scottish-government',
            from: null,
            to: null,
            attested: ['2025-10'],
            sources: [src()],
          },
        ],
      }),
      ent('role-health-secretary', 'role', 'Secretary of State for Health and Social Care', ['Health Secretary']),
      ent('role-prime-minister', 'role', 'Prime Minister of the United Kingdom', ['the Prime Minister', 'PM']),
      ent('dhsc', 'organisation', 'Department of Health and Social Care', ['DHSC', 'Department of Health']),
      ent('uk-government', 'organisation', 'UK Government', []),
      ent('scottish-government', 'organisation', 'Scottish Government', ['Holyrood']),
      ent('bma', 'organisation', 'British Medical Association', ['BMA', "the doctors' union"], {
        wikipedia: 'https://en.wikipedia.org/wiki/British_Medical_Association',
      }),
      ent('bma-scotland', 'organisation', 'BMA Scotland', ['BMA Scotland']),
      ent('rcn', 'organisation', 'Royal College of Nursing', [
        'RCN',
        'Royal College of Nurses (misnomer)',
        'Royal College of Nursing (misnomer)',
      ]),
      ent('resident-doctors', 'staff-group', 'Resident doctors', [
        'junior doctors',
        'junior medics',
        'doctors in training',
        'resident doctors (formerly junior doctors)',
      ]),
    ],
    events: [
      {
        id: 'strike-1',
        kind: 'strike',
        title: 'Junior doctors strike',
        participants: ['bma', 'resident-doctors'],
        startDate: '2023-03-13',
        endDate: '2023-03-16',
        nation: 'England',
        details: { times: '07:00', days: ['2023-03-13'], turnoutPercent: 77.5, rcnRepresented: false },
        sources: [src(), src('2023')],
        confidence: 'corroborated',
      },
    ],
    facts: [
      {
        id: 'rename-resident-doctors',
        subject: 'resident-doctors',
        predicate: 'renamed',
        value: 'junior doctors -> resident doctors',
        unit: null,
        asOf: '2024-09-18',
        statement: 'Renamed.',
        sources: [src()],
        confidence: 'corroborated',
      },
      {
        id: 'turnout',
        subject: 'strike-1',
        predicate: 'ballot-turnout',
        value: 77.5,
        unit: 'percent',
        asOf: '2023-02-24',
        statement: 'Turnout was 77.5%.',
        sources: [src()],
        confidence: 'single-source',
        conflicts: [{ value: '78%', note: 'Rounded.', source: src('2023-02') }],
        note: 'Derived.',
      },
    ],
    coverage: { from: '2022-10', to: '2026-06' },
  };
}

const byId = (pack: Pack, id: string): Entity => {
  const e = pack.entities.find((x) => x.id === id);
  if (!e) throw new Error(`no ${id}`);
  return e;
};
const alias = (text: string, match: Alias['match'], context: Alias['context'], more: Partial<Alias> = {}): Alias => ({
  text,
  match,
  context,
  ...more,
});

describe('convertResearch', () => {
  const pack = convertResearch(research(), PACK_META);

  it('produces a valid pack with our metadata', () => {
    expect(validatePack(pack).ok).toBe(true);
    expect(pack).toMatchObject({ format: 2, id: 'nhs-industrial-action', version: '2.0.0', license: 'CC BY 4.0' });
  });

  it("takes the pack's coverage from the research", () => {
    expect(pack.coverage).toEqual({ from: '2022-10', to: '2026-06' });
  });

  it('lists every source best first (primary, press, copy, weak), keeping research order within a tier', () => {
    const mixed = research();
    mixed.events[0]!.sources = [
      src('2023-01', 'weak'),
      src('2023-02', 'copy'),
      src('2023-03', 'press'),
      src('2023-04', 'primary'),
      src('2023-05', 'press'),
    ];
    const [ev] = convertResearch(mixed, PACK_META).events;
    expect(ev?.sources.map((x) => [x.tier, x.published])).toEqual([
      ['primary', '2023-04'],
      ['press', '2023-03'],
      ['press', '2023-05'],
      ['copy', '2023-02'],
      ['weak', '2023-01'],
    ]);
  });

  it('refuses a research source without a tier', () => {
    const untiered = research() as { events: { sources: Record<string, unknown>[] }[] };
    delete untiered.events[0]!.sources[0]!.tier;
    expect(() => convertResearch(untiered, PACK_META)).toThrow(/tier/);
  });

  it('turns names and aliases into flagged aliases, and moves role descriptors to the role entity', () => {
    const sam = byId(pack, 'sam-smith');
    expect(sam.sameAs).toEqual(['https://en.wikipedia.org/wiki/Sam_Smith']);
    expect(sam.aliases).toEqual([
      alias('Sam Smith', 'exact', 'none'),
      alias('Mr Smith', 'exact', 'domain'),
      alias('Smith', 'exact', 'coreference'),
      // not an alias of the role entity here, so it stays on the person as a descriptor
      alias('Health and Social Care Secretary', 'ignore-case', 'domain', { descriptor: true }),
    ]);
    expect(byId(pack, 'role-health-secretary').aliases.map((a) => a.text)).toEqual([
      'Secretary of State for Health and Social Care',
      'Health Secretary',
    ]);
    const kim = byId(pack, 'kim-starr');
    expect(kim.anchor).toBe(true); // not in the table of non-anchors
    expect(kim.aliases).toEqual([
      alias('Kim Starr', 'exact', 'none'),
      alias('Sir Kim', 'exact', 'domain'),
      alias('Starr', 'exact', 'coreference'),
      alias('Labour leader', 'ignore-case', 'domain', { descriptor: true }),
    ]);
    expect(byId(pack, 'role-prime-minister').aliases).toEqual([
      alias('Prime Minister of the United Kingdom', 'ignore-case', 'domain', { descriptor: true }),
      alias('the Prime Minister', 'ignore-case', 'domain', { descriptor: true }),
      alias('PM', 'exact', 'domain', { descriptor: true }),
    ]);
    expect(byId(pack, 'role-prime-minister').anchor).toBe(false);
  });

  it('flags organisation aliases: short acronyms and descriptions need context', () => {
    expect(byId(pack, 'bma').aliases).toEqual([
      alias('British Medical Association', 'exact', 'none'),
      alias('BMA', 'exact', 'domain'),
      alias("the doctors' union", 'ignore-case', 'coreference'),
    ]);
    expect(byId(pack, 'dhsc').aliases).toEqual([
      alias('Department of Health and Social Care', 'exact', 'none'),
      alias('DHSC', 'exact', 'none'),
      alias('Department of Health', 'exact', 'domain'),
    ]);
    expect(byId(pack, 'scottish-government').aliases.every((a) => a.context === 'domain')).toBe(true);
  });

  it('drops a research alias that names something else: Holyrood is the Scottish Parliament', () => {
    expect(byId(pack, 'scottish-government').aliases.map((a) => a.text)).not.toContain('Holyrood');
    expect(byId(pack, 'scottish-government').name).toBe('Scottish Government');
  });

  it('removes bracketed misnomer labels, keeping a note, and drops duplicates', () => {
    expect(byId(pack, 'rcn').aliases).toEqual([
      alias('Royal College of Nursing', 'exact', 'none'),
      alias('RCN', 'exact', 'none'),
      alias('Royal College of Nurses', 'exact', 'none', {
        note: 'A misnomer used by some outlets; the correct name is Royal College of Nursing.',
      }),
    ]);
    expect(byId(pack, 'bma-scotland').aliases).toHaveLength(1);
  });

  it('dates the junior → resident doctors rename from the research fact', () => {
    const before = { from: null, to: '2024-09-18', where: 'England' };
    expect(byId(pack, 'resident-doctors').aliases).toEqual([
      alias('Resident doctors', 'ignore-case', 'domain', {
        current: { from: '2024-09-18', to: null, where: 'England' },
      }),
      alias('junior doctors', 'ignore-case', 'domain', { current: before }),
      alias('junior medics', 'ignore-case', 'domain', { current: before }),
      alias('doctors in training', 'ignore-case', 'domain'),
    ]);
  });

  it('links roles to role entities and nations, and sets parents and entity nations', () => {
    const [health, other] = byId(pack, 'sam-smith').roles ?? [];
    expect(health).toEqual({
      title: 'Secretary of State for Health and Social Care',
      role: 'role-health-secretary',
      organisation: 'dhsc',
      from: '2022-10-25',
      to: '2023-11-13',
      nation: 'England',
      sources: [src()],
    });
    expect(other).toEqual({
      title: 'Secretary of State for Environment',
      organisation: 'uk-government',
      from: '2023-11-13',
      to: null,
      note: 'Moved.',
      sources: [src(null)],
    });
    expect(byId(pack, 'kim-starr').roles?.[0]?.role).toBe('role-prime-minister');
    expect(byId(pack, 'alex-gray').roles?.[0]).toMatchObject({ nation: 'Scotland', attested: ['2025-10'] });
    expect(byId(pack, 'bma-scotland')).toMatchObject({ parent: 'bma', nation: 'Scotland' });
    expect(byId(pack, 'dhsc').nation).toBe('England');
  });

  it('carries events and facts over unchanged', () => {
    expect(pack.events).toEqual(research().events);
    expect(pack.facts).toEqual(research().facts);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(convertResearch(research(), PACK_META))).toBe(JSON.stringify(pack));
  });

  it('refuses research with unknown keys (nothing may be dropped silently) or a missing rename fact', () => {
    const extra = research();
    (extra.facts[1] as Record<string, unknown>).comment = 'x';
    expect(() => convertResearch(extra, PACK_META)).toThrow(/comment/);
    const noRename = research();
    noRename.facts.shift();
    expect(() => convertResearch(noRename, PACK_META)).toThrow(/rename-resident-doctors/);
  });
});

describe('alias rules', () => {
  it('splits bracketed labels', () => {
    expect(splitLabel('Royal Society of Radiographers (erroneous name used by some outlets)')).toEqual({
      text: 'Royal Society of Radiographers',
      label: 'erroneous name used by some outlets',
    });
    expect(splitLabel('BMA')).toEqual({ text: 'BMA' });
  });

  it('compares descriptors ignoring case and a leading "the"', () => {
    expect(descriptorKey('the PM')).toBe(descriptorKey('PM'));
    expect(descriptorKey('The  Health Secretary')).toBe('health secretary');
  });

  it.each([
    ['Unite', 'organisation', 'exact', 'domain'],
    ['UNISON', 'organisation', 'exact', 'domain'], // organises outside the NHS too
    ['Unite the Union', 'organisation', 'exact', 'domain'],
    ['Royal College of Midwives', 'organisation', 'exact', 'none'],
    ['NHSE', 'organisation', 'exact', 'none'],
    ['SoR', 'organisation', 'exact', 'domain'],
    ['NHS', 'organisation', 'exact', 'none'],
    ['pay review body', 'organisation', 'ignore-case', 'coreference'],
    ['junior doctors committee', 'organisation', 'ignore-case', 'domain'],
    ['the Commons', 'organisation', 'exact', 'none'],
    ['Dr Coffey', 'person', 'exact', 'domain'],
    ['Professor Pat Cullen', 'person', 'exact', 'none'],
    ['AfC staff', 'staff-group', 'ignore-case', 'domain'],
  ] as const)('%s (%s) → %s, %s', (text, kind, match, context) => {
    expect(aliasFlags(text, { id: 'x', kind }, false)).toEqual({ match, context });
  });
});

describe('the committed pack', () => {
  const text = readFileSync(new URL('../../assets/packs/nhs-industrial-action.json', import.meta.url), 'utf8');
  const result = validatePack(JSON.parse(text));
  const pack = result.ok ? result.pack : undefined;

  it('validates and is large enough', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(pack?.entities.length).toBeGreaterThan(100);
    expect(pack?.events.length).toBeGreaterThan(50);
  });

  it('is written as pretty JSON', () => {
    expect(text).toBe(`${JSON.stringify(pack, null, 2)}\n`);
  });

  it('has at least one source on every event, fact and role', () => {
    for (const r of [...(pack?.events ?? []), ...(pack?.facts ?? [])])
      expect(r.sources.length, r.id).toBeGreaterThan(0);
    for (const e of pack?.entities ?? []) for (const r of e.roles ?? []) expect(r.sources[0]?.url).toMatch(/^https?:/);
  });

  it('knows Steve Barclay as Health Secretary from 2022-10-25 to 2023-11-13', () => {
    const barclay = pack && byId(pack, 'steve-barclay');
    expect(barclay?.roles).toContainEqual(
      expect.objectContaining({ role: 'role-health-secretary', from: '2022-10-25', to: '2023-11-13' }),
    );
  });

  it('resolves "the Health Secretary" through the role entity only, and keeps no bracketed labels', () => {
    const holders = pack?.entities.filter((e) => e.aliases.some((a) => descriptorKey(a.text) === 'health secretary'));
    expect(holders?.map((e) => e.id)).toEqual(['role-health-secretary']);
    expect(
      pack?.entities.flatMap((e) => e.aliases).filter((a) => /\(misnomer|erroneous|formerly/.test(a.text)),
    ).toEqual([]);
  });
});
