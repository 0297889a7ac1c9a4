// Messages from a webview are typed at compile time only; at run time they are whatever the page posted. The hosts
// act on them (select text, write the clipboard, run an interpreter for a comparison), so each one is checked here
// and anything malformed is dropped. Pure: no vscode import.
import type { BytecodeOptions, Position, Range } from '../../../server/src/protocol';
import type { AstViewMessage, BytecodeViewMessage } from './messages';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0x7fffffff;
}

export function isPosition(value: unknown): value is Position {
  return isObject(value) && isCount(value.line) && isCount(value.character);
}

/** A range whose start does not come after its end. */
export function isRange(value: unknown): value is Range {
  if (!isObject(value) || !isPosition(value.start) || !isPosition(value.end)) return false;
  const { start, end } = value;
  return start.line < end.line || (start.line === end.line && start.character <= end.character);
}

export function isBytecodeOptions(value: unknown): value is BytecodeOptions {
  return (
    isObject(value) &&
    (value.optimize === 0 || value.optimize === 1 || value.optimize === 2) &&
    typeof value.showCaches === 'boolean' &&
    typeof value.adaptive === 'boolean'
  );
}

/** Clipboard text from a view (a node path); capped so a broken page cannot hand the clipboard megabytes. */
const MAX_COPY = 1_000_000;

function isCopyText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_COPY;
}

export function parseAstViewMessage(value: unknown): AstViewMessage | undefined {
  if (!isObject(value)) return undefined;
  switch (value.type) {
    case 'ready':
    case 'openSettings':
      return { type: value.type };
    case 'setSource':
      return value.source === 'python' || value.source === 'treeSitter' ? { type: 'setSource', source: value.source } : undefined;
    case 'selectRange':
      return typeof value.uri === 'string' && isRange(value.range) ? { type: 'selectRange', uri: value.uri, range: value.range } : undefined;
    case 'copyAstDump':
      return typeof value.uri === 'string' && isCount(value.version) && isCount(value.nodeId)
        ? { type: 'copyAstDump', uri: value.uri, version: value.version, nodeId: value.nodeId }
        : undefined;
    case 'copyText':
      return isCopyText(value.text) ? { type: 'copyText', text: value.text } : undefined;
    default:
      return undefined;
  }
}

export function parseBytecodeViewMessage(value: unknown): BytecodeViewMessage | undefined {
  if (!isObject(value)) return undefined;
  switch (value.type) {
    case 'ready':
    case 'copyText':
    case 'openAsText':
    case 'openSettings':
      return { type: value.type };
    case 'setOptions':
      return isBytecodeOptions(value.options)
        ? { type: 'setOptions', options: { optimize: value.options.optimize, showCaches: value.options.showCaches, adaptive: value.options.adaptive } }
        : undefined;
    case 'selectRange':
      return typeof value.uri === 'string' && isRange(value.range) ? { type: 'selectRange', uri: value.uri, range: value.range } : undefined;
    case 'compareWith':
      // Which interpreters may be run is the host's decision (it checks the command against the list it offered).
      if (value.python === undefined || value.python === null) return { type: 'compareWith', python: undefined };
      return typeof value.python === 'string' ? { type: 'compareWith', python: value.python } : undefined;
    default:
      return undefined;
  }
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * Stops the selection a view asked for from coming back to it as a cursor move: when the view selects a node, the
 * host sets that selection, VS Code reports it, and the cursor (at the range's end) may lie in a different node.
 */
export class EchoGuard {
  private expected: { uri: string; range: Range } | undefined;

  /** The host is about to set `range` as the selection of `uri` on the view's behalf. */
  expect(uri: string, range: Range): void {
    this.expected = { uri, range };
  }

  /** True when this selection change is the one the view asked for; any other change ends the expectation. */
  isEcho(uri: string, selection: Range): boolean {
    const expected = this.expected;
    this.expected = undefined;
    return expected !== undefined && expected.uri === uri && sameRange(expected.range, selection);
  }
}
