// How much input pyinsight analyses, and the one cheap test for the input it refuses: trees nested so deep that
// following parent links becomes quadratic (tree-sitter nodes have no parent pointer; `node.parent` walks down from
// the root) and recursive code could exhaust the stack. Little runnable code is lost: CPython's tokenizer allows 200
// nested brackets and 100 indentation levels; only long chains (`a = b = … = z`, `x + x + …`) nest deeper.
import type { Tree } from './treeSitter';

export interface ParseLimits {
  /** Texts longer than this (UTF-16 code units, about bytes for ASCII) are not parsed at all. */
  readonly maxLength: number;
  /** Time budget of a parse from scratch (open, full-text sync), in milliseconds. */
  readonly fullParseMs: number;
  /** Time budget of an incremental reparse after an edit, in milliseconds: what one keystroke may cost at most. */
  readonly editParseMs: number;
  /** Trees with a node deeper than this are parsed but not analysed. */
  readonly maxNesting: number;
}

/**
 * 5 MB is ten times the largest module of the standard library; 1,000 levels is past the deepest stdlib file (808, a
 * deliberately deep test in test_exceptions.py; ordinary code stays under 40) while a parent walk there stays cheap.
 */
export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxLength: 5_000_000, fullParseMs: 1000, editParseMs: 200, maxNesting: 1000 };

const deepTrees = new WeakMap<Tree, boolean>();

/**
 * True when some node of `tree` lies more than `limit` levels below the root. A subtree of n nodes is at most n - 1
 * levels deep, and tree-sitter stores every node's descendant count, so only subtrees that could reach the limit are
 * opened: a few hundred nodes for an ordinary file, about `limit` for a pathological chain. Iterative; memoised per
 * tree (trees are immutable).
 */
export function nestingExceeds(tree: Tree, limit: number = DEFAULT_PARSE_LIMITS.maxNesting): boolean {
  if (limit === DEFAULT_PARSE_LIMITS.maxNesting) {
    const known = deepTrees.get(tree);
    if (known !== undefined) return known;
  }
  const stack: Array<{ node: Tree['rootNode']; depth: number }> = [{ node: tree.rootNode, depth: 0 }];
  let exceeds = false;
  while (stack.length > 0 && !exceeds) {
    const { node, depth } = stack.pop()!;
    if (depth > limit) exceeds = true;
    else if (depth + node.descendantCount - 1 > limit) {
      for (const child of node.children) if (child) stack.push({ node: child, depth: depth + 1 });
    }
  }
  if (limit === DEFAULT_PARSE_LIMITS.maxNesting) deepTrees.set(tree, exceeds);
  return exceeds;
}

/** Why a text of `length` units is not parsed, or undefined when it may be. */
export function tooLongReason(length: number, limits: ParseLimits = DEFAULT_PARSE_LIMITS): string | undefined {
  if (length <= limits.maxLength) return undefined;
  return `is too large to analyse (${megabytes(length)} MB; the limit is ${megabytes(limits.maxLength)} MB)`;
}

export function tooDeepReason(limits: ParseLimits = DEFAULT_PARSE_LIMITS): string {
  return `is nested too deeply to analyse (more than ${limits.maxNesting.toLocaleString('en-US')} levels of syntax)`;
}

export function timedOutReason(budgetMs: number, afterEdit: boolean): string {
  return afterEdit
    ? `took longer than ${budgetMs} ms to reparse after an edit, so it is not analysed until a later edit reparses in time`
    : `took longer than ${budgetMs} ms to parse, so it is not analysed (reopen it, or make it much shorter, to retry)`;
}

function megabytes(length: number): string {
  return (length / 1_000_000).toFixed(1);
}
