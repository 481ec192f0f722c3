/**
 * Hypothesis-compatible JSON: the envelope of hypothesis/client's exporter
 * (`src/sidebar/services/annotations-exporter.tsx`, buildJSONExportContent: `{export_date,
 * export_userid, client_version, annotations}`) around annotations shaped as the h API returns
 * them (`src/types/api.ts`, APIAnnotationData). Hypothesis's importer (`import-annotations.ts`)
 * keeps `target`, `tags`, `text`, `uri` and `document`, so those carry everything; the rest is
 * filled as a logged-out, public-group export would be. `text` is Markdown, as Hypothesis renders it.
 *
 * Differences, on purpose: canonical key order (json.ts) instead of insertion order, and the
 * annotation ids are ours (Hypothesis's are server-assigned; its importer drops them anyway).
 */
import type { Annotation } from '../protocol/annotations.ts';
import { textFragmentLink } from './fragment.ts';
import { canonicalJson } from './json.ts';
import { mdLines } from './markdown-text.ts';
import { renderer } from './render.ts';
import type { HypothesisAnnotation, HypothesisExport } from './schemas.ts';
import { quoteContext } from './selectors.ts';
import { exportItems, summaryLines, tagsOf } from './summary.ts';
import type { ExportInput } from './types.ts';

/** The h API's account form `acct:username@authority` (usernames allow letters, digits, `.` and `_`). */
export const HYPOTHESIS_USER = 'acct:nhs_context@localhost';
/** Hypothesis's public group. */
const PUBLIC_GROUP = '__world__';

/** One item as an h API annotation. */
export function hypothesisAnnotation(a: Annotation, input: ExportInput): HypothesisAnnotation {
  const { url, title } = input.result.page;
  const { prefix, suffix } = quoteContext(input.text, a.start, a.end);
  const link = textFragmentLink(url, input.text, a.start, a.end);
  return {
    id: a.id,
    created: input.created,
    updated: input.created,
    user: HYPOTHESIS_USER,
    user_info: { display_name: input.generator.name },
    uri: url,
    group: PUBLIC_GROUP,
    hidden: false,
    flagged: false,
    text: mdLines(summaryLines(a, input.result)),
    tags: tagsOf(a),
    document: { title: [title] },
    permissions: { read: [`group:${PUBLIC_GROUP}`], update: [HYPOTHESIS_USER], delete: [HYPOTHESIS_USER] },
    // Hypothesis writes RangeSelector, TextPositionSelector, TextQuoteSelector; we have no DOM range.
    target: [
      {
        source: url,
        selector: [
          { type: 'TextPositionSelector', start: a.start, end: a.end },
          { type: 'TextQuoteSelector', exact: a.exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) },
        ],
      },
    ],
    links: link ? { incontext: link } : {},
  };
}

/** The export as an object (see buildHypothesis for the text). */
export function hypothesisExport(input: ExportInput): HypothesisExport {
  const { name, version, packVersion } = input.generator;
  return {
    export_date: input.created,
    export_userid: HYPOTHESIS_USER,
    client_version: `${name} ${version} (fact pack ${packVersion})`,
    annotations: exportItems(input.result).map((a) => hypothesisAnnotation(a, input)),
  };
}

/** Hypothesis-compatible JSON, canonical JSON (json.ts). */
export function buildHypothesis(input: ExportInput): string {
  return canonicalJson(hypothesisExport(input));
}

/** The CLI's `--format hypothesis` (cli/formats.ts Renderer). */
export const render = renderer(buildHypothesis);
