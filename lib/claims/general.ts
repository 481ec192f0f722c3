/**
 * The general claim model: a claim is a checkable value (a figure, money, a percentage, a count or
 * ordinal, a duration, a date or weekday) plus what it measures (the cue table in measures.ts) plus
 * its subject (subject.ts: group, nation, period). Candidates come from the pipeline's own dates
 * and figures, number words, vague amounts and ordinals. A candidate that agrees with a record
 * about the same subject is `consistent`; anything else is `no-data` with the reason. This finder
 * never says `differs`: the specific finders (duration, schedule, figures, roles) do, where the
 * text pins the same measure, group, nation and period down.
 */
import type { ClaimCheck } from '../protocol/annotations.ts';
import type { Event, Fact } from '../facts/schema.ts';
import { dayNumber, formatDate, isFullDate, plural, startOf } from '../util/dates.ts';
import type { ClaimContext, ClaimFinder, FoundClaim } from './context.ts';
import { annotationsIn, groupLabel, numberAt, refs, sentenceText } from './context.ts';
import { noData } from './duration.ts';
import { overlaps, strikeDays, type DateWindow } from './sentence-events.ts';
import { MEASURES, ORDINAL_CUE, RANKING, type Measure } from './measures.ts';
import { agrees, formatNumber, precisionOf, qualifierBefore, readNumber, VAGUE, type Qualifier } from './quantity.ts';
import { daysOf, groupFacts, subjectEvents, subjectOf, type Subject } from './subject.ts';
import { dateSpans } from './when.ts';

const WORD =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ])?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundred|a thousand)';
/** A number as written: digits (with % or £), number words, or a vague amount. */
const NUMBER = new RegExp(
  `(£\\s?)?\\b(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(\\s*(?:%|per cent|percent))?(\\s*(?:m|bn|k|million|billion)\\b)?|\\b(${WORD})\\b(\\s+per cent)?|\\b(tens of thousands|hundreds of thousands|thousands|hundreds|dozens|(?:a|the) majority|several|a number of|(?:a|one) third|(?:a|one) quarter|half)\\b`,
  'gi',
);
const ORDINAL =
  /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))\b/gi;
/** Words that mark a number as a phone number, a service or a time rather than a claim. */
const NOT_A_CLAIM_BEFORE =
  /(?:\bNHS|\bcall|\bdial|\bphone|\btel\.?|\bline|\bno\.|\bpage|\bsection|\bclause|\bvol\.?)\s*$/i;
const NOT_A_CLAIM_AFTER = /^(?:\s?\d{3,}|[:.]\d{2}|\s*(?:am|pm|a\.m\.|p\.m\.|GMT|BST)\b)/i;
/** Nouns that count the people of whatever group the sentence is about. */
const GENERIC_PEOPLE =
  /^\s+(?:of\s+(?:the\s+|its\s+|their\s+|our\s+)?)?(?:(?:striking|nhs|union|voting|eligible|its|their|our|health|more|other)\s+)*(?:members?|staff|workers|employees|membership|colleagues|people)\b/i;
const BYLINE = /^\s*(?:published|updated|last updated|posted|by\s+[A-Z]|image|photo|copyright|©)/i;

export const findGeneral: ClaimFinder = (ctx) => {
  const out: FoundClaim[] = [];
  ctx.sents.forEach((s, i) => {
    if (!ctx.relevant(i)) return;
    const sentence = sentenceText(ctx, i);
    if (BYLINE.test(sentence)) return;
    out.push(...numbers(ctx, i, sentence), ...ordinals(ctx, i, sentence), ...rankings(ctx, i, sentence));
    out.push(...relativeDurations(ctx, i, sentence), ...dates(ctx, i, sentence));
  });
  return out;
};

/* ------------------------------------------------------------------ numbers */

interface Stated {
  value: number;
  q: Qualifier;
  precision: number;
  percent: boolean;
  money: boolean;
  words: string;
}

function numbers(ctx: ClaimContext, i: number, sentence: string): FoundClaim[] {
  const s = ctx.sents[i]!;
  const out: FoundClaim[] = [];
  const dates = annotationsIn(ctx, i).filter((a) => a.kind === 'date');
  for (const m of sentence.matchAll(NUMBER)) {
    const start = s.start + m.index;
    const end = start + m[0].length;
    if (dates.some((d) => d.start < end && start < d.end)) continue;
    const before = ctx.text.slice(Math.max(s.start, start - 60), start);
    const after = ctx.text.slice(end, Math.min(s.end, end + 120));
    if (NOT_A_CLAIM_BEFORE.test(before) || NOT_A_CLAIM_AFTER.test(after)) continue;
    if (/^(?:19|20)\d\d$/.test(m[2] ?? '') && !m[3]) continue;
    const stated = readStated(ctx, i, start, m);
    if (!stated) continue;
    const measure = MEASURES.find(
      (x) =>
        (x.percent === undefined || x.percent === stated.percent) &&
        ((x.after && x.after.test(after)) || (x.before && x.before.test(before))),
    );
    if (!measure) continue;
    if (m[5] && /^(a|an)$/i.test(m[5]) && measure.kind !== 'duration') continue;
    // "14% over two years": the period of a pay figure, not a claim of its own.
    if (
      measure.kind === 'duration' &&
      /\b(?:over|across)\s+(?:a\s+period\s+of\s+)?$/i.test(before) &&
      /%|per cent/.test(sentence)
    )
      continue;
    const cue = measure.after?.exec(after);
    const qStart = qualifierStart(ctx.text, start, s.start);
    const claimEnd = cue ? end + cue[0].replace(/\s+$/, '').length : end;
    const claim = ctx.text.slice(qStart, claimEnd);
    // A head count names whom it counts: a group the pipeline knows, or a generic word ("members",
    // "staff") that takes the sentence's group; anyone else ("cleaning staff") is not in the records.
    const own = annotationsIn(ctx, i).find(
      (a) =>
        a.kind === 'entity' &&
        !a.role &&
        a.entity &&
        a.start >= end &&
        a.start < claimEnd &&
        ctx.index.isWorkforce(a.entity.id),
    );
    const generic = GENERIC_PEOPLE.test(after);
    const subject = subjectOf(ctx, i, start, true, own?.entity?.id);
    const check =
      measure.name.startsWith('people') && !own && !generic
        ? noData(
            claim,
            measure.kind,
            `This counts ${claim.slice(end - qStart).trim()}, a group the fact base holds no figures for.`,
          )
        : checkValue(ctx, i, claim, stated, measure, subject);
    out.push({ start: qStart, end: claimEnd, check });
  }
  return out;
}

function readStated(ctx: ClaimContext, i: number, start: number, m: RegExpMatchArray): Stated | null {
  const text = m[0];
  if (m[7]) {
    const v = VAGUE.find((x) => x.re.test(m[7]!.toLowerCase()));
    if (!v) return null;
    return { value: v.value, q: v.q, precision: 1, percent: !!v.percent, money: false, words: m[7] };
  }
  const written = m[2] ?? m[5]!;
  const offset = start + text.indexOf(written);
  let value = readNumber(written) ?? numberAt(ctx, i, offset, offset + written.length);
  if (value === null) return null;
  if (m[4]) value *= /bn|billion/i.test(m[4]) ? 1e9 : /k/i.test(m[4]) ? 1e3 : 1e6;
  const percent = !!(m[3] || m[6]);
  const q = qualifierBefore(ctx.text.slice(Math.max(0, start - 30), start));
  return { value, q, precision: precisionOf(written, value), percent, money: !!m[1], words: text.trim() };
}

/** The claim's span starts at its qualifier ("more than", "some", "nearly"). */
function qualifierStart(text: string, start: number, floor: number): number {
  const before = text.slice(Math.max(floor, start - 30), start);
  const q =
    /\b(?:more than|just over|over|in excess of|upwards of|at least|almost|nearly|just under|close to|around|about|some|roughly|approximately|up to|as many as|less than|fewer than|under|an average of|an estimated|estimated)\s+$/i.exec(
      before,
    );
  return q ? start - (before.length - q.index) : start;
}

/** A record's number, with its own hedge where it has one ("more than 10,000"). */
interface Recorded {
  value: number;
  hedge: Qualifier;
  percent: boolean;
  label: string;
  id: string;
  sources: Fact['sources'];
  /** A record dated the same day or later than the article (planned events included). */
  date: string | null;
}

/** Numbers in a detail or statement string, each with the hedge written before it. */
function numbersIn(text: string): { value: number; hedge: Qualifier; percent: boolean }[] {
  const out: { value: number; hedge: Qualifier; percent: boolean }[] = [];
  for (const m of text.matchAll(
    /(£)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)(\s*%|\s*per cent)?/gi,
  )) {
    if (/^\d{4}-\d\d/.test(text.slice(m.index))) continue;
    const value = readNumber(m[2]!) ?? Number(m[2]!.replace(/,/g, ''));
    out.push({ value, hedge: qualifierBefore(text.slice(0, m.index)), percent: !!m[3] });
  }
  return out;
}

/** The recorded numbers that could settle a claim of this measure about these events. */
function recordedFor(ctx: ClaimContext, measure: Measure, events: Event[], s: Subject): Recorded[] {
  const out: Recorded[] = [];
  const percentPredicate = (p: string) => /percent|share|turnout|claim|pay-rise|pay-offer|pay-cut/.test(p);
  const fromFact = (f: Fact, label: string) => {
    const push = (value: number, hedge: Qualifier, percent: boolean, what: string, id = f.id) =>
      out.push({ value, hedge, percent, label: what, id, sources: f.sources, date: f.asOf ?? null });
    if (typeof f.value === 'number')
      push(f.value, 'exactly', percentPredicate(f.predicate), `${label}: ${f.statement}`);
    else if (typeof f.value === 'string')
      for (const n of numbersIn(f.value))
        push(n.value, n.hedge, n.percent || percentPredicate(f.predicate), `${label}: ${f.statement}`);
    // A record's own conflicts describe other reports of the same thing (rule: shown, not resolved).
    for (const c of f.conflicts ?? [])
      for (const n of typeof c.value === 'number'
        ? [{ value: c.value, hedge: 'exactly' as Qualifier, percent: percentPredicate(f.predicate) }]
        : numbersIn(String(c.value)))
        push(n.value, n.hedge, n.percent || percentPredicate(f.predicate), `${label} (another report: ${c.note})`);
  };
  for (const e of events) {
    for (const f of ctx.index.factsAbout(e.id)) if (measure.predicates.includes(f.predicate)) fromFact(f, e.title);
    const details = (e.details ?? {}) as Record<string, unknown>;
    if (measure.details)
      for (const [key, v] of Object.entries(details)) {
        if (!measure.details.test(key) && !(typeof v === 'string' && measure.details.test(v))) continue;
        const values =
          typeof v === 'number'
            ? [{ value: v, hedge: 'exactly' as Qualifier, percent: /percent|share/i.test(key) }]
            : typeof v === 'string'
              ? numbersIn(v)
              : [];
        for (const n of values)
          out.push({
            value: n.value,
            hedge: n.hedge,
            percent: n.percent || (typeof v === 'number' && /percent|share/i.test(key)),
            label: `${e.title}: ${key} ${String(v)}`,
            id: e.id,
            sources: e.sources,
            date: e.startDate ?? null,
          });
      }
  }
  for (const f of groupFacts(ctx, s, measure.predicates)) fromFact(f, ctx.index.entity(f.subject)?.name ?? f.subject);
  // A party's own figures (rule: checked against its recorded claim): the percentages its recorded
  // statements give, from statements made up to three months after the article.
  if (measure.name === 'pay erosion' || measure.name === 'pay claim')
    for (const f of partyStatements(ctx, s, measure.predicates))
      for (const n of numbersIn(f.statement).filter((x) => x.percent))
        out.push({
          value: n.value,
          hedge: n.hedge,
          percent: true,
          label: `${ctx.index.entity(f.subject)?.name ?? f.subject}: ${f.statement}`,
          id: f.id,
          sources: f.sources,
          date: f.asOf ?? null,
        });
  return out;
}

/** The statements of the group's own recorded claims around the article's date. */
function partyStatements(ctx: ClaimContext, s: Subject, predicates: readonly string[]): Fact[] {
  const d = dayNumber(ctx.date);
  return [...s.ids].flatMap((id) =>
    ctx.index
      .factsAbout(id)
      .filter(
        (f) =>
          predicates.includes(f.predicate) &&
          !!f.asOf &&
          dayNumber(startOf(f.asOf)) <= d + 92 &&
          dayNumber(startOf(f.asOf)) >= d - 366,
      ),
  );
}

/** Whether a recorded number supports the stated one (the one set of number rules, quantity.ts). */
function supports(st: Stated, r: Recorded): boolean {
  if (st.percent !== r.percent) return false;
  if (r.value === st.value && (r.hedge === st.q || r.hedge !== 'exactly')) return true;
  if (r.hedge !== 'exactly' && r.hedge !== 'around') {
    // A hedged record ("more than 10,000") supports a lower bound it implies.
    if (st.q === 'at-least' || st.q === 'more-than') return r.value >= st.value;
    return false;
  }
  // When the claim is finer than the record, compare at the record's precision.
  return agrees(st.value, st.q, r.value, Math.max(st.precision, Number.isInteger(r.value) ? 1 : 0));
}

function checkValue(ctx: ClaimContext, i: number, claim: string, st: Stated, measure: Measure, s: Subject): ClaimCheck {
  const kind = measure.kind;
  const who = groupLabel(ctx.index.entity(s.groups[0] ?? ''));
  if (measure.name === 'strike length' || measure.name === 'strike hours') return checkLength(ctx, claim, st, s);
  if (measure.name === 'unions taking part') return checkUnions(ctx, claim, st, s);
  if (measure.name === 'number of strikes') return checkStrikeCount(ctx, claim, st, s);
  if (measure.name === 'elapsed time') return checkElapsed(ctx, i, claim, st, s);
  // A head count is about the group named with it: "thousands of key workers" two sentences after
  // "junior doctors" is not about junior doctors.
  if (measure.name.startsWith('people') && !s.local)
    return noData(claim, kind, `The text does not say which group this ${measure.name} figure counts.`);
  const events = subjectEvents(ctx, s, measure.events);
  const recorded = recordedFor(ctx, measure, events, s);
  const hit = recorded.find((r) => supports(st, r));
  if (hit)
    return {
      claim,
      kind,
      verdict: 'consistent',
      expected: hit.label,
      explanation: `The fact base has ${describe(hit)} (${hit.label}), which fits "${claim}".`,
      factIds: [hit.id],
      sources: refs(hit.sources),
    };
  return noData(
    claim,
    kind,
    recorded.length
      ? `The fact base has ${recorded
          .slice(0, 3)
          .map(describe)
          .join(
            ', ',
          )} for ${who} around this date, none of which is this ${measure.name} figure; the text does not pin down a record of the same measure, group, nation and period.`
      : `The fact base has no ${measure.name} figure for ${who}${s.nation !== 'England' ? ` in ${s.nation}` : ''} around this date.`,
  );
}

function describe(r: Recorded): string {
  const hedge = r.hedge === 'exactly' ? '' : `${r.hedge.replace('-', ' ')} `;
  return `${hedge}${formatNumber(r.value)}${r.percent ? '%' : ''}`;
}

function consistent(
  claim: string,
  kind: ClaimCheck['kind'],
  ev: Event,
  explanation: string,
  expected = eventWhen(ev),
): ClaimCheck {
  return {
    claim,
    kind,
    verdict: 'consistent',
    expected,
    explanation,
    factIds: [ev.id],
    sources: refs(ev.sources),
  };
}

function eventWhen(ev: Event): string {
  const when =
    ev.endDate && ev.endDate !== ev.startDate
      ? `${formatDate(ev.startDate!)} to ${formatDate(ev.endDate)}`
      : formatDate(ev.startDate!);
  return `${ev.title}: ${when}`;
}

/** "a 72-hour walkout", "three days of strike action": the length of the strike it is about. */
function checkLength(ctx: ClaimContext, claim: string, st: Stated, s: Subject): ClaimCheck {
  const hours = /hour/i.test(claim);
  const days = hours ? st.value / 24 : st.value;
  const strikes = subjectEvents(ctx, s, ['strike']).filter((e) => strikeDays(e) !== null || daysOf(e).length > 0);
  const lengths = (e: Event) => [strikeDays(e), daysOf(e).length].filter((n): n is number => !!n);
  const fit = strikes.find((e) => lengths(e).some((n) => agrees(days, st.q, n, hours ? 1 / 24 : 1) || n === days));
  if (fit)
    return consistent(
      claim,
      'count',
      fit,
      `${fit.title} ran ${plural(daysOf(fit).length || strikeDays(fit)!, 'day')}.`,
    );
  return noData(
    claim,
    'count',
    strikes.length
      ? `The strikes the fact base has for ${groupLabel(ctx.index.entity(s.groups[0] ?? ''))} around this date are of other lengths, and the text does not say which strike this is.`
      : 'The fact base has no strike of this group around this date.',
  );
}

/** "Two unions", "several unions accepted": the workforce bodies of the event it is about. */
function checkUnions(ctx: ClaimContext, claim: string, st: Stated, s: Subject): ClaimCheck {
  const events = s.linked.length ? s.linked : subjectEvents(ctx, s, ['strike', 'ballot', 'pay-offer', 'meeting']);
  for (const e of events) {
    const unions = e.participants.filter(
      (p) => ctx.index.entity(p)?.kind === 'organisation' && ctx.index.isWorkforce(p),
    );
    if (agrees(st.value, st.q, unions.length, 1))
      return consistent(claim, 'count', e, `The fact base has ${plural(unions.length, 'union')} in ${e.title}.`);
  }
  return noData(claim, 'count', 'The fact base does not record how many unions this is about.');
}

/** Strikes of the subject's group up to the article's date (a group's own count of rounds first). */
function strikesSoFar(ctx: ClaimContext, s: Subject, ahead = 0): Event[] {
  const limit = dayNumber(ctx.date) + ahead;
  return subjectEvents(ctx, s, ['strike'], false)
    .filter((e) => dayNumber(startOf(e.startDate!)) <= limit && !/suspend|paused|called off/i.test(e.title))
    .sort((a, b) => dayNumber(startOf(a.startDate!)) - dayNumber(startOf(b.startDate!)));
}

/** "walked out 11 times": the number of strikes of the group so far. */
function checkStrikeCount(ctx: ClaimContext, claim: string, st: Stated, s: Subject): ClaimCheck {
  const rounds = groupFacts(ctx, { ...s }, ['strike-rounds']).find((f) => typeof f.value === 'number');
  if (rounds && agrees(st.value, st.q, rounds.value as number, 1))
    return {
      claim,
      kind: 'count',
      verdict: 'consistent',
      expected: String(rounds.value),
      explanation: `The fact base has ${rounds.statement}`,
      factIds: [rounds.id],
      sources: refs(rounds.sources),
    };
  const so = strikesSoFar(ctx, { ...s, window: undefined as never, linked: [] });
  if (so.length && agrees(st.value, st.q, so.length, 1))
    return consistent(
      claim,
      'count',
      so.at(-1)!,
      `The fact base has ${plural(so.length, 'strike')} by ${groupLabel(ctx.index.entity(s.groups[0] ?? ''))} up to this article, the latest ${eventWhen(so.at(-1)!)}.`,
    );
  return noData(claim, 'count', 'The fact base does not settle how many strikes this counts.');
}

/* ---------------------------------------------------------------- ordinals */

function ordinals(ctx: ClaimContext, i: number, sentence: string): FoundClaim[] {
  const s = ctx.sents[i]!;
  const out: FoundClaim[] = [];
  for (const m of sentence.matchAll(ORDINAL)) {
    const start = s.start + m.index;
    const after = ctx.text.slice(start + m[0].length, Math.min(s.end, start + m[0].length + 80));
    const cue = ORDINAL_CUE.exec(after);
    if (!cue) continue;
    if (/^\s+time\b/i.test(after)) continue;
    if (annotationsIn(ctx, i).some((a) => a.kind === 'date' && a.start <= start && start < a.end)) continue;
    const n = readNumber(m[1]!);
    if (!n) continue;
    const det = /\b(?:their|its|his|her|the|a|an|this|that)\s+$/i.exec(
      ctx.text.slice(Math.max(s.start, start - 8), start),
    );
    const cStart = det ? start - det[0].length : start;
    const end = start + m[0].length + cue[0].length;
    const claim = ctx.text.slice(cStart, end);
    const subject = subjectOf(ctx, i, start);
    out.push({ start: cStart, end, check: checkOrdinal(ctx, claim, n, subject) });
  }
  return out;
}

/** "their second walkout": the n-th strike (or strike day) of the group, around the article's date. */
function checkOrdinal(ctx: ClaimContext, claim: string, n: number, s: Subject): ClaimCheck {
  if (/dispute|ballot/i.test(claim))
    return noData(claim, 'count', 'The fact base does not number disputes or ballots.');
  const strikes = strikesSoFar(ctx, { ...s, window: undefined as never, linked: [] }, 120);
  const days = strikes.flatMap((e) =>
    daysOf(e).length ? daysOf(e).map((d) => ({ e, d })) : [{ e, d: startOf(e.startDate!) }],
  );
  const near = (d: string) => {
    const w = s.window;
    if (w) return w.from <= d && d <= w.to;
    return Math.abs(dayNumber(d) - dayNumber(ctx.date)) <= 60;
  };
  const byEvent = strikes[n - 1];
  if (byEvent && near(startOf(byEvent.startDate!)))
    return consistent(
      claim,
      'count',
      byEvent,
      `${byEvent.title} is strike number ${n} of this group in the fact base.`,
    );
  const byDay = days[n - 1];
  if (byDay && near(byDay.d))
    return consistent(
      claim,
      'count',
      byDay.e,
      `${formatDate(byDay.d)} is day of action number ${n} of this group in the fact base (${byDay.e.title}).`,
    );
  return noData(claim, 'count', 'The fact base does not settle which strike of this group this counts.');
}

/* ---------------------------------------------------------------- rankings */

function rankings(ctx: ClaimContext, i: number, sentence: string): FoundClaim[] {
  const s = ctx.sents[i]!;
  const out: FoundClaim[] = [];
  for (const m of sentence.matchAll(RANKING)) {
    const start = s.start + m.index;
    const end = start + m[0].length;
    const claim = m[0];
    const subject = subjectOf(ctx, i, start);
    out.push({ start, end, check: checkRanking(ctx, claim, subject) });
  }
  return out;
}

function checkRanking(ctx: ClaimContext, claim: string, s: Subject): ClaimCheck {
  const events = subjectEvents(ctx, s, ['strike', 'ballot', 'pay-offer', 'agreement', 'meeting']);
  if (/first/i.test(claim)) {
    // "voted recently to strike for the first time": the first may be the group's coming strike, not
    // the event the nearby date names.
    const around = s.window ? subjectEvents(ctx, { ...s, window: undefined as never, linked: [] }, ['strike']) : [];
    const first = [...events, ...around].find(
      (e) =>
        /\bfirst\b/i.test(e.title) ||
        ctx.index.factsAbout(e.id).some((f) => f.predicate === 'first-ever' && f.value === true),
    );
    if (first) return consistent(claim, 'count', first, `The fact base records ${first.title} as a first.`);
    return noData(
      claim,
      'count',
      'No record says this was the first; the absence of an earlier record is not evidence.',
    );
  }
  if (/longest/i.test(claim)) {
    const strikes = strikesSoFar(ctx, { ...s, window: undefined as never, linked: [] }, 60);
    const len = (e: Event) => groupDays(ctx, e, s.groups[0]) ?? (daysOf(e).length || strikeDays(e) || 0);
    const current = events.filter((e) => e.kind === 'strike').sort((a, b) => len(b) - len(a))[0];
    if (current && strikes.every((e) => e === current || len(e) < len(current)))
      return consistent(
        claim,
        'count',
        current,
        `${current.title} (${plural(len(current), 'day')}) is longer than every earlier strike of this group in the fact base.`,
      );
  }
  return noData(claim, 'count', 'No record ranks this against the others.');
}

/**
 * Days a joint strike ran for one of its groups, where the record gives each group's days
 * (details keyed by the group, such as consultants "19-20 September"); null when it does not.
 */
export function groupDays(ctx: ClaimContext, e: Event, group: string | undefined): number | null {
  const entity = group ? ctx.index.entity(group) : undefined;
  if (!entity || !e.details) return null;
  const key = (t: string) => t.toLowerCase().replace(/[^a-z]/g, '');
  const names = new Set([entity.id, entity.name, ...entity.aliases.map((a) => a.text)].map(key));
  for (const [k, v] of Object.entries(e.details as Record<string, unknown>)) {
    if (!names.has(key(k)) || typeof v !== 'string') continue;
    const m = /^\s*(\d{1,2})\s*[-–]\s*(\d{1,2})\b/.exec(v);
    if (m && Number(m[2]) >= Number(m[1])) return Number(m[2]) - Number(m[1]) + 1;
    if (/^\s*\d{1,2}\s+[A-Z]/.test(v)) return 1;
  }
  return null;
}

/* --------------------------------------------------------------- durations */

const RELATIVE_DURATION =
  /\b(?:(?:just|only|barely)\s+)?(?:(a|one|two|three|\d+)\s+(day|week|month|year)s?|(days|weeks|months))\s+(after|before|later|earlier)\b/gi;

function relativeDurations(ctx: ClaimContext, i: number, sentence: string): FoundClaim[] {
  const s = ctx.sents[i]!;
  const out: FoundClaim[] = [];
  for (const m of sentence.matchAll(RELATIVE_DURATION)) {
    const start = s.start + m.index;
    const end = start + m[0].length;
    out.push({ start, end, check: checkBetween(ctx, i, m[0], m) });
  }
  return out;
}

/** "a day after the nurses' strike": the gap between the two events the sentence names. */
function checkBetween(ctx: ClaimContext, i: number, claim: string, m: RegExpMatchArray): ClaimCheck {
  const subject = subjectOf(ctx, i, ctx.sents[i]!.start);
  const n = m[1] ? readNumber(m[1])! : null;
  const unit = (m[2] ?? m[3]!).replace(/s$/i, '').toLowerCase();
  const unitDays = { day: 1, week: 7, month: 30.44, year: 365.25 }[unit] ?? 1;
  // The two ends may be in this sentence or the one before ("…strike on 21 December. It comes a day after…").
  const windows = [...(i > 0 ? dateWindows(ctx, i - 1) : []), ...dateWindows(ctx, i)];
  const linked = [...(i > 0 ? subjectOf(ctx, i - 1, ctx.sents[i - 1]!.start).linked : []), ...subject.linked];
  // Every group the sentence names may own one end: "ambulance workers … a day after nurses …".
  const named = annotationsIn(ctx, i).filter(
    (a) => a.kind === 'entity' && !a.role && a.entity && ctx.index.isWorkforce(a.entity.id),
  );
  const events = [
    ...linked,
    ...named.flatMap((a) =>
      subjectEvents(ctx, { ...subject, ids: ctx.index.related(a.entity!.id), linked: [], window: undefined }, [
        'strike',
      ]),
    ),
  ].filter((e) => e.startDate && isFullDate(e.startDate));
  const points = [
    ...windows.filter((w) => w.from === w.to).map((w) => w.from),
    ...events.flatMap((e) => [e.startDate!, e.endDate ?? e.startDate!, ...daysOf(e)]),
  ];
  const uniq = [...new Set(points)];
  for (const a of uniq)
    for (const b of uniq) {
      const gap = (dayNumber(b) - dayNumber(a)) / unitDays;
      if (gap <= 0) continue;
      const ok = n === null ? gap >= 2 && gap <= 9 : agrees(n, 'exactly', gap, 1);
      if (ok) {
        const ev = events.find((e) => [e.startDate, e.endDate, ...daysOf(e)].includes(b)) ?? events[0];
        if (ev)
          return consistent(
            claim,
            'duration',
            ev,
            `The fact base has dates ${formatDate(a)} and ${formatDate(b)} in what this sentence describes, ${plural(dayNumber(b) - dayNumber(a), 'day')} apart.`,
          );
      }
    }
  return noData(claim, 'duration', 'The fact base does not date both ends of this interval.');
}

/** "in the past 22 months", "15 years of pay erosion", "two years of strikes". */
function checkElapsed(ctx: ClaimContext, i: number, claim: string, st: Stated, s: Subject): ClaimCheck {
  const unit = /year/i.test(claim) ? 'year' : /month/i.test(claim) ? 'month' : /week/i.test(claim) ? 'week' : 'day';
  const perUnit = { day: 1, week: 7, month: 30.44, year: 365.25 }[unit];
  const sentence = sentenceText(ctx, i);
  const readings: { from: string; to: string; why: string; ev?: Event }[] = [];
  // A base year written nearby ("since 2008", "2008/09"), or in the group's own pay-erosion record.
  const nearby = [i - 3, i - 2, i - 1, i]
    .filter((j) => j >= 0)
    .map((j) => sentenceText(ctx, j))
    .join(' ');
  const years = [...nearby.matchAll(/\b(?:since|from)\s+((?:19|20)\d\d)(?:[/-]\d\d)?\b/g)].map((y) => y[1]!);
  // Pay erosion is measured from a base year the text may give anywhere ("a 26% cut since 2008").
  if (/\bpay\b|wages?|erosion|real[- ]terms/i.test(sentence))
    for (const y of ctx.text.matchAll(/\bsince\s+((?:19|20)\d\d)(?:[/-]\d\d)?\b/g)) years.push(y[1]!);
  if (/\bpay\b|erosion|real[- ]terms/i.test(sentence))
    for (const f of groupFacts(ctx, s, ['real-terms-pay-cut-claim', 'cumulative-pay-rise-claim', 'pay-claim-percent']))
      for (const y of f.statement.matchAll(/\bsince\s+((?:19|20)\d\d)/g)) years.push(y[1]!);
  for (const y of new Set(years)) readings.push({ from: `${y}-01-01`, to: ctx.date, why: `from ${y} to this article` });
  if (/\b(strike|walk|action|dispute)/i.test(sentence)) {
    const strikes = strikesSoFar(ctx, { ...s, window: undefined as never, linked: [] });
    const ballots = subjectEvents(ctx, { ...s, window: undefined }, ['ballot'], false).filter(
      (e) => dayNumber(startOf(e.startDate!)) <= dayNumber(ctx.date),
    );
    const first = [...strikes, ...ballots].sort((a, b) =>
      startOf(a.startDate!).localeCompare(startOf(b.startDate!)),
    )[0];
    const last = strikes.at(-1);
    if (first && last) {
      const lastDay = startOf(last.endDate ?? last.startDate!);
      readings.push({
        from: startOf(strikes[0]!.startDate!),
        to: lastDay,
        why: 'from its first strike to its latest',
        ev: last,
      });
      readings.push({
        from: startOf(first.startDate!),
        to: ctx.date,
        why: 'from the start of the dispute to this article',
        ev: first,
      });
      readings.push({
        from: startOf(first.startDate!),
        to: lastDay,
        why: 'from the start of the dispute to its latest strike',
        ev: last,
      });
    }
  }
  for (const r of readings) {
    const elapsed = (dayNumber(r.to) - dayNumber(r.from)) / perUnit;
    if (agrees(st.value, st.q, elapsed, 1) || (st.q === 'exactly' && Math.abs(elapsed - st.value) <= 1))
      return {
        claim,
        kind: 'duration',
        verdict: 'consistent',
        expected: `${formatDate(r.from)} to ${formatDate(r.to)}`,
        explanation: `Read as the time ${r.why}: ${formatDate(r.from)} to ${formatDate(r.to)} is about ${formatNumber(Math.round(elapsed * 10) / 10)} ${unit}s.`,
        factIds: r.ev ? [r.ev.id] : [],
        sources: r.ev ? refs(r.ev.sources) : [],
      };
  }
  return noData(claim, 'duration', 'The fact base does not date both ends of this period.');
}

/* ------------------------------------------------------------------- dates */

const ACTION =
  /\b(uplift|imposed|renam\w*|known as|c[oa]me out|strik\w*|walk(?:ed|s|ing)?[- ]?outs?|walk(?:ed)? out|industrial action|action|ballot\w*|vot(?:e|ed|ing)|talks|met|meet\w*|offer\w*|deal|award\w*|picket\w*|closed|conference|stoppages?|protest\w*)\b/i;
const STATEMENT_BEFORE =
  /\b(?:said|says|told|tweeted|wrote|writes|published|posted|updated|letter|statement|interview|speaking|added|commented)\b[^.;]{0,25}$/i;

function dateWindows(ctx: ClaimContext, i: number): DateWindow[] {
  return dateSpans(ctx, i).map((d) => d.w);
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function dates(ctx: ClaimContext, i: number, sentence: string): FoundClaim[] {
  if (!ACTION.test(sentence)) return [];
  const s = ctx.sents[i]!;
  const spans = dateSpans(ctx, i).filter((d) => {
    const written = ctx.text.slice(d.start, d.end);
    if (/^(?:19|20)\d\d(?:[/-]\d\d)?$/.test(written.trim()) && !/\bin\s+$/i.test(ctx.text.slice(d.start - 4, d.start)))
      return false;
    return !STATEMENT_BEFORE.test(ctx.text.slice(Math.max(s.start, d.start - 40), d.start));
  });
  // Dates joined by "to", "and", "until" or a dash are one claim ("from 7am on 25 July to 7am on 30 July").
  const groups: { start: number; end: number; w: DateWindow }[] = [];
  for (const d of spans) {
    const prev = groups.at(-1);
    const gap = prev ? ctx.text.slice(prev.end, d.start) : '';
    if (
      prev &&
      /^[\s,]*(?:\(|\)|and|to|until|till|–|-|through|\d{1,2}(?:am|pm)|at|on|end|ending|finish\w*|\s)*$/i.test(gap) &&
      gap.length < 40
    ) {
      prev.end = Math.max(prev.end, d.end);
      prev.w = { from: prev.w.from < d.w.from ? prev.w.from : d.w.from, to: prev.w.to > d.w.to ? prev.w.to : d.w.to };
    } else groups.push({ ...d });
  }
  return groups
    .filter(
      (g) =>
        !/^(?:this|next|last) year$/i.test(
          ctx.text
            .slice(g.start, g.end)
            .replace(/[.,;:]+$/, '')
            .trim(),
        ),
    )
    .map((g) => {
      // "today (24 August)": the closing bracket belongs to the claim; trailing punctuation does not.
      if (ctx.text[g.end] === ')' && ctx.text.slice(g.start, g.end).includes('(')) g.end++;
      while (g.end > g.start && /[.,;:]/.test(ctx.text[g.end - 1]!)) g.end--;
      const claim = ctx.text.slice(g.start, g.end);
      return { start: g.start, end: g.end, check: checkDate(ctx, i, claim, g.start, g.w) };
    });
}

/** A date of a recorded action: a strike, ballot, meeting, offer or award of the group in that window. */
function checkDate(ctx: ClaimContext, i: number, claim: string, offset: number, w: DateWindow): ClaimCheck {
  const wd =
    /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[\s,]*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s/i.exec(
      claim,
    );
  if (wd && w.from === w.to) {
    const actual = WEEKDAYS[new Date(`${w.from}T00:00:00Z`).getUTCDay()]!;
    if (actual.toLowerCase() !== wd[1]!.toLowerCase())
      return {
        claim,
        kind: 'date',
        verdict: 'differs',
        expected: `${formatDate(w.from)} was a ${actual}`,
        explanation: `The calendar has ${formatDate(w.from)} on a ${actual}, not a ${wd[1]}.`,
        factIds: [],
        sources: [],
      };
  }
  const subject = subjectOf(ctx, i, offset);
  const scoped = { ...subject, window: w };
  const kinds = ['strike', 'ballot', 'meeting', 'pay-offer', 'pay-award', 'agreement', 'announcement'] as const;
  const hits = subjectEvents(ctx, scoped, kinds, false).filter((e) => overlapsWindow(e, w));
  const hit = hits.find((e) => e.kind === 'strike') ?? hits[0];
  if (hit)
    return consistent(
      claim,
      'date',
      hit,
      `The fact base has ${hit.title} ${w.from === w.to ? `on ${formatDate(w.from)}` : `between ${formatDate(w.from)} and ${formatDate(w.to)}`}: ${eventWhen(hit)}.`,
    );
  return noData(
    claim,
    'date',
    `The fact base has nothing for ${groupLabel(ctx.index.entity(subject.groups[0] ?? ''))}${subject.nation !== 'England' ? ` in ${subject.nation}` : ''} between ${formatDate(w.from)} and ${formatDate(w.to)}.`,
  );
}

/** The event's listed strike days where it has them, else its dates (a month-only event: that month). */
function overlapsWindow(e: Event, w: DateWindow): boolean {
  const days = daysOf(e);
  if (days.length) return days.some((d) => w.from <= d && d <= w.to);
  return overlaps(e, w);
}
