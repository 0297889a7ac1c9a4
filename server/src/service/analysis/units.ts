// Units: the pieces of a file that analyses cache and re-run separately. Every statement directly under `module` is
// one; a class statement there (plain or decorated) is a container whose own part is its header (decorators, name,
// bases) and whose body statements are units of their own, recursively for classes inside. A class body that
// declares `global`/`nonlocal` at class level stays one leaf: its members' bindings would depend on each other.
// Units hold offsets only (no tree-sitter nodes, which die with their tree), so they outlive the tree they came from;
// an edit shifts the units after it in place and replaces the ones it touched (see deriveUnits).
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { EditSpan } from './changes';

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

function isClassStatement(type: string): boolean {
  return type === 'class_definition' || type === 'decorated_definition';
}

/** The class_definition a statement is or decorates, or undefined. */
export function classOf(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type === 'class_definition') return node;
  const definition = node.type === 'decorated_definition' ? node.childForFieldName('definition') : null;
  return definition?.type === 'class_definition' ? definition : undefined;
}

function makeUnit(node: SyntaxNode, parent: Unit | undefined, atomic: ReadonlySet<number>): Unit {
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
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].end <= offset) lo = mid + 1;
    else if (list[mid].start > offset) hi = mid - 1;
    else return list[mid];
  }
  return undefined;
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
 * Query options that restrict matching to [start, end) in string offsets. web-tree-sitter 0.27 hands a query's byte
 * range to tree-sitter unconverted, and the text it parses is UTF-16: two bytes per code unit (node offsets, on the
 * other hand, come back as code units). A test pins this down.
 */
export function queryRange(start: number, end: number): { startIndex: number; endIndex: number } {
  return { startIndex: start * 2, endIndex: end * 2 };
}

/** What deriveUnits changed: units gone (with their members), units new (with theirs), containers whose body changed. */
export interface UnitChanges {
  readonly tree: UnitTree;
  readonly removed: readonly Unit[];
  readonly added: readonly Unit[];
  /** Containers around the edit that were kept: their header is unchanged, some members changed. Outermost first. */
  readonly containers: readonly Unit[];
  /** Kept units right before and after the edit at each level (checks may look at a statement's neighbours). */
  readonly neighbours: readonly Unit[];
}

/**
 * The units of the new tree, reusing `previous` outside `span` (a DocumentChange span: outside it, text and syntax are
 * unchanged). Mutates the kept units' offsets. Undefined when the new tree does not line up with the old units, which
 * the caller answers with a fresh build.
 */
export function deriveUnits(previous: UnitTree, root: SyntaxNode, span: EditSpan): UnitChanges | undefined {
  const removed: Unit[] = [];
  const added: Unit[] = [];
  const containers: Unit[] = [];
  const neighbours: Unit[] = [];
  const delta = span.newEnd - span.oldEnd;
  let list = [...previous.top];
  const top = list;
  let parentNode: SyntaxNode = root;
  let parent: Unit | undefined;
  for (;;) {
    let first = 0;
    while (first < list.length && list[first].end < span.start) first++;
    let last = first;
    while (last < list.length && list[last].start <= span.oldEnd) last++;
    const only = last - first === 1 ? list[first] : undefined;
    const inner = only?.container && span.start > only.container.bodyStart && span.oldEnd <= only.end ? nodeAtIndex(parentNode, first) : undefined;
    const innerBody = inner && classOf(inner)?.childForFieldName('body');
    const sameClass = inner?.type === only?.type && inner?.startIndex === only?.start && inner?.endIndex === (only?.end ?? 0) + delta;
    if (only?.container && inner && sameClass && innerBody?.type === 'block' && innerBody.startIndex === only.container.bodyStart && parentNode.namedChildCount === list.length) {
      // The edit stays inside one class body: keep the class, descend into its members.
      only.end += delta;
      containers.push(only);
      for (const after of list.slice(last)) shift(after, delta);
      list = only.container.members = [...only.container.members];
      parentNode = innerBody;
      parent = only;
      continue;
    }
    // Replace list[first, last) by the new nodes in the span; everything after shifts. A class kept whole stays
    // whole; a new class that declares class-level globals is split here, and the scope index asks for a fresh build.
    const whole = new Set(list.slice(first, last).filter((u) => !u.container && isClassStatement(u.type)).map((u) => u.start));
    const fresh: Unit[] = [];
    for (let i = first; ; i++) {
      const node = nodeAtIndex(parentNode, i);
      if (!node || node.startIndex > span.newEnd) break;
      fresh.push(makeUnit(node, parent, whole));
    }
    const kept = list.length - (last - first);
    if (parentNode.namedChildCount !== kept + fresh.length) return undefined;
    for (const after of list.slice(last)) shift(after, delta);
    // The first kept unit after the edit must be where the old one was (moved by the edit); before, nothing moved.
    const next = list[last];
    const nextNode = next && nodeAtIndex(parentNode, first + fresh.length);
    if (next && (!nextNode || nextNode.startIndex !== next.start || nextNode.endIndex !== next.end || nextNode.type !== next.type)) return undefined;
    const before = list[first - 1];
    const beforeNode = before && nodeAtIndex(parentNode, first - 1);
    if (before && (!beforeNode || beforeNode.startIndex !== before.start || beforeNode.endIndex !== before.end || beforeNode.type !== before.type)) return undefined;
    removed.push(...unitsOf(list.slice(first, last)));
    added.push(...unitsOf(fresh));
    neighbours.push(...[before, next].filter((u): u is Unit => !!u));
    list.splice(first, last - first, ...fresh);
    return { tree: new UnitTree(top), removed, added, containers, neighbours };
  }
}

function nodeAtIndex(parent: SyntaxNode, index: number): SyntaxNode | null {
  return index < parent.namedChildCount ? parent.namedChild(index) : null;
}

function shift(unit: Unit, delta: number): void {
  if (delta === 0) return;
  unit.start += delta;
  unit.end += delta;
  if (unit.container) {
    unit.container.bodyStart += delta;
    for (const member of unit.container.members) shift(member, delta);
  }
}
