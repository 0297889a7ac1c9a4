// Units: the pieces of a file that analyses cache and re-run separately. Every statement directly under `module` is
// one; a class statement there (plain or decorated) is a container whose own part is its header (decorators, name,
// bases) and whose body statements are units of their own, recursively for classes inside. A class body that
// declares `global`/`nonlocal` at class level stays one leaf: its members' bindings would depend on each other.
// Units hold offsets only (no tree-sitter nodes, which die with their tree), so they outlive the tree they came from;
// an edit shifts the units after it in place and replaces the ones it touched (unitChanges.ts).
import type { SyntaxNode } from '../../parsing/treeSitter';

export interface Container {
  /** Where the class body (and so the class scope) starts; before it lies the header. */
  bodyStart: number;
  members: Unit[];
}

export interface Unit {
  /** Stable for as long as the unit is reused; a new unit gets a new id. */
  readonly id: number;
  start: number;
  end: number;
  readonly type: string;
  readonly parent: Unit | undefined;
  readonly container?: Container;
}

let nextId = 1;

/** The class_definition a statement is or decorates, or undefined. */
export function classOf(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type === 'class_definition') return node;
  const definition = node.type === 'decorated_definition' ? node.childForFieldName('definition') : null;
  return definition?.type === 'class_definition' ? definition : undefined;
}

/** The unit of a statement node (a container when it is a class whose body may be split). */
export function makeUnit(node: SyntaxNode, parent: Unit | undefined, atomic: ReadonlySet<number>): Unit {
  const cls = classOf(node);
  const body = cls?.childForFieldName('body');
  if (!cls || body?.type !== 'block' || atomic.has(node.startIndex)) return { id: nextId++, start: node.startIndex, end: node.endIndex, type: node.type, parent };
  const container: Container = { bodyStart: body.startIndex, members: [] };
  const unit: Unit = { id: nextId++, start: node.startIndex, end: node.endIndex, type: node.type, parent, container };
  for (const member of body.namedChildren) if (member) container.members.push(makeUnit(member, unit, atomic));
  return unit;
}

/** Every unit of a subtree, containers before their members, in document order. */
export function* unitsOf(units: readonly Unit[]): Generator<Unit> {
  for (const unit of units) {
    yield unit;
    if (unit.container) yield* unitsOf(unit.container.members);
  }
}

/** The units of one version of a file, top level in document order. */
export class UnitTree {
  constructor(readonly top: readonly Unit[]) {}

  /** Builds the units of a tree; `atomic` lists starts of class statements whose bodies must stay one unit. */
  static build(root: SyntaxNode, atomic: ReadonlySet<number> = new Set()): UnitTree {
    return new UnitTree(root.namedChildren.filter((n): n is SyntaxNode => !!n).map((n) => makeUnit(n, undefined, atomic)));
  }

  all(): Generator<Unit> {
    return unitsOf(this.top);
  }

  /** The innermost unit whose range [start, end) contains `offset`, or undefined between top-level units. */
  unitAt(offset: number): Unit | undefined {
    let found: Unit | undefined;
    for (let list: readonly Unit[] | undefined = this.top; list; ) {
      const unit = search(list, offset);
      if (!unit) break;
      found = unit;
      list = unit.container && offset >= unit.container.bodyStart ? unit.container.members : undefined;
    }
    return found;
  }

  /** The node of `unit` in `root`, the tree these units describe: reached by child indexes, so any node is found. */
  nodeOf(root: SyntaxNode, unit: Unit): SyntaxNode {
    const path: Unit[] = [];
    for (let u: Unit | undefined = unit; u; u = u.parent) path.unshift(u);
    let parentNode = root;
    let list = this.top;
    let node = root;
    for (const u of path) {
      const found = parentNode.namedChild(indexIn(list, u));
      if (!found || found.startIndex !== u.start || found.endIndex !== u.end || found.type !== u.type) throw new Error(`pyinsight: unit ${u.type}@${u.start} is not in the tree`);
      node = found;
      if (u.container) {
        parentNode = classOf(node)!.childForFieldName('body')!;
        list = u.container.members;
      }
    }
    return node;
  }
}

/** The unit of a sorted list whose [start, end) contains `offset`, by binary search. */
function search(list: readonly Unit[], offset: number): Unit | undefined {
  const i = unitIndexAt(list, offset);
  return i < 0 ? undefined : list[i];
}

/** The index of the unit of a sorted, disjoint list whose [start, end) contains `offset`; -1 between units. */
export function unitIndexAt(list: readonly Unit[], offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].end <= offset) lo = mid + 1;
    else if (list[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** The index of `unit` in its sorted sibling list (binary search, then a scan past zero-width neighbours). */
function indexIn(list: readonly Unit[], unit: Unit): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < unit.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length && list[i].start === unit.start; i++) if (list[i] === unit) return i;
  return list.indexOf(unit);
}

/**
 * The node with exactly this range and type inside `scope` (a unit's node): the smallest node spanning the range or
 * one of its ancestors; zero-width nodes, which that lookup can miss, are searched for among the descendants.
 */
export function nodeAt(scope: SyntaxNode, start: number, end: number, type: string): SyntaxNode {
  for (let node: SyntaxNode | null = scope.descendantForIndex(start, end); node; node = node.parent) {
    if (node.startIndex === start && node.endIndex === end && node.type === type) return node;
    if (node.startIndex < start || node.endIndex > end || node.id === scope.id) break;
  }
  const found = scope.descendantsOfType(type).find((n) => n?.startIndex === start && n.endIndex === end);
  if (!found) throw new Error(`pyinsight: no ${type} node at ${start}-${end}`);
  return found;
}

/**
 * The parts of a container's own (header) part to query: the class statement itself and a decorating wrapper with
 * patterns rooted right there (and its body block, when asked), and the decorators, name, type parameters and bases
 * in full.
 */
export function headerParts(statement: SyntaxNode, withBody = false): Array<{ readonly node: SyntaxNode; readonly depth?: number }> {
  const cls = classOf(statement)!;
  const parts: Array<{ node: SyntaxNode; depth?: number }> = [{ node: cls, depth: 0 }];
  if (statement.id !== cls.id) {
    parts.unshift({ node: statement, depth: 0 });
    for (const child of statement.namedChildren) if (child && child.id !== cls.id) parts.push({ node: child });
  }
  const body = cls.childForFieldName('body');
  for (const child of cls.namedChildren) if (child && child.id !== body?.id) parts.push({ node: child });
  // Patterns rooted at the body block itself (its statements are units of their own).
  if (withBody && body) parts.push({ node: body, depth: 0 });
  return parts;
}

/**
 * Query options that restrict matching to [start, end) in string offsets. web-tree-sitter 0.27 hands a query's byte
 * range to tree-sitter unconverted, and the text it parses is UTF-16: two bytes per code unit (node offsets, on the
 * other hand, come back as code units). A test pins this down.
 */
export function queryRange(start: number, end: number): { startIndex: number; endIndex: number } {
  return { startIndex: start * 2, endIndex: end * 2 };
}

/** The text span covering every unit of `units` (adjacent units: from the first start to the last end). */
export function unitsSpan(units: Iterable<Unit>): { readonly start: number; readonly end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const unit of units) {
    start = Math.min(start, unit.start);
    end = Math.max(end, unit.end);
  }
  return { start, end };
}

/** The query option that limits matching to patterns starting at most `depth` levels down; none for undefined. */
export function startDepth(depth: number | undefined): { maxStartDepth: number } | undefined {
  return depth === undefined ? undefined : { maxStartDepth: depth };
}
