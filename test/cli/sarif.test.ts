import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import type * as Sarif from 'sarif';
import { ensureBuilt, fixtureCopy, removeCopy, ROOT, runCli } from './cliHarness';

/** The official SARIF 2.1.0 schema (shipped in @microsoft/jest-sarif) is draft-04, so it needs Ajv's draft-04 class. */
function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  // unicodeRegExp: false because one pattern in the schema is not a valid /u regular expression.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('pyinsight check --format sarif', function () {
  this.timeout(120_000);
  let root: string;
  let log: Sarif.Log;
  let run: ReturnType<typeof runCli>;
  before(() => {
    ensureBuilt();
    root = fixtureCopy();
    // app.py and emoji.py have findings; binary.py (outside the project folder) cannot be checked.
    run = runCli(['check', '--format', 'sarif', '--select', 'PIN501', 'app.py', 'emoji.py', 'pkg/clean.py', '../badfiles/binary.py'], join(root, 'project'));
    log = JSON.parse(run.stdout) as Sarif.Log;
  });
  after(() => removeCopy(root));

  it('is valid against the official SARIF 2.1.0 schema', function () {
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.ok(!validate({ ...log, runs: [{ ...log.runs[0], results: [{ message: {} }] }] }), 'the validator does reject bad SARIF');
  });

  it('describes the tool and every rule', () => {
    const { version, homepage } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; homepage: string };
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema ?? '', /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const [sarifRun] = log.runs;
    const driver = sarifRun.tool.driver;
    assert.deepEqual([driver.name, driver.version, driver.informationUri], ['pyinsight', version, homepage]);
    const rules = driver.rules ?? [];
    assert.ok(rules.length >= 1);
    assert.deepEqual(rules.map((r) => r.id), [...rules.map((r) => r.id)].sort(), 'rules are sorted by code');
    for (const rule of rules) {
      assert.match(rule.id, /^PIN\d{3}$/);
      assert.match(rule.name ?? '', /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(rule.shortDescription?.text && rule.fullDescription?.text, rule.id);
      assert.equal(rule.helpUri, `https://github.com/pyinsight/pyinsight/blob/main/docs/rules/${rule.id}.md`);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration?.level ?? ''), rule.id);
    }
    const pin501 = rules.find((r) => r.id === 'PIN501');
    assert.deepEqual([pin501?.name, pin501?.defaultConfiguration?.level], ['is-literal', 'warning']);
    assert.equal(sarifRun.columnKind, 'unicodeCodePoints');
  });

  it('reports results with rule index, level, message and a relative location under %SRCROOT%', () => {
    const [sarifRun] = log.runs;
    const results = sarifRun.results ?? [];
    assert.equal(results.length, 2);
    const rules = sarifRun.tool.driver.rules ?? [];
    for (const result of results) {
      assert.equal(result.ruleId, 'PIN501');
      assert.equal(rules[result.ruleIndex ?? -1]?.id, 'PIN501');
      assert.equal(result.level, 'warning');
      assert.match(result.message.text ?? '', /"is" with an int literal/);
    }
    const [app, emoji] = results.map((r) => r.locations?.[0]?.physicalLocation);
    assert.deepEqual(app?.artifactLocation, { uri: 'app.py', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(app?.region, { startLine: 2, startColumn: 4, endLine: 2, endColumn: 10 });
    assert.deepEqual(emoji?.region, { startLine: 2, startColumn: 12, endLine: 2, endColumn: 18 }, 'code-point columns');
    assert.deepEqual(sarifRun.originalUriBaseIds?.['%SRCROOT%'], { uri: pathToFileURL(join(root, 'project')).href + '/' });
  });

  it('carries the fix as a replacement', () => {
    const fix = log.runs[0].results?.[0].fixes?.[0];
    const replacement = fix?.artifactChanges[0].replacements[0];
    assert.deepEqual(replacement, { deletedRegion: { startLine: 2, startColumn: 6, endLine: 2, endColumn: 8 }, insertedContent: { text: '==' } });
  });

  it('lists files that could not be checked as notifications, with an absolute URI outside %SRCROOT%, and exits 2', () => {
    const [invocation] = log.runs[0].invocations ?? [];
    assert.equal(invocation.executionSuccessful, false);
    const [notification] = invocation.toolExecutionNotifications ?? [];
    assert.match(notification.message.text ?? '', /binary file/);
    assert.deepEqual(notification.locations?.[0].physicalLocation?.artifactLocation, { uri: pathToFileURL(join(root, 'badfiles', 'binary.py')).href });
    assert.equal(run.code, 2);
  });
});
