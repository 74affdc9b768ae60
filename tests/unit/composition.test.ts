// One composition root: main.ts, the E2E harness and the integration tests' core all come from createCore, and none of
// them builds a part of the core (a store, the keychain, the dispatch) beside it, so what the tests run is what ships.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The names each file imports from electron/core/ (by module name), and the functions it calls by name. */
function wiringOf(file: string): { coreImports: Map<string, string[]>; calls: Set<string> } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const coreImports = new Map<string, string[]>();
  const calls = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = path.relative('electron/core', path.resolve(path.dirname(file), node.moduleSpecifier.text));
      const bindings = node.importClause?.namedBindings;
      if (!target.startsWith('..') && bindings && ts.isNamedImports(bindings)) {
        coreImports.set(path.basename(target), bindings.elements.filter((element) => !element.isTypeOnly && !node.importClause!.isTypeOnly).map((element) => element.name.text));
      }
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) calls.add(node.expression.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { coreImports, calls };
}

/** What createCore builds: a file that imports any of these values wires the core itself. */
const CORE_PARTS = ['handlers', 'presetStore', 'settingsStore', 'environments', 'historyFile', 'workspaceFile', 'oauthConfigFile', 'cachedVault'];

describe.each(['electron/main.ts', 'tests/e2e/harness.ts', 'tests/fixtures/presetStore.ts'])('%s', (file) => {
  const { coreImports, calls } = wiringOf(file);

  it('builds the core with createCore', () => {
    expect(coreImports.get('createCore')).toContain('createCore');
    expect(calls).toContain('createCore');
  });

  it('builds no part of the core beside it (no dispatch, store or keychain of its own)', () => {
    const wiredHere = [...coreImports].filter(([module, names]) => names.length > 0 && (CORE_PARTS.includes(module) || (module === 'vault' && names.includes('createVault'))));
    // The fixture also opens single files for the tests of one store; it may import those, but never the dispatch.
    const allowed = file.startsWith('tests/fixtures') ? wiredHere.filter(([module]) => module === 'handlers') : wiredHere;
    expect(allowed.map(([module]) => module)).toEqual([]);
    expect(calls).not.toContain('createDispatch');
  });
});
