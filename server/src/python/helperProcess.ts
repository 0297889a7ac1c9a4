// One long-lived helper per interpreter command: started on first use, one request at a time (so a request's
// timeout measures its own work), a bounded queue, and a fresh process after a crash, a kill or a timeout.
import { existsSync } from 'node:fs';
import type { InterpreterInfo, PythonUnavailable } from '../protocol';
import { Channel } from './channel';
import { classifyStartFailure, noInterpreter, readGreeting } from './startup';
import { isObject, type WireObject } from './wire';

export interface HelperOptions {
  readonly command: string;
  readonly script: string;
  /** Per request, from the moment it is sent to the helper. */
  readonly timeoutMs: number;
  /** For starting the interpreter and its first answer. */
  readonly startTimeoutMs: number;
  /** Requests waiting behind the one in flight; beyond it the oldest waiting one is answered `busy`. */
  readonly maxQueue: number;
  readonly log: (line: string) => void;
}

export type HelperAnswer =
  | { readonly kind: 'ok'; readonly interpreter: InterpreterInfo; readonly value: WireObject }
  | { readonly kind: 'error'; readonly interpreter: InterpreterInfo; readonly error: WireObject }
  | PythonUnavailable;

interface Job {
  readonly op: string;
  /** JSON of the request's parameters; also what identical requests are recognised by. */
  readonly body: string;
  readonly waiters: Array<(answer: HelperAnswer) => void>;
}

interface Started {
  readonly channel: Channel;
  readonly interpreter: InterpreterInfo;
}

const SHUTTING_DOWN = 'pyinsight is shutting down.';

export class HelperProcess {
  private started: Started | undefined;
  private channel: Channel | undefined;
  /** Kept across restarts, so a timeout or crash still says which Python it was. */
  private lastInterpreter: InterpreterInfo | undefined;
  private lastExit = 'The Python helper stopped.';
  private readonly queue: Job[] = [];
  private running = false;
  private disposed = false;

  constructor(private readonly options: HelperOptions) {}

  /** The running helper's process id (undefined when none is running). */
  get pid(): number | undefined {
    return this.channel?.pid;
  }

  request(op: string, params: Record<string, unknown>): Promise<HelperAnswer> {
    if (this.disposed) return Promise.resolve(this.unavailable('crashed', SHUTTING_DOWN));
    const body = JSON.stringify(params);
    return new Promise((resolve) => {
      const same = this.queue.find((job) => job.op === op && job.body === body);
      if (same) {
        same.waiters.push(resolve); // an identical request is already waiting: share its answer
        return;
      }
      if (this.queue.length >= this.options.maxQueue) {
        const busy = this.unavailable('busy', 'The Python helper has too many requests waiting; this one was dropped for a newer one.');
        for (const waiter of this.queue.shift()!.waiters) waiter(busy);
      }
      this.queue.push({ op, body, waiters: [resolve] });
      void this.pump();
    });
  }

  dispose(): void {
    this.disposed = true;
    const stopped = this.unavailable('crashed', SHUTTING_DOWN);
    for (const job of this.queue.splice(0)) for (const waiter of job.waiters) waiter(stopped);
    this.stop();
  }

  private async pump(): Promise<void> {
    if (this.running || this.disposed) return;
    this.running = true;
    try {
      while (this.queue.length > 0 && !this.disposed) {
        const job = this.queue.shift()!;
        let answer: HelperAnswer | 'exited' = 'exited';
        // A helper that died just before or while handling a request (killed, out of memory) gets one fresh
        // start for it; a text that kills the helper twice is answered `crashed`.
        for (let attempt = 0; attempt < 2 && answer === 'exited' && !this.disposed; attempt++) {
          const ready = await this.ensureStarted();
          if ('kind' in ready) {
            answer = ready;
            for (const waiting of this.queue.splice(0)) for (const waiter of waiting.waiters) waiter(ready);
          } else {
            answer = await this.run(ready, job);
          }
        }
        const final = this.disposed ? this.unavailable('crashed', SHUTTING_DOWN) : answer === 'exited' ? this.unavailable('crashed', this.lastExit) : answer;
        for (const waiter of job.waiters) waiter(final);
      }
    } catch (error) {
      // Not expected; but no request may be left waiting forever, and no rejection may escape.
      this.options.log(`Python helper failure: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      const failed = this.unavailable('crashed', `The Python helper failed: ${String(error)}`);
      for (const job of this.queue.splice(0)) for (const waiter of job.waiters) waiter(failed);
      this.stop();
    } finally {
      this.running = false;
    }
  }

  private async run(ready: Started, job: Job): Promise<HelperAnswer | 'exited'> {
    const outcome = await ready.channel.exchange(job.op, job.body, this.options.timeoutMs);
    switch (outcome.kind) {
      case 'timeout':
        this.stop(); // wedged on this text: a fresh helper serves the next request
        return this.unavailable('timeout', `CPython took longer than ${this.options.timeoutMs / 1000} s on this text; the request was stopped.`);
      case 'exit': {
        this.stop();
        const stderr = ready.channel.stderr;
        this.lastExit = `The Python helper stopped (${outcome.description}) on this text; it restarts with the next request.${stderr ? `\n${stderr}` : ''}`;
        return 'exited';
      }
      case 'answer': {
        const { message } = outcome;
        if (isObject(message.ok)) return { kind: 'ok', interpreter: ready.interpreter, value: message.ok };
        if (isObject(message.error)) return { kind: 'error', interpreter: ready.interpreter, error: message.error };
        this.stop();
        return this.unavailable('crashed', 'The Python helper gave an answer pyinsight does not understand; it was restarted.');
      }
    }
  }

  private async ensureStarted(): Promise<Started | PythonUnavailable> {
    if (this.started) return this.started;
    const { command, script, log, startTimeoutMs } = this.options;
    if (!existsSync(script)) {
      return { kind: 'unavailable', reason: 'crashed', message: `pyinsight's Python helper is missing (${script}); reinstall the extension.` };
    }
    let channel: Channel;
    try {
      channel = new Channel(command, script, (line) => log(`[${command}] ${line}`), (description, idle) => {
        if (idle && this.channel === channel) log(`Python helper ${channel.pid} ended while idle (${description})`);
        if (this.channel === channel) this.stop(); // forget a dead helper at once; the next request starts another
      });
    } catch (error) {
      // spawn throws (rather than emitting 'error') for commands it cannot even try, e.g. an empty string.
      log(`cannot start "${command}": ${String(error)}`);
      return noInterpreter(command);
    }
    this.channel = channel;
    const outcome = await channel.exchange('hello', '{}', startTimeoutMs);
    const hello = outcome.kind === 'answer' && isObject(outcome.message.ok) ? outcome.message.ok : undefined;
    if (!hello) {
      this.stop();
      const description = outcome.kind === 'exit' ? outcome.description : outcome.kind === 'timeout' ? `no answer within ${startTimeoutMs / 1000} s` : 'an unexpected answer';
      return classifyStartFailure({ command, spawnErrorCode: channel.spawnError?.code, description, stderr: channel.stderr });
    }
    try {
      const greeting = readGreeting(command, hello);
      if ('kind' in greeting) {
        this.stop();
        return greeting;
      }
      this.started = { channel, interpreter: greeting };
      this.lastInterpreter = greeting;
      log(`Python helper started: ${greeting.implementation} ${greeting.version} (${greeting.executable}), pid ${channel.pid}`);
      return this.started;
    } catch (error) {
      this.stop();
      return classifyStartFailure({ command, description: `bad greeting: ${String(error)}`, stderr: channel.stderr });
    }
  }

  private stop(): void {
    const channel = this.channel;
    this.channel = undefined;
    this.started = undefined;
    channel?.kill();
  }

  private unavailable(reason: PythonUnavailable['reason'], message: string): PythonUnavailable {
    const interpreter = this.lastInterpreter;
    return interpreter ? { kind: 'unavailable', reason, message, interpreter } : { kind: 'unavailable', reason, message };
  }
}
