/**
 * The compromise stage: number words, durations and relative dates ("more than five months",
 * "six per cent", "two days", "last month", "next Thursday"), read only from the sentences that
 * can hold them. Background and CLI only: compromise never enters the content script.
 */
import nlp from 'compromise';
import datesPlugin, { type DatesMethods } from 'compromise-dates';
import type { Span } from './sentences.ts';

nlp.plugin(datesPlugin);
type DocWithDates = ReturnType<typeof nlp> & DatesMethods;

export interface NlpNumber {
  start: number;
  end: number;
  value: number;
}

export interface NlpDate {
  start: number;
  end: number;
  /** ISO start and end (inclusive) days. */
  from: string;
  to: string;
  unit: string | null;
}

export interface NlpSentence {
  numbers: NlpNumber[];
  dates: NlpDate[];
}

/** Cheap test for sentences worth compromise's time: numbers, number words, time units, relative dates. */
const NEEDS =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|half|dozen|day|days|week|weeks|month|months|year|years|hour|hours|today|tomorrow|yesterday|tonight|last|next|this|fortnight|weekend|spring|summer|autumn|winter|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

/** Whether compromise needs to look at a sentence. */
export function needsNlp(sentence: string): boolean {
  return NEEDS.test(sentence);
}

interface NumberJson {
  number?: { num?: number };
  offset?: { start: number; length: number };
}
interface DateJson {
  dates?: { start?: string | null; end?: string | null; unit?: string };
  offset?: { start: number; length: number };
}

const EMPTY: NlpSentence = { numbers: [], dates: [] };

/**
 * Numbers and relative dates in one sentence, with offsets into the whole text. `everything`
 * skips the needsNlp filter (to check that the filter loses nothing).
 */
export function analyseSentence(text: string, span: Span, today: string, everything = false): NlpSentence {
  const sentence = text.slice(span.start, span.end);
  if (!everything && !needsNlp(sentence)) return EMPTY;
  const doc = nlp(sentence) as DocWithDates;
  const numbers = (doc.numbers().json({ offset: true }) as NumberJson[])
    .filter((n) => typeof n.number?.num === 'number' && n.offset)
    .map((n) => ({
      start: span.start + n.offset!.start,
      end: span.start + n.offset!.start + n.offset!.length,
      value: n.number!.num!,
    }));
  const dates = (doc.dates({ today, timezone: 'UTC' }).json({ offset: true }) as DateJson[])
    .filter((d) => d.dates?.start && d.dates?.end && d.offset)
    .map((d) => ({
      start: span.start + d.offset!.start,
      end: span.start + d.offset!.start + d.offset!.length,
      from: d.dates!.start!.slice(0, 10),
      to: d.dates!.end!.slice(0, 10),
      unit: d.dates!.unit ?? null,
    }));
  return { numbers, dates };
}

/** Runs the stage over the given sentences (all of them, or only those a finder asked for). */
export function analyse(
  text: string,
  sents: readonly Span[],
  today: string,
  everything = false,
): Map<number, NlpSentence> {
  const out = new Map<number, NlpSentence>();
  sents.forEach((s, i) => out.set(i, analyseSentence(text, s, today, everything)));
  return out;
}
