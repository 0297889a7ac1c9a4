// The engine runs a rule whose patterns all carry a literal text predicate only over the top-level statements that
// contain the literal (queryAnchors.ts). These tests hold that to the whole-tree query, match for match, on the
// standard library sample, on broken and hostile code, and on the patterns that must NOT be anchored.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseText, type QueryMatch } from '../../server/src/parsing/treeSitter';
import { UnitTree } from '../../server/src/service/analysis/units';
import { queryAnchors, splitPatterns } from '../../server/src/service/rules/queryAnchors';
import { allRules } from '../../server/src/service/rules/registry';
import { passMatches } from '../../server/src/service/rules/unitChecks';
import { QueryPlans } from '../../server/src/service/rules/queryPlans';
import { getGrammar, py } from '../helpers/service';
import { stdlibRoot, stdlibSample } from '../helpers/stdlib';

const key = (m: QueryMatch) => `${m.patternIndex}:${m.captures.map((c) => `${c.name}@${c.node.startIndex}-${c.node.endIndex}`).join(',')}`;

const TRICKY = [
  py`
    class A:
        def __eq__(self, other): return True
        def __get__(self, obj, t): return obj.x
        __slots__ = ('a',)
    x = A(); x.__secret; y = [1]; y.append(2); sum([i for i in y]); list(itertools.count())
    checksum(x); summary = setattr; Threads(); Thread(target=f); t.acquire(); g.send(1); gc.disable()
  `,
  // Words glued to digits, broken statements, an unterminated string, a statement split by an error.
  '1sum([x for x in y])\nif x:\n  Thread(target=\nlist(itertools.cycle("ab\ndef f(:\n  value.value += 1\nx = groupby(\u00e9sum, send)\n',
  'a;b.append(1);c.send(2)\nclass B(ast.NodeVisitor):\n def visit_Name(self, node): pass\nclass C: __eq__ = None\n',
  '\ufeffimport itertools\r\nfor k, g in itertools.groupby(data):\r\n    pass\r\nraise StopIteration\r\ncompile(tree, "f", "exec")\r\n',
];

describe('query anchors', function () {
  this.timeout(120_000);

  it('splits every rule query into the patterns tree-sitter compiles', async () => {
    const grammar = await getGrammar();
    for (const rule of allRules) {
      const query = grammar.query(rule.query);
      try {
        const patterns = splitPatterns(rule.query);
        assert.equal(patterns.length, query.patternCount(), rule.code);
        patterns.forEach((pattern, i) => assert.equal(pattern.trim(), rule.query.slice(query.startIndexForPattern(i), query.endIndexForPattern(i)).trim(), `${rule.code} pattern ${i}`));
      } finally {
        query.delete();
      }
    }
  });

  it("traces every pattern of the shared query back to its rule, as each rule's own query numbers them", async () => {
    const plans = new QueryPlans(await getGrammar(), allRules);
    try {
      const statementRules = allRules.filter((r) => r.scope === 'statement');
      const [shared] = plans.passes(statementRules, new Set(allRules));
      assert.ok(shared && !shared.anchors && shared.rules.size >= 10, 'a shared pass holding the unanchored rules');
      for (const rule of shared.rules) {
        const own = plans.ownQuery(rule).patterns.map(({ pattern, roots, ruleIndex }) => ({ pattern, roots, ruleIndex }));
        const inShared = shared.group.patterns.filter((p) => p.rule === rule).map(({ pattern, roots, ruleIndex }) => ({ pattern, roots, ruleIndex }));
        assert.deepEqual(inShared, own, rule.code);
      }
      assert.equal(shared.group.patterns.length, shared.group.query.patternCount());
    } finally {
      plans.dispose();
    }
  });

  it('anchors only patterns whose every match must contain the literal', () => {
    assert.equal(String(queryAnchors('(call function: (identifier) @f (#eq? @f "groupby"))')), '/(?<![A-Za-z_])groupby(?![A-Za-z0-9_])/g');
    assert.equal(String(queryAnchors('(call function: [(attribute attribute: (identifier) @c) (identifier) @c] (#eq? @c "Thread"))')), '/(?<![A-Za-z_])Thread(?![A-Za-z0-9_])/g');
    assert.equal(String(queryAnchors('(function_definition name: (identifier) @n (#match? @n "^visit_."))')), '/(?:visit_.)/g');
    assert.equal(String(queryAnchors('(binary_operator operator: "+" @op (#eq? @op "+"))')), '/\\+/g');
    // Not anchored: one branch of an alternation lacks the capture, a quantified capture, a wildcard or module root,
    // a pattern without a literal predicate, a comparison of two captures, a regex that needs the node's boundaries.
    for (const source of [
      '(call function: [(attribute) @f (identifier)] (#eq? @f "x"))',
      '(call arguments: (argument_list (identifier)* @a) (#eq? @a "x"))',
      '(call arguments: (argument_list (identifier)? @a) (#eq? @a "x"))',
      '(_ (identifier) @a (#eq? @a "x"))',
      '(module (expression_statement) @s (#eq? @s "x"))',
      '(call function: (identifier) @f (#eq? @f "x"))\n(call) @c',
      '(function_definition name: (identifier) @a body: (block (return_statement (identifier) @b)) (#eq? @a @b))',
      '(identifier) @a (#match? @a "\\\\bx")',
      '(identifier) @a (#match? @a "a|^b")',
      '(identifier) @a (#not-eq? @a "x")',
    ]) {
      assert.equal(queryAnchors(source), undefined, source);
    }
  });

  it('finds exactly the matches of the whole-tree query, on the stdlib sample and broken code', async function () {
    const root = stdlibRoot();
    const files = root ? stdlibSample(root, 200) : [];
    if (files.length === 0) this.skip();
    const grammar = await getGrammar();
    const parser = grammar.createParser();
    const plans = new QueryPlans(grammar, allRules);
    const anchored = allRules.filter((rule) => queryAnchors(rule.query));
    assert.ok(anchored.length >= 15, `${anchored.length} anchored rules`);
    const enabled = new Set(allRules);
    let compared = 0;
    try {
      for (const text of [...TRICKY, ...files.map((f) => readFileSync(f, 'latin1'))]) {
        const tree = parseText(parser, text);
        try {
          const top = UnitTree.build(tree.rootNode).top;
          for (const rule of anchored) {
            const [pass] = plans.passes([rule], enabled);
            assert.ok(pass.anchors, rule.code);
            const expected = pass.group.query.matches(tree.rootNode).map(key).sort();
            assert.deepEqual(passMatches(pass, tree.rootNode, text, top).map(key).sort(), expected, `${rule.code} on ${text.slice(0, 60)}`);
            compared += expected.length;
          }
        } finally {
          tree.delete();
        }
      }
    } finally {
      plans.dispose();
      parser.delete();
    }
    assert.ok(compared > 100, `${compared} matches compared`);
  });
});
