// Whether a function body can reach its end without a return or raise: a conservative, syntax-only check. Anything
// it cannot judge (match, `while True`, a loop's else, calls that may never return...) counts as "does not fall off",
// so callers that warn about falling off stay quiet in doubt. Bare `return` and `return None` count as returning.
import type { SyntaxNode } from '../../parsing/treeSitter';

function statementsOf(block: SyntaxNode | null | undefined): SyntaxNode[] {
  return block?.namedChildren.filter((s): s is SyntaxNode => !!s && s.type !== 'comment') ?? [];
}

/** The block a clause holds (else/finally/except keep it as a plain child, not always under a field). */
function blockOf(clause: SyntaxNode): SyntaxNode | undefined {
  return clause.childForFieldName('body') ?? clause.childForFieldName('consequence') ?? clause.namedChildren.find((c) => c?.type === 'block') ?? undefined;
}

const EXIT_CALLS = /^(sys\.exit|exit|quit|os\._exit|os\.abort)$/;

function stops(statement: SyntaxNode): boolean {
  switch (statement.type) {
    case 'return_statement':
    case 'raise_statement':
    case 'match_statement':
      return true;
    case 'expression_statement': {
      const call = statement.namedChild(0);
      return call?.type === 'call' && EXIT_CALLS.test(call.childForFieldName('function')?.text ?? '');
    }
    case 'if_statement': {
      const alternatives = statement.childrenForFieldName('alternative').filter((c): c is SyntaxNode => !!c);
      if (!alternatives.some((a) => a.type === 'else_clause')) return false;
      return blockStops(statement.childForFieldName('consequence')) && alternatives.every((a) => blockStops(blockOf(a)));
    }
    case 'with_statement':
      return blockStops(statement.childForFieldName('body'));
    case 'while_statement':
      // `while True:` (or `while 1:`) leaves only through break; assume it may not fall off.
      return /^(True|1)$/.test(statement.childForFieldName('condition')?.text ?? '') || hasElse(statement);
    case 'for_statement':
      return hasElse(statement);
    case 'try_statement': {
      const clauses = statement.namedChildren.filter((c): c is SyntaxNode => !!c);
      const final = clauses.find((c) => c.type === 'finally_clause');
      if (final && blockStops(blockOf(final))) return true;
      const handlers = clauses.filter((c) => c.type === 'except_clause' || c.type === 'except_group_clause');
      const otherwise = clauses.find((c) => c.type === 'else_clause');
      const main = blockStops(statement.childForFieldName('body')) || (!!otherwise && blockStops(blockOf(otherwise)));
      return main && handlers.every((h) => blockStops(blockOf(h)));
    }
    default:
      return false;
  }
}

function hasElse(loop: SyntaxNode): boolean {
  return loop.childForFieldName('alternative') !== null;
}

function blockStops(block: SyntaxNode | null | undefined): boolean {
  return statementsOf(block).some(stops);
}

/** True when control can reach the end of `body` (a function's block) without returning or raising. */
export function fallsOffEnd(body: SyntaxNode): boolean {
  return !blockStops(body);
}
