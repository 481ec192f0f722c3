/**
 * PageText (docs/ARCHITECTURE.md, "Contracts"): the article's visible text as the content script extracts it
 * and the background parses it. A module of its own so the content script, which builds PageText
 * but never parses it, does not carry its schema (see lib/protocol/annotations.ts).
 */
import * as z from 'zod/mini';
import { IsoDate } from '../util/iso-date.ts';
import { PublishedFrom } from './annotations.ts';

const MAX_TEXT = 20 * 1024 * 1024;

/** The article's visible text; offsets everywhere are UTF-16 indices into `text`. */
export const PageText = z.object({
  url: z.string().check(z.maxLength(4096)),
  title: z.string().check(z.maxLength(2000)),
  /** ISO date (the calendar date written in the article), when found. */
  published: z.optional(IsoDate),
  publishedFrom: PublishedFrom,
  text: z.string().check(z.maxLength(MAX_TEXT)),
  /** [start, end) of each block (headline, standfirst, paragraph, caption) in `text`. */
  blocks: z.array(z.tuple([z.number(), z.number()])),
});
export type PageText = z.infer<typeof PageText>;
