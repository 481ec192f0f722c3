import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../lib/protocol/annotations.ts';
import {
  announcement,
  blockIndexOf,
  isDisputed,
  mentionsAt,
  selectMentions,
  stepIndex,
  type Mention,
} from '../../lib/page/mentions.ts';

const entity = (id: string, start: number, end: number, target: string, role?: string): Annotation => ({
  id,
  start,
  end,
  exact: 'x'.repeat(end - start),
  kind: 'entity',
  score: 1,
  entity: { id: target, name: target.toUpperCase(), kind: 'person', sameAs: [] },
  ...(role ? { role: { id: role, title: role } } : {}),
});
const event = (id: string, start: number, end: number, target: string): Annotation => ({
  ...entity(id, start, end, target),
  kind: 'event',
});
const claim = (id: string, start: number, end: number, verdict: 'consistent' | 'differs' | 'no-data'): Annotation => ({
  id,
  start,
  end,
  exact: 'claim text',
  kind: 'claim',
  score: 1,
  check: { claim: 'claim text', kind: 'duration', verdict, expected: 'e', explanation: 'x', factIds: [], sources: [] },
});
const date = (id: string, start: number, end: number): Annotation => ({
  id,
  start,
  end,
  exact: 'd',
  kind: 'date',
  score: 1,
  value: '2023-03-27',
});

// Two blocks: [0, 100) and [102, 200).
const blocks: [number, number][] = [
  [0, 100],
  [102, 200],
];
const annotations = [
  entity('a1', 10, 20, 'barclay'),
  entity('a2', 30, 40, 'barclay'),
  entity('a3', 50, 66, 'barclay', 'health-secretary'),
  event('e1', 70, 77, 'strike-1'),
  claim('c1', 5, 45, 'differs'),
  claim('c2', 80, 90, 'consistent'),
  date('d1', 92, 98),
  entity('b1', 110, 120, 'barclay'),
  entity('b2', 130, 140, 'bma'),
];
const result = { annotations, claims: [annotations[4]!, annotations[5]!] };
const defaults = { markAll: false, kinds: { entity: true, event: true, claim: true }, hiddenIds: [] as string[] };
const ids = (ms: Mention[]) => ms.map((m) => m.id);

describe('selectMentions', () => {
  it('marks the first mention of each entity in the article, a role reference on its own, and disputed claims', () => {
    // b1 is Barclay again in the second paragraph: not marked again.
    expect(ids(selectMentions(result, blocks, defaults))).toEqual(['c1', 'a1', 'a3', 'e1', 'b2']);
  });

  it('marks every mention when asked', () => {
    expect(ids(selectMentions(result, blocks, { ...defaults, markAll: true }))).toEqual([
      'c1',
      'a1',
      'a2',
      'a3',
      'e1',
      'b1',
      'b2',
    ]);
  });

  it.each([
    ['entity', ['c1', 'e1']],
    ['event', ['c1', 'a1', 'a3', 'b2']],
    ['claim', ['a1', 'a3', 'e1', 'b2']],
  ] as const)('leaves out %s when that switch is off', (kind, expected) => {
    const kinds = { ...defaults.kinds, [kind]: false };
    expect(ids(selectMentions(result, blocks, { ...defaults, kinds }))).toEqual(expected);
  });

  it('leaves out entities hidden on this site (their role references too)', () => {
    expect(ids(selectMentions(result, blocks, { ...defaults, hiddenIds: ['barclay'] }))).toEqual(['c1', 'e1', 'b2']);
  });

  it('counts a claim listed in both annotations and claims once, and never marks dates or consistent claims', () => {
    const all = selectMentions(result, blocks, { ...defaults, markAll: true });
    expect(all.filter((m) => m.id === 'c1')).toHaveLength(1);
    expect(all.some((m) => m.id === 'c2' || m.id === 'd1')).toBe(false);
  });

  it('names entities by their entity, claims by their text', () => {
    const [c1, a1] = selectMentions(result, blocks, defaults);
    expect([c1!.name, c1!.targetId, a1!.name, a1!.targetId]).toEqual(['claim text', 'c1', 'BARCLAY', 'barclay']);
  });
});

describe('isDisputed', () => {
  it('is true only for claims the fact base disagrees with', () => {
    expect([isDisputed(annotations[4]!), isDisputed(annotations[5]!), isDisputed(annotations[0]!)]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('blockIndexOf', () => {
  it.each([
    [0, 0],
    [99, 0],
    [100, -1],
    [101, -1],
    [102, 1],
    [199, 1],
    [200, -1],
  ])('offset %i → block %i', (offset, expected) => {
    expect(blockIndexOf(blocks, offset)).toBe(expected);
  });
});

describe('mentionsAt', () => {
  const ms = selectMentions(result, blocks, { ...defaults, markAll: true });
  it('prefers the shortest mention containing the offset (a name inside a claim)', () => {
    expect(ids(mentionsAt(ms, 12))).toEqual(['a1', 'c1']);
  });
  it('falls back to the character before (a caret just after the last letter)', () => {
    expect(ids(mentionsAt(ms, 20))).toEqual(['c1']);
    expect(ids(mentionsAt(ms, 77))).toEqual(['e1']);
  });
  it('finds nothing between mentions', () => {
    expect(mentionsAt(ms, 100)).toEqual([]);
  });
});

describe('navigation order', () => {
  it('steps forward and back and stops at either end', () => {
    expect([
      stepIndex(3, -1, 1),
      stepIndex(3, -1, -1),
      stepIndex(3, 0, 1),
      stepIndex(3, 2, 1),
      stepIndex(3, 0, -1),
    ]).toEqual([0, 2, 1, -1, -1]);
    expect(stepIndex(0, -1, 1)).toBe(-1);
  });
  it('announces the position and the name', () => {
    expect(announcement(2, 12, 'Steve Barclay')).toBe('Mention 3 of 12: Steve Barclay');
  });
});
