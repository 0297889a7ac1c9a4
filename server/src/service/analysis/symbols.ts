// The scope of every name in a function exactly as CPython's symtable gives it: local, cell, free, nonlocal, global
// (explicit or implicit). Blocks come from symbolBlocks.ts; this is symtable.c's analyze_block/analyze_name/
// analyze_cells/update_symbols over them. Only the def under the cursor is analysed, with its outermost enclosing
// function: nothing outside that can change a name's scope (module-level and class-level bindings are invisible to
// nested functions, and the classes above only add the implicit `__class__` cell).
import type { SyntaxNode } from '../../parsing/treeSitter';
import { buildBlocks, DEF_BOUND, DEF_GLOBAL, DEF_NONLOCAL, type BlockKind, type SymbolBlock } from './symbolBlocks';

export type SymbolScope = 'local' | 'cell' | 'free' | 'nonlocal' | 'global-explicit' | 'global-implicit';

export interface AnalysedBlock extends SymbolBlock {
  /** Symbol → scope, after analysis (includes free names merely passed through to nested blocks). */
  readonly scopes: Map<string, SymbolScope>;
}

const FUNCTION_NODES = new Set(['function_definition', 'lambda', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

interface Frame {
  readonly block: SymbolBlock;
  readonly own: Set<string> | undefined;
  readonly local: Set<string>;
  readonly free: Set<string>;
  readonly scopes: Map<string, SymbolScope>;
  readonly childBound: Set<string>;
  readonly childFree: Set<string>;
  next: number;
}

/**
 * analyze_block: classifies each block's names given the names bound in enclosing functions; returns the top block's
 * free names. CPython recurses; this keeps its own stack, because lambdas and comprehensions nest without limit.
 */
function analyse(top: SymbolBlock, bound: Set<string> | undefined): Set<string> {
  const stack: Frame[] = [enter(top, bound)];
  let returned: Set<string> | undefined;
  for (;;) {
    const frame = stack[stack.length - 1];
    if (returned) for (const name of returned) frame.childFree.add(name);
    returned = undefined;
    if (frame.next < frame.block.children.length) {
      stack.push(enter(frame.block.children[frame.next++], frame.childBound));
      continue;
    }
    stack.pop();
    returned = leave(frame);
    if (stack.length === 0) return returned;
  }
}

/** The part of analyze_block before the children: this block's own names. */
function enter(block: SymbolBlock, bound: Set<string> | undefined): Frame {
  const scopes = new Map<string, SymbolScope>();
  (block as { scopes?: Map<string, SymbolScope> }).scopes = scopes;
  const own = bound ? new Set(bound) : undefined;
  const local = new Set<string>();
  const free = new Set<string>();
  for (const [name, flags] of block.flags) {
    if (flags & DEF_GLOBAL) {
      scopes.set(name, 'global-explicit');
      own?.delete(name);
    } else if (flags & DEF_NONLOCAL) {
      scopes.set(name, 'nonlocal');
      free.add(name);
    } else if (flags & DEF_BOUND) {
      scopes.set(name, 'local');
      local.add(name);
    } else if (own?.has(name)) {
      scopes.set(name, 'free');
      free.add(name);
    } else scopes.set(name, 'global-implicit');
  }
  // Class bodies are not visible to nested functions (only the implicit __class__ is); function locals are.
  const childBound = new Set(block.kind === 'class' ? (bound ?? []) : (own ?? []));
  if (block.kind === 'class') childBound.add('__class__');
  else if (block.kind === 'function') for (const name of local) childBound.add(name);
  return { block, own, local, free, scopes, childBound, childFree: new Set(), next: 0 };
}

/** The part after the children: cells, and free names passing through; returns the block's free names. */
function leave({ block, own, local, free, scopes, childFree }: Frame): Set<string> {
  if (block.kind === 'function') {
    // analyze_cells: a local that a nested block reads is a cell.
    for (const name of local) if (childFree.delete(name)) scopes.set(name, 'cell');
  } else if (block.kind === 'class') childFree.delete('__class__');
  // update_symbols: free names of nested blocks pass through this one when an enclosing function binds them.
  for (const name of childFree) {
    if (scopes.has(name) || (own && !own.has(name))) continue;
    scopes.set(name, 'free');
    block.flags.set(name, 0);
  }
  for (const name of childFree) free.add(name);
  return free;
}

/** Whether the module starts with `from __future__ import annotations` (only its first statements can). */
export function hasFutureAnnotations(root: SyntaxNode): boolean {
  for (let i = 0; i < root.namedChildCount; i++) {
    const statement = root.namedChild(i);
    if (!statement || statement.type === 'comment') continue;
    if (statement.type === 'future_import_statement') {
      if (/\bannotations\b/.test(statement.text)) return true;
      continue;
    }
    if (statement.type === 'expression_statement' && statement.firstNamedChild?.type === 'string' && i < 3) continue;
    return false;
  }
  return false;
}

/** Every block of a whole module, analysed (for tests and whole-file views; hovers use `functionSymbols`). */
export function moduleSymbols(root: SyntaxNode): AnalysedBlock {
  const top = buildBlocks(root, { futureAnnotations: hasFutureAnnotations(root), topKind: 'module' });
  analyse(top, undefined);
  return top as AnalysedBlock;
}

/** The analysed block of a def, lambda or comprehension node, or undefined for other nodes. */
export function functionSymbols(fn: SyntaxNode): AnalysedBlock | undefined {
  if (!FUNCTION_NODES.has(fn.type)) return undefined;
  // Build from the outermost enclosing function; of the classes above it, only the nearest matters (mangling).
  let outermost = fn;
  let root = fn;
  let className: string | undefined;
  let inClass = false;
  for (let n: SyntaxNode | null = fn.parent; n; n = n.parent) {
    root = n;
    if (FUNCTION_NODES.has(n.type)) {
      outermost = n;
      inClass = false;
      className = undefined;
    } else if (n.type === 'class_definition' && !inClass) {
      inClass = true;
      className = n.childForFieldName('name')?.text;
    }
  }
  const topKind: BlockKind = inClass ? 'class' : 'module';
  const top = buildBlocks(outermost, { futureAnnotations: hasFutureAnnotations(root), topKind, topPrivateName: className });
  // A module passes no bindings down; a class passes only its implicit __class__.
  analyse(top, undefined);
  return findBlock(top, fn) as AnalysedBlock | undefined;
}

function findBlock(top: SymbolBlock, node: SyntaxNode): SymbolBlock | undefined {
  const pending = [top];
  while (pending.length > 0) {
    const block = pending.pop()!;
    if (block.parent && block.node.id === node.id) return block;
    const around = block.children.filter((child) => child.node.startIndex <= node.startIndex && node.endIndex <= child.node.endIndex);
    for (let i = around.length - 1; i >= 0; i--) pending.push(around[i]);
  }
  return undefined;
}

/** Every function-like block (defs, lambdas, comprehensions) under `block`, depth first. */
export function functionBlocks(block: AnalysedBlock): AnalysedBlock[] {
  const result: AnalysedBlock[] = [];
  const pending: SymbolBlock[] = [block];
  while (pending.length > 0) {
    const b = pending.pop()!;
    if (b.kind === 'function' && b.parent) result.push(b as AnalysedBlock);
    for (let i = b.children.length - 1; i >= 0; i--) pending.push(b.children[i]);
  }
  return result;
}

export type FunctionKind = 'function' | 'generator' | 'coroutine' | 'async-generator';

/** What calling the function returns, as CPython decides it from CO_GENERATOR / CO_COROUTINE / CO_ASYNC_GENERATOR. */
export function functionKind(block: SymbolBlock): FunctionKind {
  const isAsync = block.node.type === 'function_definition' && block.node.firstChild?.type === 'async';
  if (isAsync) return block.firstYield ? 'async-generator' : 'coroutine';
  return block.firstYield ? 'generator' : 'function';
}
