// Computed facts: what hovering shows about *this* code, derived from the tree (and verified against CPython in tests).
import type { SyntaxNode } from '../../../parsing/treeSitter';
import type { NameResolver } from '../../analysis/resolve';
import type { Settings } from '../../config';

export interface HoverContext {
  /** The innermost named node at the cursor. */
  readonly node: SyntaxNode;
  readonly offset: number;
  readonly text: string;
  readonly root: SyntaxNode;
  readonly names: NameResolver;
  readonly settings: Settings;
}

/** A fact provider returns markdown lines (each a short sentence or a small table), or nothing when it does not apply. */
export type FactProvider = (context: HoverContext) => readonly string[] | undefined;
