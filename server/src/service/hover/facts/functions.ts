// Functions: generator/coroutine kind, symtable-style scope of each name, decorator order.
import type { SyntaxNode } from '../../../parsing/treeSitter';
import { functionKind, functionSymbols, type AnalysedBlock } from '../../analysis/symbols';
import type { FactProvider, HoverContext } from './fact';
import { scopesLine } from './functionScopes';

/** The def or lambda whose name, `def`, `async` or `lambda` keyword is under the cursor. */
function hoveredFunction(context: HoverContext): SyntaxNode | undefined {
  const node = context.node;
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === 'function_definition') {
    if (node.type === 'identifier') return parent.childForFieldName('name')?.id === node.id ? parent : undefined;
    return !node.isNamed && (node.type === 'def' || node.type === 'async') ? parent : undefined;
  }
  return parent.type === 'lambda' && node.type === 'lambda' && !node.isNamed ? parent : undefined;
}

// The three providers of one hover analyse the same def: keep the last analysis (trees are immutable).
let last: { readonly fn: SyntaxNode; readonly block: AnalysedBlock | undefined } | undefined;

function analysed(fn: SyntaxNode): AnalysedBlock | undefined {
  if (last && last.fn.id === fn.id && last.fn.tree === fn.tree) return last.block;
  const block = functionSymbols(fn);
  last = { fn, block };
  return block;
}

function title(fn: SyntaxNode): string {
  const name = fn.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
  return name ? `\`${name}\`` : 'this lambda';
}

const kindFact: FactProvider = (context) => {
  const fn = hoveredFunction(context);
  const block = fn && analysed(fn);
  if (!fn || !block) return undefined;
  const yieldLine = block.firstYield ? ` on line ${block.firstYield.startPosition.row + 1}` : '';
  const subject = fn.type === 'lambda' ? 'This lambda' : title(fn);
  switch (functionKind(block)) {
    case 'function':
      return [`${subject} is a plain function: calling it runs the body and returns its result.`];
    case 'generator':
      return [`${subject} is a **generator function** (\`yield\`${yieldLine}): calling it only creates a generator object; the body runs a step at a time, on each \`next()\`.`];
    case 'coroutine':
      return [`${subject} is a **coroutine function** (\`async def\` without \`yield\`): calling it only creates a coroutine object; the body runs when it is awaited or scheduled as a task.`];
    case 'async-generator':
      return [`${subject} is an **asynchronous generator function** (\`async def\` with \`yield\`${yieldLine}): calling it returns an async generator, consumed with \`async for\`; it cannot be awaited.`];
  }
};

const scopesFact: FactProvider = (context) => {
  const fn = hoveredFunction(context);
  const block = fn && analysed(fn);
  const line = fn && block && scopesLine(block, title(fn));
  return line ? [line] : undefined;
};

/** `f = route(timed(cache(f)))`: a decorator that is not a plain (dotted) name or call gets parentheses. */
function applied(decorator: string, inner: string): string {
  return /^[\w.]+(\(.*\)|\[.*\])*$/s.test(decorator) ? `${decorator}(${inner})` : `(${decorator})(${inner})`;
}

function shortText(expression: string): string {
  const text = expression.replace(/\s+/g, ' ').trim();
  if (text.length <= 40) return text;
  const callee = /^[\w.]+/.exec(text)?.[0];
  return callee ? `${callee}(…)` : `${text.slice(0, 37)}…`;
}

const decoratorFact: FactProvider = (context) => {
  const fn = hoveredFunction(context);
  if (fn?.type !== 'function_definition' || fn.parent?.type !== 'decorated_definition') return undefined;
  const name = fn.childForFieldName('name')?.text;
  const decorators = fn.parent.namedChildren.filter((c) => c?.type === 'decorator').map((d) => shortText(d!.text.replace(/^@/, '')));
  if (!name || decorators.length === 0) return undefined;
  const call = decorators.reduceRight((inner, decorator) => applied(decorator, inner), name);
  if (decorators.length === 1) return [`Decorated once, when the \`def\` runs: \`${name} = ${call}\`.`];
  const order = [...decorators].reverse().map((d) => `\`${d}\``).join(', then ');
  return [`Decorators apply bottom-up: ${order}: \`${name} = ${call}\` (the decorator expressions themselves are evaluated top-down first).`];
};

export const functionFacts: readonly FactProvider[] = [kindFact, scopesFact, decoratorFact];
