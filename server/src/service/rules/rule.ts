// The Rule type: metadata, documentation, the tree-sitter query a rule needs, and its check (which may carry a fix).
import type { QueryMatch, SyntaxNode } from '../../parsing/treeSitter';
import type { NameResolver } from '../analysis/resolve';
import type { FileText } from '../analysis/textFacts';
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

export type { FileText };

/**
 * How far a check's verdict reaches: what the engine may keep after an edit elsewhere (see engine.ts). The file is cut
 * into units (analysis/units.ts): each statement directly under `module`, and each statement directly in the body
 * of a class that is itself such a statement (recursively), whose own part is then only its header.
 *
 * 'statement': the findings for a match (messages, severities and fixes included) are a function of
 *   - the unit of the match: the smallest unit holding the pattern's root node; for a pattern rooted at a class
 *     statement that is a container, the whole class;
 *   - the units right before and right after it, in the same module or class body (a check may look at a
 *     statement's neighbours, or at the rest of its line);
 *   - the enclosing classes' headers (a method may mention its class's name);
 *   - whatever `context.names` returns, followed wherever it leads: lookups in the module and in class scopes, and the
 *     nodes of the bindings found, are recorded while the check runs (analysis/dependencies.ts);
 *   - the file-wide facts the engine re-checks on every edit: indentation unit, line break, the leading docstring and
 *     imports (where fixes add an import), `from __future__ import annotations`;
 *   - matches of `textDependencies` anywhere in the file (checks that scan the whole text declare what they look for);
 *   - anything else only through an analysis helper that records `wholeFile()` (the module as a block, for example).
 *   Findings and fix edits may lie outside the unit (their offsets are shifted with the text); a message may mention
 *   line numbers, always as "line N" (the engine re-runs units with such messages when lines are added or removed).
 * 'module': anything in the file may matter; the rule runs over the whole file after every edit.
 */
export type RuleScope = 'statement' | 'module';

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
  /** See RuleScope: what the engine may reuse of this rule's results after an edit. */
  readonly scope: RuleScope;
  /**
   * A cheap test of the file's text: when it says no, the rule's patterns are left out of the query for this file.
   * Ask `file.has(pattern)` (a match within one statement); any boolean combination of such tests may be returned.
   */
  readonly appliesTo?: (file: FileText) => boolean;
  /**
   * For 'statement' rules whose check scans the whole text (not just its unit): what it looks for. An edit to a unit
   * whose text matches one of these, before or after the edit, re-runs the rule on the whole file.
   */
  readonly textDependencies?: readonly RegExp[];
  /**
   * Limits where the rule's patterns may start, counted from the module (1: statements directly under `module`), for
   * rules about top-level statements. Such a rule runs with a query of its own.
   */
  readonly maxStartDepth?: number;
  /**
   * Set when the rule's patterns match most statements or calls of any file (the check does the real filtering). Such
   * a rule runs in a query pass of its own, and only in files where its prefilter passes, instead of in the engine's
   * shared query, where its matches would be collected in every file (bench/README.md, "the analysis strategy").
   */
  readonly broadPatterns?: boolean;
  readonly docs: RuleDocs;
  check(match: QueryMatch, context: RuleContext): Finding | readonly Finding[] | undefined;
}

/** The capture named `name` in a match (rules name their captures, so this keeps checks readable). */
export function capture(match: QueryMatch, name: string): SyntaxNode | undefined {
  return match.captures.find((c) => c.name === name)?.node;
}
