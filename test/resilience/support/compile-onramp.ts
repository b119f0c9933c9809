/**
 * The spawned processes run Onramp compiled to plain JavaScript once per run (TypeScript's own
 * transpiler, file by file, same folder layout, SQL and static files copied), because the `tsx`
 * launcher of bin/onramp.js transpiles on every start (seconds on this machine), and the kill loop
 * starts a hundred processes. Same sources, same entry point (src/cli/main.ts), no bundling.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Inside node_modules, so the compiled files resolve packages from the project's node_modules. */
const OUT = join(ROOT, 'node_modules', '.cache', 'onramp-resilience');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Compiles src/ into the cache folder; returns the CLI entry point to run with `node`. */
export function compileOnramp(): string {
  const src = join(ROOT, 'src');
  const out = join(OUT, `${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  for (const file of files(src)) {
    const target = join(out, 'src', relative(src, file));
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith('.d.ts')) continue; // declarations only: nothing to run
    if (/\.tsx?$/.test(file)) {
      const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
        fileName: file,
        compilerOptions: {
          module: ts.ModuleKind.ESNext,
          target: ts.ScriptTarget.ES2022,
          jsx: ts.JsxEmit.ReactJSX,
          jsxImportSource: 'hono/jsx',
          verbatimModuleSyntax: false,
        },
      });
      writeFileSync(target.replace(/\.tsx?$/, '.js'), outputText);
    } else cpSync(file, target);
  }
  writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'module' }));
  return join(out, 'src', 'cli', 'main.js');
}

export function removeCompiled(): void {
  rmSync(join(OUT, `${process.pid}`), { recursive: true, force: true });
}
