// The only module that touches web-tree-sitter's initialisation. Everything else receives a PythonGrammar.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Language, Parser, Query, type Tree } from 'web-tree-sitter';

// tree.edit() is typed to take the Edit class (plain objects work at run time, but do not type-check).
export { Edit } from 'web-tree-sitter';

export type { Node as SyntaxNode, Point, Query, QueryMatch, Tree } from 'web-tree-sitter';

/** A loaded Python grammar: makes parsers and compiles queries against the one Language. */
export interface PythonGrammar {
  readonly language: Language;
  createParser(): Parser;
  query(source: string): Query;
}

/**
 * Where the .wasm files are: beside the bundle in dist/, or in node_modules when running from source (tests, bench).
 */
function wasmPaths(): { runtime: string; grammar: string } {
  const bundled = join(__dirname, 'tree-sitter-python.wasm');
  if (existsSync(bundled)) {
    return { runtime: join(__dirname, 'web-tree-sitter.wasm'), grammar: bundled };
  }
  return {
    runtime: join(dirname(require.resolve('web-tree-sitter')), 'web-tree-sitter.wasm'),
    grammar: require.resolve('tree-sitter-python/tree-sitter-python.wasm'),
  };
}

let loading: Promise<PythonGrammar> | undefined;

/** Initialises the runtime and loads the grammar once per process. */
export function loadPythonGrammar(): Promise<PythonGrammar> {
  loading ??= (async () => {
    const paths = wasmPaths();
    await Parser.init({ locateFile: () => paths.runtime });
    const language = await Language.load(paths.grammar);
    return {
      language,
      createParser() {
        const parser = new Parser();
        parser.setLanguage(language);
        return parser;
      },
      query: (source: string) => new Query(language, source),
    };
  })();
  return loading;
}

/** Parses `text`, reusing `oldTree` (already edited) when given. tree-sitter returns null only when cancelled. */
export function parseText(parser: Parser, text: string, oldTree?: Tree): Tree {
  const tree = parser.parse(text, oldTree ?? null);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}
