// LSP wiring only: each handler finds the document, its settings, and delegates to the language service.
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { DocumentStore, type ParsedDocument } from './documents';
import { loadPythonGrammar } from './parsing/treeSitter';
import { FIX_ALL_KIND } from './service/codeActions';
import type { Settings } from './service/config';
import { createLanguageService, type LanguageService } from './service/index';
import { neverCancelled } from './service/types';
import { documentSettings, editorLayer } from './workspace/editorSettings';
import { PyprojectSettings } from './workspace/pyproject';

/** Push diagnostics this long after the last change of a burst of keystrokes. */
const PUBLISH_DELAY_MS = 10;

export function startServer(connection: Connection): void {
  let service: LanguageService | undefined;
  let documents: DocumentStore | undefined;
  let pullDiagnostics = false;
  let configurationRequests = false;
  const pyproject = new PyprojectSettings();
  const settingsCache = new Map<string, Promise<Settings>>();
  const timers = new Map<string, NodeJS.Timeout>();
  const reported = new Set<string>();
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
    const editor = configurationRequests ? await connection.workspace.getConfiguration({ scopeUri: uri, section: 'pyinsight' }) : undefined;
    const fromEditor = editorLayer(editor);
    const fromFile = uri.startsWith('file:') ? pyproject.layerFor(fileURLToPath(uri)) : { layer: {}, errors: [] };
    warnOnce([...fromFile.errors, ...fromEditor.errors]);
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
    if (!entry || !service || pullDiagnostics) return;
    const settings = await settingsFor(uri);
    if (documents?.get(uri) !== entry) return; // edited meanwhile: a newer publish is scheduled
    await connection.sendDiagnostics({ uri, version: entry.document.version, diagnostics: service.diagnostics(entry, settings, neverCancelled) });
  }

  function schedule(uri: string, delay = PUBLISH_DELAY_MS): void {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      void guarded(`diagnostics for ${uri}`, undefined, () => publish(uri));
    }, delay));
  }

  function refreshAll(): void {
    settingsCache.clear();
    if (pullDiagnostics) void connection.languages.diagnostics.refresh();
    else for (const entry of documents?.all() ?? []) schedule(entry.uri, 0);
  }

  function withDocument<T>(uri: string, fallback: T, work: (entry: ParsedDocument, settings: Settings) => T): Promise<T> {
    return guarded(`request on ${uri}`, fallback, async () => {
      const settings = await settingsFor(uri);
      const entry = documents?.get(uri);
      return entry && service ? work(entry, settings) : fallback;
    });
  }

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    const grammar = await loadPythonGrammar();
    documents = new DocumentStore(grammar);
    service = createLanguageService({ grammar, onRuleError: (rule, error) => connection.console.error(`${rule.code} failed: ${String(error)}`) });
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
    void guarded('didOpen', undefined, () => { documents?.openDocument(d.uri, d.languageId, d.version, d.text); schedule(d.uri, 0); });
  });
  connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) => {
    void guarded('didChange', undefined, () => { documents?.change(d.uri, d.version, contentChanges); schedule(d.uri); });
  });
  connection.onDidCloseTextDocument(({ textDocument: d }) => {
    clearTimeout(timers.get(d.uri));
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

  connection.languages.diagnostics.on(({ textDocument }, token) =>
    withDocument(textDocument.uri, { kind: DocumentDiagnosticReportKind.Full, items: [] }, (entry, settings) => ({
      kind: DocumentDiagnosticReportKind.Full,
      items: service!.diagnostics(entry, settings, token),
    })),
  );
  connection.onHover(({ textDocument, position }, token) =>
    withDocument(textDocument.uri, null, (entry, settings) => service!.hover(entry, position, settings, token) ?? null),
  );
  connection.onCodeAction(({ textDocument, context }, token) =>
    withDocument(textDocument.uri, [], (entry, settings) => service!.codeActions(entry, { diagnostics: context.diagnostics, only: context.only }, settings, token)),
  );

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    service?.dispose();
    documents?.dispose();
  });
  connection.listen();
}
