import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/detect/annotate.ts';
import { claimContext, groupLabel, groupsFor, numberAt, sentenceText } from '../../lib/claims/context.ts';
import { bundledIndex, textPage } from '../helpers/pack.ts';

const index = bundledIndex();
const contextOf = (text: string, date: string) => {
  const found = annotate(textPage(text, date), index).annotations.filter((a) => a.kind !== 'claim');
  return claimContext(text, date, index, found);
};

describe('what a claim finder sees', () => {
  it('only sentences that name someone, or sit next to one that does, are worth checking', () => {
    const ctx = contextOf(
      'The weather was mild. It rained later. The RCN said nurses would strike. It was close. Gardens were green. Roads were quiet.',
      '2023-06-01',
    );
    const worth = ctx.sents.map((_, i) => ctx.relevant(i));
    expect(sentenceText(ctx, 2)).toContain('RCN');
    expect(worth).toEqual([false, true, true, true, false, false]);
  });

  it('a claim is about the staff group named in its sentence, else in the sentence before', () => {
    const ctx = contextOf('The RCN said nurses voted to strike. They want a 10% rise.', '2023-06-01');
    expect(groupsFor(ctx, 0)).toEqual(['nurses']);
    expect(groupsFor(ctx, 1)).toEqual(['nurses']);
  });

  it('numbers are read whether written in digits or in words', () => {
    const text = 'The RCN said nurses held 12,500 meetings and three ballots.';
    const ctx = contextOf(text, '2023-06-01');
    const at = (s: string) => numberAt(ctx, 0, text.indexOf(s), text.indexOf(s) + s.length);
    expect(at('12,500')).toBe(12500);
    expect(at('three')).toBe(3);
  });

  it('a staff group is named in lower case, anything else by its own name', () => {
    expect(groupLabel(index.entity('nurses'))).toBe(index.entity('nurses')!.name.toLowerCase());
    expect(groupLabel(index.entity('nurses'))).not.toBe(index.entity('nurses')!.name);
    expect(groupLabel(index.entity('bma'))).toBe(index.entity('bma')!.name);
    expect(groupLabel(undefined)).toBe('them');
  });
});
