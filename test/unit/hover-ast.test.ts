// Hovers of the ast family: the right topic on realistic AST tooling code, nothing on look-alikes.
import assert from 'node:assert/strict';
import { assertHidesTopic as hides, assertShowsTopic as shows, hoverAt } from '../helpers/hover';

const PARSE = '`ast.parse`: source to syntax tree';
const VISITOR = '`ast.NodeVisitor`: dispatch by node class';
const TRANSFORMER = '`ast.NodeTransformer`: the return value replaces the node';
const WALK = '`ast.walk`: every node, in no specified order';

describe('hover: ast topics', () => {
  it('explains ast.parse however ast is imported, and not on other parse functions', async () => {
    await shows('import ast\ntree = ast.pa$0rse(source)\n', PARSE);
    await shows('import ast as pyast\ntree = pyast.pa$0rse(source)\n', PARSE);
    await shows('from ast import parse\ntree = pa$0rse(source)\n', PARSE);
    await hides('import json\ndata = json.lo$0ads(text)\n', PARSE);
    await hides('from urllib.parse import urlparse\nu = urlpa$0rse(url)\n', PARSE);
    await hides('ast = build_tree()\nnode = ast.pa$0rse(text)\n', PARSE);
  });

  it('explains visitors and transformers on the base class, not on home-made classes', async () => {
    await shows('import ast\n\nclass Calls(ast.NodeVi$0sitor):\n    def visit_Call(self, node):\n        self.generic_visit(node)\n', VISITOR);
    await shows('from ast import NodeTransformer\n\nclass Fold(NodeTrans$0former):\n    pass\n', TRANSFORMER);
    await hides('class NodeVisitor:\n    pass\n\nclass Mine(NodeVi$0sitor):\n    pass\n', VISITOR);
    await hides('from mytool.tree import NodeTransformer\n\nclass Fold(NodeTrans$0former):\n    pass\n', TRANSFORMER);
  });

  it('flags the unspecified order of ast.walk', async () => {
    await shows('import ast\nfor node in ast.wa$0lk(tree):\n    pass\n', WALK);
    await hides('import os\nfor root, dirs, files in os.wa$0lk("."):\n    pass\n', WALK);
  });

  it('explains positions, literal_eval, dump/unparse and node fields', async () => {
    await shows('import ast\ntree = ast.fix_missing_loc$0ations(tree)\n', 'Node positions: `lineno` and `col_offset`');
    await shows('def span(node):\n    return node.col_off$0set, node.end_col_offset\n', 'Node positions: `lineno` and `col_offset`', true);
    await shows('import ast\nconfig = ast.literal_ev$0al(text)\n', '`ast.literal_eval`: literals only');
    await shows('import ast\nprint(ast.unpa$0rse(tree))\n', '`ast.dump` and `ast.unparse`');
    await shows('import ast\nfor name, value in ast.iter_fi$0elds(node):\n    pass\n', 'Node fields: `_fields` and `_attributes`');
    await hides('import json\nprint(json.du$0mps(data))\n', '`ast.dump` and `ast.unparse`');
    const hover = await hoverAt('import ast\nresult = ast.literal_ev$0al(text)\n', { hoverLevel: 'detailed' });
    assert.ok(hover?.includes('`set()` is accepted since 3.9'), hover);
  });
});
