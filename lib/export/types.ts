/**
 * What every export builder takes and what the registry holds.
 * Builders are pure: the timestamp and the ids come in, so the same input gives the same bytes.
 */
import type { AnnotateResult } from '../protocol/annotations.ts';

/** The input of every builder. */
export interface ExportInput {
  /** The annotate result: page metadata, annotations, cards and claim checks. */
  result: AnnotateResult;
  /** PageText's `text`: selectors and text-fragment links are computed over it. */
  text: string;
  /** ISO timestamp of the export, passed in (never read from the clock). */
  created: string;
  /** The software that made the export, and the fact pack's version. */
  generator: { name: string; version: string; packVersion: string };
  /** Prefix for the ids of the collection, pages and annotations; a `urn:` derived from the URL and `created` by default. */
  idBase?: string;
}

/** One export format: a pure builder plus what a download needs. */
export interface Exporter {
  build(input: ExportInput): string;
  /** File extension without the dot. */
  extension: string;
  mime: string;
}
