// The rule docs and the README's rules table are generated from the rule files; stale copies fail the build.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFiles } from '../../docs/generate';
import { allRules } from '../../server/src/service/rules/registry';

const ROOT = join(__dirname, '..', '..');

describe('generated documentation', () => {
  it('is up to date (run `npm run docs` after changing a rule)', () => {
    for (const [path, content] of generatedFiles(readFileSync(join(ROOT, 'README.md'), 'utf8'))) {
      assert.equal(readFileSync(join(ROOT, path), 'utf8'), content, `${path} is stale: run npm run docs`);
    }
  });

  it('gives every rule complete documentation with docs.python.org references', () => {
    const codes = new Set<string>();
    for (const rule of allRules) {
      assert.match(rule.code, /^PIN\d{3}$/);
      assert.ok(!codes.has(rule.code), `duplicate ${rule.code}`);
      codes.add(rule.code);
      assert.match(rule.name, /^[a-z]+(-[a-z]+)*$/);
      for (const [section, text] of Object.entries(rule.docs)) {
        if (typeof text === 'string') assert.ok(text.trim().length > 20, `${rule.code} docs.${section} is too thin`);
      }
      assert.ok(rule.docs.references.length > 0 && rule.docs.references.every((r) => /^https:\/\/docs\.python\.org\/3\//.test(r.url) || /^https:\/\//.test(r.url)));
      assert.ok(rule.docs.references.some((r) => r.url.startsWith('https://docs.python.org/3/')), `${rule.code} cites docs.python.org`);
    }
  });
});
