// Shared by the extension-host tests: the workspace, opening files in an editor, and polling the real VS Code state
// (never a fixed sleep: each wait ends as soon as the condition holds, and fails with what it last saw).
import * as vscode from 'vscode';

export const EXTENSION_ID = 'pyinsight.pyinsight';

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e run must open test/e2e/workspace (a copy of it) as its folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a workspace file in an editor: the language client pulls diagnostics for documents that are shown. */
export async function openEditor(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 45000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function pyinsightDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pyinsight');
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const { code } = diagnostic;
  return String(typeof code === 'object' ? code.value : code);
}

/** Waits until pyinsight's diagnostics for `uri` satisfy `accept`, and returns them. */
export async function waitForDiagnostics(uri: vscode.Uri, what: string, accept: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  try {
    return await waitFor(what, () => {
      const diagnostics = pyinsightDiagnostics(uri);
      return accept(diagnostics) ? diagnostics : undefined;
    });
  } catch (error) {
    const seen = sortedCodes(pyinsightDiagnostics(uri));
    throw new Error(`${String(error)} (last seen [${seen.join(', ')}] on ${vscode.workspace.asRelativePath(uri)})`, { cause: error });
  }
}

export const sortedCodes = (diagnostics: readonly vscode.Diagnostic[]) => diagnostics.map(codeOf).sort();

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** Throws away a test's unsaved edits, so the next test sees the file as it is on disk. */
export async function revert(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
}
