// `lambda x: f(x)` → `f`, and `lambda x: f(x, k)` → `functools.partial(f, k=k)`, only where the result calls `f`
// with exactly the same arguments in the same places.
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { RuleContext, RuleFix } from '../rules/rule';
import { ensureImport } from './imports';

interface Parameter {
  readonly name: string;
  /** Whether a keyword argument can fill it (false for positional-only parameters). */
  readonly byKeyword: boolean;
}

/** The parameters of a def that can be filled by position, in order, up to `*args` or a bare `*`. */
function positionalParameters(def: SyntaxNode): Parameter[] | undefined {
  const parameters = def.childForFieldName('parameters');
  if (!parameters) return undefined;
  const list: Parameter[] = [];
  for (const p of parameters.namedChildren) {
    if (!p || p.type === 'comment') continue;
    if (p.type === 'positional_separator') {
      list.forEach((q, i) => (list[i] = { ...q, byKeyword: false }));
      continue;
    }
    const name = p.type === 'identifier' ? p : p.type === 'typed_parameter' ? p.namedChild(0) : p.childForFieldName('name');
    if (!name || name.type !== 'identifier') break; // *args, **kwargs or a bare `*`: nothing after it is positional
    list.push({ name: name.text, byKeyword: true });
  }
  return list;
}

/** The lambda's parameters when all are plain names (no defaults, no splats). */
function plainParameters(lambda: SyntaxNode): string[] | undefined {
  const parameters = lambda.childForFieldName('parameters');
  if (!parameters) return [];
  const names = parameters.namedChildren.filter((p) => p?.type !== 'comment');
  return names.every((p) => p?.type === 'identifier') ? names.map((p) => p!.text) : undefined;
}

function mentionsAny(node: SyntaxNode, names: ReadonlySet<string>): boolean {
  if (node.type === 'identifier') return names.has(node.text);
  return node.descendantsOfType('identifier').some((i) => !!i && names.has(i.text) && i.parent?.type !== 'keyword_argument' && !(i.parent?.type === 'attribute' && i.parent.childForFieldName('attribute')?.id === i.id));
}

/** The exact rewrite of `lambda` into `f` or `functools.partial(f, …)`, if there is one. */
export function lambdaToPartial(context: RuleContext, lambda: SyntaxNode): RuleFix | undefined {
  const params = plainParameters(lambda);
  const body = lambda.childForFieldName('body');
  const callee = body?.type === 'call' ? body.childForFieldName('function') : null;
  const args = body?.childForFieldName('arguments');
  if (!params || !callee || callee.type !== 'identifier' || args?.type !== 'argument_list') return undefined;
  const definition = context.names.definitionOf(callee);
  if (definition?.kind !== 'def' || definition.scope.kind !== 'module' || params.includes(callee.text)) return undefined;
  const items = args.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment');
  if (items.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat' || a.type === 'parenthesized_list_splat')) return undefined;
  const positional = items.filter((a) => a.type !== 'keyword_argument');
  const keywords = items.filter((a) => a.type === 'keyword_argument');
  // The lambda's parameters must be passed straight through, consecutively and in order.
  let at = params.length === 0 ? positional.length : positional.findIndex((a) => a.text === params[0]);
  if (at < 0 || params.some((p, k) => positional[at + k]?.type !== 'identifier' || positional[at + k]?.text !== p)) return undefined;
  const prefix = positional.slice(0, at);
  const suffix = positional.slice((at += params.length));
  const fixed = [...prefix, ...suffix, ...keywords.map((k) => k.childForFieldName('value')!)];
  if (fixed.some((a) => mentionsAny(a, new Set(params)))) return undefined;
  if (prefix.length + suffix.length + keywords.length === 0) {
    return { title: `Pass \`${callee.text}\` itself instead of a lambda`, safety: 'safe', edits: [{ start: lambda.startIndex, end: lambda.endIndex, newText: callee.text }] };
  }
  // Arguments after the lambda's own become keywords: that needs their parameter names, which a decorator may change.
  const signature = positionalParameters(definition.node);
  const decorated = definition.node.parent?.type === 'decorated_definition';
  const named: string[] = [];
  for (let k = 0; k < suffix.length; k++) {
    const parameter = signature?.[at + k];
    if (decorated || !parameter?.byKeyword) return undefined;
    named.push(`${parameter.name}=${suffix[k].text}`);
  }
  const keywordNames = new Set(keywords.map((k) => k.childForFieldName('name')?.text));
  if (named.some((n) => keywordNames.has(n.slice(0, n.indexOf('='))))) return undefined;
  const partial = ensureImport(context, 'functools', 'partial');
  const newText = `${partial.reference}(${[callee.text, ...prefix.map((a) => a.text), ...named, ...keywords.map((k) => k.text)].join(', ')})`;
  return {
    title: `Replace the lambda with \`${newText}\``,
    safety: 'unsafe',
    edits: [...partial.edits, { start: lambda.startIndex, end: lambda.endIndex, newText }],
  };
}
