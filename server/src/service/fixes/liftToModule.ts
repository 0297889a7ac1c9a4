// Moving a closure-free lambda or nested def to module level, just before the top-level statement that holds it, so
// that pickle can find it by name. Callers check first (analysis/closure.ts) that it uses no enclosing variables.
import type { SyntaxNode } from '../../parsing/treeSitter';
import { topLevelStatement } from '../analysis/mainGuard';
import type { RuleContext, RuleFix } from '../rules/rule';
import type { OffsetEdit } from '../types';
import { dedentLines, indentUnit, lineBreak, lineStartOf } from './indent';
import { applyOffsetEdits, lineEndAfter } from './text';

/** A name that appears nowhere in the file, so it can neither clash with nor shadow anything. */
function freshName(text: string, base: string): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}_${i}`;
    if (!new RegExp(`\\b${name}\\b`).test(text)) return name;
  }
}

/** `lambda x: x * k` → `def worker(x):\n    return x * k` above the enclosing top-level statement. */
export function liftLambda(context: RuleContext, lambda: SyntaxNode): RuleFix | undefined {
  const top = topLevelStatement(lambda);
  const body = lambda.childForFieldName('body');
  if (!top || !body || lineStartOf(context.text, top.startIndex) !== top.startIndex) return undefined;
  const name = freshName(context.text, 'worker');
  const lb = lineBreak(context.text);
  const parameters = lambda.childForFieldName('parameters')?.text ?? '';
  // A body that spans lines was held together by the call's brackets; it needs its own outside them.
  const returned = body.text.includes('\n') || body.text.includes('\r') ? `(${body.text})` : body.text;
  const def = `def ${name}(${parameters}):${lb}${indentUnit(context.text, context.file.tree.rootNode)}return ${returned}${lb}${lb}${lb}`;
  // Defaults are evaluated where the def now stands, once, instead of where and whenever the lambda was created.
  const hasDefaults = (lambda.childForFieldName('parameters')?.descendantsOfType('default_parameter').length ?? 0) > 0;
  return {
    title: `Move the lambda to a module-level function \`${name}\``,
    safety: hasDefaults ? 'unsafe' : 'safe',
    edits: [
      { start: top.startIndex, end: top.startIndex, newText: def },
      { start: lambda.startIndex, end: lambda.endIndex, newText: name },
    ],
  };
}

/** Cuts a nested def (with its decorators), dedents it, and inserts it above the enclosing top-level statement. */
export function liftNestedDef(context: RuleContext, def: SyntaxNode): RuleFix | undefined {
  const { text } = context;
  const unit = def.parent?.type === 'decorated_definition' ? def.parent : def;
  const name = def.childForFieldName('name')?.text;
  const top = topLevelStatement(unit);
  const block = unit.parent;
  const start = lineStartOf(text, unit.startIndex);
  if (!name || !top || !block || text.slice(start, unit.startIndex).trim() !== '') return undefined;
  // Names already bound at module level would be replaced; an emptied block would not parse.
  if (context.names.index.module.bindings.has(name)) return undefined;
  if (block.namedChildren.filter((c) => c && c.type !== 'comment').length < 2) return undefined;
  const end = lineEndAfter(text, unit.endIndex);
  const dedent = dedentLines(text, context.file.tree.rootNode, start, end, unit.startIndex - start);
  const moved = applyOffsetEdits(text, dedent, start, end);
  const lb = lineBreak(text);
  const edits: OffsetEdit[] = [
    { start: lineStartOf(text, top.startIndex), end: lineStartOf(text, top.startIndex), newText: `${moved.replace(/(\r\n|\n|\r)?$/, lb)}${lb}${lb}` },
    { start, end, newText: '' },
  ];
  return { title: `Move \`${name}\` to module level`, safety: 'unsafe', edits };
}
