/**
 * What a number measures, from the words around it: the one table of cue words every claim
 * candidate is classified by. A number that matches no row is not a claim (a phone number, "NHS
 * 111", a year, a time of day); a row says which kind of claim it makes, which fact predicates and
 * event details can settle it, and which kinds of event it can be about.
 */
import type { EventKind } from '../facts/schema.ts';

export interface Measure {
  name: string;
  kind: 'figure' | 'count' | 'duration';
  /** Words right after the number ("…nurses", "…-day strike", "…per cent pay rise"). */
  after?: RegExp;
  /** Words right before it ("turnout of …", "pay rise of …"). */
  before?: RegExp;
  /** Only for percentages (true) or only for plain numbers (false). */
  percent?: boolean;
  predicates: readonly string[];
  /** Event detail keys that can hold the value. */
  details?: RegExp;
  events: readonly EventKind[];
}

const PEOPLE =
  "(?:(?:striking|junior|resident|senior|ambulance|nhs|health|key|other|more|voting|eligible|union|health service|nursing|frontline|front-line|[A-Z][A-Za-z’']*)\\s+){0,3}(?:members?|workers?|staff|nurses|doctors|consultants|radiographers|paramedics|midwives|physiotherapists|employees|people|medics|voters|colleagues|membership)\\b";
const PAY = '(?:pay\\s+)?(?:rise|increase|uplift|award|offer|deal|settlement|boost|hike)';

export const MEASURES: readonly Measure[] = [
  {
    name: 'ballot turnout',
    kind: 'figure',
    percent: true,
    before: /\bturnout\s+(?:\w+\s+)?(?:of|was|at|in excess of|above|over|reached)\s+(?:\w+\s+){0,2}$/i,
    after: /^\s*turnout\b/i,
    predicates: ['ballot-turnout'],
    details: /turnout/i,
    events: ['ballot'],
  },
  {
    name: 'vote share',
    kind: 'figure',
    percent: true,
    after:
      /^(?:\s+of\s+(?:the\s+)?(?:[\w’']+\s+){0,4}?(?:members|those|voters|doctors|nurses|membership|staff|votes)(?:\s+who\s+voted)?)?[^.;]{0,25}?\b(?:vot\w*|backed|supported|in favour|rejected|accepted|said yes|said no)\b/i,
    predicates: ['ballot-yes-share', 'offer-accept-share', 'offer-reject-share'],
    details: /share|yes|accept|reject|vote/i,
    events: ['ballot'],
  },
  {
    name: 'pay erosion',
    kind: 'figure',
    percent: true,
    before: /\b(?:pay\s+)?(?:cut|erosion|decline|fall|drop)\s+(?:\w+\s+){0,2}(?:of|by)\s+(?:\w+\s+){0,2}$/i,
    after:
      /^[^.;]{0,60}?\b(?:since\s+(?:20\d\d|the\s+\w+)|pay erosion|real[- ]terms|pay restoration|restor\w+|erosion|lower|higher|less)\b/i,
    predicates: ['real-terms-pay-cut-claim', 'cumulative-pay-rise-claim', 'pay-claim-percent'],
    details: /erosion|cut|restor|claim/i,
    events: ['pay-offer', 'pay-award', 'agreement', 'ballot'],
  },
  {
    name: 'pay claim',
    kind: 'figure',
    percent: true,
    before: /\b(?:calling for|call for|demand\w*|asking for|seeking|claim (?:of|for))\s+(?:an?\s+)?(?:\w+\s+){0,2}$/i,
    predicates: ['pay-claim-percent', 'cumulative-pay-rise-claim'],
    details: /claim/i,
    events: ['pay-offer', 'ballot'],
  },
  {
    name: 'pay rise',
    kind: 'figure',
    before: new RegExp(`\\b${PAY}\\s+(?:\\w+\\s+){0,2}(?:of|worth|at)\\s+(?:\\w+\\s+){0,2}$`, 'i'),
    after: new RegExp(
      `^\\s*(?:(?:extra|more|additional|real-terms|consolidated|non-consolidated|average|an?)\\s+)*(?:${PAY}|pay\\b|extra pay|lump sum|one-off|on average|plus\\b|over\\s+(?:two|three|\\d)\\s+years|in\\s+20\\d\\d)`,
      'i',
    ),
    predicates: ['pay-rise-percent', 'pay-offer-percent', 'pay-rise', 'pay-offer', 'one-off-payment'],
    details: /pay|rise|offer|award|uplift|doctors|consultants|nurses|lump|payment/i,
    events: ['pay-offer', 'pay-award', 'agreement'],
  },
  {
    name: 'appointments rescheduled',
    kind: 'figure',
    percent: false,
    after:
      /^\s+(?:hospital\s+|outpatient\s+)?(?:patients|appointments|operations|procedures|appointments,?\s+procedures)\b/i,
    predicates: [
      'appointments-rescheduled',
      'appointments-rescheduled-all-settings',
      'cumulative-appointments-rescheduled',
    ],
    details: /appointments|rescheduled/i,
    events: ['strike'],
  },
  {
    name: 'people voting',
    kind: 'figure',
    percent: false,
    after: new RegExp(
      `^\\s+(?:of\\s+(?:the\\s+)?)?${PEOPLE}[^.;]{0,40}?\\b(?:voted|vote|voting|backed|took part in the\\s+(?:\\w+\\s+)?ballot)`,
      'i',
    ),
    predicates: ['ballot-yes-votes'],
    details: /votes|yes|participants/i,
    events: ['ballot'],
  },
  {
    name: 'people taking part or balloted',
    kind: 'figure',
    percent: false,
    after: new RegExp(`^\\s+(?:of\\s+(?:the\\s+)?)?${PEOPLE}`, 'i'),
    predicates: [
      'members-striking',
      'workers-involved',
      'staff-involved',
      'members-balloted',
      'ballot-yes-votes',
      'ballot-electorate',
      'headcount-england',
    ],
    details: /members|workers|staff|scale|balloted|votes|electorate|nurses|doctors/i,
    events: ['strike', 'ballot', 'pay-offer'],
  },
  {
    name: 'trusts or employers taking part',
    kind: 'count',
    percent: false,
    after:
      /^\s+(?:(?:nhs|hospital|ambulance|health|acute)\s+){0,2}(?:trusts|ambulance services|health boards|employers|hospitals|services)\b/i,
    predicates: ['trusts-with-mandate'],
    details: /trust|services|boards|employers|hospitals/i,
    events: ['ballot', 'strike'],
  },
  {
    name: 'unions taking part',
    kind: 'count',
    percent: false,
    after: /^\s+(?:(?:health|nhs|other)\s+)?unions\b/i,
    predicates: [],
    events: ['strike', 'ballot', 'pay-offer', 'meeting'],
  },
  {
    name: 'strike length',
    kind: 'count',
    percent: false,
    after:
      /^(?:[- ](?:day|hour)s?[- ](?:\w+\s+)?(?:strikes?|walk[- ]?outs?|stoppages?|action)|\s+(?:more\s+|further\s+|consecutive\s+)?(?:days|hours)\s+(?:of\s+(?:\w+\s+){0,3}?(?:strikes?|strike action|industrial action|walk[- ]?outs?|action)|(?:strike|walk[- ]?out)))/i,
    predicates: ['strike-days'],
    events: ['strike'],
  },
  {
    name: 'strike hours',
    kind: 'count',
    percent: false,
    before: /\b(?:strike|walk[- ]?out|action|stoppage)s?\s+(?:\w+\s+){0,4}(?:for|lasting|of)\s+(?:\w+\s+)?$/i,
    after: /^\s+(?:hours|days)\b/i,
    predicates: ['strike-days'],
    events: ['strike'],
  },
  {
    name: 'number of strikes',
    kind: 'count',
    percent: false,
    after: /^\s+(?:times|strikes|walkouts|rounds of strikes|rounds)\b/i,
    predicates: ['strike-rounds'],
    events: ['strike'],
  },
  {
    name: 'elapsed time',
    kind: 'duration',
    percent: false,
    after: /^\s+(?:years?|months?|weeks?|days?)\b(?:\s+(?:of|after|before|later|earlier|ago|since|to)\b)?/i,
    predicates: [],
    events: ['strike', 'meeting', 'pay-offer', 'pay-award', 'agreement', 'ballot'],
  },
];

/** Ordinal claims: "their second walkout", "the 14th strike", "a second round of strikes". */
export const ORDINAL_CUE =
  /^\s+(?:(?:round|wave|day|set)\s+of\s+(?:\w+\s+){0,2}?)?(?:(?:\w+\s+){0,2}?)(?:strikes?|walk[- ]?outs?|stoppages?|industrial action|round|wave|dispute|ballot|day of (?:strike|action))\b/i;

/** Superlatives and firsts that rank one event among others: checkable only when the record says so. */
export const RANKING =
  /\b(?:for the first time(?:\s+in\s+(?:this|the)\s+\w+)?|(?:the\s+|its\s+|their\s+)?(?:biggest|largest|longest|first[- ]ever)\b(?:\s+[\w’']+){0,5}?\s+(?:in\s+(?:its|their|the)\s+history|so far|on record|ever|yet))/gi;
