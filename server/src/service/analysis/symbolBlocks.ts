// The symbol-table blocks of one subtree, built the way CPython's symtable.c visits the AST: which names each
// function, lambda, comprehension and class body defines, uses or declares. One descendantsOfType call over the
// subtree gives identifiers and scope nodes in document order; block ownership is decided by offsets on a stack, so
// no identifier walks up more than a parent or two.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { identifierRole } from './symbolRoles';
import { mangle as mangleInClass } from './mangle';

/** DEF_* bits, as in CPython's symtable.h (only the ones scope analysis reads). */
export const USE = 1;
export const DEF_LOCAL = 2;
export const DEF_PARAM = 4;
export const DEF_IMPORT = 8;
export const DEF_GLOBAL = 16;
export const DEF_NONLOCAL = 32;
export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

export type BlockKind = 'module' | 'function' | 'class';

export interface SymbolBlock {
  readonly kind: BlockKind;
  /** The def, lambda, comprehension or class node; the subtree root for the top block. */
  readonly node: SyntaxNode;
  /** As symtable names it: the def or class name, `lambda`, `listcomp`, `setcomp`, `dictcomp`, `genexpr`. */
  readonly name: string;
  readonly parent: SymbolBlock | undefined;
  readonly children: SymbolBlock[];
  /** Symbol (mangled, as symtable stores it) → DEF_* bits. */
  readonly flags: Map<string, number>;
  /** Mangled symbol → the name as written, for display. */
  readonly written: Map<string, string>;
  /** The class whose private names are mangled here (symtable's st_private). */
  readonly privateName: string | undefined;
  /** The first `yield` or `yield from` of this block itself (not of nested blocks), if any. */
  firstYield: SyntaxNode | undefined;
}

const COMPREHENSION_NAMES: Readonly<Record<string, string>> = {
  list_comprehension: 'listcomp',
  set_comprehension: 'setcomp',
  dictionary_comprehension: 'dictcomp',
  generator_expression: 'genexpr',
};
const SCOPE_TYPES = ['function_definition', 'lambda', 'class_definition', ...Object.keys(COMPREHENSION_NAMES)];
const COLLECTED = [...SCOPE_TYPES, 'identifier', 'yield', 'type', 'type_alias_statement', 'import_statement', 'import_from_statement'];

export function isComprehension(block: SymbolBlock): boolean {
  return block.node.type in COMPREHENSION_NAMES;
}

interface Open {
  readonly block: SymbolBlock;
  readonly end: number;
  /** Whether a name at this offset (not a parameter) belongs to the block rather than to the code around it. */
  readonly owns: (offset: number) => boolean;
}

function newBlock(kind: BlockKind, node: SyntaxNode, name: string, parent: SymbolBlock | undefined, privateName?: string): SymbolBlock {
  const block: SymbolBlock = { kind, node, name, parent, children: [], flags: new Map(), written: new Map(), privateName, firstYield: undefined };
  parent?.children.push(block);
  return block;
}

/** The symbol as symtable stores it: mangled inside a class (`__x` in `_C` → `_C__x`), else as written. */
export function mangle(privateName: string | undefined, name: string): string {
  return (privateName !== undefined && mangleInClass(privateName, name)) || name;
}

function add(block: SymbolBlock, name: string, flag: number): void {
  const symbol = mangle(block.privateName, name);
  block.flags.set(symbol, (block.flags.get(symbol) ?? 0) | flag);
  if (!block.written.has(symbol)) block.written.set(symbol, name);
}

/** The region of a scope node whose names live inside it: a def's body (its parameters are handled by role). */
function ownership(node: SyntaxNode): (offset: number) => boolean {
  if (node.type in COMPREHENSION_NAMES) {
    // The first iterable is evaluated outside and passed in (symtable's implicit `.0` argument).
    const first = node.namedChildren.find((c) => c?.type === 'for_in_clause')?.childForFieldName('right');
    const start = first?.startIndex ?? -1;
    const end = first?.endIndex ?? -1;
    return (offset) => offset < start || offset >= end;
  }
  const body = node.childForFieldName('body');
  const start = body?.startIndex ?? node.endIndex;
  const end = body?.endIndex ?? node.endIndex;
  return (offset) => offset >= start && offset < end;
}

export interface BuildOptions {
  /** `from __future__ import annotations`: annotations become strings and add no symbols to functions. */
  readonly futureAnnotations: boolean;
  /** The kind and private name of the block the subtree sits in (a synthetic top block for a def inside a file). */
  readonly topKind: BlockKind;
  readonly topPrivateName?: string;
}

/** Builds the blocks of `root`'s subtree; the returned top block stands for the code around `root` (or the module). */
export function buildBlocks(root: SyntaxNode, options: BuildOptions): SymbolBlock {
  const top = newBlock(options.topKind, root, options.topKind === 'class' ? (options.topPrivateName ?? 'top') : 'top', undefined, options.topPrivateName);
  const stack: Open[] = [];
  let annotationEnd = -1;
  const ownerAt = (offset: number, parameter: boolean): SymbolBlock => {
    while (stack.length && stack[stack.length - 1].end <= offset) stack.pop();
    for (let i = stack.length - 1; i >= 0; i--) {
      const open = stack[i];
      if (parameter ? open.block.kind === 'function' : open.owns(offset)) return open.block;
    }
    return top;
  };
  for (const node of root.descendantsOfType(COLLECTED)) {
    if (!node) continue;
    const type = node.type;
    const start = node.startIndex;
    if (type === 'identifier') {
      if (start < annotationEnd) continue;
      const role = identifierRole(node);
      if (role === 'skip') continue;
      const owner = ownerAt(start, role === 'param');
      const name = node.text;
      if (role === 'use') {
        add(owner, name, USE);
        // symtable.c: a load of `super` in a function counts as a use of `__class__`.
        if (name === 'super' && owner.kind === 'function') add(owner, '__class__', USE);
      } else if (role === 'walrus') addWalrus(owner, name);
      else add(owner, name, role === 'param' ? DEF_PARAM : role === 'global' ? DEF_GLOBAL : role === 'nonlocal' ? DEF_NONLOCAL : DEF_LOCAL);
    } else if (!node.isNamed) {
      continue; // the `lambda`, `yield` and `type` keywords share their node's type name
    } else if (type === 'type') {
      if (options.futureAnnotations && start >= annotationEnd && node.parent?.type !== 'type_alias_statement') annotationEnd = node.endIndex;
    } else if (type === 'type_alias_statement') {
      // tree-sitter-python reads `type(x).attr = v` as a 3.12 `type` statement; CPython sees a call of `type`.
      if (node.childForFieldName('left')?.firstNamedChild?.type !== 'identifier') add(ownerAt(start, false), 'type', USE);
    } else if (type === 'yield') {
      const owner = ownerAt(start, false);
      owner.firstYield ??= node;
    } else if (type === 'import_statement' || type === 'import_from_statement') {
      const owner = ownerAt(start, false);
      for (const name of importedNames(node)) add(owner, name, DEF_IMPORT);
    } else {
      const parent = ownerAt(start, false);
      const isClass = type === 'class_definition';
      const name = type in COMPREHENSION_NAMES ? COMPREHENSION_NAMES[type] : type === 'lambda' ? 'lambda' : (node.childForFieldName('name')?.text ?? '?');
      const block = newBlock(isClass ? 'class' : 'function', node, name, parent, isClass ? name : parent.privateName);
      stack.push({ block, end: node.endIndex, owns: ownership(node) });
    }
  }
  return top;
}

/** PEP 572: a walrus in a comprehension binds in the nearest enclosing function (or module), not the comprehension. */
function addWalrus(owner: SymbolBlock, name: string): void {
  if (!isComprehension(owner)) return add(owner, name, DEF_LOCAL);
  let target = owner.parent;
  while (target && isComprehension(target)) target = target.parent;
  if (!target || target.kind === 'class') return; // a SyntaxError in CPython
  if (target.kind === 'module') {
    add(owner, name, DEF_GLOBAL);
    return add(target, name, DEF_GLOBAL);
  }
  const declaredGlobal = ((target.flags.get(mangle(target.privateName, name)) ?? 0) & DEF_GLOBAL) !== 0;
  add(owner, name, declaredGlobal ? DEF_GLOBAL : DEF_NONLOCAL);
  add(target, name, DEF_LOCAL);
}

/** Names an import statement binds: `import a.b` binds `a`, `import a.b as c` binds `c`, `from m import x` binds `x`. */
function importedNames(statement: SyntaxNode): string[] {
  const names: string[] = [];
  for (const name of statement.childrenForFieldName('name')) {
    if (!name) continue;
    const alias = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : undefined;
    names.push(alias ?? name.text.split('.')[0].trim());
  }
  return names;
}
