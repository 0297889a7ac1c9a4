// The custom LSP requests between the extension and the server (design.md §1): method names and the exact shapes of
// their params and results. Imported by the server, the client and (types only) the webviews, so a change here is
// checked on every side by the compiler. Positions are LSP positions (UTF-16 code units); the server converts
// CPython's UTF-8 byte columns before anything leaves it.
import { RequestType } from 'vscode-languageserver-protocol';
import type { Position, Range, TextDocumentIdentifier } from 'vscode-languageserver-types';

export type { Position, Range };

// ---------------------------------------------------------------------------------------------------------------
// Which Python: the client resolves it (pyinsight.pythonPath, the Python extension, PATH) and names it per request.

export interface InterpreterInfo {
  /** The command or path the client asked for (`python3`, `/usr/bin/python3.12`). */
  readonly command: string;
  /** `sys.executable` as the helper reports it. */
  readonly executable: string;
  /** `platform.python_version()`, e.g. `3.12.1`. */
  readonly version: string;
  /** `sys.implementation.name`, e.g. `cpython`. */
  readonly implementation: string;
}

/** Why a Python answer could not be produced; every view shows `message` as it is. */
export interface PythonUnavailable {
  readonly kind: 'unavailable';
  readonly reason: 'noInterpreter' | 'untrusted' | 'crashed' | 'timeout' | 'busy' | 'tooLarge' | 'notPython' | 'unsupportedVersion';
  readonly message: string;
  readonly interpreter?: InterpreterInfo;
}

/** CPython's own verdict on the text, returned as data (tree-sitter's ERROR nodes are never presented as this). */
export interface PythonSyntaxError {
  readonly kind: 'syntaxError';
  readonly interpreter: InterpreterInfo;
  /** e.g. `SyntaxError` or `IndentationError`. */
  readonly type: string;
  readonly message: string;
  readonly range: Range;
}

interface PythonRequestParams {
  readonly textDocument: TextDocumentIdentifier;
  /** The interpreter command; see InterpreterInfo.command. */
  readonly python: string;
}

// ---------------------------------------------------------------------------------------------------------------
// pyinsight/pythonAst: CPython's `ast.parse` of the document's current text.

export type AstValue =
  | { readonly kind: 'node'; readonly node: AstNode }
  | { readonly kind: 'list'; readonly items: readonly AstValue[] }
  /** A constant or identifier: `repr()` of the value and its Python type name (`int`, `str`, `NoneType`, …). */
  | { readonly kind: 'constant'; readonly repr: string; readonly pyType: string };

export interface AstField {
  readonly name: string;
  readonly value: AstValue;
}

export interface AstNode {
  /** Unique within one result, in pre-order; the webview and the editor sync refer to nodes by it. */
  readonly id: number;
  /** The class name: `Assign`, `Name`, `Load`, … */
  readonly type: string;
  /** `_fields` in declaration order. */
  readonly fields: readonly AstField[];
  /** `lineno`/`col_offset`/`end_lineno`/`end_col_offset`, converted to an LSP range; absent for nodes without them. */
  readonly range?: Range;
}

export interface PythonAstOk {
  readonly kind: 'ok';
  readonly interpreter: InterpreterInfo;
  readonly root: AstNode;
  readonly nodeCount: number;
}

export type PythonAstParams = PythonRequestParams;
export type PythonAstResult = PythonAstOk | PythonSyntaxError | PythonUnavailable;
export const pythonAstRequest = new RequestType<PythonAstParams, PythonAstResult, void>('pyinsight/pythonAst');

// ---------------------------------------------------------------------------------------------------------------
// pyinsight/bytecode: `compile` (never exec) of the current text, then `dis.get_instructions` per code object.

export interface BytecodeOptions {
  /** compile(optimize=…): 0 as plain `python`, 1 as `-O` (asserts removed), 2 as `-OO` (docstrings removed too). */
  readonly optimize: 0 | 1 | 2;
  /** Show CACHE entries (3.11+); ignored where the version has none. */
  readonly showCaches: boolean;
  /** dis's adaptive=True (3.11+): the forms the code object holds now, which without running it are the plain ones. */
  readonly adaptive: boolean;
}

export interface Instruction {
  readonly offset: number;
  readonly opname: string;
  readonly opcode: number;
  readonly arg: number | null;
  readonly argrepr: string;
  /** Source line (1-based) or null where CPython records none. */
  readonly line: number | null;
  /** The instruction's source positions (3.11+ column-precise; older versions: the whole line). */
  readonly range?: Range;
  /** The offset this instruction may jump to, if it is a jump. */
  readonly jumpTarget?: number;
  readonly isJumpTarget: boolean;
}

export interface ExceptionTableEntry {
  readonly start: number;
  /** Exclusive, as in `dis`'s listing `start to end`. */
  readonly end: number;
  readonly target: number;
  readonly depth: number;
  readonly lasti: boolean;
}

export interface CodeObject {
  /** Pre-order index (module first); `parent` refers to it. */
  readonly id: number;
  readonly parent?: number;
  readonly name: string;
  readonly qualname: string;
  readonly firstLine: number;
  /** The definition's source range where it can be found (def, class, lambda, comprehension); module: whole text. */
  readonly range?: Range;
  /** Names of the set CO_* flags: `OPTIMIZED`, `NEWLOCALS`, `GENERATOR`, `COROUTINE`, … */
  readonly flags: readonly string[];
  readonly argcount: number;
  readonly varnames: readonly string[];
  readonly cellvars: readonly string[];
  readonly freevars: readonly string[];
  readonly names: readonly string[];
  /** `repr()` of each constant; nested code objects appear as `<code name>`. */
  readonly consts: readonly string[];
  readonly instructions: readonly Instruction[];
  /** Empty before 3.11, which has no exception table. */
  readonly exceptionTable: readonly ExceptionTableEntry[];
}

export interface BytecodeOk {
  readonly kind: 'ok';
  readonly interpreter: InterpreterInfo;
  readonly options: BytecodeOptions;
  readonly codeObjects: readonly CodeObject[];
}

export interface BytecodeParams extends PythonRequestParams {
  readonly options: BytecodeOptions;
}
export type BytecodeResult = BytecodeOk | PythonSyntaxError | PythonUnavailable;
export const bytecodeRequest = new RequestType<BytecodeParams, BytecodeResult, void>('pyinsight/bytecode');

// ---------------------------------------------------------------------------------------------------------------
// pyinsight/opcodeDocs: the interpreter's own opcode table (dis.opmap and the opcode module), with our explanations.

export interface OpcodeDoc {
  readonly opname: string;
  readonly opcode: number;
  readonly hasArgument: boolean;
  /** What the argument means, from the opcode module's has* lists: `const`, `name`, `local`, `free`, `jump`, `compare`. */
  readonly argumentKind?: string;
  /** Our explanation; absent for opcodes we have not written one for (the view then shows the computed facts only). */
  readonly summary?: string;
  /** Specialised forms (3.11+ `_specializations`) and the generic op they belong to. */
  readonly specialisations?: readonly string[];
  readonly specialises?: string;
}

export interface OpcodeDocsParams {
  readonly python: string;
}
export type OpcodeDocsResult =
  | { readonly kind: 'ok'; readonly interpreter: InterpreterInfo; readonly opcodes: readonly OpcodeDoc[] }
  | PythonUnavailable;
export const opcodeDocsRequest = new RequestType<OpcodeDocsParams, OpcodeDocsResult, void>('pyinsight/opcodeDocs');

// ---------------------------------------------------------------------------------------------------------------
// pyinsight/syntaxTree: the tree-sitter CST the server already holds (instant, no interpreter needed).

export interface SyntaxNode {
  readonly id: number;
  /** tree-sitter node type: `assignment`, `identifier`, `ERROR`, … */
  readonly type: string;
  /** The field name under its parent (`left`, `body`, …), if any. */
  readonly field?: string;
  readonly named: boolean;
  readonly range: Range;
  /** Source text of leaves (capped); absent on inner nodes. */
  readonly text?: string;
  readonly isError: boolean;
  readonly isMissing: boolean;
  readonly children: readonly SyntaxNode[];
}

export interface SyntaxTreeParams {
  readonly textDocument: TextDocumentIdentifier;
  /** Anonymous nodes (punctuation, keywords) are left out unless asked for. */
  readonly includeAnonymous: boolean;
}
export type SyntaxTreeResult =
  | { readonly kind: 'ok'; readonly root: SyntaxNode; readonly nodeCount: number; readonly truncated: boolean }
  | { readonly kind: 'unavailable'; readonly message: string };
export const syntaxTreeRequest = new RequestType<SyntaxTreeParams, SyntaxTreeResult, void>('pyinsight/syntaxTree');

// ---------------------------------------------------------------------------------------------------------------
// pyinsight/astDump: `ast.dump` of one node of pythonAst's result, by the interpreter itself (its format differs
// between versions, e.g. 3.13 leaves out empty fields), for "Copy as ast.dump".

export interface AstDumpParams extends PythonRequestParams {
  /** AstNode.id from a pythonAst result of the same document version. */
  readonly nodeId: number;
  readonly includeAttributes: boolean;
}
export type AstDumpResult =
  | { readonly kind: 'ok'; readonly interpreter: InterpreterInfo; readonly text: string }
  | PythonSyntaxError
  | PythonUnavailable;
export const astDumpRequest = new RequestType<AstDumpParams, AstDumpResult, void>('pyinsight/astDump');
