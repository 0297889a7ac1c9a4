// Real inputs for the webview tests: CPython's answers through the server's PythonService (real python3 helper
// processes) and the fixtures on disk. Nothing here is hand-written data.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstNode, AstValue, BytecodeOptions, Range, SyntaxTreeResult } from '../../server/src/protocol';
import { defaultHelperScript, PythonService } from '../../server/src/python/pythonService';
import { neverCancelled } from '../../server/src/service/types';
import { getService, sourceFile } from '../helpers/service';

export const FIXTURES = join(__dirname, 'fixtures');
export const PYTHON313 = '/root/.pyenv/versions/3.13.0/bin/python3';
export const defaultOptions: BytecodeOptions = { optimize: 0, showCaches: false, adaptive: false };

let service: PythonService | undefined;

export function python(): PythonService {
  service ??= new PythonService({ helperScript: defaultHelperScript() });
  return service;
}

export function disposePython(): void {
  service?.dispose();
  service = undefined;
}

/** `result` as a success, after asserting it is one (the assertion shows the start of what came instead). */
export function ok<R extends { readonly kind: string }>(result: R): Extract<R, { kind: 'ok' }> {
  assert.equal(result.kind, 'ok', JSON.stringify(result).slice(0, 300));
  return result as Extract<R, { kind: 'ok' }>;
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** The text of the interpreter's own typing.py: a real, large module. */
export function typingSource(): string {
  const path = execFileSync('python3', ['-c', 'import typing; print(typing.__file__)'], { encoding: 'utf8' }).trim();
  return readFileSync(path, 'utf8');
}

export function has313(): boolean {
  return existsSync(PYTHON313);
}

export function stamp(label: string, version = 1): { uri: string; version: number; label: string } {
  return { uri: `file:///workspace/${encodeURIComponent(label)}`, version, label };
}

/** Every node of a CPython ast result, pre-order, with its field name under the parent. */
export function allNodes(root: AstNode): { node: AstNode; field?: string }[] {
  const out: { node: AstNode; field?: string }[] = [];
  const visit = (value: AstValue, field?: string) => {
    if (value.kind === 'node') {
      out.push({ node: value.node, field });
      value.node.fields.forEach((f) => visit(f.value, f.name));
    } else if (value.kind === 'list') {
      value.items.forEach((item) => visit(item, field));
    }
  };
  visit({ kind: 'node', node: root });
  return out;
}

/** A node's constant field as its repr (`'greet'`), for finding nodes by name. */
export function constantField(node: AstNode, name: string): string | undefined {
  const value = node.fields.find((f) => f.name === name)?.value;
  return value?.kind === 'constant' ? value.repr : undefined;
}

/** `[l:c–l:c]` as the view prints positions (lines 1-based, columns 0-based). */
export function formatRange(range: Range): string {
  return `[${range.start.line + 1}:${range.start.character}–${range.end.line + 1}:${range.end.character}]`;
}

/** The LSP position of the `nth` occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`${needle} not found`);
  }
  const before = text.slice(0, index + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** Each node's path as "Copy node path" spells it: `Module.body[2].value.func`. */
export function nodePaths(root: AstNode): Map<number, string> {
  const paths = new Map<number, string>();
  const visit = (value: AstValue, path: string) => {
    if (value.kind === 'node') {
      paths.set(value.node.id, path);
      value.node.fields.forEach((f) => visit(f.value, `${path}.${f.name}`));
    } else if (value.kind === 'list') {
      value.items.forEach((item, i) => visit(item, `${path}[${i}]`));
    }
  };
  visit({ kind: 'node', node: root }, root.type);
  return paths;
}

/** The tree-sitter CST as the language service answers pyinsight/syntaxTree (real WASM parse). */
export async function syntaxTree(text: string): Promise<SyntaxTreeResult> {
  const file = await sourceFile(text);
  try {
    return (await getService()).syntaxTree(file, { includeAnonymous: false }, neverCancelled);
  } finally {
    file.dispose();
  }
}
