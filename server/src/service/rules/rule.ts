// The Rule type: metadata, documentation, the tree-sitter query a rule needs, and its check (which may carry a fix).
import type { QueryMatch, SyntaxNode } from '../../parsing/treeSitter';
import type { NameResolver } from '../analysis/resolve';
import type { Settings } from '../config';
import type { OffsetEdit, SeverityName, SourceFile } from '../types';

export type RuleFamily = 'multiprocessing' | 'threads' | 'async' | 'generators' | 'identity' | 'functions' | 'classes' | 'ast';

export type FixSafety = 'safe' | 'unsafe';

export interface RuleDocs {
  /** One sentence, used in tables and as the hover's first line. */
  readonly summary: string;
  readonly what: string;
  /** The CPython mechanism behind the problem. */
  readonly why: string;
  /** Python source showing the problem. */
  readonly example: string;
  /** Python source showing the fix. */
  readonly useInstead: string;
  readonly fixSafety: string;
  readonly versions: string;
  readonly references: ReadonlyArray<{ readonly title: string; readonly url: string }>;
}

export interface RuleFix {
  readonly title: string;
  readonly safety: FixSafety;
  readonly edits: readonly OffsetEdit[];
}

export interface Finding {
  /** The range to underline: a node, or explicit offsets. */
  readonly at: SyntaxNode | { readonly startIndex: number; readonly endIndex: number };
  readonly message: string;
  /** Overrides the rule's default severity for this finding (still below the user's per-rule severity). */
  readonly severity?: SeverityName;
  readonly fix?: RuleFix;
}

/** What a check can see. `names` is built on first use, so rules that need no resolution cost nothing. */
export interface RuleContext {
  readonly file: SourceFile;
  readonly text: string;
  readonly settings: Settings;
  readonly names: NameResolver;
}

export interface Rule {
  readonly code: string;
  readonly name: string;
  readonly family: RuleFamily;
  readonly defaultSeverity: SeverityName;
  /** The best fix the rule can offer; individual findings may have none. */
  readonly fixSafety: FixSafety | 'none';
  /** Codes of other linters for the same problem; `# noqa: <code>` with any of them suppresses this rule too. */
  readonly equivalentCodes: readonly string[];
  /** tree-sitter query patterns; every match of them is handed to `check`. */
  readonly query: string;
  /**
   * A cheap test of the whole text: when it says no, the rule's query is not run on the file at all. Rules with a
   * prefilter get a query of their own; the others share one combined query (one pass over the tree for all).
   */
  readonly appliesTo?: (text: string) => boolean;
  /** Limits where the rule's patterns may start (0: the root only), for rules about top-level statements. */
  readonly maxStartDepth?: number;
  readonly docs: RuleDocs;
  check(match: QueryMatch, context: RuleContext): Finding | readonly Finding[] | undefined;
}

/** The capture named `name` in a match (rules name their captures, so this keeps checks readable). */
export function capture(match: QueryMatch, name: string): SyntaxNode | undefined {
  return match.captures.find((c) => c.name === name)?.node;
}
