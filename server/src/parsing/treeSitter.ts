// The only module that touches web-tree-sitter's initialisation. Everything else receives a PythonGrammar.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Language, Node, Parser, Query, Tree } from 'web-tree-sitter';

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

/**
 * tree-sitter nodes hold no parent pointer: `node.parent` descends from the root, so it costs O(depth) and every
 * ancestor walk (enclosing function, main guard, ...) costs O(depth²), which 1,000 nested levels turn into seconds.
 * Each node's parent is therefore remembered per tree (ids are unique within a tree). An edit drops a tree's memory:
 * its nodes move. Installed once, here, because this module is the only one that knows web-tree-sitter.
 */
function rememberParents(): void {
  const parentOf = Object.getOwnPropertyDescriptor(Node.prototype, 'parent')?.get;
  const edit = Object.getOwnPropertyDescriptor(Tree.prototype, 'edit')?.value as Tree['edit'] | undefined;
  if (!parentOf || !edit) return; // another web-tree-sitter layout: stay correct, only slower
  const parents = new WeakMap<Tree, Map<number, Node | null>>();
  Object.defineProperty(Node.prototype, 'parent', {
    configurable: true,
    get(this: Node): Node | null {
      let known = parents.get(this.tree);
      if (!known) parents.set(this.tree, (known = new Map()));
      let parent = known.get(this.id);
      if (parent === undefined) known.set(this.id, (parent = parentOf.call(this) as Node | null));
      return parent;
    },
  });
  Object.defineProperty(Tree.prototype, 'edit', {
    configurable: true,
    writable: true,
    value(this: Tree, change: Parameters<Tree['edit']>[0]): void {
      parents.delete(this);
      edit.call(this, change);
    },
  });
}

/** Initialises the runtime and loads the grammar once per process. */
export function loadPythonGrammar(): Promise<PythonGrammar> {
  loading ??= (async () => {
    const paths = wasmPaths();
    await Parser.init({ locateFile: () => paths.runtime });
    rememberParents();
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

/**
 * Parses like parseText but gives up once `budgetMs` has passed, returning undefined: tree-sitter calls the progress
 * callback every few hundred parse steps, so an input that would take seconds (megabytes of binary garbage) costs at
 * most about the budget. A cancelled parser would resume the abandoned parse on its next call, so it is reset here.
 */
export function parseWithin(parser: Parser, text: string, budgetMs: number, oldTree?: Tree): Tree | undefined {
  const deadline = performance.now() + budgetMs;
  const tree = parser.parse(text, oldTree ?? null, { progressCallback: () => performance.now() > deadline });
  if (!tree) parser.reset();
  return tree ?? undefined;
}
