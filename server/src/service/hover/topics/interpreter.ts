// The interpreter and bytecode: compilation, code objects, the eval loop, and what the compiler optimizes away.
// Runtime machinery (implementations, frames, signals, imports) lives in interpreterRuntime.ts.
import type { Topic } from './topic';

/** Python literals as the compiler sees them, for triggers on literal-only expressions (no f-strings: not constant). */
const NUMBER = String.raw`(?:0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d[\d_]*)?[jJ]?)`;
const STRING = String.raw`(?:[rRbBuU]{0,2}(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"))`;
const LITERAL = String.raw`(?:(?:[-+]\s*)?${NUMBER}|${STRING}|True|False|None|\.\.\.)`;
/** Two or more literal elements, comma separated, optional trailing comma. */
const ELEMENTS = String.raw`\s*${LITERAL}(?:\s*,\s*${LITERAL})+\s*,?\s*`;

/**
 * A binary expression built only from numeric or string literals: the compiler folds it. Whitespace belongs to the
 * operands (never to the operators) so a near-miss like `1 + 2 + … + x` fails in linear time. String `%` formatting
 * is excluded: CPython 3.11 does not fold it.
 */
const OPERAND = String.raw`[(\s]*(?:[-+~][(\s]*)*(?:${NUMBER}|${STRING})[)\s]*`;
const OPERATOR = String.raw`(?:\*\*|//|<<|>>|[-+*/%&|^])`;
const FOLDABLE = new RegExp(String.raw`^(?!(?=[\s\S]*%)[\s\S]*['"])${OPERAND}(?:${OPERATOR}${OPERAND})+$`);

export const interpreterTopics: readonly Topic[] = [
  {
    id: 'execution-pipeline',
    title: 'From source to bytecode: compile, exec, eval',
    family: 'interpreter',
    triggers: [
      { name: 'builtins.compile' },
      { name: 'builtins.exec' },
      { name: 'builtins.eval' },
      { name: 'tokenize.tokenize' },
      { name: 'tokenize.generate_tokens' },
      { name: 'py_compile.compile' },
    ],
    summary:
      'CPython never interprets source text directly: it tokenizes it, parses the tokens into an AST, compiles the AST into a code object holding bytecode, and only then runs that bytecode in the evaluation loop. ' +
      "`compile()` exposes that middle step and returns a reusable code object (mode `'exec'` for statements, `'eval'` for a single expression, `'single'` for one interactive statement). " +
      'Handing a string to `exec()` or `eval()` repeats the whole tokenize, parse and compile work on every call, so inside a loop compile once and pass the code object instead. ' +
      'For imported modules the bytecode is cached in `__pycache__/*.pyc` and reused until the source changes; the script you run directly is compiled afresh each time.',
    example: [
      'rule = compile("price * qty", "<rule>", "eval")    # tokenize + parse + compile, once',
      'totals = [eval(rule, {}, row) for row in rows]       # per row: execution only',
    ].join('\n'),
    versions:
      'Since 3.9 the PEG parser builds the AST directly; the older LL(1) parser went through a concrete parse tree first and was removed in 3.10. ' +
      'The `.pyc` file name carries `sys.implementation.cache_tag` (`cpython-311` on CPython 3.11) because the bytecode format changes with every minor release.',
    links: [
      { title: 'compile()', url: 'https://docs.python.org/3/library/functions.html#compile' },
      { title: 'Compiled Python files', url: 'https://docs.python.org/3/tutorial/modules.html#compiled-python-files' },
    ],
  },
  {
    id: 'code-object',
    title: 'Code objects (`__code__`)',
    family: 'interpreter',
    triggers: [
      { node: 'attribute', text: /\.__code__$/ },
      { node: 'attribute', text: /\.co_(?:code|consts|varnames|names|name|qualname|argcount|posonlyargcount|kwonlyargcount|nlocals|flags|firstlineno|filename|freevars|cellvars|linetable|exceptiontable|lnotab)$/ },
      { name: 'types.CodeType' },
    ],
    summary:
      'Compiling a `def`, a lambda, a class body or a module yields an immutable code object: the bytecode (`co_code`), the constants it loads (`co_consts`), the names it looks up as globals or attributes (`co_names`), and its local variable names with the parameters first (`co_varnames`). ' +
      'A function object only wraps it with run-time context (globals, defaults, closure cells), so every function created by executing the same `def` shares one code object. ' +
      'Code objects cannot be modified in place; `code.replace(...)` returns an altered copy. ' +
      'The fields and especially the bytes of `co_code` are specific to CPython and to its minor version, so inspect them through `dis` rather than decoding bytes by hand.',
    example: [
      'def add(a, b):',
      '    return a + b',
      '',
      'add.__code__.co_varnames    # (\'a\', \'b\')',
      'add.__code__.co_argcount    # 2',
      'add.__code__.co_consts      # (None,) on CPython 3.11',
    ].join('\n'),
    versions:
      '`replace()` exists since 3.8; `co_qualname` and `co_positions()` since 3.11. ' +
      'Since 3.11 `co_code` also holds inline cache entries, so it is longer than two bytes per visible instruction (the `add` above is 12 bytes for five instructions on 3.11).',
    links: [
      { title: 'Code objects', url: 'https://docs.python.org/3/reference/datamodel.html#code-objects' },
      { title: 'dis', url: 'https://docs.python.org/3/library/dis.html#dis.dis' },
    ],
  },
  {
    id: 'dis-module',
    title: 'Disassembling with `dis`',
    family: 'interpreter',
    triggers: [{ name: 'dis.dis' }, { name: 'dis.get_instructions' }, { name: 'dis.Bytecode' }, { name: 'dis.show_code' }, { name: 'dis.code_info' }],
    summary:
      '`dis` lists the bytecode that the interpreter running it compiled: per instruction the source line, byte offset, opcode name, argument and, in parentheses, what the argument refers to, with `>>` marking jump targets. ' +
      'That listing belongs to one CPython minor version, because opcodes are renamed, merged and split between releases. ' +
      'On 3.11 an addition shows as `BINARY_OP 0 (+)` and a call as `PRECALL` + `CALL`, where 3.10 printed `BINARY_ADD` and `CALL_FUNCTION`, and 3.12 dropped `PRECALL` again. ' +
      'Never hard-code opcode names in tests or tools; read them from `dis.get_instructions()` on the interpreter you target.',
    example: [
      'import dis',
      '',
      'def add(a, b):',
      '    return a + b',
      '',
      'dis.dis(add)   # 3.11: RESUME, LOAD_FAST a, LOAD_FAST b, BINARY_OP 0 (+), RETURN_VALUE',
    ].join('\n'),
    versions:
      '3.11 added `RESUME` at the start of every code object, inline cache entries after some instructions (hidden unless `show_caches=True`) and `adaptive=True`, which shows specialized forms such as `BINARY_OP_ADD_INT` once a function has warmed up.',
    links: [
      { title: 'dis', url: 'https://docs.python.org/3/library/dis.html#dis.dis' },
      { title: 'Bytecode instructions', url: 'https://docs.python.org/3/library/dis.html#python-bytecode-instructions' },
    ],
  },
  {
    id: 'stack-vm',
    title: 'The bytecode stack machine',
    family: 'interpreter',
    triggers: [{ name: 'dis.stack_effect' }, { node: 'attribute', text: /\.co_stacksize$/ }],
    summary:
      "CPython's bytecode works on a value stack in each frame rather than on registers: `LOAD_FAST` and `LOAD_CONST` push a value, `BINARY_OP` pops two operands and pushes the result, `STORE_FAST` pops into a local variable, and `RETURN_VALUE` returns whatever is on top. " +
      'So `a + b` runs as push `a`, push `b`, add. ' +
      'The compiler works out the deepest the stack can get and records it as `co_stacksize`, so each frame is allocated at the right size up front. ' +
      '`dis.stack_effect()` reports the net push or pop of one opcode, the same per-instruction effect the compiler adds up.',
    example: [
      'import dis',
      '',
      'def add(a, b):',
      '    return a + b',
      '',
      'add.__code__.co_stacksize                      # 2: a and b are on the stack together',
      'dis.stack_effect(dis.opmap["LOAD_FAST"], 0)    # 1',
    ].join('\n'),
    versions: 'Opcode names are those of 3.11; 3.10 and earlier had one opcode per operator (`BINARY_ADD`, `BINARY_MULTIPLY`, …) instead of `BINARY_OP`.',
    links: [
      { title: 'dis.stack_effect', url: 'https://docs.python.org/3/library/dis.html#dis.stack_effect' },
      { title: 'Bytecode instructions', url: 'https://docs.python.org/3/library/dis.html#python-bytecode-instructions' },
    ],
  },
  {
    id: 'eval-loop-and-cost',
    title: 'The evaluation loop and per-instruction cost',
    family: 'interpreter',
    triggers: [{ name: 'timeit.timeit' }, { name: 'timeit.repeat' }, { name: 'timeit.Timer' }],
    summary:
      'Python code runs in one C loop that fetches the next bytecode instruction, dispatches on its opcode, and executes C code that checks operand types at run time and updates reference counts. ' +
      'In a tight Python loop that fixed cost per instruction, not the arithmetic itself, is most of what a benchmark measures. ' +
      'Moving the loop into a builtin or a C extension (`sum()`, `str.join()`, `sorted()` with a key, NumPy) usually beats micro-tuning the Python statements. ' +
      '`timeit` runs the statement many times and turns the cyclic garbage collector off while timing by default, so allocation-heavy code can look faster than it will in production.',
    example: [
      'import timeit',
      '',
      'timeit.timeit("s = 0\\nfor i in range(1000): s += i", number=1000)   # several bytecodes per item',
      'timeit.timeit("sum(range(1000))", number=1000)                     # the loop runs in C',
    ].join('\n'),
    versions:
      'Since 3.11 the interpreter specializes hot instructions for the types it actually sees (PEP 659, such as `BINARY_OP_ADD_INT` or `LOAD_ATTR_INSTANCE_VALUE`), which lowers the dispatch cost once code has warmed up; `dis.dis(f, adaptive=True)` shows them.',
    links: [
      { title: 'timeit', url: 'https://docs.python.org/3/library/timeit.html#timeit.timeit' },
      { title: 'Specializing adaptive interpreter (3.11)', url: 'https://docs.python.org/3/whatsnew/3.11.html#pep-659-specializing-adaptive-interpreter' },
    ],
  },
  {
    id: 'constant-folding',
    title: 'Constant folding',
    family: 'interpreter',
    triggers: [{ node: 'binary_operator', text: FOLDABLE }],
    summary:
      'The compiler evaluates an operator expression whose operands are all literals ahead of time and stores only the result: `24 * 60 * 60` compiles to a single `LOAD_CONST 86400`, so spelling a number out like this costs nothing at run time. ' +
      'Only literal sub-expressions fold, and operators group left to right: `60 * 60 * x` folds to `3600 * x`, while `x * 60 * 60` multiplies twice on every run. ' +
      'Results that would raise (`1 / 0`) or grow large (on 3.11 for instance `2 ** 100`, or a string longer than 4096 characters) are left to run time. ' +
      'Folding happens during compilation, so `ast.parse()` still shows the original `BinOp` nodes.',
    example: [
      'SECONDS_PER_DAY = 24 * 60 * 60      # LOAD_CONST 86400',
      '',
      'def timeout(days):',
      '    return days * 24 * 60 * 60      # not folded: ((days * 24) * 60) * 60',
      '    # days * (24 * 60 * 60) folds the constant part',
    ].join('\n'),
    versions: 'Observed on CPython 3.11, which folds in its AST optimizer; the size limits are version-specific.',
    links: [
      { title: 'LOAD_CONST', url: 'https://docs.python.org/3/library/dis.html#opcode-LOAD_CONST' },
      { title: 'Operator precedence', url: 'https://docs.python.org/3/reference/expressions.html#operator-precedence' },
    ],
  },
  {
    id: 'dead-branch-elimination',
    title: 'Dead branches removed at compile time',
    family: 'interpreter',
    triggers: [
      { node: 'if_statement', text: /^if\s+(?:False|0)\s*:/ },
      { node: 'while_statement', text: /^while\s+(?:False|0)\s*:/ },
    ],
    summary:
      'When an `if` or `while` test is the literal `False` or `0`, the compiler leaves the body out of the bytecode entirely (on 3.11 at most a `NOP` remains for the line number), so it costs nothing and can never run. ' +
      "The body is still parsed and checked, so syntax errors and misplaced statements such as a module-level `return` are reported as usual. " +
      'Only literals qualify, plus `__debug__`, which is fixed when compiling (true unless Python runs with `-O`): a flag like `DEBUG = False` or `typing.TYPE_CHECKING` is an ordinary name that is looked up and tested at run time.',
    example: ['if False:', '    expensive_self_check()   # no bytecode is generated for this call'].join('\n'),
    versions: 'Observed on CPython 3.11 with `dis`.',
    links: [
      { title: 'The if statement', url: 'https://docs.python.org/3/reference/compound_stmts.html#the-if-statement' },
      { title: 'dis', url: 'https://docs.python.org/3/library/dis.html#dis.dis' },
    ],
  },
  {
    id: 'constant-tuple-vs-built-list',
    title: 'Constant tuples vs rebuilt lists and sets',
    family: 'interpreter',
    triggers: [
      { node: 'tuple', text: new RegExp(String.raw`^\(${ELEMENTS}\)$`) },
      { node: 'expression_list', text: new RegExp(String.raw`^${ELEMENTS}$`) },
      { node: 'list', text: new RegExp(String.raw`^\[${ELEMENTS}\]$`) },
      { node: 'set', text: new RegExp(String.raw`^\{${ELEMENTS}\}$`) },
    ],
    summary:
      'A tuple made only of literals is immutable, so the compiler stores the whole tuple as one constant and loading it is a single `LOAD_CONST`. ' +
      'A list or set display builds a new object each time the line runs, because the code that receives it may mutate it. ' +
      'The exception is a display used only as the right-hand side of `in` or as the iterable of a `for` loop: nothing else can see it, so the compiler substitutes a constant tuple or `frozenset`. ' +
      'For fixed data used repeatedly in a hot function, a tuple literal or a module-level constant avoids rebuilding it on every call.',
    example: [
      'def is_weekend(day):',
      '    return day in ("sat", "sun")     # one LOAD_CONST',
      '',
      'def weekend_days():',
      '    return ["sat", "sun"]            # a new list per call: the caller may append to it',
    ].join('\n'),
    versions:
      'Observed on CPython 3.11: lists and sets of three or more constants compile to `BUILD_LIST`/`BUILD_SET` filled from a constant tuple or frozenset (`LIST_EXTEND`/`SET_UPDATE`); shorter ones push each element. Details vary between versions.',
    links: [
      { title: 'Parenthesized forms', url: 'https://docs.python.org/3/reference/expressions.html#parenthesized-forms' },
      { title: 'List displays', url: 'https://docs.python.org/3/reference/expressions.html#list-displays' },
    ],
  },
];
