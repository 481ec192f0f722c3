import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/detect/annotate.ts';
import { bundledIndex, textPage } from '../helpers/pack.ts';

const index = bundledIndex();
/** "exact → entity id [role title]" for every entity annotation. */
const entities = (text: string, date: string) =>
  annotate(textPage(text, date), index)
    .annotations.filter((a) => a.kind === 'entity')
    .map((a) => `${a.exact} → ${a.entity!.id}${a.role ? ` [${a.role.title}]` : ''}`);

describe('surnames and honorifics', () => {
  it.each([
    [
      'a surname after the full name is the same person',
      'Steve Barclay met the BMA. Barclay said no.',
      '2023-03-01',
      ['Steve Barclay → steve-barclay', 'BMA → bma', 'Barclay → steve-barclay'],
    ],
    [
      'honorific + surname after the full name',
      'NHS talks: Dr Robert Laurenson spoke. Dr Laurenson added more.',
      '2023-03-01',
      ['NHS → nhs-in-england', 'Dr Robert Laurenson → robert-laurenson', 'Dr Laurenson → robert-laurenson'],
    ],
    [
      'a bare surname with no fuller mention is left alone',
      'NHS strikes continue. Barclay said no.',
      '2023-03-01',
      ['NHS → nhs-in-england'],
    ],
    [
      "a surname inside someone else's name is left alone",
      'Vivek Trivedi of the BMA spoke to reporter Shruti Sheth Trivedi.',
      '2023-03-01',
      ['Vivek Trivedi → vivek-trivedi', 'BMA → bma'],
    ],
    [
      'Barclays the bank is not Barclay',
      'Steve Barclay of the NHS talks. Barclays profits rose.',
      '2023-03-01',
      ['Steve Barclay → steve-barclay', 'NHS → nhs-in-england'],
    ],
  ])('%s', (_n, text, date, expected) => expect(entities(text, date)).toEqual(expected));
});

describe("roles resolve to the holder on the article's date", () => {
  it.each([
    [
      '2023: the Health Secretary is Steve Barclay',
      'The Health Secretary met the BMA.',
      '2023-08-24',
      ['Health Secretary → steve-barclay [Secretary of State for Health and Social Care]', 'BMA → bma'],
    ],
    [
      '2024 (after the reshuffle): Victoria Atkins',
      'The Health Secretary met the BMA.',
      '2024-01-10',
      ['Health Secretary → victoria-atkins [Secretary of State for Health and Social Care]', 'BMA → bma'],
    ],
    [
      '2025: Wes Streeting',
      'The Health Secretary met the BMA.',
      '2025-07-09',
      ['Health Secretary → wes-streeting [Secretary of State for Health and Social Care]', 'BMA → bma'],
    ],
    [
      'the Prime Minister in 2023',
      'The Prime Minister met the RCN.',
      '2023-06-27',
      ['Prime Minister → rishi-sunak [Prime Minister of the United Kingdom]', 'RCN → rcn'],
    ],
    [
      'a title beside a name names that person',
      'The RCN met health minister Will Quince.',
      '2023-07-04',
      ['RCN → rcn', 'health minister → will-quince [Minister of State for Health]', 'Will Quince → will-quince'],
    ],
    [
      "Scottish story: England's Health Secretary is not assumed",
      'BMA Scotland and the Scottish Government: the Health Secretary in Scotland spoke to NHS Scotland.',
      '2023-06-13',
      ['BMA Scotland → bma-scotland', 'Scottish Government → scottish-government', 'NHS Scotland → nhs-scotland'],
    ],
    [
      '"the NHS" in a Welsh story is NHS Wales',
      'In Wales, nurses in the NHS in Wales and the Welsh Government. The NHS is under strain in Wales.',
      '2023-05-24',
      ['nurses → nurses', 'NHS in Wales → nhs-wales', 'Welsh Government → welsh-government', 'NHS → nhs-wales'],
    ],
  ])('%s', (_n, text, date, expected) => expect(entities(text, date)).toEqual(expected));
});

describe('case rules and context', () => {
  it.each([
    ['"BMA" is case-sensitive', 'The NHS and the bma.', ['NHS → nhs-in-england']],
    [
      '"Unite" the union, not the verb',
      'NHS staff in Unite will unite behind the RCN.',
      ['Unite → unite', 'RCN → rcn'],
    ],
    [
      '"junior doctors" in any case',
      'NHS: Junior Doctors and junior doctors.',
      ['NHS → nhs-in-england', 'Junior Doctors → resident-doctors', 'junior doctors → resident-doctors'],
    ],
    [
      'a text that is not about the disputes gets nothing',
      'Quince jelly for the BMA (Baltimore Museum of Art) gala, where business consultants met Barclays.',
      [],
    ],
    [
      'business consultants are not NHS consultants',
      'The NHS hired business consultants; consultants went on strike.',
      ['NHS → nhs-in-england', 'consultants → consultants'],
    ],
    [
      'the NSW health minister and Australian junior doctors get nothing',
      'The NSW health minister said junior doctors, nurses and midwives want more, and the doctors\u2019 union threatened a strike.',
      [],
    ],
  ])('%s', (_n, text, expected) => expect(entities(text, '2023-08-24')).toEqual(expected));
});
