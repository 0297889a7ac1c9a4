// The "names in this function" line: each name's scope as CPython's symtable gives it, with where closure cells live.
import type { AnalysedBlock, SymbolScope } from '../../analysis/symbols';
import type { SymbolBlock } from '../../analysis/symbolBlocks';

const MAX_NAMES = 8;

const LABELS: ReadonlyArray<readonly [SymbolScope, string]> = [
  ['local', 'locals'],
  ['cell', 'cells'],
  ['free', 'free'],
  ['nonlocal', 'nonlocal'],
  ['global-explicit', 'declared `global`'],
  ['global-implicit', 'globals'],
];

function blockLabel(block: SymbolBlock): string {
  return block.kind === 'class' ? `class \`${block.name}\`` : block.name === 'lambda' || !/^\w+$/.test(block.name) || block.node.type !== 'function_definition' ? `the enclosing ${block.name}` : `\`${block.name}\``;
}

/** The enclosing block whose cell a free or nonlocal name refers to. */
function cellOwner(block: AnalysedBlock, name: string): AnalysedBlock | undefined {
  for (let b = block.parent as AnalysedBlock | undefined; b; b = b.parent as AnalysedBlock | undefined) {
    if (b.kind === 'class' && name === '__class__') return b;
    if (b.kind === 'function' && b.scopes?.get(name) === 'cell') return b;
  }
  return undefined;
}

/** The first nested block (depth first) that takes `name` from this one. */
function capturedBy(block: SymbolBlock, name: string): SymbolBlock | undefined {
  // Classes nested in classes are searched in place, with a stack of positions rather than recursion.
  const stack = [{ block, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.block.children.length) {
      stack.pop();
      continue;
    }
    const child = top.block.children[top.next++];
    const scope = (child as AnalysedBlock).scopes?.get(name);
    if (scope === 'free' || scope === 'nonlocal') return child;
    if (child.kind === 'class') stack.push({ block: child, next: 0 });
  }
  return undefined;
}

const READERS: Readonly<Record<string, string>> = {
  lambda: 'a lambda',
  listcomp: 'a list comprehension, a nested function up to 3.11',
  setcomp: 'a set comprehension, a nested function up to 3.11',
  dictcomp: 'a dict comprehension, a nested function up to 3.11',
  genexpr: 'a generator expression',
};

function readerLabel(reader: SymbolBlock): string {
  return reader.node.type === 'function_definition' ? `\`${reader.name}\`` : (READERS[reader.name] ?? reader.name);
}

function describe(block: AnalysedBlock, symbol: string, scope: SymbolScope): string {
  const shown = `\`${block.written.get(symbol) ?? symbol}\``;
  if (scope === 'free' || scope === 'nonlocal') {
    const owner = cellOwner(block, symbol);
    if (!owner) return shown;
    if (owner.kind === 'class') return `${shown} (implicit cell of ${blockLabel(owner)}, for \`super()\`)`;
    return `${shown} (cell of ${blockLabel(owner)})`;
  }
  if (scope === 'cell') {
    const reader = capturedBy(block, symbol);
    return reader ? `${shown} (captured by ${readerLabel(reader)})` : shown;
  }
  return shown;
}

/** "Names in `f`: locals `x`, `total` · cells `count` (captured by `inner`) · globals `print`", or undefined. */
export function scopesLine(block: AnalysedBlock, title: string): string | undefined {
  const parts: string[] = [];
  for (const [scope, label] of LABELS) {
    const symbols = [...block.scopes].filter(([, s]) => s === scope).map(([name]) => name);
    if (symbols.length === 0) continue;
    const shown = symbols.slice(0, MAX_NAMES).map((name) => describe(block, name, scope));
    if (symbols.length > MAX_NAMES) shown.push(`+${symbols.length - MAX_NAMES} more`);
    parts.push(`${label}: ${shown.join(', ')}`);
  }
  return parts.length ? `Names in ${title}, as CPython's symbol table scopes them — ${parts.join(' · ')}.` : undefined;
}
