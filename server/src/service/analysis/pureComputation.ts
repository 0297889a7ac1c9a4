// Whether a function's body is pure Python computation: loops over range() and arithmetic, calling only builtins and
// math functions that keep the GIL for their whole run. Anything else (another call, a with block, await, yield, an
// import, a loop over something other than range()) may wait on I/O, sleep or a lock, or enter C code that releases
// the GIL, so the answer is then no.
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { NameResolver } from './resolve';

const PURE_BUILTINS = new Set([
  'abs', 'all', 'any', 'bin', 'bool', 'chr', 'divmod', 'float', 'hex', 'int', 'isinstance', 'len', 'max', 'min', 'oct', 'ord', 'pow', 'range', 'round', 'sum',
].map((name) => `builtins.${name}`));

const FORBIDDEN = ['with_statement', 'await', 'yield', 'import_statement', 'import_from_statement', 'function_definition', 'class_definition', 'lambda', 'try_statement', 'raise_statement'];
const LOOPS = ['for_statement', 'while_statement', 'for_in_clause'];

function pureCall(call: SyntaxNode, names: NameResolver): boolean {
  const fn = call.childForFieldName('function');
  if (!fn) return false;
  // list.append on a name assigned in the function is plain list work; other methods may be anything.
  if (fn.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'append') return fn.childForFieldName('object')?.type === 'identifier';
  const name = names.qualifiedName(fn);
  return !!name && (PURE_BUILTINS.has(name) || /^math\.[a-z_0-9]+$/.test(name));
}

/** True when `fn` (a function_definition) has a loop and does nothing but GIL-holding computation. */
export function isPureComputation(fn: SyntaxNode, names: NameResolver): boolean {
  const body = fn.childForFieldName('body');
  if (!body || body.descendantsOfType(FORBIDDEN).length > 0) return false;
  const loops = body.descendantsOfType(LOOPS);
  if (loops.length === 0) return false;
  for (const loop of loops) {
    if (!loop || loop.type === 'while_statement') continue;
    const iterable = loop.childForFieldName('right');
    const callee = iterable?.type === 'call' ? iterable.childForFieldName('function') : undefined;
    if (!callee || names.qualifiedName(callee) !== 'builtins.range') return false;
  }
  return body.descendantsOfType('call').every((call) => !!call && pureCall(call, names));
}
