// Statements in a loop body that certainly change the size of a dict, set or list named `name`: removals that either
// remove something or raise, and list.insert. Only code the loop body runs itself is searched (not nested defs,
// lambdas, classes or generator expressions), and only the body's own subtree, with one native descendantsOfType call.
import type { SyntaxNode } from '../../parsing/treeSitter';

export type ContainerFamily = 'dict' | 'set' | 'list';

export interface Mutation {
  /** The call or the `del` target. */
  readonly node: SyntaxNode;
  /** How it reads in a message: `d.pop()`, `del d[...]`. */
  readonly label: string;
  readonly removes: boolean;
}

/** Methods that change the size whenever they return normally (and how many arguments that needs). */
const METHODS: Readonly<Record<ContainerFamily, Readonly<Record<string, (args: number) => boolean>>>> = {
  dict: { pop: (n) => n === 1, popitem: (n) => n === 0, clear: (n) => n === 0 },
  set: { remove: (n) => n === 1, pop: (n) => n === 0, clear: (n) => n === 0 },
  list: { remove: (n) => n === 1, pop: (n) => n <= 1, insert: (n) => n === 2 },
};

/** Code that may run later or not at all: nested defs, lambdas, classes and (lazy) generator expressions. */
const NESTED_SCOPES = new Set(['function_definition', 'lambda', 'class_definition', 'generator_expression']);

/** Whether `node` runs as part of `body` itself (not inside a def, lambda or class nested in it). */
function runsInBody(node: SyntaxNode, body: SyntaxNode): boolean {
  for (let p = node.parent; p && p.id !== body.id; p = p.parent) if (NESTED_SCOPES.has(p.type)) return false;
  return true;
}

export function sizeMutations(body: SyntaxNode, name: string, family: ContainerFamily, loopTarget: string | undefined): Mutation[] {
  const found: Mutation[] = [];
  for (const node of body.descendantsOfType(['call', 'delete_statement'])) {
    if (!node || !runsInBody(node, body)) continue;
    if (node.type === 'delete_statement') {
      const targets = node.namedChildren[0]?.type === 'expression_list' ? node.namedChildren[0].namedChildren : node.namedChildren;
      for (const target of targets) {
        const index = target?.childForFieldName('subscript');
        if (target?.type === 'subscript' && target.childForFieldName('value')?.text === name && index && index.type !== 'slice') {
          found.push({ node: target, label: `del ${name}[...]`, removes: true });
        }
      }
      continue;
    }
    const fn = node.childForFieldName('function');
    const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
    if (!fn || !method || fn.childForFieldName('object')?.type !== 'identifier' || fn.childForFieldName('object')?.text !== name) continue;
    const list = node.childForFieldName('arguments');
    if (list?.type !== 'argument_list') continue;
    const args = list.namedChildren.filter((c) => c && c.type !== 'comment');
    if (args.some((a) => a && a.type !== 'identifier' && /splat|keyword_argument/.test(a.type))) continue;
    const accepts = Object.hasOwn(METHODS[family], method) ? METHODS[family][method] : undefined;
    // set.discard(x) removes something only when x is certainly present: the element being visited.
    const discardsCurrent = family === 'set' && method === 'discard' && args.length === 1 && loopTarget !== undefined && args[0]?.text === loopTarget;
    if ((accepts && accepts(args.length)) || discardsCurrent) found.push({ node, label: `${name}.${method}()`, removes: method !== 'insert' });
  }
  return found;
}

/** Whether the loop certainly stops right after `statement` runs: a later break, return or raise on its way up. */
export function leavesLoopAfter(node: SyntaxNode, loopBody: SyntaxNode): boolean {
  for (let child = node, p = node.parent; p; child = p, p = p.parent) {
    if (p.type === 'block') {
      for (let s = child.nextNamedSibling; s; s = s.nextNamedSibling) {
        if (s.type === 'break_statement' || s.type === 'return_statement' || s.type === 'raise_statement') return true;
      }
    }
    if (p.id === loopBody.id) return false;
  }
  return false;
}
