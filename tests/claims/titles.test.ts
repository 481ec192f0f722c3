/** Titles beside names, by office and nation; sentences written for these tests. */
import { describe, expect, it } from 'vitest';
import { claims } from './helpers.ts';

const roles = (text: string, date: string) => claims(text, date, 'role').map((c) => `${c.verdict}: ${c.exact}`);

describe('titles beside names', () => {
  it.each([
    [
      'a union office after the name, inside the attested window',
      'Rachel Harrison, GMB national secretary, said ambulance workers would strike.',
      '2022-12-06',
      ['consistent: Rachel Harrison, GMB national secretary'],
    ],
    [
      'general secretary and chief executive before the name, inside the term',
      'The RCN’s general secretary and chief executive, Pat Cullen, spoke to nurses.',
      '2022-12-20',
      ['consistent: general secretary and chief executive, Pat Cullen'],
    ],
    [
      'co-chairs of a BMA committee, before the names',
      'BMA junior doctors committee co-chairs Dr Rob Laurenson and Dr Vivek Trivedi wrote to ministers.',
      '2023-02-24',
      ['consistent: BMA junior doctors committee co-chairs Dr Rob Laurenson'],
    ],
    [
      'a Scottish office outside its attested window is no-data, never differs',
      'First Minister Humza Yousaf met junior doctors of the BMA in Scotland.',
      '2023-06-13',
      ['no-data: First Minister Humza Yousaf'],
    ],
    [
      'a person the fact base does not know is no-data',
      'Jane Brightwater, Director RCN Cymru, said nurses in Wales would vote.',
      '2023-05-24',
      ['no-data: Jane Brightwater, Director RCN Cymru'],
    ],
    [
      'a former title is not a claim',
      'Former health secretary Matt Hancock said the RCN strike was wrong.',
      '2022-12-15',
      [],
    ],
  ])('%s', (_n, text, date, expected) => {
    expect(roles(text, date)).toEqual(expected);
  });
});
