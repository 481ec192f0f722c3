import { describe, expect, it } from 'vitest';
import { acceptEventNoun } from '../../lib/detect/event-nouns.ts';

/** The span acceptEventNoun keeps for the first `noun` in `text`, as text, or null. */
function accepted(text: string, noun: string): string | null {
  const start = text.indexOf(noun);
  const span = acceptEventNoun(text, start, start + noun.length);
  return span && text.slice(span.start, span.end);
}

describe('acceptEventNoun', () => {
  it.each([
    ['Nurses held a strike on Tuesday.', 'strike', 'strike'],
    ['The strikes caused 5,000 cancellations.', 'strikes', 'strikes'],
    ['Consultants begin a 48-hour strike tomorrow.', 'strike', '48-hour strike'],
    ['The ballot closes next month.', 'ballot', 'ballot'],
  ])('%s: keeps "%s" as %s', (text, noun, span) => {
    expect(accepted(text, noun)).toBe(span);
  });

  it.each([
    ['Doctors will strike again in June.', 'strike'],
    ['Rail strikes hit commuters.', 'strikes'],
    ['The strike dates were announced.', 'strike'],
  ])('%s: "%s" is not an event mention', (text, noun) => {
    expect(accepted(text, noun)).toBeNull();
  });
});
