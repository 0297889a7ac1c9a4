// After an edit: the units of the new tree, reusing those of the previous version outside the edit (units.ts).
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { EditSpan } from './changes';
import { classOf, makeUnit, unitsOf, UnitTree, type Unit } from './units';

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
    const replaced = list.slice(first, last);
    removed.push(...unitsOf(replaced));
    added.push(...unitsOf(fresh));
    const sameShape = replaced.length === fresh.length && replaced.every((u, i) => u.type === fresh[i].type);
    const sameLine = (from: number, to: number) => !/[\r\n]/.test(text.slice(from, to));
    if (before && (!sameShape || sameLine(before.end, span.start))) neighbours.push(before);
    if (next && (!sameShape || sameLine(span.newEnd, next.start))) neighbours.push(next);
    list.splice(first, last - first, ...fresh);
    return { tree: new UnitTree(top), removed, added, containers, neighbours };
  }
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
