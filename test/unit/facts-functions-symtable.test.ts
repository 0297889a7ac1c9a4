// The scope of every name in every function of real stdlib modules, compared with CPython's own symtable.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { functionBlocks, moduleSymbols, type AnalysedBlock } from '../../server/src/service/analysis/symbols';
import { sourceFile } from '../helpers/service';

// For every function-like table (def, lambda, comprehension): the names in each scope, keyed "qualname:line".
const SYMTABLE_DUMP = String.raw`
import json, symtable, sys, _symtable as S
SCOPES = {S.LOCAL: "local", S.CELL: "cell", S.GLOBAL_EXPLICIT: "globalExplicit", S.GLOBAL_IMPLICIT: "globalImplicit"}
def dump(path):
    out = {}
    def walk(table, prefix):
        for child in table.get_children():
            name = prefix + child.get_name()
            if child.get_type() == "function":
                cats = {k: [] for k in ("local", "cell", "free", "nonlocal", "globalExplicit", "globalImplicit")}
                for symbol, flags in child._table.symbols.items():
                    if symbol.startswith("."):
                        continue  # the implicit .0 iterator argument of comprehensions
                    scope = (flags >> S.SCOPE_OFF) & S.SCOPE_MASK
                    cats[SCOPES.get(scope) or ("nonlocal" if flags & S.DEF_NONLOCAL else "free")].append(symbol)
                out.setdefault(f"{name}:{child.get_lineno()}", []).append({k: sorted(v) for k, v in cats.items()})
            walk(child, name + ".")
    with open(path, encoding="utf-8") as f:
        walk(symtable.symtable(f.read(), path, "exec"), "")
    return out
print(json.dumps({p: dump(p) for p in sys.argv[1:]}))
`;

const MODULES = ['functools', 'textwrap', 'json.decoder', 'argparse', 'dataclasses', 'inspect', 'asyncio.tasks', 'collections', 'typing', 'enum', 'contextlib', 'pathlib', 'unittest.mock', 'ast', 'difflib', 'tokenize', 'pydoc',
  // CPython's own tests of the grammar and of scoping: walrus, match, global/nonlocal, super, class-scope corner cases.
  'test.test_grammar', 'test.test_patma', 'test.test_named_expressions', 'test.test_scope', 'test.test_super', 'test.test_coroutines', 'test.test_asyncgen', 'test.test_fstring', 'test.test_typing'];

type Categories = Record<'local' | 'cell' | 'free' | 'nonlocal' | 'globalExplicit' | 'globalImplicit', string[]>;

function categories(block: AnalysedBlock): Categories {
  const result: Categories = { local: [], cell: [], free: [], nonlocal: [], globalExplicit: [], globalImplicit: [] };
  const key = { local: 'local', cell: 'cell', free: 'free', nonlocal: 'nonlocal', 'global-explicit': 'globalExplicit', 'global-implicit': 'globalImplicit' } as const;
  for (const [name, scope] of block.scopes) result[key[scope]].push(name);
  for (const list of Object.values(result)) list.sort();
  return result;
}

function qualifiedName(block: AnalysedBlock): string {
  const parts: string[] = [];
  for (let b: AnalysedBlock['parent'] = block; b?.parent; b = b.parent) parts.unshift(b.name);
  return parts.join('.');
}

describe('function scopes match CPython symtable on stdlib modules', function () {
  this.timeout(120000);
  const paths = JSON.parse(execFileSync('python3', ['-c', `import importlib.util, json; print(json.dumps([importlib.util.find_spec(m).origin for m in ${JSON.stringify(MODULES)}]))`], { encoding: 'utf8' })) as string[];
  const expected = JSON.parse(execFileSync('python3', ['-c', SYMTABLE_DUMP, ...paths], { encoding: 'utf8', maxBuffer: 64 << 20 })) as Record<string, Record<string, Categories[]>>;

  for (const path of paths) {
    it(path.replace(/.*\/lib\/python3\.\d+\//, ''), async () => {
      const file = await sourceFile(readFileSync(path, 'utf8'));
      try {
        const actual: Record<string, Categories[]> = {};
        for (const block of functionBlocks(moduleSymbols(file.tree.rootNode))) {
          (actual[`${qualifiedName(block)}:${block.node.startPosition.row + 1}`] ??= []).push(categories(block));
        }
        const sorted = (tables: Record<string, Categories[]>): Record<string, string[]> =>
          Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.map((c) => JSON.stringify(c)).sort()]));
        assert.ok(Object.keys(actual).length > 3);
        const [mine, theirs] = [sorted(actual), sorted(expected[path])];
        const differing = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].filter((k) => JSON.stringify(mine[k]) !== JSON.stringify(theirs[k]));
        assert.deepEqual(differing.map((k) => ({ k, mine: mine[k], symtable: theirs[k] })), []);
      } finally {
        file.dispose();
      }
    });
  }
});
