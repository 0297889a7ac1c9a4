// C3 linearisation (CPython's mro_implementation), made honest about classes defined elsewhere: an external base's
// own ancestors are unknown, so the merge stops at the first step whose choice they could change. What it returns is
// then a correct prefix of the real MRO.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { classHeader, knownClass, type ClassRef } from './classModel';
import { OBJECT_NAME } from './knownClasses';
import type { NameResolver } from './resolve';

export interface Linearization {
  readonly classes: readonly ClassRef[];
  /** False when the real MRO continues past `classes` with classes we cannot know. */
  readonly complete: boolean;
  /** CPython's TypeError text, when creating the class fails. */
  readonly error?: string;
  /** A base whose own creation fails (so this class is never created either). */
  readonly failingBase?: ClassRef;
}

interface Sequence {
  readonly items: readonly ClassRef[];
  readonly complete: boolean;
  /** This file's classes among the owner's ancestors (for an incomplete sequence: which could hide in the unknown part). */
  readonly fileAncestors: ReadonlySet<string>;
  position: number;
}

/** Bases followed at most this deep in one linearisation; past it the MRO is reported as a (correct) prefix. */
const MAX_CHAIN = 200;

export class Linearizer {
  private readonly memo = new Map<string, Linearization>();
  private readonly ancestorsMemo = new Map<string, ReadonlySet<string>>();
  private readonly active = new Set<string>();
  /** How often MAX_CHAIN cut a linearisation short: results computed across a cut are not memoised. */
  private cuts = 0;

  constructor(private readonly names: NameResolver) {}

  linearize(ref: ClassRef): Linearization {
    const cached = this.memo.get(ref.key);
    if (cached) return cached;
    let result: Linearization;
    if (ref.kind === 'known') result = { classes: ref.known.mro.map((q) => knownClass(q)!), complete: true };
    else if (ref.kind === 'external' || this.active.has(ref.key)) result = { classes: [ref], complete: false };
    // A chain of thousands of classes would recurse past the stack: cut it, and keep no result that depends on the cut.
    else if (this.active.size >= MAX_CHAIN) {
      this.cuts++;
      return { classes: [ref], complete: false };
    } else {
      const cuts = this.cuts;
      this.active.add(ref.key);
      try {
        result = this.linearizeFileClass(ref, ref.node);
      } finally {
        this.active.delete(ref.key);
      }
      if (this.cuts !== cuts) return result;
    }
    this.memo.set(ref.key, result);
    return result;
  }

  /** This file's classes among the ancestors of `ref` (external classes are assumed not to derive from them). */
  fileAncestors(ref: ClassRef): ReadonlySet<string> {
    if (ref.kind !== 'file') return new Set();
    const cached = this.ancestorsMemo.get(ref.key);
    if (cached) return cached;
    const found = new Set<string>();
    this.ancestorsMemo.set(ref.key, found);
    // Depth first with a stack: a chain of bases can be longer than the JavaScript stack is deep.
    const pending: Array<ClassRef & { kind: 'file' }> = [ref];
    const expanded = new Set([ref.key]);
    while (pending.length > 0) {
      for (const base of classHeader(pending.pop()!.node, this.names).bases) {
        if (base.kind !== 'file') continue;
        found.add(base.key);
        const known = this.ancestorsMemo.get(base.key);
        if (known) for (const key of known) found.add(key);
        else if (!expanded.has(base.key)) {
          expanded.add(base.key);
          pending.push(base);
        }
      }
    }
    return found;
  }

  private linearizeFileClass(ref: ClassRef, node: SyntaxNode): Linearization {
    const header = classHeader(node, this.names);
    if (header.splat) return { classes: [ref], complete: false };
    const seen = new Set<string>();
    for (const base of header.bases) {
      if (base.kind !== 'external' && seen.has(base.key)) return { classes: [ref], complete: true, error: `duplicate base class ${base.name}` };
      seen.add(base.key);
    }
    const sequences: Sequence[] = [];
    for (const base of header.bases) {
      const mro = this.linearize(base);
      if (mro.error || mro.failingBase) return { classes: [ref], complete: true, failingBase: mro.failingBase ?? base };
      // One base: the merge is just that base's MRO (CPython takes the same shortcut); keeps deep chains linear.
      if (header.bases.length === 1) return { classes: [ref, ...mro.classes], complete: mro.complete };
      sequences.push({ items: mro.classes, complete: mro.complete, fileAncestors: this.fileAncestors(base), position: 0 });
    }
    sequences.push({ items: header.bases, complete: true, fileAncestors: new Set(), position: 0 });
    return merge(ref, sequences);
  }
}

function isObject(ref: ClassRef): boolean {
  return ref.key === OBJECT_NAME;
}

/** `ref` is certainly in the tail of `s`: in its known tail, or `object` behind a known head of an incomplete one. */
function surelyInTail(s: Sequence, ref: ClassRef): boolean {
  for (let i = s.position + 1; i < s.items.length; i++) if (s.items[i].key === ref.key) return true;
  return !s.complete && isObject(ref) && s.position < s.items.length && !isObject(s.items[s.position]);
}

/** `ref` could be in the unknown part of `s`. */
function mayBeInTail(s: Sequence, ref: ClassRef): boolean {
  if (s.complete) return false;
  for (let i = s.position; i < s.items.length; i++) if (s.items[i].key === ref.key) return false;
  return ref.kind !== 'file' || s.fileAncestors.has(ref.key);
}

function merge(self: ClassRef, sequences: Sequence[]): Linearization {
  const result: ClassRef[] = [self];
  for (;;) {
    let chosen: ClassRef | undefined;
    for (const s of sequences) {
      if (s.position >= s.items.length) {
        if (s.complete) continue;
        return { classes: result, complete: false }; // its next class is unknown
      }
      const head = s.items[s.position];
      if (sequences.some((other) => surelyInTail(other, head))) continue;
      if (sequences.some((other) => mayBeInTail(other, head))) return { classes: result, complete: false };
      chosen = head;
      break;
    }
    if (!chosen) {
      if (sequences.every((s) => s.position >= s.items.length)) return { classes: result, complete: true };
      // CPython names the remaining heads, once each, in the order of the sequences (set_mro_error).
      const heads = [...new Map(sequences.filter((s) => s.position < s.items.length).map((s) => [s.items[s.position].key, s.items[s.position].name])).values()];
      return { classes: result, complete: true, error: `Cannot create a consistent method resolution order (MRO) for bases ${heads.join(', ')}` };
    }
    result.push(chosen);
    for (const s of sequences) if (s.position < s.items.length && s.items[s.position].key === chosen.key) s.position++;
  }
}
