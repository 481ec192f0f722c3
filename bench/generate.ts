/**
 * Deterministic bench inputs: news-like English text in which a given share of the sentences concern
 * the NHS disputes, a large news page (HTML), dev-like articles for the CLI batch, and a synthetic
 * fact pack of 10,000 entities and 100,000 facts. Everything comes from a seeded PRNG and the pack
 * passed in: no network, no files, so the same seed gives the same bytes on every machine. Pure
 * (no Node API): the browser bench bundles this file too.
 */
import { MONTHS } from '../lib/util/dates.ts';
import type { Entity, Event, Fact, Pack, Source } from '../lib/facts/schema.ts';

/** mulberry32: a small, fast, well-mixed 32-bit PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** UTF-8 length of a string (TextEncoder exists in Node and browsers). */
export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

// ---------------------------------------------------------------------------------------------
// Generic news vocabulary, with confusables: "Barclays" the bank, "quince" the fruit, a "rail
// strike", "strike a deal", "unite" the verb, "in unison", "nursery", doctors of philosophy.

const SUBJECTS = [
  'The council',
  'Ministers',
  'Barclays',
  'The Bank of England',
  'Shoppers',
  'The Met Office',
  'Police',
  'Residents',
  'The company',
  'Investors',
  'Transport for London',
  'The club',
  'Local businesses',
  'The charity',
  'Campaigners',
  'The regulator',
  'Landlords',
  'Farmers',
  'Teachers',
  'The museum',
  'Network Rail',
  'The airline',
  'Economists',
  'The Treasury',
  'Supermarkets',
  'Rail passengers',
  'The university',
  'Commuters',
  'The fire service',
  'Anglers',
  'The orchestra',
  'Tenants',
  'Retailers',
  'The water company',
  'Developers',
  'Parents',
  'The festival organisers',
];
const VERBS = [
  'said',
  'warned',
  'announced',
  'confirmed',
  'reported',
  'claimed',
  'insisted',
  'revealed',
  'suggested',
  'denied',
  'argued',
  'admitted',
  'predicted',
  'promised',
  'estimated',
];
const CLAUSES = [
  'profits had risen by {pct} per cent in the first half of the year',
  'the rail strike would disrupt services across the network on {date}',
  'a lightning strike had damaged the church roof on {date}',
  'the firm hoped to strike a deal with its lenders before {month}',
  'the new leader would try to unite the party after a difficult conference',
  'the choir sang in unison for the first time since {year}',
  'quince jam had become the surprise hit of the summer fair',
  'prices at the pump had fallen for {n} weeks in a row',
  'the bridge would close for repairs from {date} until {date2}',
  'more than {big} people had signed the petition',
  'house prices in {place} rose by £{k},000 over the year',
  'the planning application for {n} new homes had been rejected',
  'the flood defences in {place} cost £{m} million',
  'Barclays would close {n} more branches by the end of {year}',
  'the match against {place} was postponed because of a waterlogged pitch',
  'the nursery in {place} would expand to take {n} more children',
  'researchers had found a link between sleep and memory in a study of {big} adults',
  'the bus operator would cut {n} routes in {place} from {month}',
  'inflation had eased to {pct} per cent in {month}',
  'the museum attracted {big} visitors in its first month',
  'a teachers strike in {place} had been called off after talks',
  'the airport expected {big} passengers over the bank holiday weekend',
  'doctors of philosophy now outnumbered medical graduates at the university',
  'the council tax would rise by {pct} per cent from {month}',
  'the storm brought winds of {n} miles per hour to the coast',
  'the quince tree planted by the founder still stood in the garden',
  'the brothers had sold the hotel for £{m} million',
  'Unite the Kingdom, a new campaign group, had been formed in {place}',
];
const TAILS = [
  '',
  '',
  '',
  ' on Tuesday',
  ' last week',
  ' in a statement',
  ' earlier this month',
  ', according to figures published today',
  ', the BBC understands',
  ' after months of delay',
  ', in a blow to the government',
  ' in {place}',
];
const PLACES = [
  'Leeds',
  'Bristol',
  'Manchester',
  'Glasgow',
  'Cardiff',
  'Belfast',
  'Norwich',
  'Plymouth',
  'York',
  'Derby',
  'Swansea',
  'Aberdeen',
  'Brighton',
  'Leicester',
  'Hull',
  'Exeter',
  'Newcastle',
  'Dundee',
  'Bath',
  'Carlisle',
];
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve'];

function fill(r: Rand, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'pct':
        return r() < 0.5 ? String(int(r, 2, 19)) : pick(r, NUMBER_WORDS);
      case 'date':
      case 'date2':
        return `${int(r, 1, 28)} ${pick(r, MONTHS)}`;
      case 'month':
        return pick(r, MONTHS);
      case 'year':
        return String(int(r, 2015, 2025));
      case 'n':
        return r() < 0.5 ? String(int(r, 2, 60)) : pick(r, NUMBER_WORDS);
      case 'big':
        return `${int(r, 1, 99)},${String(int(r, 0, 999)).padStart(3, '0')}`;
      case 'k':
        return String(int(r, 5, 40));
      case 'm':
        return `${int(r, 1, 90)}.${int(r, 1, 9)}`;
      case 'place':
        return pick(r, PLACES);
      default:
        return key;
    }
  });
}

function genericSentence(r: Rand): string {
  const quote = r() < 0.12;
  const body = `${fill(r, pick(r, CLAUSES))}${fill(r, pick(r, TAILS))}`;
  if (quote) return `“${cap(body)},” ${pick(r, SUBJECTS).replace(/^The /, 'the ')} ${pick(r, VERBS)}.`;
  return `${pick(r, SUBJECTS)} ${pick(r, VERBS)} ${r() < 0.5 ? 'that ' : ''}${body}.`;
}

// ---------------------------------------------------------------------------------------------
// Dispute sentences, from the pack's own names, aliases and event nouns.

/** Names by kind, taken from a pack (the bundled one), for dispute sentences. */
export interface DisputeVocabulary {
  people: string[];
  organisations: string[];
  groups: string[];
  roles: string[];
  nouns: string[];
}

const EVENT_NOUNS = [
  'strike',
  'strikes',
  'industrial action',
  'walkout',
  'walkouts',
  'stoppage',
  'ballot',
  're-ballot',
];

/** The names, aliases and role descriptions of a pack's public entities (places left out). */
export function vocabularyOf(pack: Pack): DisputeVocabulary {
  const v: DisputeVocabulary = { people: [], organisations: [], groups: [], roles: [], nouns: EVENT_NOUNS };
  for (const e of pack.entities) {
    if (e.private || e.kind === 'place') continue;
    const forms = [e.name, ...e.aliases.filter((a) => a.context !== 'coreference').map((a) => a.text)];
    const clean = [...new Set(forms.map((f) => f.replace(/^the\s+/i, '')))];
    if (e.kind === 'person') v.people.push(...clean.filter((f) => /\s/.test(f)));
    else if (e.kind === 'organisation') v.organisations.push(...clean);
    else if (e.kind === 'staff-group') v.groups.push(...clean.filter((f) => f.length > 3));
    else if (e.kind === 'role') v.roles.push(...clean);
  }
  return v;
}

const DISPUTE_TEMPLATES = [
  '{person}, the {role}, said {group} would stage a {hours}-hour {noun} from {date}.',
  'The {org} announced further {noun} by {group} after talks with the {role} broke down.',
  '{group} in England voted for {noun} in a {ballot} with a turnout of {turnout} per cent, the {org} said.',
  '{role} {person} met leaders of the {org} on {date} but no agreement was reached.',
  'More than {big} appointments were rescheduled during the {noun} by {group} last month.',
  '{person} accused the government of refusing to meet the {org} for more than {months} months.',
  'The {org} said its members had rejected the {pct} per cent pay offer and would continue their {noun}.',
  'Talks between the {org} and {person} ended without a deal, and {group} will walk out again on {date}.',
  'The {noun} by {group} is the {ordinal} since the dispute began, according to the {org}.',
  '{person} said the {noun} planned for {month} could be called off if the {role} made a credible offer.',
];
const ORDINALS = ['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

function disputeSentence(r: Rand, v: DisputeVocabulary): string {
  const t = pick(r, DISPUTE_TEMPLATES);
  const s = t.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'person':
        return pick(r, v.people);
      case 'role':
        return pick(r, v.roles);
      case 'group':
        return pick(r, v.groups);
      case 'org':
        return pick(r, v.organisations);
      case 'noun':
        return pick(
          r,
          v.nouns.filter((n) => !/ballot/.test(n)),
        );
      case 'ballot':
        return pick(r, ['ballot', 're-ballot']);
      case 'hours':
        return pick(r, ['24', '48', '72', '96']);
      case 'turnout':
        return String(int(r, 40, 80));
      case 'months':
        return pick(r, NUMBER_WORDS);
      case 'ordinal':
        return pick(r, ORDINALS);
      case 'date':
        return `${int(r, 1, 28)} ${pick(r, MONTHS)}`;
      default:
        return fill(r, `{${key}}`);
    }
  });
  return cap(s);
}

// ---------------------------------------------------------------------------------------------
// Texts.

export interface TextOptions {
  /** Share of sentences about the disputes (0–1). */
  disputeShare: number;
  /** At least this many dispute sentences (a 2 KB text would otherwise have none). */
  minDispute?: number;
}

/** Plain news text of at least `bytes` UTF-8 bytes: paragraphs of 1–4 sentences, blank lines between. */
export function newsText(bytes: number, seed: number, vocab: DisputeVocabulary, opts: TextOptions): string {
  const r = prng(seed);
  const paragraphs: string[] = [];
  let size = 0;
  let dispute = 0;
  let total = 0;
  while (size < bytes) {
    const n = int(r, 1, 4);
    const sents: string[] = [];
    for (let i = 0; i < n; i++) {
      total++;
      const owed = (opts.minDispute ?? 0) > dispute && total >= 3;
      if (owed || r() < opts.disputeShare) {
        sents.push(disputeSentence(r, vocab));
        dispute++;
      } else sents.push(genericSentence(r));
    }
    const p = sents.join(' ');
    paragraphs.push(p);
    size += utf8Length(p) + 2;
  }
  return paragraphs.join('\n\n');
}

/** One JSONL record for the CLI batch. */
export interface BatchRecord {
  id: string;
  text: string;
  published: string;
}

/**
 * Dev-like articles (~2 KB each) for the CLI batch: like the dev corpus, three in four are about
 * the disputes (about a third of their sentences) and one in four is a hard negative (none).
 */
export function devLikeArticles(count: number, seed: number, vocab: DisputeVocabulary): BatchRecord[] {
  const r = prng(seed);
  const out: BatchRecord[] = [];
  for (let i = 0; i < count; i++) {
    const negative = i % 4 === 3;
    const text = newsText(int(r, 1700, 2300), seed * 1000 + i, vocab, {
      disputeShare: negative ? 0 : 0.33,
      minDispute: negative ? 0 : 2,
    });
    const published = `20${int(r, 22, 25)}-${String(int(r, 1, 12)).padStart(2, '0')}-${String(int(r, 1, 28)).padStart(2, '0')}`;
    out.push({ id: `bench-${String(i).padStart(4, '0')}`, text, published });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A large news page: article + nav + sidebars + comments + hidden and script content.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Counts elements and text nodes as the page is written, to aim at a node count. */
class Html {
  parts: string[] = [];
  nodes = 0;
  size = 0;
  /** Adjacent text is one DOM text node. */
  private inText = false;
  open(tag: string, attrs = ''): void {
    this.push(`<${tag}${attrs ? ' ' + attrs : ''}>`);
    this.nodes++;
  }
  close(tag: string): void {
    this.push(`</${tag}>`);
  }
  text(s: string): void {
    const continues = this.inText;
    this.push(esc(s));
    if (!continues) this.nodes++;
    this.inText = true;
  }
  el(tag: string, content: string, attrs = ''): void {
    this.open(tag, attrs);
    this.text(content);
    this.close(tag);
  }
  raw(s: string, nodes = 0): void {
    this.push(s);
    this.nodes += nodes;
  }
  private push(s: string): void {
    this.inText = false;
    this.parts.push(s);
    this.size += s.length;
  }
}

export interface NewsPage {
  html: string;
  /** Elements plus text nodes (whitespace between tags is not written). */
  nodes: number;
  bytes: number;
}

/**
 * A news page of about `bytes` bytes and `nodes` DOM nodes: site header and navigation, two
 * sidebars of link lists and adverts, the article (headline, standfirst, figure, paragraphs with
 * inline links and emphasis, subheadings, quotes, a hidden block), a long comment thread, a footer
 * and scripts. The article's text is news text with `disputeShare` dispute sentences.
 */
export function newsPage(
  bytes: number,
  nodes: number,
  seed: number,
  vocab: DisputeVocabulary,
  disputeShare = 0.05,
): NewsPage {
  const r = prng(seed);
  const sentence = () => (r() < disputeShare ? disputeSentence(r, vocab) : genericSentence(r));
  // Chrome first (fixed shares of the node budget), then the article fills the remaining bytes.
  const head = new Html();
  head.raw('<!doctype html><html lang="en-GB"><head><meta charset="utf-8">');
  head.raw('<title>Consultants and junior doctors to strike again | The Daily Bench</title>');
  head.raw('<meta property="article:published_time" content="2023-08-24T06:00:00+01:00">');
  head.raw(
    `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Consultants and junior doctors to strike again', datePublished: '2023-08-24T06:00:00+01:00' })}</script>`,
  );
  head.raw(
    '<style>body{font:16px/1.5 Georgia,serif;margin:0}.layout{display:flex;gap:24px}.sidebar{width:220px}main{flex:1;max-width:720px}.is-hidden{display:none}</style></head><body>',
  );
  head.open('header', 'class="site-header"');
  head.el('a', 'The Daily Bench', 'href="/" class="logo"');
  head.open('nav', 'aria-label="Sections"');
  head.open('ul');
  while (head.nodes < nodes * 0.03) {
    head.open('li');
    head.el(
      'a',
      `${pick(r, PLACES)} ${pick(r, ['News', 'Sport', 'Business', 'Health', 'Politics', 'Weather'])}`,
      'href="/s"',
    );
    head.close('li');
  }
  head.close('ul');
  head.close('nav');
  head.close('header');
  head.open('div', 'class="layout"');
  const sidebar = (cls: string, share: number) => {
    const h = new Html();
    h.open('aside', `class="${cls}"`);
    for (let box = 0; box < 6; box++) {
      h.el('h3', pick(r, ['Most read', 'Trending', 'Related stories', 'From around the web', 'Sponsored']));
      h.open('ol');
      while (h.nodes < ((box + 1) * nodes * share) / 6) {
        h.open('li');
        h.el('a', genericSentence(r).slice(0, 80), `href="/story/${box}"`);
        h.close('li');
      }
      h.close('ol');
      h.el('div', 'Advertisement', 'class="ad-slot"');
    }
    h.close('aside');
    return h;
  };
  const left = sidebar('sidebar sidebar-left', 0.06);
  // Comments: about a third of the nodes, ~250 bytes each.
  const comments = new Html();
  comments.open('section', 'class="comments" id="comments"');
  comments.el('h2', 'Comments');
  comments.open('ol');
  while (comments.nodes < nodes * 0.32) {
    comments.open('li', 'class="comment"');
    comments.el('div', `reader${int(r, 1, 9999)}`, 'class="comment-author"');
    comments.el('p', sentence());
    if (r() < 0.5) comments.el('p', sentence());
    comments.el('button', `Reply (${int(r, 0, 40)})`);
    comments.close('li');
  }
  comments.close('ol');
  comments.close('section');
  const right = sidebar('sidebar sidebar-right', 0.06);
  const tail = new Html();
  tail.close('main');
  tail.raw(right.parts.join(''), right.nodes);
  tail.close('div');
  tail.open('footer');
  for (const label of ['About us', 'Contact', 'Terms', 'Privacy', 'Cookies', 'Careers', 'Archive', 'Newsletters'])
    tail.el('a', label, 'href="/about"');
  tail.close('footer');
  tail.raw('<script>window.__data={"page":"article"};</script>', 2);
  tail.raw('</body></html>');
  // The article: headline, standfirst, figure, paragraphs until the page reaches its size.
  const a = new Html();
  a.open('main');
  a.open('article');
  a.open('header');
  a.el('h1', 'Consultants and junior doctors to strike again as talks stall');
  a.el('p', cap(disputeSentence(r, vocab)), 'class="standfirst"');
  a.el('time', '24 August 2023', 'datetime="2023-08-24"');
  a.close('header');
  a.open('figure');
  a.raw('<img src="/img/picket.jpg" alt="Doctors on a picket line">', 1);
  a.el('figcaption', 'Doctors on a picket line outside a London hospital');
  a.close('figure');
  a.open('div', 'class="article-body"');
  const articleBytes = bytes - head.size - left.size - comments.size - tail.size - 40;
  let para = 0;
  while (a.size < articleBytes) {
    para++;
    if (para % 12 === 0) a.el('h2', cap(fill(r, '{place} and beyond: what happens next')));
    if (para % 17 === 0) {
      a.open('blockquote');
      a.el('p', sentence());
      a.close('blockquote');
      continue;
    }
    if (para % 29 === 0) {
      // Hidden content the extractor must skip.
      a.open('div', 'class="is-hidden"');
      a.el('p', sentence());
      a.close('div');
      continue;
    }
    a.open('p');
    const n = int(r, 3, 6);
    for (let i = 0; i < n; i++) {
      const s = sentence() + (i < n - 1 ? ' ' : '');
      const inline = r();
      const cut = s.indexOf(' ', 10);
      const cut2 = s.indexOf(' ', cut + 12);
      if (inline < 0.12 && cut > 0 && cut2 > 0) {
        a.text(s.slice(0, cut + 1));
        a.el('a', s.slice(cut + 1, cut2), `href="/link/${para}"`);
        a.text(s.slice(cut2));
      } else if (inline < 0.18) a.el('strong', s);
      else a.text(s);
    }
    a.close('p');
  }
  a.close('div');
  a.close('article');
  const html = [head, left, a, comments, tail].map((h) => h.parts.join('')).join('');
  return { html, nodes: head.nodes + left.nodes + a.nodes + comments.nodes + tail.nodes, bytes: utf8Length(html) };
}

// ---------------------------------------------------------------------------------------------
// A synthetic pack.

const FIRST = [
  'Alex',
  'Sam',
  'Jo',
  'Chris',
  'Pat',
  'Robin',
  'Morgan',
  'Jamie',
  'Taylor',
  'Casey',
  'Ruth',
  'Amir',
  'Priya',
  'Tom',
  'Grace',
  'Owen',
  'Fatima',
  'Niamh',
  'Rhys',
  'Ewan',
  'Sian',
  'Declan',
  'Aisha',
  'Hugh',
];
const SYLLABLES = [
  'bar',
  'ton',
  'wick',
  'ham',
  'ley',
  'mor',
  'dell',
  'ford',
  'ash',
  'well',
  'by',
  'stone',
  'gar',
  'rick',
  'lin',
  'vale',
  'cot',
  'hurst',
  'den',
  'mere',
];
const PREDICATES = [
  'pay-offer-percent',
  'members',
  'turnout-percent',
  'strike-days',
  'appointments-rescheduled',
  'cumulative-strike-days',
  'waiting-list',
  'vacancies',
  'budget-gbp',
  'ballot-result',
];
const EVENT_KINDS = ['strike', 'ballot', 'meeting', 'pay-offer', 'pay-award', 'agreement', 'announcement'] as const;

/** A kebab-case surname from an index: unique for every index. */
function surname(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    s += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return cap(s);
}

function isoDay(r: Rand): string {
  return `20${int(r, 22, 25)}-${String(int(r, 1, 12)).padStart(2, '0')}-${String(int(r, 1, 28)).padStart(2, '0')}`;
}

function source(r: Rand, i: number): Source {
  return {
    url: `https://news.example.org/${pick(r, ['health', 'politics', 'uk'])}/${i}`,
    publisher: pick(r, ['BBC News', 'The Guardian', 'PA Media', 'BMA', 'RCN', 'Department of Health and Social Care']),
    published: isoDay(r),
    tier: 'press',
  };
}

/**
 * A pack valid per lib/facts/schema.ts (and packs.ts's reference checks): `entities` entities
 * (persons with roles, organisations, staff groups, roles, places), `entities / 5` events, and
 * `facts` facts with sources and occasional conflicts.
 */
export function syntheticPack(entities = 10_000, facts = 100_000, seed = 7): Pack {
  const r = prng(seed);
  const nRoles = Math.round(entities * 0.05);
  const nOrgs = Math.round(entities * 0.2);
  const nGroups = Math.round(entities * 0.05);
  const nPlaces = Math.round(entities * 0.02);
  const nPeople = entities - nRoles - nOrgs - nGroups - nPlaces;
  const list: Entity[] = [];
  const roleIds: string[] = [];
  const orgIds: string[] = [];
  for (let i = 0; i < nRoles; i++) {
    const id = `role-${i}`;
    roleIds.push(id);
    const title = `${pick(r, ['Health', 'Workforce', 'Finance', 'Pay'])} Secretary ${surname(i)}`;
    list.push({
      id,
      kind: 'role',
      name: title,
      aliases: [{ text: `the ${title}`, match: 'ignore-case', context: 'none', descriptor: true }],
      description: `A synthetic role (${i}).`,
      sameAs: [],
      anchor: false,
    });
  }
  for (let i = 0; i < nOrgs; i++) {
    const id = `org-${i}`;
    orgIds.push(id);
    const name = `${surname(i + 50_000)} ${pick(r, ['Union', 'Trust', 'Association', 'College', 'Council'])}`;
    list.push({
      id,
      kind: 'organisation',
      name,
      aliases: [
        { text: name, match: 'exact', context: 'none' },
        {
          text:
            name
              .split(' ')
              .map((w) => w[0])
              .join('') + String(i),
          match: 'exact',
          context: 'domain',
        },
      ],
      description: `A synthetic organisation (${i}).`,
      sameAs: [`https://en.wikipedia.org/wiki/${name.replace(/ /g, '_')}`],
      anchor: r() < 0.3,
      ...(i > 10 && r() < 0.2 ? { parent: orgIds[int(r, 0, 9)]! } : {}),
    });
  }
  for (let i = 0; i < nGroups; i++) {
    const name = `${pick(r, ['junior', 'senior', 'specialist', 'community', 'hospital'])} ${surname(i + 90_000).toLowerCase()} workers`;
    list.push({
      id: `group-${i}`,
      kind: 'staff-group',
      name,
      aliases: [{ text: name, match: 'ignore-case', context: 'domain' }],
      description: `A synthetic staff group (${i}).`,
      sameAs: [],
      anchor: true,
    });
  }
  for (let i = 0; i < nPlaces; i++) {
    list.push({
      id: `place-${i}`,
      kind: 'place',
      name: `${surname(i + 70_000)}shire`,
      aliases: [],
      description: 'A synthetic place.',
      sameAs: [],
      anchor: false,
    });
  }
  for (let i = 0; i < nPeople; i++) {
    const first = pick(r, FIRST);
    const last = surname(i + 1000);
    const name = `${first} ${last}`;
    const from = isoDay(r);
    const roles = Array.from({ length: int(r, 0, 2) }, (_, j) => ({
      title: `Synthetic role ${j}`,
      role: pick(r, roleIds),
      organisation: pick(r, orgIds),
      from,
      to: r() < 0.5 ? null : `2026-0${int(r, 1, 9)}-01`,
      sources: [source(r, i)],
    }));
    list.push({
      id: `person-${i}`,
      kind: 'person',
      name,
      aliases: [
        { text: name, match: 'exact', context: 'none' },
        { text: `Dr ${last}`, match: 'exact', context: 'domain' },
        { text: last, match: 'exact', context: 'coreference' },
      ],
      description: `A synthetic person (${i}).`,
      sameAs: r() < 0.3 ? [`https://en.wikipedia.org/wiki/${name.replace(/ /g, '_')}`] : [],
      ...(roles.length ? { roles } : {}),
      anchor: r() < 0.1,
    });
  }
  const events: Event[] = [];
  const nEvents = Math.round(entities / 5);
  const participantPool = list.filter((e) => e.kind === 'organisation' || e.kind === 'staff-group').map((e) => e.id);
  for (let i = 0; i < nEvents; i++) {
    const start = isoDay(r);
    events.push({
      id: `event-${i}`,
      kind: pick(r, EVENT_KINDS),
      title: `Synthetic event ${i}`,
      participants: [pick(r, participantPool), pick(r, participantPool)],
      startDate: start,
      endDate: r() < 0.5 ? null : start,
      nation: pick(r, ['England', 'Scotland', 'Wales', 'Northern Ireland', null]),
      details: { turnout: int(r, 30, 90), note: 'synthetic' },
      sources: [source(r, i)],
      confidence: r() < 0.5 ? 'corroborated' : 'single-source',
    });
  }
  const subjects = [...list.map((e) => e.id), ...events.map((e) => e.id)];
  const factList: Fact[] = [];
  for (let i = 0; i < facts; i++) {
    const predicate = pick(r, PREDICATES);
    const value = int(r, 1, 100_000);
    factList.push({
      id: `fact-${i}`,
      subject: pick(r, subjects),
      predicate,
      value,
      unit: predicate.endsWith('percent') ? 'percent' : null,
      asOf: isoDay(r),
      statement: `Synthetic statement ${i}: ${predicate} was ${value}.`,
      sources: r() < 0.8 ? [source(r, i)] : [source(r, i), source(r, i + 1)],
      confidence: r() < 0.5 ? 'corroborated' : 'single-source',
      ...(r() < 0.05
        ? {
            conflicts: [
              { value: value + 1, note: 'Another outlet reported a different figure.', source: source(r, i + 2) },
            ],
          }
        : {}),
    });
  }
  return {
    format: 2,
    id: 'bench-synthetic',
    name: 'Bench synthetic pack',
    version: '1.0.0',
    published: '2026-01-01',
    license: 'CC BY 4.0',
    coverage: { from: '2022-01', to: '2026-12' },
    entities: list,
    events,
    facts: factList,
  };
}
