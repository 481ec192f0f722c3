/**
 * Page metadata for PageText: the publication date (JSON-LD, meta tags, <time>) and the title.
 * Pure DOM reads (works on a browser Document and on linkedom/happy-dom); no `browser.*`.
 *
 * DESIGN: "A date with a time zone counts as the calendar date written in the article", so a
 * timestamp's YYYY-MM-DD is taken as written and never converted to UTC.
 */
import type { PublishedFrom } from '../protocol/annotations.ts';

/** JSON-LD `@type`s that describe the article itself. */
const ARTICLE_TYPE = /^(?:[A-Za-z]*NewsArticle|Article|BlogPosting|LiveBlogPosting|Report)$/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

type JsonObject = Record<string, unknown>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The calendar date written in a date string: `2023-08-24T23:30:00+01:00` → `2023-08-24`;
 * also `Thu, 24 Aug 2023 09:30:00 +0100` and `24 August 2023`. Null when none can be read.
 */
export function dateAsWritten(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(s);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b/.exec(s);
  if (dmy) {
    const m = MONTHS.indexOf(dmy[2]!.toLowerCase()) + 1;
    if (m > 0) return validDate(Number(dmy[3]), m, Number(dmy[1]));
  }
  return null;
}

function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

function collectNodes(value: unknown, out: JsonObject[], depth = 0): void {
  if (depth > 4) return;
  if (Array.isArray(value)) {
    for (const v of value) collectNodes(v, out, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  out.push(value);
  if (value['@graph']) collectNodes(value['@graph'], out, depth + 1);
  if (value['mainEntity']) collectNodes(value['mainEntity'], out, depth + 1);
}

/** Every JSON-LD node on the page that is an article (NewsArticle, Article, ReportageNewsArticle…). */
export function jsonLdArticles(doc: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    try {
      collectNodes(JSON.parse(script.textContent ?? ''), nodes);
    } catch {
      // A page's broken JSON-LD is its own business; other sources may still give the date.
    }
  }
  return nodes.filter((n) => typesOf(n).some((t) => ARTICLE_TYPE.test(t)));
}

/** Meta tags that carry the publication date, in order of preference: [attribute, value]. */
const META_DATE: [string, string][] = [
  ['property', 'article:published_time'],
  ['name', 'article:published_time'],
  ['itemprop', 'datepublished'],
  ['name', 'date'],
  ['name', 'pubdate'],
  ['name', 'publish-date'],
  ['name', 'dcterms.created'],
];

function acceptable(date: string | null, today: string | undefined): date is string {
  if (!date) return false;
  if (!today) return true;
  // A date more than a day after "today" is bad metadata (a time zone can put it one day ahead).
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + 1);
  return date <= limit.toISOString().slice(0, 10);
}

function fromJsonLd(articles: JsonObject[], today?: string): string | null {
  for (const a of articles) {
    const raw = Array.isArray(a['datePublished']) ? a['datePublished'][0] : a['datePublished'];
    const date = typeof raw === 'string' ? dateAsWritten(raw) : null;
    if (acceptable(date, today)) return date;
  }
  return null;
}

function fromMeta(doc: Document, today?: string): string | null {
  const metas = Array.from((doc.head ?? doc).querySelectorAll('meta'));
  for (const [attr, value] of META_DATE) {
    for (const el of metas) {
      if (el.getAttribute(attr)?.toLowerCase() !== value) continue;
      const date = dateAsWritten(el.getAttribute('content'));
      if (acceptable(date, today)) return date;
    }
    if (attr !== 'itemprop') continue;
    // Microdata in the body: <time itemprop="datePublished" datetime="…">, <meta itemprop=… content=…>.
    for (const el of Array.from(doc.querySelectorAll('[itemprop="datePublished"]'))) {
      const date = dateAsWritten(el.getAttribute('content') ?? el.getAttribute('datetime'));
      if (acceptable(date, today)) return date;
    }
  }
  return null;
}

/** `<time datetime>` in the article's header area: not inside running text, or in a byline. */
function fromTime(doc: Document, root: Element | null, today?: string): string | null {
  const scopes: Element[] = [];
  if (root) scopes.push(root);
  const h1 = doc.querySelector('h1');
  const headerArea = h1?.closest('header') ?? h1?.parentElement?.parentElement ?? null;
  if (headerArea && !scopes.includes(headerArea)) scopes.push(headerArea);
  for (const scope of scopes) {
    for (const el of Array.from(scope.querySelectorAll('time[datetime]'))) {
      const inText = el.closest('p, li, blockquote, td');
      const inByline = el.closest('[class*="byline" i], [class*="date" i], [class*="meta" i]');
      if (inText && !inByline && !el.hasAttribute('pubdate')) continue;
      const date = dateAsWritten(el.getAttribute('datetime'));
      if (acceptable(date, today)) return date;
    }
  }
  return null;
}

/** The publication date and where it came from; `published` is omitted when none is found. */
export function findPublished(
  doc: Document,
  root: Element | null,
  today?: string,
  articles: JsonObject[] = jsonLdArticles(doc),
): { published?: string; publishedFrom: PublishedFrom } {
  const ld = fromJsonLd(articles, today);
  if (ld) return { published: ld, publishedFrom: 'json-ld' };
  const meta = fromMeta(doc, today);
  if (meta) return { published: meta, publishedFrom: 'meta' };
  const time = fromTime(doc, root, today);
  if (time) return { published: time, publishedFrom: 'time' };
  return { publishedFrom: 'none' };
}

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim().slice(0, 2000);
}

/** "Headline | Example News" → "Headline": drops a short trailing site name after | – — or -. */
export function stripSiteSuffix(title: string): string {
  const m = /^(.*\S)\s+(?:\||–|—|-|::)\s+([^|–—]{1,40})$/.exec(title);
  if (!m) return title;
  const [, head, tail] = m;
  return tail!.trim().split(/\s+/).length <= 5 && head!.length > tail!.length ? head! : title;
}

/** Title: JSON-LD headline, og:title, document.title without the site suffix, else the first h1. */
export function findTitle(doc: Document, articles: JsonObject[] = jsonLdArticles(doc)): string {
  for (const a of articles) {
    if (typeof a['headline'] === 'string' && clean(a['headline'])) return clean(a['headline']);
  }
  const og = clean(doc.querySelector('meta[property="og:title"]')?.getAttribute('content'));
  if (og) return og;
  const title = clean(doc.title);
  if (title) return stripSiteSuffix(title);
  return clean(doc.querySelector('h1')?.textContent);
}
