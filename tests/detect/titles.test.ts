import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/detect/annotate.ts';
import { bundledIndex, textPage } from '../helpers/pack.ts';

const index = bundledIndex();
/** The job titles the reader would see highlighted as someone's role: "title → person [role]". */
const titles = (text: string, date: string) =>
  annotate(textPage(text, date), index)
    .annotations.filter((a) => a.kind === 'entity' && a.role && a.entity)
    .map((a) => `${a.exact} → ${a.entity!.id}`);

describe('job titles written beside a known person', () => {
  it('a title after the name, set off by a comma, becomes that person’s role', () => {
    const found = titles('Pat Cullen, general secretary of the RCN, told members to vote.', '2023-06-01');
    expect(found).toEqual(['general secretary → pat-cullen']);
  });

  it('a title before the name becomes that person’s role and carries the role title', () => {
    const a = annotate(
      textPage(
        'Talks stalled. The BMA co-chairs Dr Robert Laurenson and a colleague spoke to reporters.',
        '2023-06-01',
      ),
      index,
    ).annotations.find((x) => x.exact === 'co-chairs');
    expect(a?.entity?.id).toBe('robert-laurenson');
    expect(a?.role?.title.toLowerCase()).toContain('chair');
  });

  it('a title that is not the kind of job the person holds is not attached to them', () => {
    expect(titles('Chair Pat Cullen told members to vote.', '2023-06-01')).toEqual([]);
    expect(titles('Pat Cullen, director of nothing, told members to vote.', '2023-06-01')).toEqual([]);
  });

  it('a bare title with no known person beside it stays unlinked to anyone', () => {
    expect(titles('The general secretary of the union told members to vote.', '2023-06-01')).toEqual([]);
  });
});
