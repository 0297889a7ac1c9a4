// Whether instances of a class carry a `__dict__` and a `__weakref__` slot: any class in the MRO that provides one
// gives it to all subclasses (checked against CPython 3.11: a slotted class mixed with an unslotted one keeps both).
// A class without `__slots__` adds both, except that `__weakref__` cannot be added under a variable-size base (int,
// bytes, tuple); a class with `__slots__` adds only what it lists.
import type { Linearization, Linearizer } from './c3';
import { classSlots, type ClassRef } from './classModel';

export type Provision =
  | { readonly has: true; readonly by: ClassRef; readonly how: 'no-slots' | 'listed' | 'builtin' }
  | { readonly has: false }
  | { readonly has: 'unknown'; readonly because: ClassRef };

export interface InstanceLayout {
  readonly dict: Provision;
  readonly weakref: Provision;
  /** Some class of this file in the MRO defines `__slots__` (otherwise there is nothing worth saying). */
  readonly slotted: boolean;
}

function varsizeBelow(mro: Linearization): boolean | 'unknown' {
  if (mro.classes.some((c) => c.kind === 'known' && c.known.varsize)) return true;
  return mro.complete ? false : 'unknown';
}

export function instanceLayout(mro: Linearization, linearizer: Linearizer): InstanceLayout {
  let dict: Provision | undefined;
  let weakref: Provision | undefined;
  let unknownDict: ClassRef | undefined;
  let unknownWeakref: ClassRef | undefined;
  let slotted = false;
  for (const c of mro.classes) {
    let gives: { dict: boolean | 'unknown'; weakref: boolean | 'unknown'; how: 'no-slots' | 'listed' | 'builtin' };
    if (c.kind === 'known') gives = { dict: c.known.dict, weakref: c.known.weakref, how: 'builtin' };
    else if (c.kind === 'external') gives = { dict: 'unknown', weakref: 'unknown', how: 'builtin' };
    else {
      const slots = classSlots(c.node);
      if (slots) slotted = true;
      if (slots === undefined) {
        const varsize = varsizeBelow(linearizer.linearize(c));
        gives = { dict: true, weakref: varsize === 'unknown' ? 'unknown' : !varsize, how: 'no-slots' };
      } else if (slots === 'unknown') gives = { dict: 'unknown', weakref: 'unknown', how: 'listed' };
      else gives = { dict: slots.names.includes('__dict__'), weakref: slots.names.includes('__weakref__'), how: 'listed' };
    }
    if (gives.dict === true) dict ??= { has: true, by: c, how: gives.how };
    else if (gives.dict === 'unknown') unknownDict ??= c;
    if (gives.weakref === true) weakref ??= { has: true, by: c, how: gives.how };
    else if (gives.weakref === 'unknown') unknownWeakref ??= c;
  }
  // The part of the MRO we could not linearise is unknown too.
  const tail = mro.classes[mro.classes.length - 1];
  if (!mro.complete) {
    unknownDict ??= tail;
    unknownWeakref ??= tail;
  }
  const settle = (found: Provision | undefined, unknown: ClassRef | undefined): Provision => found ?? (unknown ? { has: 'unknown', because: unknown } : { has: false });
  return { dict: settle(dict, unknownDict), weakref: settle(weakref, unknownWeakref), slotted };
}
