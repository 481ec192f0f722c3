/**
 * Kept annotations (opt-in, off by default): when the reader turned "keep annotations" on, the
 * background stores each article a content script had annotated — one row per URL, replaced when
 * the page is annotated again. The options page lists, searches, deletes and exports them (through
 * lib/export's builders, one document per article). Nothing is kept from private windows.
 */
import type { AnnotateResult, Annotation, Card } from '../protocol/annotations.ts';
import type { PageText } from '../protocol/page-text.ts';
import { EXPORTERS, type ExportFormat } from '../export/index.ts';
import type { FactStore, KeptRow } from '../facts/store.ts';
import { withTiers } from '../sources/hosts.ts';

/** The article text is kept (for export selectors) only up to this length. */
const MAX_KEPT_TEXT = 5 * 1024 * 1024;

/** A kept article, whatever shape its row was written in. */
export interface KeptArticle {
  id: number;
  url: string;
  title: string;
  date: string;
  publishedFrom: AnnotateResult['page']['publishedFrom'];
  annotations: Annotation[];
  claims: Annotation[];
  cards: Card[];
  text: string;
  packVersion: string;
  createdAt: string;
}

/** One line of the options page's list. */
export interface KeptSummary {
  id: number;
  url: string;
  title: string;
  date: string;
  count: number;
  packVersion: string;
  createdAt: string;
}

/**
 * Reads a row of either shape (version 1 rows held one `annotation`); sources saved before tiers
 * existed get their host's tier (lib/sources/hosts.ts).
 */
export function keptView(stored: KeptRow): KeptArticle {
  const row = withTiers(stored);
  return {
    id: row.id ?? 0,
    url: row.url,
    title: row.title ?? '',
    date: row.date ?? row.createdAt.slice(0, 10),
    publishedFrom: row.publishedFrom ?? 'none',
    annotations: row.annotations ?? (row.annotation ? [row.annotation] : []),
    claims: row.claims ?? [],
    cards: row.cards ?? [],
    text: row.text ?? '',
    packVersion: row.packVersion ?? '',
    createdAt: row.createdAt,
  };
}

/** The row for an annotate result (the URL and text come from the page the content script read). */
export function keptRowFor(page: PageText, result: AnnotateResult, now: Date): KeptRow {
  return {
    url: page.url,
    title: page.title,
    date: result.page.published,
    publishedFrom: result.page.publishedFrom,
    annotations: result.annotations,
    claims: result.claims,
    cards: result.cards,
    ...(page.text.length <= MAX_KEPT_TEXT ? { text: page.text } : {}),
    packVersion: result.page.packVersion,
    createdAt: now.toISOString(),
  };
}

/** Stores an article, replacing what was kept for the same URL, in one transaction. */
export async function keepArticle(store: FactStore, row: KeptRow): Promise<number> {
  const { kept } = store.db;
  return store.db.transaction('rw', kept, async () => {
    await kept.where('url').equals(row.url).delete();
    return kept.add(row);
  });
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Whether an article matches a search: its title, URL, or any annotated text or entity name. */
export function keptMatches(article: KeptArticle, query: string): boolean {
  const q = fold(query.trim());
  if (!q) return true;
  const fields = [
    article.title,
    article.url,
    ...[...article.annotations, ...article.claims].flatMap((a) => [a.exact, a.entity?.name ?? '']),
  ];
  return fields.some((f) => fold(f).includes(q));
}

/** Kept articles matching `query`, newest first. */
export async function listKept(store: FactStore, query = ''): Promise<KeptSummary[]> {
  const rows = await store.db.kept.orderBy('createdAt').reverse().toArray();
  return rows
    .map(keptView)
    .filter((a) => keptMatches(a, query))
    .map((a) => ({
      id: a.id,
      url: a.url,
      title: a.title,
      date: a.date,
      count: a.annotations.length + a.claims.length,
      packVersion: a.packVersion,
      createdAt: a.createdAt,
    }));
}

/** Every kept article in full, oldest first. */
export async function allKept(store: FactStore): Promise<KeptArticle[]> {
  return (await store.db.kept.orderBy('createdAt').toArray()).map(keptView);
}

/** Deletes one kept article, or all of them; returns how many. */
export async function deleteKept(store: FactStore, id?: number): Promise<number> {
  const { kept } = store.db;
  return store.db.transaction('rw', kept, async () => {
    if (id === undefined) {
      const n = await kept.count();
      await kept.clear();
      return n;
    }
    const existed = (await kept.get(id)) !== undefined;
    await kept.delete(id);
    return existed ? 1 : 0;
  });
}

/** The format names the kept export offers: lib/export's, plus our own records as JSON. */
export type KeptExportFormat = ExportFormat | 'json';

/** What an export of every kept article needs besides the articles. */
export interface KeptExportContext {
  created: string;
  appName: string;
  appVersion: string;
}

/**
 * Every kept article in one file. JSON formats: an array with one document per article; CSV: one
 * header, then every article's rows; Markdown: the reports one after another; `json`: the records.
 */
export function exportKept(
  articles: KeptArticle[],
  format: KeptExportFormat,
  ctx: KeptExportContext,
): { text: string; mime: string; fileName: string } {
  const day = ctx.created.slice(0, 10);
  if (format === 'json') {
    return {
      text: `${JSON.stringify(articles, null, 2)}\n`,
      mime: 'application/json',
      fileName: `nhs-context-kept_${day}.json`,
    };
  }
  const exporter = EXPORTERS[format];
  const docs = articles.map((a) =>
    exporter.build({
      result: {
        page: {
          url: a.url,
          title: a.title,
          published: a.date,
          publishedFrom: a.publishedFrom,
          packVersion: a.packVersion,
        },
        annotations: a.annotations,
        cards: a.cards,
        claims: a.claims,
      },
      text: a.text,
      created: ctx.created,
      generator: { name: ctx.appName, version: ctx.appVersion, packVersion: a.packVersion },
    }),
  );
  const fileName = `nhs-context-kept_${day}.${exporter.extension}`;
  return { text: combine(format, docs), mime: exporter.mime, fileName };
}

function combine(format: ExportFormat, docs: string[]): string {
  if (format === 'csv') {
    const [first, ...rest] = docs;
    if (first === undefined) return '';
    const body = (doc: string) => doc.slice(doc.indexOf('\n') + 1);
    return [first, ...rest.map(body)].join('');
  }
  if (format === 'md') return docs.join('\n\n---\n\n');
  return `[\n${docs.map((d) => d.trim()).join(',\n')}\n]\n`;
}
