import { describe, expect, it } from 'vitest';
import { appliesTo, documentNation, nationCues, sentenceNation } from '../../lib/detect/nations.ts';

describe('documentNation', () => {
  it.each([
    ['Nurses walked out across England on Tuesday, the union said.', 'England'],
    ['Junior doctors in Scotland accepted the Scottish Government offer; Holyrood welcomed it.', 'Scotland'],
    ['The Welsh Government met BMA Cymru in Cardiff; Wales has its own pay review.', 'Wales'],
    ['Stormont has no budget for the award, Belfast trusts warned; Northern Ireland waits.', 'Northern Ireland'],
    ['A story with no place named at all.', 'England'],
  ])('%s → %s', (text, nation) => {
    expect(documentNation(text)).toBe(nation);
  });

  it('keeps England when a devolved nation is named only once', () => {
    expect(documentNation('Strikes are planned in England, and one union in Scotland is balloting.')).toBe('England');
  });

  it('keeps England for a strike "in England and Wales" unless Wales clearly dominates', () => {
    expect(documentNation('Strikes in England and Wales: Welsh doctors join English ones.')).toBe('England');
  });
});

describe('sentenceNation', () => {
  it('names the one nation a sentence places itself in', () => {
    expect(sentenceNation('The Scottish health secretary spoke to reporters.')).toBe('Scotland');
    expect(sentenceNation('The Senedd debated it.')).toBe('Wales');
  });

  it('is null for no nation or for two', () => {
    expect(sentenceNation('The minister spoke to reporters.')).toBeNull();
    expect(sentenceNation('Doctors in Scotland and Wales voted.')).toBeNull();
  });
});

describe('nationCues', () => {
  it('counts every cue of every nation', () => {
    const counts = nationCues('Scotland and Scottish doctors; DHSC in Westminster.');
    expect(counts.get('Scotland')).toBe(2);
    expect(counts.get('England')).toBe(2);
    expect(counts.get('Wales')).toBe(0);
  });
});

describe('appliesTo', () => {
  it.each([
    [null, 'Scotland', true],
    ['United Kingdom', 'Wales', true],
    ['UK', 'Northern Ireland', true],
    ['England', 'England', true],
    ['England', 'Scotland', false],
    ['Scotland', 'Scotland', true],
  ] as const)('an entity of %s applies to %s: %s', (entityNation, nation, expected) => {
    expect(appliesTo(entityNation, nation)).toBe(expected);
  });
});
