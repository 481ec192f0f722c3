/**
 * Gzipped size (zlib level 9, as `gzip -9`) of every entrypoint of a built extension: each
 * entrypoint's own file plus every script, stylesheet and chunk it loads (shared chunks count in
 * full for each entrypoint that loads them). Also: which compromise plugins a bundle contains and
 * whether our code calls them. Deterministic; used by the bench and by npm test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { COMPROMISE_MARKER, COMPROMISE_PLUGINS } from './budgets.ts';

export interface EntrypointSize {
  name: string;
  /** Files counted, relative to the build folder. */
  files: string[];
  raw: number;
  gzip: number;
}

export function gzipSize(bytes: Buffer | string): number {
  return gzipSync(bytes, { level: 9 }).length;
}

/** Static imports of a built module (`import … from "./x.js"`, `import "./x.js"`), as build paths. */
function importsOf(dir: string, file: string): string[] {
  const code = readFileSync(join(dir, file), 'utf8');
  const out: string[] = [];
  for (const m of code.matchAll(/\bimport\s*(?:[^'"`;()]*?\bfrom\s*)?["']([^"']+\.(?:js|css))["']/g)) {
    const spec = m[1]!;
    out.push(spec.startsWith('/') ? spec.slice(1) : posix.normalize(posix.join(posix.dirname(file), spec)));
  }
  return out;
}

/** Every file an entry file loads, itself included (HTML: its scripts and stylesheets; JS: its imports). */
function closure(dir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(join(dir, file))) return;
    seen.add(file);
    if (file.endsWith('.html')) {
      const html = readFileSync(join(dir, file), 'utf8');
      for (const m of html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)=["']([^"']+\.(?:js|css))["']/g)) {
        const spec = m[1]!;
        visit(spec.startsWith('/') ? spec.slice(1) : posix.normalize(posix.join(posix.dirname(file), spec)));
      }
    } else if (file.endsWith('.js')) for (const dep of importsOf(dir, file)) visit(dep);
  };
  visit(entry);
  return [...seen].sort();
}

/** The entrypoints of a build, from its manifest: background, content scripts, popup, options, other pages. */
export function entrypointSizes(dir: string): EntrypointSize[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string; scripts?: string[] };
    content_scripts?: { js?: string[]; css?: string[] }[];
    action?: { default_popup?: string };
    options_ui?: { page?: string };
    options_page?: string;
  };
  const entries: { name: string; roots: string[] }[] = [];
  const bg = manifest.background?.service_worker ?? manifest.background?.scripts?.[0];
  if (bg) entries.push({ name: 'background', roots: [bg] });
  const contentFiles = new Set<string>();
  for (const cs of manifest.content_scripts ?? [])
    for (const f of [...(cs.js ?? []), ...(cs.css ?? [])]) contentFiles.add(f);
  for (const f of contentFiles) {
    const base = f.replace(/^content-scripts\//, '').replace(/\.(js|css)$/, '');
    const found = entries.find((e) => e.name === base);
    if (found) found.roots.push(f);
    else entries.push({ name: base, roots: [f] });
  }
  const popup = manifest.action?.default_popup;
  if (popup) entries.push({ name: 'popup', roots: [popup] });
  const options = manifest.options_ui?.page ?? manifest.options_page;
  if (options) entries.push({ name: 'options', roots: [options] });
  // Other HTML pages at the top level (unlisted pages).
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.html') && f !== popup && f !== options)
      entries.push({ name: f.replace(/\.html$/, ''), roots: [f] });
  }
  return entries.map(({ name, roots }) => {
    const files = [...new Set(roots.flatMap((r) => closure(dir, r)))].sort();
    let raw = 0;
    let gzip = 0;
    for (const f of files) {
      const bytes = readFileSync(join(dir, f));
      raw += bytes.length;
      gzip += gzipSize(bytes);
    }
    return { name, files, raw, gzip };
  });
}

export interface PluginReport {
  plugin: string;
  inBundle: boolean;
  /** Source files that call one of its methods. */
  usedIn: string[];
}

/** Every `.ts`/`.tsx` file under the given folders of the repository. */
function sourceFiles(root: string, folders: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) out.push(p);
    }
  };
  for (const f of folders) walk(join(root, f));
  return out;
}

/** Installed `compromise-*` plugins, with whether the bundle contains each and where our code calls it. */
export function compromisePlugins(root: string, bundleFile: string): { reports: PluginReport[]; unknown: string[] } {
  const bundle = readFileSync(bundleFile, 'utf8');
  const installed = readdirSync(join(root, 'node_modules')).filter((n) => /^compromise-/.test(n));
  const sources = sourceFiles(root, ['lib', 'entrypoints']).map((f) => ({
    f: relative(root, f),
    code: readFileSync(f, 'utf8'),
  }));
  const reports: PluginReport[] = [];
  const unknown: string[] = [];
  for (const plugin of installed) {
    const known = COMPROMISE_PLUGINS[plugin];
    if (!known) {
      unknown.push(plugin);
      continue;
    }
    const calls = new RegExp(`\\.(?:${known.methods.join('|')})\\(`);
    const usedIn = sources.filter((s) => s.code.includes(`'${plugin}'`) || s.code.includes(`"${plugin}"`)).length
      ? sources.filter((s) => calls.test(s.code)).map((s) => s.f)
      : [];
    reports.push({ plugin, inBundle: bundle.includes(known.marker), usedIn });
  }
  return { reports, unknown };
}

/** Plugins in the bundle that no source file calls. */
export function unusedPlugins(reports: readonly PluginReport[]): string[] {
  return reports.filter((r) => r.inBundle && r.usedIn.length === 0).map((r) => r.plugin);
}

/** Whether a file contains compromise itself. */
export function containsCompromise(file: string): boolean {
  return readFileSync(file, 'utf8').includes(COMPROMISE_MARKER);
}
