// The shape of an internals topic: data, written in our own words, shown on hover. One file per family registers
// its topics in topics/index.ts.

export type TopicFamily =
  | 'interpreter'
  | 'memory'
  | 'threads'
  | 'multiprocessing'
  | 'async'
  | 'iteration'
  | 'functions'
  | 'object-model'
  | 'typing'
  | 'data-model'
  | 'ast';

/**
 * What makes a topic apply at the cursor.
 * - `name`: the hovered identifier or attribute resolves (through this file's imports) to this qualified name, e.g.
 *   `threading.Thread`, or is a method of an object that call produced (`threading.Thread.start` for `t.start`).
 * - `node`: the hovered node, or an ancestor within the same statement, has this tree-sitter type; optionally it must
 *   have a child token of type `child` (e.g. `async`), or its text must match `text`.
 */
export type TopicTrigger =
  | { readonly name: string }
  | { readonly node: string; readonly child?: string; readonly text?: RegExp };

export interface Topic {
  /** Stable kebab-case id, as in the seed catalog (e.g. `gil`, `small-int-cache`). */
  readonly id: string;
  readonly title: string;
  readonly family: TopicFamily;
  readonly triggers: readonly TopicTrigger[];
  /** 2–5 sentences of markdown: the mechanism and its consequence for the code under the cursor. */
  readonly summary: string;
  /** A minimal Python example, when one helps. */
  readonly example?: string;
  /** Version notes ("since 3.12 …"); every version-dependent claim in the summary names its versions here or there. */
  readonly versions?: string;
  /** docs.python.org pages (https://docs.python.org/3/…). */
  readonly links: ReadonlyArray<{ readonly title: string; readonly url: string }>;
}
