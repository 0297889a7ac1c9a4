// One running helper process: spawn, JSON-lines framing, one request/answer exchange at a time, stderr to the log.
// It knows nothing of what the requests mean; helperProcess.ts decides what to send and what an answer means.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname } from 'node:path';
import { asObject, type WireObject } from './wire';

/** Past this many characters without a newline the helper is misbehaving (no real answer gets near it). */
const MAX_LINE_CHARS = 256 * 1024 * 1024;
const STDERR_TAIL_CHARS = 2000;

export type Outcome =
  | { readonly kind: 'answer'; readonly message: WireObject }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'exit'; readonly description: string };

export class Channel {
  private readonly child: ChildProcess;
  private readonly pending: string[] = [];
  private pendingLength = 0;
  private stderrTail = '';
  private ended = false;
  private exchangeId = 0;
  private done: ((outcome: Outcome) => void) | undefined;
  /** The error `spawn` reported (ENOENT when there is no such program). */
  spawnError: NodeJS.ErrnoException | undefined;

  /**
   * Starts `command` on `script`. `onEnd` is called once when the process has ended or could not be started, with
   * whether it was idle (no exchange waiting) at the time. Throws if spawn refuses the command outright.
   */
  constructor(command: string, script: string, private readonly log: (line: string) => void, private readonly onEnd: (description: string, idle: boolean) => void) {
    // -I: isolated (no PYTHON* variables, no user site, the script's folder is not on sys.path), -S: no site
    // module, -X utf8: UTF-8 stdio whatever the locale. The cwd is the helper's own folder, so a workspace's
    // ast.py or dis.py can never shadow the standard library.
    this.child = spawn(command, ['-I', '-S', '-X', 'utf8', script], { cwd: dirname(script), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    this.child.on('error', (error: NodeJS.ErrnoException) => {
      this.spawnError ??= error;
      this.end(error.code ? `${error.code}: ${error.message}` : error.message);
    });
    // 'close' rather than 'exit': it comes after stdout is drained, so a last answer is never lost.
    this.child.on('close', (code, signal) => this.end(signal ? `killed by ${signal}` : `exited with code ${code}`));
    // Writing to a helper that just died raises EPIPE on stdin; the close event reports the death.
    this.child.stdin?.on('error', () => undefined);
    this.child.stdout?.setEncoding('utf8');
    this.child.stdout?.on('data', (chunk: string) => this.receive(chunk));
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
      for (const line of chunk.split(/\r?\n/)) if (line.trim()) this.log(line);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The last lines the helper wrote to stderr (a traceback, usually), for crash messages. */
  get stderr(): string {
    return this.stderrTail.trim();
  }

  /** Sends one request (`body`: its parameters as JSON) and waits for the answer, the end, or the timeout. */
  exchange(op: string, body: string, timeoutMs: number): Promise<Outcome> {
    const id = ++this.exchangeId;
    return new Promise((resolve) => {
      if (this.ended) return resolve({ kind: 'exit', description: 'not running' });
      const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
      const finish = (outcome: Outcome) => {
        clearTimeout(timer);
        if (this.done === finish) this.done = undefined;
        resolve(outcome);
      };
      this.done = finish;
      // The parameters are already JSON: splice the id and op in front of them instead of encoding the text twice.
      const head = `{"id":${id},"op":${JSON.stringify(op)}`;
      if (this.child.stdin?.writable) this.child.stdin.write(`${body === '{}' ? `${head}}` : `${head},${body.slice(1)}`}\n`);
    });
  }

  /** Kills the process; an exchange in progress ends as `exit` with `description`. */
  kill(description = 'stopped'): void {
    this.done?.({ kind: 'exit', description });
    if (!this.ended) this.child.kill('SIGKILL');
  }

  private receive(chunk: string): void {
    let start = 0;
    for (let newline = chunk.indexOf('\n'); newline >= 0; newline = chunk.indexOf('\n', start)) {
      this.pending.push(chunk.slice(start, newline));
      const line = this.pending.join('');
      this.pending.length = 0;
      this.pendingLength = 0;
      start = newline + 1;
      if (line.trim()) this.answer(line);
    }
    if (start < chunk.length) {
      this.pending.push(chunk.slice(start));
      this.pendingLength += chunk.length - start;
      if (this.pendingLength > MAX_LINE_CHARS) {
        this.log(`the helper's answer exceeded ${MAX_LINE_CHARS} characters; stopping it`);
        this.kill('answer too large');
      }
    }
  }

  private answer(line: string): void {
    let message: WireObject;
    try {
      message = asObject(JSON.parse(line), 'answer');
    } catch {
      this.log(`not an answer: ${line.slice(0, 200)}`);
      message = {}; // the exchange ends with an answer that is neither ok nor error
    }
    if (message.id !== undefined && message.id !== this.exchangeId) {
      this.log('an answer to an earlier request was ignored');
      return;
    }
    this.done?.({ kind: 'answer', message });
  }

  private end(description: string): void {
    if (this.ended) return;
    this.ended = true;
    const idle = this.done === undefined;
    this.done?.({ kind: 'exit', description });
    this.onEnd(description, idle);
  }
}
