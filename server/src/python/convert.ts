// The helper's answers → the protocol's results. Every CPython position passes through Utf8Columns here, so what
// leaves the server is in LSP's UTF-16 columns.
import type {
  AstDumpResult,
  AstField,
  AstNode,
  AstValue,
  BytecodeOptions,
  BytecodeResult,
  CodeObject,
  ExceptionTableEntry,
  Instruction,
  InterpreterInfo,
  PythonAstResult,
  PythonSyntaxError,
  PythonUnavailable,
  Range,
} from '../protocol';
import { Utf8Columns } from './columns';
import type { HelperAnswer } from './helperProcess';
import {
  asArray,
  asBoolean,
  asNumber,
  asObject,
  asOptionalNumber,
  asSpan,
  asString,
  asStrings,
  WireError,
  type WireObject,
  type WireSpan,
} from './wire';

/** Turns a helper error (or an answer we cannot read) into the protocol's syntax error or unavailable result. */
export function failure(answer: Exclude<HelperAnswer, { kind: 'ok' }>, columns: Utf8Columns): PythonSyntaxError | PythonUnavailable {
  if (answer.kind === 'unavailable') return answer;
  const { error, interpreter } = answer;
  const unavailable = (reason: PythonUnavailable['reason'], message: string): PythonUnavailable => ({ kind: 'unavailable', reason, message, interpreter });
  const message = typeof error.message === 'string' ? error.message : '';
  switch (error.kind) {
    case 'syntax': {
      const line = typeof error.line === 'number' ? error.line : 1;
      const col = typeof error.col === 'number' ? error.col : 0;
      const start = columns.position(line, col);
      const end = typeof error.endLine === 'number' && typeof error.endCol === 'number' ? columns.position(error.endLine, error.endCol) : start;
      const type = typeof error.type === 'string' ? error.type : 'SyntaxError';
      return { kind: 'syntaxError', interpreter, type, message, range: { start, end } };
    }
    case 'tooComplex':
      return unavailable('tooLarge', message);
    case 'tooDeep':
      return unavailable('tooLarge', `CPython's tree of this text is nested more than ${String(error.limit)} levels deep, too deep to show.`);
    case 'tooMany':
      return unavailable('tooLarge', `CPython's tree of this text has more than ${String(error.limit)} nodes, too many to show.`);
    case 'noNode':
      return unavailable('busy', message);
    default:
      return unavailable('crashed', `The Python helper failed: ${String(error.type ?? error.kind)}: ${message}`);
  }
}

function unreadable(interpreter: InterpreterInfo, error: unknown): PythonUnavailable {
  const detail = error instanceof WireError ? error.message : String(error);
  return { kind: 'unavailable', reason: 'crashed', message: `The Python helper's answer could not be read (${detail}).`, interpreter };
}

function spanRange(columns: Utf8Columns, span: WireSpan): Range {
  if (span.col === null) return columns.lineRange(span.line);
  return columns.range(span.line, span.col, span.endLine ?? span.line, span.endCol ?? span.col);
}

// ------------------------------------------------------------------------------------------------ ast

function astValue(raw: unknown, built: readonly AstNode[], parent: number, what: string): AstValue {
  const value = asObject(raw, what);
  if (value.n !== undefined) {
    const child = asNumber(value.n, `${what}.n`);
    // Children come after their parent in pre-order, so they are already built when we go backwards.
    if (!(child > parent) || built[child] === undefined) throw new WireError(`${what}: bad child ${child}`);
    return { kind: 'node', node: built[child] };
  }
  if (value.l !== undefined) return { kind: 'list', items: asArray(value.l, `${what}.l`).map((item, i) => astValue(item, built, parent, `${what}[${i}]`)) };
  const [repr, pyType] = asArray(value.c, `${what}.c`);
  return { kind: 'constant', repr: asString(repr, `${what}.repr`), pyType: asString(pyType, `${what}.type`) };
}

export function astResult(answer: HelperAnswer, text: string): PythonAstResult {
  const columns = new Utf8Columns(text);
  if (answer.kind !== 'ok') return failure(answer, columns);
  try {
    const rows = asArray(answer.value.nodes, 'nodes');
    if (rows.length === 0) throw new WireError('no nodes');
    const built: AstNode[] = new Array<AstNode>(rows.length);
    // Built from the last node back to the first, without recursion: CPython's trees can be deep.
    for (let id = rows.length - 1; id >= 0; id--) {
      const [type, position, rawFields] = asArray(rows[id], `node ${id}`);
      const fields: AstField[] = asArray(rawFields, `node ${id} fields`).map((raw) => {
        const [name, value] = asArray(raw, `node ${id} field`);
        return { name: asString(name, 'field name'), value: astValue(value, built, id, `node ${id}.${String(name)}`) };
      });
      const span = asSpan(position, `node ${id} position`);
      const node: AstNode = { id, type: asString(type, `node ${id} type`), fields };
      built[id] = span ? { ...node, range: spanRange(columns, span) } : node;
    }
    return { kind: 'ok', interpreter: answer.interpreter, root: built[0], nodeCount: rows.length };
  } catch (error) {
    return unreadable(answer.interpreter, error);
  }
}

export function astDumpResult(answer: HelperAnswer, text: string): AstDumpResult {
  if (answer.kind !== 'ok') return failure(answer, new Utf8Columns(text));
  try {
    return { kind: 'ok', interpreter: answer.interpreter, text: asString(answer.value.text, 'text') };
  } catch (error) {
    return unreadable(answer.interpreter, error);
  }
}

// ------------------------------------------------------------------------------------------------ dis

function instruction(raw: unknown, columns: Utf8Columns): Instruction {
  const [offset, opname, opcode, arg, argrepr, line, position, target, isTarget] = asArray(raw, 'instruction');
  const span = asSpan(position, 'instruction positions');
  const lineNumber = asOptionalNumber(line, 'line');
  const range = span ? spanRange(columns, span) : lineNumber !== null ? columns.lineRange(lineNumber) : undefined;
  const jumpTarget = asOptionalNumber(target, 'jump target');
  return {
    offset: asNumber(offset, 'offset'),
    opname: asString(opname, 'opname'),
    opcode: asNumber(opcode, 'opcode'),
    arg: asOptionalNumber(arg, 'arg'),
    argrepr: asString(argrepr, 'argrepr'),
    line: lineNumber,
    ...(range ? { range } : {}),
    ...(jumpTarget !== null ? { jumpTarget } : {}),
    isJumpTarget: asBoolean(isTarget, 'is_jump_target'),
  };
}

function exceptionEntry(raw: unknown): ExceptionTableEntry {
  const [start, end, target, depth, lasti] = asArray(raw, 'exception table entry');
  return {
    start: asNumber(start, 'start'),
    end: asNumber(end, 'end'),
    target: asNumber(target, 'target'),
    depth: asNumber(depth, 'depth'),
    lasti: asBoolean(lasti, 'lasti'),
  };
}

function codeObject(raw: WireObject, id: number, columns: Utf8Columns): CodeObject {
  const parent = asOptionalNumber(raw.parent, 'parent');
  const span = asSpan(raw.range, 'code range');
  const range = parent === null ? columns.all() : span ? spanRange(columns, span) : undefined;
  return {
    id,
    ...(parent !== null ? { parent } : {}),
    name: asString(raw.name, 'name'),
    qualname: asString(raw.qualname, 'qualname'),
    firstLine: asNumber(raw.firstLine, 'firstLine'),
    ...(range ? { range } : {}),
    flags: asStrings(raw.flags, 'flags'),
    argcount: asNumber(raw.argcount, 'argcount'),
    varnames: asStrings(raw.varnames, 'varnames'),
    cellvars: asStrings(raw.cellvars, 'cellvars'),
    freevars: asStrings(raw.freevars, 'freevars'),
    names: asStrings(raw.names, 'names'),
    consts: asStrings(raw.consts, 'consts'),
    instructions: asArray(raw.instructions, 'instructions').map((row) => instruction(row, columns)),
    exceptionTable: asArray(raw.exceptionTable, 'exceptionTable').map(exceptionEntry),
  };
}

export function bytecodeResult(answer: HelperAnswer, text: string, options: BytecodeOptions): BytecodeResult {
  const columns = new Utf8Columns(text);
  if (answer.kind !== 'ok') return failure(answer, columns);
  try {
    const codeObjects = asArray(answer.value.codeObjects, 'codeObjects').map((raw, id) => codeObject(asObject(raw, 'code object'), id, columns));
    return { kind: 'ok', interpreter: answer.interpreter, options, codeObjects };
  } catch (error) {
    return unreadable(answer.interpreter, error);
  }
}
