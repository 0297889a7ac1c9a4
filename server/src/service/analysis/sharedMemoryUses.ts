// How a SharedMemory handle bound to a local name is used in its function: undefined as soon as any use could let
// the segment be unlinked elsewhere (the handle or its name escaping, `.unlink`, re-binding, global/nonlocal).
import type { SyntaxNode } from '../../parsing/treeSitter';

export interface SharedMemoryUses {
  /** Some `.close()` call (anywhere in the function). */
  readonly closed: boolean;
  /** The last statement of the assignment's block when it is exactly `name.close()`. */
  readonly closeStatement?: SyntaxNode;
  /** Every `name.buf` is indexed with a single index or is a slice-assignment target (no exported views survive). */
  readonly bufferSafe: boolean;
}

const HARMLESS = new Set(['buf', 'size', 'close']);

export function sharedMemoryUses(body: SyntaxNode, binding: SyntaxNode): SharedMemoryUses | undefined {
  const name = binding.text;
  let closed = false;
  let bufferSafe = true;
  for (const id of body.descendantsOfType('identifier')) {
    if (!id || id.text !== name || id.id === binding.id) continue;
    const parent = id.parent;
    if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === id.id) continue;
    if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === id.id) continue;
    if (parent?.type !== 'attribute' || parent.childForFieldName('object')?.id !== id.id) return undefined;
    const attr = parent.childForFieldName('attribute')?.text ?? '';
    if (!HARMLESS.has(attr)) return undefined;
    if (attr === 'close') {
      if (parent.parent?.type !== 'call') return undefined;
      closed = true;
    }
    if (attr === 'buf' && !plainBufferAccess(parent)) bufferSafe = false;
  }
  const block = binding.parent?.parent?.parent;
  let last = block?.lastNamedChild;
  while (last?.type === 'comment') last = last.previousNamedSibling;
  const call = last?.type === 'expression_statement' && last.namedChildCount === 1 ? last.firstNamedChild : null;
  const closeStatement = call?.type === 'call' && call.text.replace(/\s+/g, '') === `${name}.close()` ? last! : undefined;
  return { closed, closeStatement, bufferSafe };
}

/** `shm.buf[i]` (an int, no view), or `shm.buf[a:b] = …` (the temporary view is released at once). */
function plainBufferAccess(buf: SyntaxNode): boolean {
  const sub = buf.parent;
  if (sub?.type !== 'subscript' || sub.childForFieldName('value')?.id !== buf.id) return false;
  const index = sub.childForFieldName('subscript');
  if (index && index.type !== 'slice') return true;
  const assignment = sub.parent;
  return assignment?.type === 'assignment' && assignment.childForFieldName('left')?.id === sub.id;
}
