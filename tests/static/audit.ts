/**
 * The production builds that `scripts/build-audit.mjs` writes to `.output/audit/` (stage "audit"
 * of `npm test`). The static tests read them; when they are missing the tests fail and say how to
 * make them, never skip.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const AUDIT_DIR = join(ROOT, '.output', 'audit');
export const BUILDS = { chrome: join(AUDIT_DIR, 'chrome-mv3'), firefox: join(AUDIT_DIR, 'firefox-mv2') } as const;
export type Browser = keyof typeof BUILDS;

function need(path: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing. Run: node scripts/build-audit.mjs`);
  return path;
}

/** The built manifest.json of a production build. */
export function readManifest(browser: Browser): Record<string, unknown> {
  return JSON.parse(readFileSync(need(join(BUILDS[browser], 'manifest.json')), 'utf8')) as Record<string, unknown>;
}

/** Every file of a build (paths relative to it, `/`-separated), with its text for text files. */
export function buildFiles(browser: Browser): { path: string; text: string }[] {
  const dir = need(BUILDS[browser]);
  const out: { path: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push({ path: relative(dir, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** web-ext lint's JSON report on the Firefox build. */
export function readWebExtLint(): {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
} {
  return JSON.parse(readFileSync(need(join(AUDIT_DIR, 'web-ext-lint.json')), 'utf8'));
}
export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}
