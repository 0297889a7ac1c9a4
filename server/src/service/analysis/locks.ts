// Synchronization primitives whose acquire()/release() pair has a `with` form (__enter__ acquires with the default
// arguments, __exit__ releases), by the qualified name of the call that creates them.
export type LockKind = 'lock' | 'semaphore' | 'condition';

const KINDS: ReadonlyMap<string, LockKind> = new Map<string, LockKind>(
  ['threading', 'multiprocessing'].flatMap((module) => [
    [`${module}.Lock`, 'lock'],
    [`${module}.RLock`, 'lock'],
    [`${module}.Semaphore`, 'semaphore'],
    [`${module}.BoundedSemaphore`, 'semaphore'],
    [`${module}.Condition`, 'condition'],
  ] as Array<[string, LockKind]>),
);

/** The kind of primitive a factory call creates, from its qualified name (`threading.Lock` → lock). */
export function lockKind(factory: string | undefined): LockKind | undefined {
  return factory === undefined ? undefined : KINDS.get(factory);
}
