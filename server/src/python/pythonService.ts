// The CPython bridge's facade, used by server.ts (and by tests of the views): one helper per interpreter command,
// started lazily and reused; every answer converted to the protocol's types, columns included.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AstDumpResult,
  BytecodeOptions,
  BytecodeResult,
  OpcodeDocsResult,
  PythonAstResult,
  PythonUnavailable,
} from '../protocol';
import { astDumpResult, astResult, bytecodeResult } from './convert';
import { HelperProcess, type HelperAnswer } from './helperProcess';
import { opcodeDocsResult } from './opcodeDocs';

export interface PythonServiceOptions {
  /** Path of helper.py; see defaultHelperScript. */
  helperScript: string;
  /** Per request; 10 s by default. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

const DEFAULT_TIMEOUT_MS = 10000;
/** Starting an interpreter can be slow on a cold or busy machine; this is not the per-request budget. */
const START_TIMEOUT_MS = 20000;
const MAX_QUEUE = 8;
/** Texts above this are refused before they reach Python. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
/** CPython's trees deeper or larger than this are refused: the answer could not cross JSON-RPC or be shown. */
export const MAX_AST_DEPTH = 500;
export const MAX_AST_NODES = 500000;

/** dist/helper.py beside the bundle; server/src/python/helper.py when running from source. */
export function defaultHelperScript(): string {
  const candidates = [join(__dirname, 'helper.py'), join(__dirname, '..', 'server', 'src', 'python', 'helper.py')];
  return candidates.find((path) => existsSync(path)) ?? candidates[0];
}

export class PythonService {
  private readonly helpers = new Map<string, HelperProcess>();
  private readonly log: (line: string) => void;
  private disposed = false;

  constructor(private readonly options: PythonServiceOptions) {
    this.log = options.log ?? (() => undefined);
  }

  async pythonAst(text: string, python: string): Promise<PythonAstResult> {
    const refused = tooLarge(text);
    if (refused) return refused;
    const answer = await this.request(python, 'ast', { source: text, maxDepth: MAX_AST_DEPTH, maxNodes: MAX_AST_NODES });
    return astResult(answer, text);
  }

  async bytecode(text: string, python: string, options: BytecodeOptions): Promise<BytecodeResult> {
    const refused = tooLarge(text);
    if (refused) return refused;
    const optimize = options.optimize === 1 || options.optimize === 2 ? options.optimize : 0;
    const answer = await this.request(python, 'dis', {
      source: text,
      optimize,
      showCaches: options.showCaches === true,
      adaptive: options.adaptive === true,
    });
    return bytecodeResult(answer, text, { optimize, showCaches: options.showCaches === true, adaptive: options.adaptive === true });
  }

  async opcodeDocs(python: string): Promise<OpcodeDocsResult> {
    return opcodeDocsResult(await this.request(python, 'opcodes', {}));
  }

  async astDump(text: string, python: string, nodeId: number, includeAttributes: boolean): Promise<AstDumpResult> {
    const refused = tooLarge(text);
    if (refused) return refused;
    if (!Number.isInteger(nodeId) || nodeId < 0) {
      return { kind: 'unavailable', reason: 'busy', message: `There is no AST node ${String(nodeId)}; refresh the view.` };
    }
    return astDumpResult(await this.request(python, 'astDump', { source: text, nodeId, includeAttributes: includeAttributes === true }), text);
  }

  /** The process id of the helper running for `python`, if one is running (for diagnostics and tests). */
  helperPid(python: string): number | undefined {
    return this.helpers.get(python)?.pid;
  }

  /** Kills every helper; pending and later requests are answered as unavailable. */
  dispose(): void {
    this.disposed = true;
    for (const helper of this.helpers.values()) helper.dispose();
    this.helpers.clear();
  }

  private request(python: string, op: string, params: Record<string, unknown>): Promise<HelperAnswer> {
    if (this.disposed) return Promise.resolve({ kind: 'unavailable', reason: 'crashed', message: 'pyinsight is shutting down.' });
    return this.helper(python).request(op, params);
  }

  private helper(python: string): HelperProcess {
    let helper = this.helpers.get(python);
    if (!helper) {
      helper = new HelperProcess({
        command: python,
        script: this.options.helperScript,
        timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        startTimeoutMs: Math.max(START_TIMEOUT_MS, this.options.timeoutMs ?? 0),
        maxQueue: MAX_QUEUE,
        log: this.log,
      });
      this.helpers.set(python, helper);
    }
    return helper;
  }
}

function tooLarge(text: string): PythonUnavailable | undefined {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= MAX_TEXT_BYTES) return undefined;
  const megabytes = (bytes / 1024 / 1024).toFixed(1);
  return { kind: 'unavailable', reason: 'tooLarge', message: `This file is ${megabytes} MB; pyinsight sends at most ${MAX_TEXT_BYTES / 1024 / 1024} MB to Python.` };
}
