/**
 * A hand-made AnnotateResult on the seed article plus a paragraph of hostile and non-Latin text:
 * RTL (Arabic), astral characters (emoji, mathematical letters), a spreadsheet formula, Markdown
 * and HTML. Offsets are found with indexOf, so the fixture follows the text.
 */
import { readFileSync } from 'node:fs';
import type { AnnotateResult, Annotation, Card, SourceRef } from '../../lib/protocol/annotations.ts';
import type { ExportInput } from '../../lib/export/index.ts';

const seed = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url), 'utf8').trimEnd();

export const EXTRA = [
  'Outside, a sign read «الإضراب مستمر» beside 🩺🏥 and 𝒩𝐇𝐒 badges.',
  '=HYPERLINK("http://evil.example","click") was pasted, as was [a link](javascript:alert(1)) and <img src=x onerror=alert(1)>.',
].join('\n\n');

/** The page text: the seed article, then EXTRA. */
export const TEXT = `${seed}\n\n${EXTRA}`;

/** [start, end) of the n-th occurrence of `needle` in TEXT. */
export function span(needle: string, nth = 0): { start: number; end: number; exact: string } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = TEXT.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`not in the fixture: ${needle} #${nth}`);
  }
  return { start: at, end: at + needle.length, exact: needle };
}

const BBC: SourceRef = {
  url: 'https://www.bbc.co.uk/news/health-1',
  publisher: 'BBC News',
  published: '2023-03-28',
  tier: 'press',
};
const BMA: SourceRef = {
  url: 'https://www.bma.org.uk/news/1',
  publisher: 'BMA',
  published: '2023-10-03',
  tier: 'primary',
};
const PULSE: SourceRef = {
  url: 'https://pulsetoday.co.uk/?p=137484',
  publisher: 'Pulse',
  published: '2023-10',
  tier: 'press',
};
const EVIL: SourceRef = {
  url: 'javascript:alert(1)',
  publisher: '[Evil](http://evil.example) <b>',
  published: null,
  tier: 'weak',
};

function entity(id: string, name: string, kind: string, sameAs: string[] = []) {
  return { id, name, kind, sameAs };
}

const barclay = entity('steve-barclay', 'Steve Barclay', 'person', ['https://en.wikipedia.org/wiki/Steve_Barclay']);
const bma = entity('bma', 'British Medical Association', 'organisation', [
  'https://en.wikipedia.org/wiki/British_Medical_Association',
]);
const sign = entity('strike-sign', 'الإضراب مستمر', 'organisation');
const badge = entity('nhs-badge', 'NHS 🏥 badge', 'organisation');
const formula = entity('formula', ' @SUM(1+1)', 'organisation');

const ann = (id: string, s: { start: number; end: number; exact: string }, rest: Partial<Annotation>): Annotation => ({
  id,
  ...s,
  kind: 'entity',
  score: 0.9,
  ...rest,
});

/** The claim check: "more than five months" against a meeting 150 days before, with alternatives. */
export const CLAIM: Annotation = ann(
  'claim-1',
  span('not sat down with striking NHS consultants in more than five months'),
  {
    kind: 'claim',
    score: 0.8,
    check: {
      claim: 'not sat down with striking NHS consultants in more than five months',
      kind: 'duration',
      verdict: 'differs',
      expected: '27 March 2023 (150 days before this article)',
      explanation: 'The last meeting the fact base knows of was 27 March 2023, 150 days before this article.',
      factIds: ['consultants-meeting-2023-03-27'],
      sources: [BMA],
      alternatives: [
        { value: 'May 2023', source: PULSE, verdict: 'differs', note: 'Pulse dated the last formal talks to May.' },
        { value: '>200 days', source: BBC, verdict: 'consistent' },
      ],
    },
  },
);

export const NO_DATA_CLAIM: Annotation = ann('claim-2', span('not been met since 12 May'), {
  kind: 'claim',
  score: 0.6,
  check: {
    claim: 'not been met since 12 May',
    kind: 'date',
    verdict: 'no-data',
    expected: '',
    explanation: '+1 nothing to compare.',
    factIds: [],
    sources: [],
  },
});

export const ANNOTATIONS: Annotation[] = [
  ann('entity-hs', span('Health Secretary'), {
    entity: barclay,
    role: { id: 'health-secretary', title: '\n-2+3 Secretary of State for Health and Social Care' },
  }),
  ann('entity-barclay', span('Steve Barclay'), { entity: barclay }),
  ann('entity-bma', span('BMA', 1), { entity: bma }),
  ann('entity-bma-2', span('BMA', 2), { entity: bma }),
  ann('date-1', span('27 March'), { kind: 'date', value: '2023-03-27' }),
  ann('figure-1', span('68,000'), { kind: 'figure', value: 68000, unit: 'patients' }),
  ann('entity-sign', span('الإضراب مستمر'), { entity: sign }),
  ann('entity-emoji', span('🩺🏥'), { kind: 'figure', value: '🩺🏥' }),
  ann('entity-badge', span('𝒩𝐇𝐒'), { entity: badge }),
  ann('entity-formula', span('=HYPERLINK("http://evil.example","click")'), { entity: formula }),
  ann('entity-md', span('[a link](javascript:alert(1))'), { kind: 'event' }),
  ann('entity-html', span('<img src=x onerror=alert(1)>'), { kind: 'event' }),
];

const card = (c: Partial<Card> & Pick<Card, 'id' | 'name' | 'kind'>): Card => ({
  description: '',
  sameAs: [],
  roleOnDate: null,
  roleNow: null,
  termNote: null,
  facts: [],
  sources: [],
  coverageNotice: null,
  ...c,
});

export const CARDS: Card[] = [
  card({
    ...barclay,
    description: 'Conservative MP; Health Secretary 2022–23.',
    roleOnDate: 'Secretary of State for Health and Social Care',
    roleNow: 'Secretary of State for Environment, Food and Rural Affairs',
    facts: [
      {
        id: 'consultants-meeting-2023-03-27',
        statement: 'Last meeting with consultants’ leaders',
        date: '2023-03-27',
        daysFromArticle: -150,
        distance: '150 days before this article',
        confidence: 'single-source',
        sources: [BMA, BBC],
        conflicts: [],
      },
    ],
    sources: [BBC],
  }),
  card({ ...bma, description: 'Doctors’ trade union.', sources: [BMA] }),
  card({ ...sign, description: 'نص من اليمين إلى اليسار', sources: [] }),
  card({ ...formula, description: '-1+1 looks like a formula', sources: [EVIL], coverageNotice: '=outside coverage' }),
];

export const RESULT: AnnotateResult = {
  page: {
    url: 'https://www.example.co.uk/news/nhs-strikes?x=1&y=2',
    title: 'Ministers [have not](http://evil.example) met <b>consultants</b> — «نص»',
    published: '2023-08-24',
    publishedFrom: 'json-ld',
    packVersion: 'nhs-industrial-action@1.0.0',
  },
  annotations: ANNOTATIONS,
  cards: CARDS,
  claims: [CLAIM, NO_DATA_CLAIM],
};

/** The export input for RESULT; override any part. */
export function input(over: Partial<ExportInput> = {}): ExportInput {
  return {
    result: RESULT,
    text: TEXT,
    created: '2026-11-24T10:00:00.000Z',
    generator: { name: 'NHS Context', version: '0.1.0', packVersion: 'nhs-industrial-action@1.0.0' },
    ...over,
  };
}

/**
 * RFC 4180 parser for the tests: fields split on commas, records on CRLF, quoted fields may hold
 * commas, CR, LF and doubled quotes. Throws on a malformed file.
 */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < csv.length) {
    let field = '';
    if (csv[i] === '"') {
      i++;
      for (;;) {
        if (i >= csv.length) throw new Error('unterminated quoted field');
        if (csv[i] === '"' && csv[i + 1] === '"') [field, i] = [field + '"', i + 2];
        else if (csv[i] === '"') break;
        else field += csv[i++];
      }
      i++;
    } else {
      while (i < csv.length && csv[i] !== ',' && csv[i] !== '\r' && csv[i] !== '\n') {
        if (csv[i] === '"') throw new Error(`bare quote at ${i}`);
        field += csv[i++];
      }
    }
    row.push(field);
    if (csv[i] === ',') i++;
    else if (csv.startsWith('\r\n', i) || i >= csv.length) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected a separator at ${i}, found ${JSON.stringify(csv[i])}`);
  }
  return rows;
}
