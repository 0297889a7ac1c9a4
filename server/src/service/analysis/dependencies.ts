// What a rule check reads outside its own unit, recorded while it runs, so that an edit elsewhere re-runs exactly the
// checks whose inputs it touched. Shared scopes (the module, and classes whose members are units of their own) record
// their lookups here; analysis helpers that scan beyond a unit say so with `wholeFile`. Outside a check (hovers, the
// CLI) nothing listens and every call is a no-op.

/** Keys: `m` for the module scope, `c<unit id>` for the class scope of a container unit. */
export interface DependencySink {
  /** A name was looked up in a shared scope: its list of bindings (kinds, import names, count) matters. */
  lookup(owner: string, name: string): void;
  /** A binding's node or value was read: anything in the statement that holds it matters. */
  content(owner: string, name: string): void;
  /** Every name of a shared scope was listed. */
  listing(owner: string): void;
  /** The scope's own node was read: the whole module, or the whole class. */
  scopeNode(owner: string): void;
  /** The result may depend on anything in the file. */
  wholeFile(): void;
}

let current: DependencySink | undefined;

/** Runs `work` with `sink` collecting what it reads (nested calls restore the outer sink). */
export function collecting<T>(sink: DependencySink, work: () => T): T {
  const outer = current;
  current = sink;
  try {
    return work();
  } finally {
    current = outer;
  }
}

export const record = {
  lookup: (owner: string, name: string): void => current?.lookup(owner, name),
  content: (owner: string, name: string): void => current?.content(owner, name),
  listing: (owner: string): void => current?.listing(owner),
  scopeNode: (owner: string): void => current?.scopeNode(owner),
  wholeFile: (): void => current?.wholeFile(),
};

export const MODULE_OWNER = 'm';

const outside = {};

/**
 * An identity for the check running now (one object while no check runs). Memos that live longer than one check must
 * be keyed by it too: a result served from another check's memo would leave this check's dependencies unrecorded.
 */
export function checkIdentity(): object {
  return current ?? outside;
}
