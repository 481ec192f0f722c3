/**
 * A Markdown report a fact-checker can paste into a document: the article (title, URL, date and
 * where the date came from), the checked claims with verdict, explanation and sources, every
 * mention with its role on the article's date and a link to it in the article, a section per
 * entity or event with its key facts, and every source as a link. Page and pack text go through
 * md.ts, so nothing on the page can become a link, an image or HTML in the report.
 */
import type { AnnotateResult, Annotation, Card, SourceRef } from '../protocol/annotations.ts';
import { formatDate } from '../util/dates.ts';
import { textFragmentLink } from './fragment.ts';
import { mdCell, mdLines, mdLink, mdText } from './markdown-text.ts';
import { renderer } from './render.ts';
import { byTier } from '../sources/tiers.ts';
import { VERDICT_LABEL, cardFor, exportItems, roleOnDate, sourceSegment, sourcesOf, summaryLines } from './summary.ts';
import type { ExportInput } from './types.ts';

const DATE_FROM: Record<string, string> = {
  'json-ld': "the page's JSON-LD",
  meta: "the page's meta tags",
  time: "the page's <time> element",
  given: 'given by the user',
  none: 'no date on the page or in its text: claims not judged',
  inferred: 'inferred from the article text',
};

function header(input: ExportInput): string[] {
  const { page } = input.result;
  const { name, version, packVersion } = input.generator;
  const url = page.url ? mdLink(page.url, page.url) : '—';
  return [
    `# Context report: ${mdText(page.title).trim() || 'untitled article'}`,
    '',
    `- Article: ${url}`,
    `- Published: ${mdText(formatDate(page.published))} (${mdText(DATE_FROM[page.publishedFrom] ?? page.publishedFrom)})`,
    ...(page.dateNote ? [`- Date: ${mdText(page.dateNote)}`] : []),
    `- Report: ${mdText(`${name} ${version}, fact pack ${packVersion}, ${input.created}`)}`,
  ];
}

function claimSection(claims: Annotation[], input: ExportInput): string[] {
  if (claims.length === 0) return [];
  const out = ['', '## Claims checked'];
  claims.forEach((a, i) => {
    const link = textFragmentLink(input.result.page.url, input.text, a.start, a.end);
    out.push('', `### ${i + 1}. ${mdText(VERDICT_LABEL[a.check!.verdict])}`, '', `> ${mdText(a.exact).trim()}`);
    if (link) out.push('', mdLink('Show in the article', link));
    out.push('', mdLines(summaryLines(a, input.result)));
  });
  return out;
}

function mentionRow(a: Annotation, input: ExportInput): string {
  const card = cardFor(input.result, a);
  const link = textFragmentLink(input.result.page.url, input.text, a.start, a.end);
  const what = a.entity?.name ?? (a.value === undefined ? '' : `${a.value}${a.unit ? ` ${a.unit}` : ''}`);
  const cells = [
    mdCell(a.exact),
    mdCell(a.kind),
    mdCell(what),
    mdCell(a.check ? VERDICT_LABEL[a.check.verdict] : roleOnDate(a, card)),
    link ? mdLink('open', link) : '—',
  ];
  return `| ${cells.join(' | ')} |`;
}

function mentionSection(items: Annotation[], input: ExportInput): string[] {
  if (items.length === 0) return ['', '## Mentions', '', 'Nothing on this page was annotated.'];
  const date = mdText(formatDate(input.result.page.published));
  return [
    '',
    '## Mentions',
    '',
    `| Text | Kind | Entity or value | Role on ${date} / verdict | Link |`,
    '| --- | --- | --- | --- | --- |',
    ...items.map((a) => mentionRow(a, input)),
  ];
}

function cardSection(items: Annotation[], result: AnnotateResult): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of items) {
    const card: Card | undefined = a.check ? undefined : cardFor(result, a);
    if (!card || seen.has(card.id)) continue;
    seen.add(card.id);
    out.push('', `### ${mdText(card.name).trim()}`, '', mdLines(summaryLines({ ...a, role: undefined }, result)));
    if (card.sameAs.length > 0)
      out.push('', `Wikipedia: ${card.sameAs.map((u) => mdLink(wikiTitle(u), u)).join(', ')}`);
  }
  return out.length > 0 ? ['', '## Who and what', ...out] : [];
}

function sourceSection(items: Annotation[], result: AnnotateResult): string[] {
  const all = new Map<string, SourceRef>();
  for (const a of items) for (const s of sourcesOf(a, cardFor(result, a))) if (!all.has(s.url)) all.set(s.url, s);
  if (all.size === 0) return [];
  // Best first (primary, press, copy, weak), then by URL: a stable order for stable bytes.
  const sorted = byTier([...all.values()].sort((x, y) => (x.url < y.url ? -1 : x.url > y.url ? 1 : 0)));
  return ['', '## Sources', '', ...sorted.map((s) => `- ${mdLinkOf(s)}`)];
}

/** "Labour Party (UK)" for https://en.wikipedia.org/wiki/Labour_Party_(UK); the URL when it is not a wiki page. */
export function wikiTitle(url: string): string {
  const m = /\/wiki\/([^?#]+)$/.exec(url);
  if (!m) return url;
  try {
    return decodeURIComponent(m[1]!).replace(/_/g, ' ');
  } catch {
    return url;
  }
}

function mdLinkOf(s: SourceRef): string {
  const seg = sourceSegment(s);
  return typeof seg === 'string' ? mdText(seg) : mdLink(seg.label, seg.url);
}

/** The Markdown report. */
export function buildMarkdown(input: ExportInput): string {
  const items = exportItems(input.result);
  const claims = items.filter((a) => a.check);
  const lines = [
    ...header(input),
    ...claimSection(claims, input),
    ...mentionSection(items, input),
    ...cardSection(items, input.result),
    ...sourceSection(items, input.result),
  ];
  return lines.join('\n') + '\n';
}

/** The CLI's `--format md` (cli/formats.ts Renderer). */
export const render = renderer(buildMarkdown);
