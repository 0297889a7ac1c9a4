// The ast module: node model, traversal, transformation.
import type { Topic } from './topic';

export const astTopics: readonly Topic[] = [
  {
    id: 'ast-parse',
    title: '`ast.parse`: source to syntax tree',
    family: 'ast',
    triggers: [{ name: 'ast.parse' }, { name: 'ast.PyCF_ONLY_AST' }],
    summary:
      '`ast.parse()` runs only the tokenizer and parser of the interpreter you are on and returns a tree of `ast` nodes: nothing is executed, imported or name-resolved, comments are dropped, and no constant folding has happened yet. ' +
      'Invalid code raises `SyntaxError`, and syntax newer than the running interpreter cannot be parsed at all, whatever the target version of the analysed project. ' +
      "`mode` chooses the root node: `'exec'` gives `Module`, `'eval'` gives `Expression`, `'single'` gives `Interactive` and `'func_type'` parses a signature type comment such as `(int, str) -> bool`. " +
      '`type_comments=True` keeps `# type:` comments on the nodes, and `feature_version=(3, N)` is a best-effort check that rejects some syntax newer than 3.N; it cannot teach the parser syntax it does not know. ' +
      'Parsing untrusted text runs none of it, but a huge or deeply nested input can still exhaust memory or the parser stack.',
    example: [
      'import ast',
      '',
      'tree = ast.parse("import os\\nos.remove(path)")   # parsed, never run',
      'print(ast.dump(tree.body[1], indent=2))',
    ].join('\n'),
    versions:
      '`type_comments` and `feature_version` since 3.8, when all literals became `Constant` nodes (`Num`, `Str`, `Bytes`, `NameConstant` and `Ellipsis` were deprecated then and removed in 3.14). ' +
      '`FunctionDef` and `ClassDef` gained `type_params` in 3.12 (PEP 695).',
    links: [
      { title: 'ast.parse', url: 'https://docs.python.org/3/library/ast.html#ast.parse' },
      { title: 'compile()', url: 'https://docs.python.org/3/library/functions.html#compile' },
    ],
  },
  {
    id: 'ast-node-visitor',
    title: '`ast.NodeVisitor`: dispatch by node class',
    family: 'ast',
    triggers: [{ name: 'ast.NodeVisitor' }],
    summary:
      '`visit(node)` looks up a method named `visit_` plus the node class name (`visit_Call`, `visit_FunctionDef`) and calls it; when there is none it calls `generic_visit(node)`, which visits every child in `_fields` order. ' +
      'Defining `visit_X` replaces that default for X nodes, so the children of X are skipped unless the method calls `self.generic_visit(node)` (or `self.visit()` on the children it wants); without it, calls inside a function body or nested functions go unseen. ' +
      '`visit()` hands back the method\'s return value, but `generic_visit()` ignores it, so collect results on `self`. ' +
      'Literals are `Constant` nodes, so write `visit_Constant`; `visit_Num` and `visit_Str` only fire through a deprecated compatibility shim.',
    example: [
      'class CallNames(ast.NodeVisitor):',
      '    def __init__(self):',
      '        self.names = []',
      '',
      '    def visit_Call(self, node):',
      '        if isinstance(node.func, ast.Name):',
      '            self.names.append(node.func.id)',
      '        self.generic_visit(node)      # f(g(x)): g is inside f\'s arguments',
    ].join('\n'),
    versions: '`Constant` replaced `Num`, `Str`, `Bytes`, `NameConstant` and `Ellipsis` in 3.8; the old classes, and the shim that maps `visit_Num` and friends, were removed in 3.14.',
    links: [{ title: 'ast.NodeVisitor', url: 'https://docs.python.org/3/library/ast.html#ast.NodeVisitor' }],
  },
  {
    id: 'ast-node-transformer',
    title: '`ast.NodeTransformer`: the return value replaces the node',
    family: 'ast',
    triggers: [{ name: 'ast.NodeTransformer' }],
    summary:
      'A `NodeTransformer` traverses like a `NodeVisitor`, but whatever a `visit_X` method returns is put back into the tree in place of the node: the node itself keeps it, a new node replaces it, `None` deletes it, and in a statement list a list of nodes is spliced in. ' +
      'A method that forgets `return node` therefore deletes the node silently, and deleting a required child (the value of an `Assign`) makes `compile()` fail with `TypeError: required field "value" missing`. ' +
      'Children are transformed only when the method calls `self.generic_visit(node)`. ' +
      'Nodes you create carry no source positions, so pass the result through `ast.fix_missing_locations()` (or copy positions with `ast.copy_location()`) before `compile()`.',
    example: [
      'class DoubleInts(ast.NodeTransformer):',
      '    def visit_Constant(self, node):',
      '        if type(node.value) is int:',
      '            return ast.copy_location(ast.Constant(node.value * 2), node)',
      '        return node                   # without this, every other constant vanishes',
      '',
      'tree = ast.fix_missing_locations(DoubleInts().visit(ast.parse("x = 10")))',
    ].join('\n'),
    links: [
      { title: 'ast.NodeTransformer', url: 'https://docs.python.org/3/library/ast.html#ast.NodeTransformer' },
      { title: 'ast.fix_missing_locations', url: 'https://docs.python.org/3/library/ast.html#ast.fix_missing_locations' },
    ],
  },
  {
    id: 'ast-locations',
    title: 'Node positions: `lineno` and `col_offset`',
    family: 'ast',
    triggers: [
      { name: 'ast.fix_missing_locations' },
      { name: 'ast.copy_location' },
      { name: 'ast.increment_lineno' },
      { name: 'ast.get_source_segment' },
      { node: 'attribute', text: /\.(?:end_)?col_offset$/ },
    ],
    summary:
      'Statement and expression nodes carry `lineno`/`end_lineno` (lines counted from 1) and `col_offset`/`end_col_offset`, which count UTF-8 bytes from the start of the line, not characters. ' +
      'With non-ASCII text earlier on the line, slicing the `str` with `col_offset` lands in the wrong place; use `ast.get_source_segment()`, or slice the line encoded as UTF-8. ' +
      'Nodes you construct have no position, which `compile()` rejects (`TypeError: required field "lineno" missing`): `ast.fix_missing_locations()` fills them in from the parent, `ast.copy_location()` copies them from the node being replaced, and `ast.increment_lineno()` shifts a whole tree. ' +
      '`Module`, operators such as `Add` and contexts such as `Load` have no positions at all (their `_attributes` is empty).',
    example: [
      'src = "s = \'é\'; x = 1"',
      'node = ast.parse(src).body[1]',
      'node.col_offset                    # 10 (bytes), though "x" is at str index 9',
      'ast.get_source_segment(src, node)  # \'x = 1\'',
    ].join('\n'),
    versions: '`end_lineno`, `end_col_offset` and `ast.get_source_segment()` exist since 3.8.',
    links: [
      { title: 'AST node positions', url: 'https://docs.python.org/3/library/ast.html#ast.AST.lineno' },
      { title: 'ast.get_source_segment', url: 'https://docs.python.org/3/library/ast.html#ast.get_source_segment' },
      { title: 'ast.fix_missing_locations', url: 'https://docs.python.org/3/library/ast.html#ast.fix_missing_locations' },
    ],
  },
  {
    id: 'ast-walk',
    title: '`ast.walk`: every node, in no specified order',
    family: 'ast',
    triggers: [{ name: 'ast.walk' }, { name: 'ast.iter_child_nodes' }],
    summary:
      '`ast.walk()` yields a node and all of its descendants but documents no order; CPython happens to go breadth-first through a queue, which is neither source order nor the order a `NodeVisitor` follows, so do not depend on it. ' +
      'It suits order-free questions ("does this module call `eval`?"), while order, nesting or skipping a subtree call for a `NodeVisitor`; `ast.iter_child_nodes()` gives only the direct children. ' +
      'Nodes have no parent pointers, so code that needs the enclosing function or class must track it in its own traversal. ' +
      'Every node type comes through, so check `isinstance(node, ast.X)` before reading fields like `.func` or `.id`.',
    example: [
      'calls_eval = any(',
      '    isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "eval"',
      '    for n in ast.walk(tree)',
      ')',
    ].join('\n'),
    versions: 'Breadth-first is what CPython 3.11 does (`Module`, `Assign`, `If`, `Name`, …), not a documented guarantee.',
    links: [
      { title: 'ast.walk', url: 'https://docs.python.org/3/library/ast.html#ast.walk' },
      { title: 'ast.NodeVisitor', url: 'https://docs.python.org/3/library/ast.html#ast.NodeVisitor' },
    ],
  },
  {
    id: 'ast-literal-eval',
    title: '`ast.literal_eval`: literals only',
    family: 'ast',
    triggers: [{ name: 'ast.literal_eval' }],
    summary:
      '`ast.literal_eval()` parses its input and accepts only literal structures: strings, bytes, numbers, tuples, lists, dicts, sets (`set()` included), `True`, `False`, `None` and `...`, with `+` and `-` allowed only to write signed or complex numbers such as `-1` or `1+2j`. ' +
      "Names, calls, attribute access, subscripts and other operators raise `ValueError` (even `'1+1'` is refused), so nothing in the input can run code. " +
      'That makes it the safe replacement for `eval()` on data such as the `repr()` of built-in values, but not a hardened parser: huge or deeply nested input can still raise `MemoryError` or `RecursionError` or even crash the interpreter, so cap the size of untrusted input.',
    example: ['ast.literal_eval("{\'retries\': 3, \'hosts\': (\'a\', \'b\')}")   # a dict, nothing executed', 'ast.literal_eval("__import__(\'os\')")                       # ValueError'].join('\n'),
    versions: '`set()` is accepted since 3.9; leading spaces and tabs are stripped since 3.10.',
    links: [{ title: 'ast.literal_eval', url: 'https://docs.python.org/3/library/ast.html#ast.literal_eval' }],
  },
  {
    id: 'ast-dump-unparse',
    title: '`ast.dump` and `ast.unparse`',
    family: 'ast',
    triggers: [{ name: 'ast.dump' }, { name: 'ast.unparse' }],
    summary:
      "`ast.dump()` prints a tree as nested constructor calls (`Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))`); `indent=` puts one field per line and `include_attributes=True` adds the positions. " +
      '`ast.unparse()` goes the other way, generating source code from a tree, which is how a transformed tree becomes text again. ' +
      'The result is equivalent code, not the original text: comments, blank lines, redundant parentheses and quote style are lost, so it cannot serve as a formatting-preserving rewrite. ' +
      '`unparse()` does not need positions on new nodes, but `compile()` of the same tree does.',
    example: ['tree = ast.parse("x = (1)  # one")', 'ast.unparse(tree)     # \'x = 1\''].join('\n'),
    versions: '`ast.unparse()` and the `indent` argument of `ast.dump()` since 3.9. The exact `dump()` text varies by version (3.11 shows `type_ignores=[]` on `Module`; later versions hide empty fields by default).',
    links: [
      { title: 'ast.dump', url: 'https://docs.python.org/3/library/ast.html#ast.dump' },
      { title: 'ast.unparse', url: 'https://docs.python.org/3/library/ast.html#ast.unparse' },
    ],
  },
  {
    id: 'ast-node-fields',
    title: 'Node fields: `_fields` and `_attributes`',
    family: 'ast',
    triggers: [{ name: 'ast.AST' }, { name: 'ast.iter_fields' }, { node: 'attribute', text: /\._attributes$/ }],
    summary:
      "Every node class lists its child fields, in grammar order, in `_fields` (`BinOp._fields` is `('left', 'op', 'right')`) and its position attributes in `_attributes`. " +
      'A field holds a single node, a list of nodes, or a plain value: an identifier string (`Name.id`), a Python constant (`Constant.value`), or `None` for an absent optional child such as a missing `returns`. ' +
      '`ast.iter_fields()` yields `(name, value)` pairs in `_fields` order, the order `generic_visit()` and `ast.dump()` follow, so generic code tests `isinstance(value, ast.AST)` and `isinstance(value, list)` before recursing. ' +
      'Node fields change between versions (3.12 added `type_params` to `FunctionDef` and `ClassDef`), so access them by name, never by position.',
    example: ['for name, value in ast.iter_fields(node):', '    if isinstance(value, list):', '        ...                 # body, args, targets: may be empty', '    elif isinstance(value, ast.AST):', '        ...'].join('\n'),
    versions: 'Field tuples quoted are from CPython 3.11.',
    links: [
      { title: 'ast.AST._fields', url: 'https://docs.python.org/3/library/ast.html#ast.AST._fields' },
      { title: 'ast.iter_fields', url: 'https://docs.python.org/3/library/ast.html#ast.iter_fields' },
    ],
  },
];
