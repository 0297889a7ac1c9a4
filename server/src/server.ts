// LSP wiring only: each handler finds the document, its settings, and delegates to the language service.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { DocumentStore, type ParsedDocument } from './documents';
import { loadPythonGrammar } from './parsing/treeSitter';
import {
  astDumpRequest,
  bytecodeRequest,
  opcodeDocsRequest,
  pythonAstRequest,
  syntaxTreeRequest,
  type AstDumpParams,
  type AstDumpResult,
  type BytecodeParams,
  type BytecodeResult,
  type OpcodeDocsParams,
  type OpcodeDocsResult,
  type PythonAstParams,
  type PythonAstResult,
  type PythonUnavailable,
  type SyntaxTreeParams,
  type SyntaxTreeResult,
} from './protocol';
import { defaultHelperScript, PythonService } from './python/pythonService';
import { FIX_ALL_KIND } from './service/codeActions';
import type { Settings, SettingsLayer } from './service/config';
import { createLanguageService, type LanguageService } from './service/index';
import { neverCancelled } from './service/types';
import { documentSettings, editorLayer } from './workspace/editorSettings';
import { PyprojectSettings } from './workspace/pyproject';

/**
 * Push diagnostics this long after the last change of a burst of keystrokes. A change that finds no publish pending
 * (the previous one went out) is published at once: an incremental analysis costs about a millisecond, so waiting
 * only pays off while changes keep coming faster than the publishes.
 */
const PUBLISH_DELAY_MS = 10;

/** PYINSIGHT_TIMINGS=1: after each publish, `$/pyinsight/timings` reports the server's own share (bench/). */
const TIMINGS = process.env.PYINSIGHT_TIMINGS === '1';

export function startServer(connection: Connection): void {
  let service: LanguageService | undefined;
  let documents: DocumentStore | undefined;
  let pullDiagnostics = false;
  let configurationRequests = false;
  const pyproject = new PyprojectSettings();
  const settingsCache = new Map<string, Promise<Settings>>();
  const timers = new Map<string, NodeJS.Timeout>();
  const reported = new Set<string>();
  /** Per document, since its last publish: time spent applying changes, and when the last one was applied. */
  const changeTimes = new Map<string, { changeMs: number; changedAt: number }>();
  const log = (message: string) => connection.console.log(message);

  function warnOnce(messages: readonly string[]): void {
    for (const message of messages.filter((m) => !reported.has(m))) {
      reported.add(message);
      connection.console.warn(message);
      // A notification, not window/showMessageRequest: nothing should wait on the user dismissing it.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `pyinsight: ${message}` });
    }
  }

  async function readSettings(uri: string): Promise<Settings> {
    // Settings never fail a request: a client that answers workspace/configuration with an error, or a file URI that
    // names no local path, costs a warning and the defaults (a rejected promise here would stay cached).
    const problems: string[] = [];
    let editor: unknown;
    try {
      editor = configurationRequests ? await connection.workspace.getConfiguration({ scopeUri: uri, section: 'pyinsight' }) : undefined;
    } catch (error) {
      problems.push(`could not read the editor's pyinsight settings (${error instanceof Error ? error.message : String(error)}); using the defaults`);
    }
    const fromEditor = editorLayer(editor);
    let fromFile: { layer: SettingsLayer; errors: readonly string[] } = { layer: {}, errors: [] };
    try {
      if (uri.startsWith('file:')) fromFile = pyproject.layerFor(fileURLToPath(uri));
    } catch (error) {
      problems.push(`no pyproject.toml lookup for ${uri} (${error instanceof Error ? error.message : String(error)})`);
    }
    warnOnce([...problems, ...fromFile.errors, ...fromEditor.errors]);
    return documentSettings(fromFile.layer, fromEditor.layer);
  }

  function settingsFor(uri: string): Promise<Settings> {
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = readSettings(uri);
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  /** Runs a request handler; a failure is logged and answered with `fallback`, never allowed to kill the server. */
  async function guarded<T>(what: string, fallback: T, work: () => T | Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      connection.console.error(`${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  }

  async function publish(uri: string): Promise<void> {
    const entry = documents?.get(uri);
    if (!service || pullDiagnostics) return;
    if (!entry) {
      // Open but not analysed (too large, too deep): clear what an earlier version of it may have shown.
      const state = documents?.state(uri);
      if (state) await connection.sendDiagnostics({ uri, version: state.document.version, diagnostics: [] });
      if (state && TIMINGS) {
        changeTimes.delete(uri);
        void connection.sendNotification('$/pyinsight/timings', { uri, version: state.document.version, skipped: state.skipped });
      }
      return;
    }
    const settings = await settingsFor(uri);
    if (documents?.get(uri) !== entry) return; // edited meanwhile: a newer publish is scheduled
    const started = performance.now();
    const diagnostics = service.diagnostics(entry, settings, neverCancelled);
    const diagnosticsMs = performance.now() - started;
    await connection.sendDiagnostics({ uri, version: entry.document.version, diagnostics });
    if (TIMINGS) {
      const change = changeTimes.get(uri);
      changeTimes.delete(uri);
      const waitMs = change ? started - change.changedAt : 0;
      const memory = process.memoryUsage();
      void connection.sendNotification('$/pyinsight/timings', { uri, version: entry.document.version, changeMs: change?.changeMs ?? 0, waitMs, diagnosticsMs, memory });
    }
  }

  function schedule(uri: string, delay = PUBLISH_DELAY_MS): void {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      void guarded(`diagnostics for ${uri}`, undefined, () => publish(uri));
    }, delay));
  }

  /** The one-time warning for a document that is open but not analysed, naming the file and why. */
  function warnIfSkipped(uri: string): void {
    const skipped = documents?.state(uri)?.skipped;
    if (skipped) warnOnce([`${uri.slice(uri.lastIndexOf('/') + 1)} ${skipped}; pyinsight shows no diagnostics or hovers for it.`]);
  }

  function refreshAll(): void {
    settingsCache.clear();
    if (pullDiagnostics) void connection.languages.diagnostics.refresh();
    else for (const entry of documents?.all() ?? []) schedule(entry.uri, 0);
  }

  function withDocument<T>(uri: string, fallback: T, work: (entry: ParsedDocument, settings: Settings) => T | Promise<T>): Promise<T> {
    return guarded(`request on ${uri}`, fallback, async () => {
      const settings = await settingsFor(uri);
      const entry = documents?.get(uri);
      if (!documents?.state(uri)) log(`request for ${uri}, which is not open: answered empty`);
      return entry && service ? work(entry, settings) : fallback;
    });
  }

  /** A request cancelled while it ran answers RequestCancelled: the service stops early, so its result may be partial. */
  async function unlessCancelled<T, D = void>(token: CancellationToken, answer: Promise<T>, data?: D): Promise<T | ResponseError<D>> {
    const result = await answer;
    return token.isCancellationRequested ? new ResponseError<D>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.', data) : result;
  }

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    const grammar = await loadPythonGrammar();
    documents = new DocumentStore(grammar);
    service = createLanguageService({
      grammar,
      onRuleError: (rule, error) => connection.console.error(`${rule.code} failed: ${String(error)}`),
      onReuseError: (error) => connection.console.error(`incremental analysis failed, analysed afresh: ${error instanceof Error ? error.stack ?? error.message : String(error)}`),
    });
    pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
    configurationRequests = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'pyinsight', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'pyinsight', version: process.env.PYINSIGHT_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (configurationRequests) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'pyinsight' });
    log(`pyinsight ready (${pullDiagnostics ? 'pull' : 'push'} diagnostics)`);
  });

  connection.onDidOpenTextDocument(({ textDocument: d }) => {
    void guarded('didOpen', undefined, () => {
      documents?.open(d.uri, d.languageId, d.version, d.text);
      warnIfSkipped(d.uri);
      schedule(d.uri, 0);
    });
  });
  connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) => {
    void guarded('didChange', undefined, () => {
      const before = documents?.state(d.uri);
      if (!before) return log(`didChange for ${d.uri}, which is not open: ignored`);
      // Changes are relative to the text the client had, and arrive in order: applying them keeps the text in step
      // even when the version number goes backwards, where dropping them would lose the user's text.
      if (d.version <= before.document.version) connection.console.warn(`didChange for ${d.uri}: version ${d.version} is not newer than ${before.document.version}; applied in arrival order`);
      const started = performance.now();
      documents?.change(d.uri, d.version, contentChanges);
      warnIfSkipped(d.uri);
      if (TIMINGS) changeTimes.set(d.uri, { changeMs: (changeTimes.get(d.uri)?.changeMs ?? 0) + performance.now() - started, changedAt: performance.now() });
      // The first change of a burst is published at once, the others once the burst is over.
      schedule(d.uri, timers.has(d.uri) ? PUBLISH_DELAY_MS : 0);
    });
  });
  connection.onDidCloseTextDocument(({ textDocument: d }) => {
    clearTimeout(timers.get(d.uri));
    timers.delete(d.uri);
    documents?.close(d.uri);
    service?.forget(d.uri);
    settingsCache.delete(d.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: d.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => refreshAll());
  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) pyproject.invalidate(change.uri.startsWith('file:') ? fileURLToPath(change.uri) : undefined);
    refreshAll();
  });

  // A cancelled pull must ask the client to pull again: with retriggerRequest false VS Code never re-asks, and the
  // document keeps no diagnostics (seen in the e2e suite on first open and after a server restart).
  connection.languages.diagnostics.on(({ textDocument }, token) =>
    unlessCancelled(token, withDocument(textDocument.uri, { kind: DocumentDiagnosticReportKind.Full, items: [] }, (entry, settings) => ({
      kind: DocumentDiagnosticReportKind.Full,
      items: service!.diagnostics(entry, settings, token),
    })), { retriggerRequest: true }),
  );
  connection.onHover(({ textDocument, position }, token) =>
    unlessCancelled(token, withDocument(textDocument.uri, null, (entry, settings) => service!.hover(entry, position, settings, token) ?? null)),
  );
  connection.onCodeAction(({ textDocument, context }, token) =>
    unlessCancelled(token, withDocument(textDocument.uri, [], (entry, settings) => service!.codeActions(entry, { diagnostics: context.diagnostics, only: context.only }, settings, token))),
  );

  // The CPython bridge: one helper per interpreter, started on first use (server/src/python/). Handlers register by
  // method name: protocol.ts's RequestType comes from a newer vscode-languageserver-protocol than the server's own.
  const python = new PythonService({ helperScript: defaultHelperScript(), log });
  const notOpen: PythonUnavailable = { kind: 'unavailable', reason: 'crashed', message: 'pyinsight has no open document with this URI.' };
  connection.onRequest(syntaxTreeRequest.method, ({ textDocument, includeAnonymous }: SyntaxTreeParams, token: CancellationToken) =>
    withDocument<SyntaxTreeResult>(textDocument.uri, { kind: 'unavailable', message: documents?.state(textDocument.uri)?.skipped ?? notOpen.message }, (entry) => service!.syntaxTree(entry, { includeAnonymous }, token)),
  );
  // The Python views need only the text, so they work on documents too large or deep for tree-sitter analysis.
  const withText = <T>(uri: string, work: (text: string) => Promise<T>): Promise<T | PythonUnavailable> => {
    const text = documents?.state(uri)?.document.getText();
    return text === undefined ? Promise.resolve(notOpen) : guarded<T | PythonUnavailable>(`request on ${uri}`, notOpen, () => work(text));
  };
  connection.onRequest(pythonAstRequest.method, ({ textDocument, python: command }: PythonAstParams): Promise<PythonAstResult> =>
    withText(textDocument.uri, (text) => python.pythonAst(text, command)),
  );
  connection.onRequest(bytecodeRequest.method, ({ textDocument, python: command, options }: BytecodeParams): Promise<BytecodeResult> =>
    withText(textDocument.uri, (text) => python.bytecode(text, command, options)),
  );
  connection.onRequest(astDumpRequest.method, ({ textDocument, python: command, nodeId, includeAttributes }: AstDumpParams): Promise<AstDumpResult> =>
    withText(textDocument.uri, (text) => python.astDump(text, command, nodeId, includeAttributes)),
  );
  connection.onRequest(opcodeDocsRequest.method, ({ python: command }: OpcodeDocsParams) =>
    guarded<OpcodeDocsResult>('opcodeDocs', notOpen, () => python.opcodeDocs(command)),
  );

  connection.onShutdown(() => {
    python.dispose();
    for (const timer of timers.values()) clearTimeout(timer);
    service?.dispose();
    documents?.dispose();
  });
  connection.listen();
}
