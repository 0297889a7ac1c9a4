// Wiring for the AST explorer and the bytecode view: the interpreter resolver, the followed editor, the two hosts and
// their commands. Registered before the language client starts, so the commands exist even if the server fails.
import * as vscode from 'vscode';
import { InterpreterResolver } from './python';
import { AstExplorerProvider } from './webviews/astExplorer';
import { BytecodePanel } from './webviews/bytecodeView';
import { RangeFlash, type RequestClient } from './webviews/host';
import { PythonEditorTracker } from './webviews/tracker';

export function registerViews(context: vscode.ExtensionContext, client: RequestClient, log: vscode.LogOutputChannel): void {
  const resolver = new InterpreterResolver(log);
  const tracker = new PythonEditorTracker();
  const flash = new RangeFlash();
  const deps = { context, client, resolver, tracker, flash, log };
  const astExplorer = new AstExplorerProvider(deps);
  const bytecode = new BytecodePanel(deps);
  context.subscriptions.push(
    resolver,
    tracker,
    flash,
    astExplorer,
    bytecode,
    vscode.window.registerWebviewViewProvider(AstExplorerProvider.viewId, astExplorer),
    vscode.window.registerWebviewPanelSerializer(BytecodePanel.viewType, bytecode),
    // `<view id>.focus` is the command VS Code creates for every contributed view.
    vscode.commands.registerCommand('pyinsight.showAstExplorer', () => vscode.commands.executeCommand(`${AstExplorerProvider.viewId}.focus`)),
    vscode.commands.registerCommand('pyinsight.showBytecode', () => bytecode.show()),
    vscode.commands.registerCommand('pyinsight.bytecode.openAsText', () => bytecode.openAsText()),
    vscode.commands.registerCommand('pyinsight.bytecode.copyAsText', () => bytecode.copyAsText()),
  );
}
