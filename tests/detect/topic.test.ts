/**
 * What makes a text about the NHS disputes: NHS or health anchors, not a strike noun beside a
 * union that also leads other disputes, and not a person named while they hold a role elsewhere.
 * Sentences written for these tests; the bundled pack.
 */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/detect/annotate.ts';
import { bundledIndex, textPage } from '../helpers/pack.ts';

const index = bundledIndex();
const found = (text: string, date: string) =>
  annotate(textPage(text, date), index, { claims: false }).annotations.map(
    (a) => `${a.exact} → ${a.entity?.id ?? a.value ?? ''}`,
  );

describe('hard negatives get no annotation', () => {
  it.each([
    [
      "a bin strike led by Unite's general secretary",
      'Unite the Union said refuse collectors would extend their strike into a fourth month. Sharon Graham, ' +
        "Unite's general secretary, said the council had to come back to the table. The walkout has left " +
        'rubbish piled high, and the strike will go on until a fair offer is made.',
      '2025-06-10',
    ],
    [
      'a council pay dispute with UNISON and its general secretary',
      'UNISON members at the council voted for industrial action over pay. Christina McAnea said school support ' +
        'staff had been let down, and a ballot of other council workers opens next week.',
      '2024-10-02',
    ],
    [
      'a minister named while he held a role outside health',
      'Environment Secretary Steve Barclay told farmers that payments would rise this year. Mr Barclay spoke ' +
        'at a conference in Birmingham.',
      '2024-02-20',
    ],
    [
      'the 2026 Health Secretary named while he was at the Treasury',
      'James Murray, Chief Secretary to the Treasury, said the spending review would put defence first.',
      '2026-03-01',
    ],
    [
      'a mayor the fact base holds only for a party leadership story',
      'Andy Burnham, the Mayor of Greater Manchester, said the trams would run all night at the weekend.',
      '2026-06-20',
    ],
    [
      'a strike noun beside a union acronym, with no NHS staff group or health role',
      'GMB members at the warehouse began a strike on Monday over pay. The GMB said the strike would last a week.',
      '2025-03-03',
    ],
  ])('%s', (_n, text, date) => expect(found(text, date)).toEqual([]));
});

describe('the same names in an NHS context still count', () => {
  it('a general union with an NHS staff group', () => {
    expect(found('Unite said paramedics would join the walkout.', '2022-12-10')).toEqual([
      'Unite → unite',
      'paramedics → ambulance-workers',
      'walkout → ambulance-strike-2022-12-21',
    ]);
  });

  it('the same minister while Health Secretary', () => {
    expect(found('Steve Barclay visited a hospital in Leeds.', '2023-03-01')).toEqual([
      'Steve Barclay → steve-barclay',
    ]);
  });
});

describe('Holyrood', () => {
  it('is the Scottish Parliament, not the Scottish Government', () => {
    const text =
      'BMA Scotland told Holyrood that junior doctors would strike. The Scottish Government said talks would continue.';
    expect(found(text, '2023-06-13').filter((a) => a.includes('scottish-government'))).toEqual([
      'Scottish Government → scottish-government',
    ]);
  });
});
