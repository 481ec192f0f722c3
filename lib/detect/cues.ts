/**
 * The words that tell when an event noun's event happens, relative to the article: event linking
 * (event-nouns.ts) prefers an upcoming, ongoing or past event by them. One table, so the cue lists
 * are read and changed in one place.
 */
export const EVENT_CUES = {
  /** The event is still to come: "will strike", "the next walkout", "another round". */
  future: /\b(will|planned|plan|next|announced|set to|upcoming|further|another)\b/i,
  /** The event is under way as the article is written: "strikes began today", "continues". */
  present: /\b(today|this week|this week's|begins?|began|starts?|continues?|recommences?|now|under way|underway)\b/i,
  /** The event is over: "last month's strike", "the walkout was", "took place". */
  past: /\b(last|previous|earlier|ago|was|were|led to|took place|had)\b/i,
  /**
   * Text between an event noun and a relative date phrase that puts the phrase in another clause,
   * so it dates something else ("the strike, which ended last week").
   */
  clauseBreak: /[,;:–—()]|\b(which|that|who|when|after|before|while|since|but|and)\b/i,
} as const;
