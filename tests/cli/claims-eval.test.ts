import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation, ClaimCheck } from '../../lib/protocol/annotations.ts';
import { formatClaims, readGoldClaims, scoreClaims, type GoldClaim } from '../../cli/claims-eval.ts';

const claim = (
  start: number,
  end: number,
  verdict: ClaimCheck['verdict'],
  kind: ClaimCheck['kind'] = 'date',
): Annotation => ({
  id: `claim-${start}-${end}`,
  start,
  end,
  exact: 'x',
  kind: 'claim',
  score: 0.8,
  check: { claim: 'x', kind, verdict, expected: '', explanation: 'because', factIds: [], sources: [] },
});
const gold = (
  articleId: string,
  start: number,
  end: number,
  kind: GoldClaim['kind'],
  verdict: GoldClaim['verdict'],
): GoldClaim => ({
  articleId,
  start,
  end,
  quote: `q${start}`,
  kind,
  verdict,
});

describe('eval --claims scoring', () => {
  const golds = [
    gold('a', 0, 10, 'date', 'consistent'),
    gold('a', 20, 30, 'figure', 'no-data'),
    gold('a', 40, 50, 'role', 'consistent'),
  ];
  const preds = new Map<string, Annotation[]>([
    ['a', [claim(5, 12, 'consistent'), claim(25, 28, 'differs', 'figure'), claim(60, 70, 'no-data')]],
    ['neg', [claim(0, 4, 'differs')]],
  ]);
  const e = scoreClaims(golds, preds, ['a', 'neg']);

  it('counts a claim as found when a claim annotation overlaps its span', () => {
    expect(e.total).toMatchObject({ gold: 3, found: 2, right: 1, falseDiffers: 1 });
    expect(e.misses.map((m) => m.quote)).toEqual(['q40']);
  });

  it('splits the scores by kind and by gold verdict', () => {
    expect(e.byKind.find((r) => r.name === 'figure')).toMatchObject({ gold: 1, found: 1, right: 0, falseDiffers: 1 });
    expect(e.byVerdict.find((r) => r.name === 'consistent')).toMatchObject({ gold: 2, found: 1, right: 1 });
  });

  it('lists claims no gold claim covers, negatives included, and their differs', () => {
    expect(e.extras.map((x) => x.id)).toEqual(['a', 'neg']);
    expect(e.extraDiffers).toBe(1);
  });

  it('prints recall and accuracy, and the misses with --verbose', () => {
    const text = formatClaims(e, true);
    expect(text).toMatch(/total\s+3\s+2\s+66\.7\s+1\s+50\.0\s+1/);
    expect(text).toContain('missed:\n  a [role, consistent] q40');
    expect(text).toContain('q20: differs, gold no-data — because');
  });

  it('names the file and line of a bad gold claim', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claims-eval-'));
    const path = join(dir, 'bad.jsonl');
    writeFileSync(
      path,
      JSON.stringify(gold('a', 0, 1, 'date', 'consistent')) + '\n{"articleId":"a","kind":"colour"}\n',
    );
    expect(() => readGoldClaims(path)).toThrow(/bad\.jsonl:2: .*kind/);
  });
});
