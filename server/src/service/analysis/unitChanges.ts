// After an edit: the units of the new tree, reusing those of the previous version outside the edit (units.ts).
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { EditSpan } from './changes';
import { classOf, makeUnit, unitsOf, UnitTree, type Container, type Unit } from './units';

/** What deriveUnits changed: units gone (with their members), units new (with theirs), containers whose body changed. */
export interface UnitChanges {
  readonly tree: UnitTree;
  readonly removed: readonly Unit[];
  readonly added: readonly Unit[];
  /** Containers around the edit that were kept: their header is unchanged, some members changed. Outermost first. */
  readonly containers: readonly Unit[];
  /**
   * Kept units right before and after the edited ones, when the edit may have changed what a check of theirs sees
   * of its neighbourhood: statements added, removed or of another kind next to it, or a change on a line it shares.
   */
  readonly neighbours: readonly Unit[];
}

/**
 * The units of the new tree, reusing `previous` outside `span` (a DocumentChange span: outside it, text and syntax are
 * unchanged). Mutates the kept units' offsets. Undefined when the new tree does not line up with the old units, which
 * the caller answers with a fresh build.
 */
export function deriveUnits(previous: UnitTree, root: SyntaxNode, span: EditSpan, text: string): UnitChanges | undefined {
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
    const kept = keptClass(parentNode, list, first, last, span);
    if (kept) {
      // The edit stays inside one class body: keep the class, descend into its members.
      const { unit, container, body } = kept;
      unit.end += delta;
      containers.push(unit);
      for (const after of list.slice(last)) shift(after, delta);
      list = container.members = [...container.members];
      parentNode = body;
      parent = unit;
      continue;
    }
    // Replace list[first, last) by the new nodes in the span; everything after shifts.
    for (const after of list.slice(last)) shift(after, delta);
    let freshNodes: SyntaxNode[] = [];
    for (let i = first; ; i++) {
      const node = nodeAtIndex(parentNode, i);
      if (!node || node.startIndex > span.newEnd) break;
      freshNodes.push(node);
    }
    // The kept units must be where the new tree has them: the count adds up, and the units right before and after
    // are unchanged (moved by the edit). tree-sitter's changed ranges leave out zero-width nodes (an empty ERROR), so
    // a statement can appear outside the span: then the lists are lined up by range and type from both ends.
    if (!lineUp(parentNode, list, first, last, freshNodes.length)) {
      const aligned = align(parentNode, list, first, last);
      [first, last, freshNodes] = [aligned.first, aligned.last, aligned.fresh];
    }
    // A class kept whole stays whole; a new class that declares class-level globals is split here, and the scope index
    // then asks for a fresh build.
    const whole = new Set(list.slice(first, last).filter((u) => !u.container && isClassStatement(u.type)).map((u) => u.start));
    const fresh = freshNodes.map((node) => makeUnit(node, parent, whole));
    const before = list[first - 1];
    const next = list[last];
    const replaced = list.slice(first, last);
    removed.push(...unitsOf(replaced));
    added.push(...unitsOf(fresh));
    const sameShape = replaced.length === fresh.length && replaced.every((u, i) => u.type === fresh[i].type);
    const sameLine = (from: number, to: number) => !/[\r\n]/.test(text.slice(from, to));
    if (before && (!sameShape || sameLine(before.end, Math.max(before.end, span.start)))) neighbours.push(before);
    if (next && (!sameShape || sameLine(Math.min(span.newEnd, next.start), next.start))) neighbours.push(next);
    list.splice(first, last - first, ...fresh);
    return { tree: new UnitTree(top), removed, added, containers, neighbours };
  }
}

/**
 * When list[first, last) is one container unit, the edit stays inside its class body, and the new tree still has the
 * class there with its body where it was: the unit, and the new body block to descend into.
 */
function keptClass(parentNode: SyntaxNode, list: readonly Unit[], first: number, last: number, span: EditSpan): { unit: Unit; container: Container; body: SyntaxNode } | undefined {
  const unit = last - first === 1 ? list[first] : undefined;
  const container = unit?.container;
  if (!unit || !container || span.start <= container.bodyStart || span.oldEnd > unit.end) return undefined;
  const node = nodeAtIndex(parentNode, first);
  const body = node && classOf(node)?.childForFieldName('body');
  const sameClass = node?.type === unit.type && node.startIndex === unit.start && node.endIndex === unit.end + span.newEnd - span.oldEnd;
  if (!sameClass || body?.type !== 'block' || body.startIndex !== container.bodyStart || parentNode.namedChildCount !== list.length) return undefined;
  return { unit, container, body };
}

function sameUnit(unit: Unit | undefined, node: SyntaxNode | null | undefined): boolean {
  return !!unit && !!node && node.startIndex === unit.start && node.endIndex === unit.end && node.type === unit.type;
}

/** Whether list[first, last) replaced by `fresh` new nodes leaves the other units where the new tree has them. */
function lineUp(parentNode: SyntaxNode, list: readonly Unit[], first: number, last: number, fresh: number): boolean {
  if (parentNode.namedChildCount !== list.length - (last - first) + fresh) return false;
  const next = list[last];
  const before = list[first - 1];
  return (!next || sameUnit(next, nodeAtIndex(parentNode, first + fresh))) && (!before || sameUnit(before, nodeAtIndex(parentNode, first - 1)));
}

/** The replaced stretch found by matching the kept units against the new nodes from both ends (by range and type). */
function align(parentNode: SyntaxNode, list: readonly Unit[], first: number, last: number): { first: number; last: number; fresh: SyntaxNode[] } {
  const nodes = parentNode.namedChildren.filter((n): n is SyntaxNode => !!n);
  let prefix = 0;
  while (prefix < first && prefix < nodes.length && sameUnit(list[prefix], nodes[prefix])) prefix++;
  let suffix = 0;
  while (suffix < list.length - last && suffix < nodes.length - prefix && sameUnit(list[list.length - 1 - suffix], nodes[nodes.length - 1 - suffix])) suffix++;
  return { first: prefix, last: list.length - suffix, fresh: nodes.slice(prefix, nodes.length - suffix) };
}

function isClassStatement(type: string): boolean {
  return type === 'class_definition' || type === 'decorated_definition';
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
