// The folder boundaries of design.md §1 are enforced by eslint; this proves the rules fire (and stay quiet).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..');

async function ruleIds(relativePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, relativePath) });
  return result.messages.map((m) => m.ruleId ?? m.message).filter((id) => id !== '@typescript-eslint/no-unused-vars');
}

describe('lint: folder boundaries', function () {
  this.timeout(60000);

  it('keeps the language service pure (no fs, child_process, vscode, connection)', async () => {
    for (const source of ["import { readFileSync } from 'node:fs';", "import { spawn } from 'child_process';", "import * as vscode from 'vscode';", "import { createConnection } from 'vscode-languageserver/node';", "import { DocumentStore } from '../documents';"]) {
      assert.deepEqual(await ruleIds('server/src/service/probe.ts', `${source}\nexport const x = 1;\n`), ['no-restricted-imports'], source);
    }
    assert.deepEqual(await ruleIds('server/src/service/probe.ts', "import type { SyntaxNode } from '../parsing/treeSitter';\nexport const x: SyntaxNode | undefined = undefined;\n"), []);
  });

  it('bans console.* in the server, where stdout may be the transport', async () => {
    assert.deepEqual(await ruleIds('server/src/probe.ts', "console.log('hi');\n"), ['no-console']);
  });

  it('lets the client import only the protocol module of the server', async () => {
    assert.deepEqual(await ruleIds('client/src/probe.ts', "import { startServer } from '../../server/src/server';\nexport const s = startServer;\n"), ['no-restricted-imports']);
  });
});
