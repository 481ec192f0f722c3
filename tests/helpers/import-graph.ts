/**
 * The import graph of the project's own TypeScript, read with the TypeScript compiler's parser and
 * module resolution. An edge is `runtime` when it survives compilation: a side-effect import, a
 * dynamic `import()`, or an import/re-export with at least one binding not marked `type`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The folders whose code ships or runs (tests and their helpers are left out). */
export const SOURCE_DIRS = ['lib', 'components', 'entrypoints', 'cli', 'scripts', 'bench'];

export interface Edge {
  from: string;
  to: string;
  runtime: boolean;
}

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  jsx: ts.JsxEmit.ReactJSX,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts') && !f.split(/[\\/]/).includes('node_modules'))
    .map((f) => join(ROOT, dir, f));
}

/** Whether an import or export declaration brings in a value, not only types. */
function isRuntime(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return true; // import './side-effect.ts'
    if (clause.isTypeOnly) return false;
    if (clause.name) return true;
    const bindings = clause.namedBindings;
    if (!bindings || ts.isNamespaceImport(bindings)) return true;
    return bindings.elements.length === 0 || bindings.elements.some((e) => !e.isTypeOnly);
  }
  if (node.isTypeOnly) return false;
  const clause = node.exportClause;
  if (!clause || ts.isNamespaceExport(clause)) return true;
  return clause.elements.some((e) => !e.isTypeOnly);
}

/** Every import of `file` that resolves to another file of the project (repository-relative paths). */
export function importsOf(file: string, text = readFileSync(file, 'utf8')): Edge[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found: { spec: string; runtime: boolean }[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier))
        found.push({ spec: node.moduleSpecifier.text, runtime: isRuntime(node) });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ spec: node.arguments[0].text, runtime: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const edges: Edge[] = [];
  for (const { spec, runtime } of found) {
    const resolved = ts.resolveModuleName(spec, file, OPTIONS, ts.sys).resolvedModule?.resolvedFileName;
    if (!resolved || resolved.includes('/node_modules/') || !/\.(ts|tsx)$/.test(resolved)) continue;
    edges.push({ from: relative(ROOT, file), to: relative(ROOT, resolved), runtime });
  }
  return edges;
}

/** The whole graph of the source folders. */
export function importGraph(dirs = SOURCE_DIRS): Edge[] {
  return dirs.flatMap(sourceFiles).flatMap((file) => importsOf(file));
}

/**
 * The cycles of a graph, one per strongly connected component of more than one file (or a file
 * importing itself), each as the files of the component in a cycle order where one is easy to find.
 */
export function cycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let counter = 0;
  const strong = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) strong(v);
  return out;
}
