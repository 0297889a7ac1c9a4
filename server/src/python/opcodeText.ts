// Explanations of the opcodes CPython 3.12 and 3.13 have (most also older versions), in our own words: what each
// instruction does to the value stack and the frame. Where the meaning changed between versions, an entry lists
// variants by minor version (inclusive bounds).

export interface SummaryVariant {
  readonly from?: number;
  readonly until?: number;
  readonly text: string;
}
export type SummaryEntry = string | readonly SummaryVariant[];

/** When each POP_JUMP_*_IF_* instruction jumps, by its opname suffix (opcodeTextLegacy.ts has the 3.11 directed forms). */
export const JUMP_CONDITIONS: Readonly<Record<string, string>> = {
  FALSE: 'if it is false',
  TRUE: 'if it is true',
  NONE: 'if it is None',
  NOT_NONE: 'unless it is None',
};

/** POP_JUMP_IF_*: absolute targets until 3.10, forward by the argument from 3.12 (3.11 has only the directed forms). */
function popJumpIf(condition: string): SummaryEntry {
  const when = JUMP_CONDITIONS[condition];
  const forward = `jumps forward by the argument ${when}`;
  if (condition === 'NONE' || condition === 'NOT_NONE') {
    return `Pops the value on top and ${forward}; the compiler uses it for \`is None\` and \`is not None\` tests (3.12+).`;
  }
  return [
    { until: 10, text: `Pops the value on top and jumps to the absolute target in the argument ${when}.` },
    { from: 12, until: 12, text: `Pops the value on top and ${forward}.` },
    { from: 13, text: `Pops the bool on top (made by TO_BOOL or a comparison) and ${forward}.` },
  ];
}

export const currentSummaries: Record<string, SummaryEntry> = {
  BEFORE_ASYNC_WITH: "Starts an `async with`: looks up the context manager's `__aenter__` and `__aexit__`, pushes the bound `__aexit__` and the awaitable returned by `__aenter__()`.",
  BEFORE_WITH: "Starts a `with` statement: pushes the context manager's bound `__exit__`, then calls `__enter__()` and pushes its result.",
  BINARY_OP: 'Pops the right and left operands and pushes the result of one binary or augmented operator, chosen by the argument (argrepr shows it, e.g. `+` or `+=`); it replaced the BINARY_*/INPLACE_* family in 3.11.',
  BINARY_SLICE: 'Pops end, start and the container and pushes `container[start:end]`: one instruction for a slice without a step, in place of BUILD_SLICE and BINARY_SUBSCR.',
  BINARY_SUBSCR: 'Pops the key and the container and pushes `container[key]` (via `__getitem__`, or `__class_getitem__` on a class).',
  BUILD_CONST_KEY_MAP: 'Pops a tuple of constant keys and as many values below it and pushes the dict pairing them, for dict displays whose keys are all constants.',
  BUILD_LIST: 'Pops the given number of values and pushes a new list of them, in order.',
  BUILD_MAP: 'Pops the given number of key/value pairs (key below value) and pushes a new dict of them.',
  BUILD_SET: 'Pops the given number of values and pushes a new set of them.',
  BUILD_SLICE: 'Pops two or three values (start, stop and perhaps step) and pushes the `slice` object they make.',
  BUILD_STRING: 'Pops the given number of strings and pushes their concatenation; an f-string of more than one part ends with it.',
  BUILD_TUPLE: 'Pops the given number of values and pushes a tuple of them, in order.',
  CACHE: 'Not an instruction but a slot of inline cache data for the instruction before it: counters and the facts a specialised form relies on. Execution skips over it.',
  CALL: [
    { until: 12, text: 'Calls with the given number of arguments and pushes the result. Below the arguments sit NULL and then the callable, or a method and then its `self` (not counted); keyword names come from a KW_NAMES before it. Specialised by callable type as the code runs.' },
    { from: 13, text: 'Calls with the given number of positional arguments and pushes the result. Below the arguments sit the callable and then `self` or NULL; calls with keywords use CALL_KW. Specialised by callable type as the code runs.' },
  ],
  CALL_FUNCTION_EX: 'Calls with unpacked arguments: a tuple of positional arguments and, when the low bit of the argument is set, a dict of keyword arguments are on the stack above the callable.',
  CALL_INTRINSIC_1: 'Calls one of the interpreter\'s internal one-argument helpers, chosen by the argument (argrepr names it: `INTRINSIC_PRINT`, `INTRINSIC_IMPORT_STAR`, `INTRINSIC_TYPEVAR`, …), on the value on top.',
  CALL_INTRINSIC_2: 'Calls one of the interpreter\'s internal two-argument helpers, chosen by the argument (e.g. `INTRINSIC_PREP_RERAISE_STAR`, `INTRINSIC_TYPEVAR_WITH_BOUND`), on the two values on top.',
  CALL_KW: 'Calls with keyword arguments: a tuple of keyword names on top names the last values among the arguments; the callable and `self` (or NULL) sit below them.',
  CHECK_EG_MATCH: 'For `except* E:`: splits the exception group into the part matching E and the rest, and pushes both (None for the match when nothing matched).',
  CHECK_EXC_MATCH: 'For `except E:`: pushes whether the exception below the class is an instance of it, leaving the exception in place for the handler.',
  CLEANUP_THROW: "Handles an exception thrown into a sub-iterator during `yield from` or `await`: a StopIteration becomes the delegation's result, anything else propagates.",
  COMPARE_OP: [
    { until: 8, text: 'Pops two values and pushes the result of the comparison named by the argument: a rich comparison (`<`, `==`, …), `in`, `not in`, `is`, `is not`, or the exception match of an `except` clause.' },
    { from: 9, until: 12, text: 'Pops two values and pushes the result of the rich comparison named by the argument (`<`, `<=`, `==`, `!=`, `>`, `>=`).' },
    { from: 13, text: 'Pops two values and pushes the result of the rich comparison named by the argument (`<`, `==`, …); a flag in the argument asks for the result converted to bool for a jump.' },
  ],
  CONTAINS_OP: 'Pops the container and the value and pushes `value in container` (via `__contains__`, else iteration), or `not in` when the argument is 1.',
  CONVERT_VALUE: 'For an f-string replacement field with `!s`, `!r` or `!a`: replaces the value on top by its `str()`, `repr()` or `ascii()`.',
  COPY: 'Pushes another reference to the value at the given depth (1 is the top of the stack).',
  COPY_FREE_VARS: "At the start of a closure's code: copies the given number of cells from the function's `__closure__` into the frame's free-variable slots.",
  DELETE_ATTR: 'Pops an object and deletes the named attribute from it (`del obj.name`, via `__delattr__`).',
  DELETE_DEREF: 'Empties a cell or free variable (`del x` where inner functions share x); reading it afterwards raises UnboundLocalError or NameError.',
  DELETE_FAST: 'Unbinds a local variable of a function (`del x`); reading it afterwards raises UnboundLocalError.',
  DELETE_GLOBAL: 'Deletes a name from the module globals (`del x` under `global x`).',
  DELETE_NAME: 'Deletes a name from the local namespace of module or class code (`del x`).',
  DELETE_SUBSCR: 'Pops the key and the container and deletes `container[key]` (via `__delitem__`).',
  DICT_MERGE: 'Pops a mapping and merges it into the dict further down the stack, for `f(**kwargs)`, raising TypeError if a keyword is given twice.',
  DICT_UPDATE: 'Pops a mapping and updates the dict further down the stack with it, later keys winning, for `{**a, **b}`.',
  END_ASYNC_FOR: 'Ends an `async for` loop: when the exception is StopAsyncIteration the iterator is dropped and the loop is over; any other exception is re-raised.',
  END_FOR: [
    { until: 12, text: 'Cleans up at the end of a `for` loop by removing two values, the iterator and a leftover; FOR_ITER mostly does this itself and jumps past it.' },
    { from: 13, text: 'Cleans up at the end of a `for` loop by removing one value, like POP_TOP; FOR_ITER mostly does this itself and jumps past it.' },
  ],
  END_SEND: 'After a delegation by SEND has finished, removes the sub-iterator from under its result.',
  ENTER_EXECUTOR: 'Stands where the experimental tier-2 optimizer attached an executor (a trace of micro-operations, perhaps JIT-compiled) to a loop, and runs it.',
  EXIT_INIT_CHECK: 'After a specialised class call ran `__init__` inline: raises TypeError unless `__init__` returned None, as a normal call would.',
  EXTENDED_ARG: "A prefix, not an operation: supplies the next byte of the following instruction's argument when it does not fit in 8 bits.",
  FORMAT_SIMPLE: 'For an f-string replacement field without a format spec: replaces the value with `format(value)`, skipping the call when it is already a str.',
  FORMAT_VALUE: 'For an f-string replacement field: applies the `!s`/`!r`/`!a` conversion and the format spec that the argument flags select, and pushes the string.',
  FORMAT_WITH_SPEC: 'For an f-string replacement field with a format spec: pops the spec and the value and pushes `format(value, spec)`.',
  FOR_ITER: "Calls `next()` on the iterator on top: pushes the value and runs the loop body, or, when the iterator is exhausted, jumps past the body.",
  GET_AITER: "Replaces the object of an `async for` by its asynchronous iterator, from `__aiter__()`.",
  GET_ANEXT: "Pushes the awaitable of the next step of an `async for`: `__anext__()` of the iterator on top.",
  GET_AWAITABLE: [
    { until: 10, text: 'Replaces the value on top by the iterator `await` drives: a coroutine itself, or the result of `__await__()`.' },
    { from: 11, text: 'Replaces the value on top by the iterator `await` drives: a coroutine itself, or the result of `__await__()`; a nonzero argument marks an await after `__aenter__` (1) or `__aexit__` (2).' },
  ],
  GET_ITER: 'Replaces the value on top by `iter(value)`, at the start of a `for` loop or comprehension.',
  GET_LEN: 'Pushes `len()` of the value on top without removing it, for sequence and mapping patterns of `match`.',
  GET_YIELD_FROM_ITER: 'Prepares `yield from`: replaces the value by `iter(value)`, except that a generator, or a coroutine inside a coroutine, is used as it is.',
  IMPORT_FROM: 'For `from module import name`: pushes the attribute of the module on top, falling back to the submodule `module.name` in `sys.modules` (for circular imports); the module stays.',
  IMPORT_NAME: 'Pops the `fromlist` and the level and imports the module named by the argument (via `__import__`), pushing it; a store instruction or IMPORT_FROM then binds the names.',
  INTERPRETER_EXIT: 'Makes the interpreter loop return; it appears only in special frames the runtime builds, never in code from `compile()`.',
  IS_OP: 'Pops two values and pushes `a is b` (an identity test, no method is called), or `is not` when the argument is 1.',
  JUMP_BACKWARD: 'Jumps backward by the argument, closing a loop, and checks for pending signals and GIL requests. In 3.13 builds with the experimental JIT it also counts the iterations, to find hot loops.',
  JUMP_BACKWARD_NO_INTERRUPT: 'Jumps backward by the argument without checking for signals or GIL requests; the compiler uses it in the SEND loops of `yield from` and `await`.',
  JUMP_FORWARD: 'Jumps forward by the argument, unconditionally (counted in bytes until 3.9, in 2-byte code units from 3.10).',
  KW_NAMES: 'Records a constant tuple of keyword names for the CALL that follows, naming its last arguments (3.11 and 3.12).',
  LIST_APPEND: 'Pops a value and appends it to the list the argument points to further down the stack; list comprehensions use it.',
  LIST_EXTEND: 'Pops an iterable and extends the list further down the stack with it, for `[*a, *b]` and calls with `*args`.',
  LOAD_ASSERTION_ERROR: 'Pushes the builtin AssertionError for a failing `assert`, whatever the name AssertionError means in the module.',
  LOAD_ATTR: [
    { until: 11, text: 'Replaces the object on top by its named attribute (via `type(obj).__getattribute__`).' },
    { from: 12, text: 'Replaces the object on top by its named attribute (name index: the argument >> 1); when the low bit of the argument is set it loads a method for a call instead, pushing the function with `self`, or the attribute with a NULL placeholder.' },
  ],
  LOAD_BUILD_CLASS: 'Pushes `builtins.__build_class__`, which a class statement then calls with the class body as a function, the name and the bases.',
  LOAD_CLOSURE: [
    { until: 12, text: "Pushes a cell itself (not its content), to build the tuple of cells a nested function's closure is made of." },
    { from: 13, text: 'A pseudo-instruction: pushes a cell itself to build a closure tuple; the compiler turns it into LOAD_FAST, since cells live among the fast locals.' },
  ],
  LOAD_CONST: 'Pushes the constant at the given index of `co_consts`.',
  LOAD_DEREF: 'Pushes the content of a cell or free variable, shared with enclosing or nested functions; an empty cell raises UnboundLocalError (own variable) or NameError (free variable).',
  LOAD_FAST: 'Pushes a local variable of a function from its fast-locals array, by index, without any dictionary lookup.',
  LOAD_FAST_AND_CLEAR: 'Pushes a local (or NULL when unbound) and unbinds it; an inlined comprehension (3.12+) saves the outer variable of the same name this way and restores it afterwards.',
  LOAD_FAST_CHECK: 'Like LOAD_FAST, but raises UnboundLocalError when the variable is unbound; used where the compiler cannot prove it was assigned.',
  LOAD_FAST_LOAD_FAST: 'Two LOAD_FASTs in one instruction: the argument packs both indexes and both values are pushed.',
  LOAD_FROM_DICT_OR_DEREF: 'Looks the name up in the mapping on top (a class namespace) and falls back to the cell of the enclosing function.',
  LOAD_FROM_DICT_OR_GLOBALS: 'Looks the name up in the mapping on top, then in the globals, then in the builtins; used by annotation scopes inside classes.',
  LOAD_GLOBAL: [
    { until: 10, text: 'Pushes a global by name, looked up in the module globals and then in the builtins.' },
    { from: 11, text: 'Pushes a global by name (name index: the argument >> 1), looked up in the module globals and then in the builtins; when the low bit of the argument is set it also pushes a NULL placeholder for the CALL that follows (before the global until 3.12, after it from 3.13).' },
  ],
  LOAD_LOCALS: "Pushes the frame's local namespace mapping (in a class body, the class namespace), for a LOAD_FROM_DICT_OR_DEREF or LOAD_FROM_DICT_OR_GLOBALS that follows.",
  LOAD_METHOD: [
    { until: 11, text: 'Loads a method for a following call without creating a bound method: pushes the function and `self`, or NULL and the plain attribute when it is not a method.' },
    { from: 12, text: 'A pseudo-instruction: the compiler turns it into LOAD_ATTR with the low bit of the argument set, which loads a method for a call.' },
  ],
  LOAD_NAME: 'Pushes the value of a name in module or class code, looked up in the local namespace, then the globals, then the builtins.',
  LOAD_SUPER_ATTR: 'For `super().name`: pops the global `super`, the class and `self` and pushes the attribute (for a method load, the pair CALL expects); argument flags mark method loads and the two-argument form. Its specialised forms skip creating the super object.',
  MAKE_CELL: 'At the start of a function, turns a local slot into a cell, so that nested functions can share the variable.',
  MAKE_FUNCTION: [
    { until: 10, text: 'Pops the qualified name and the code object (and, as the argument flags say, the defaults, keyword-only defaults, annotations and closure below them) and pushes the new function.' },
    { from: 11, until: 12, text: 'Pops a code object (and, as the argument flags say, its defaults, keyword-only defaults, annotations and closure) and pushes the new function.' },
    { from: 13, text: 'Pops a code object and pushes a new function made from it; defaults, annotations and the closure are added afterwards by SET_FUNCTION_ATTRIBUTE.' },
  ],
  MAP_ADD: 'Pops a key and a value and stores them into the dict the argument points to further down the stack; dict comprehensions use it.',
  MATCH_CLASS: [
    { until: 10, text: 'For a class pattern `C(a, b=…)`: checks `isinstance(subject, C)` and extracts the attributes (by `__match_args__` and keyword); leaves their tuple and True on success, or the subject and False on failure.' },
    { from: 11, text: 'For a class pattern `C(a, b=…)`: checks `isinstance(subject, C)` and pushes the tuple of extracted attributes (by `__match_args__` and keyword) or None.' },
  ],
  MATCH_KEYS: [
    { until: 10, text: "For a mapping pattern: pushes the tuple of the subject's values for the pattern's keys and True, or None and False if a key is missing." },
    { from: 11, text: "For a mapping pattern: pushes the tuple of the subject's values for the pattern's keys, or None if a key is missing." },
  ],
  MATCH_MAPPING: 'Pushes whether the subject is a mapping (its type has the Py_TPFLAGS_MAPPING flag), for a mapping pattern.',
  MATCH_SEQUENCE: 'Pushes whether the subject is a sequence for pattern purposes (str, bytes and bytearray are not), for a sequence pattern.',
  NOP: 'Does nothing; it keeps a line number or a jump target where the compiler removed the code that was there.',
  POP_BLOCK: [
    { until: 10, text: "Pops the innermost block (a `try`, `with` or loop set up earlier) from the frame's block stack." },
    { from: 12, text: 'A pseudo-instruction: marks the end of a region protected by an exception handler; it becomes part of the exception table and leaves no instruction.' },
  ],
  POP_EXCEPT: 'Leaves an exception handler: restores the exception that was being handled before it, as `sys.exc_info()` reports it.',
  POP_JUMP_IF_FALSE: popJumpIf('FALSE'),
  POP_JUMP_IF_NONE: popJumpIf('NONE'),
  POP_JUMP_IF_NOT_NONE: popJumpIf('NOT_NONE'),
  POP_JUMP_IF_TRUE: popJumpIf('TRUE'),
  POP_TOP: 'Removes the value on top of the stack, e.g. the unused result of an expression statement.',
  PUSH_EXC_INFO: 'Starts an exception handler: pushes the previously handled exception (to restore later) and makes the new one the exception being handled.',
  PUSH_NULL: 'Pushes a NULL placeholder into the slot where CALL expects `self` for a method (before the callable until 3.12, after it from 3.13).',
  RAISE_VARARGS: 'Raises: with argument 0 re-raises the exception being handled (`raise`), 1 raises the value on top, 2 raises it with a cause (`raise exc from cause`).',
  RERAISE: [
    { until: 9, text: 'Re-raises the exception on top of the stack, e.g. at the end of a `finally` block.' },
    { from: 10, text: "Re-raises the exception on top of the stack, e.g. at the end of a `finally` block; with a nonzero argument it first sets the frame's `f_lasti` back to the instruction that raised." },
  ],
  RESERVED: 'A reserved opcode number that never appears in compiled code.',
  RESUME: 'Marks where a frame starts or resumes after a `yield`, `yield from` or `await`; the argument (its low two bits from 3.13) says which. The interpreter may handle pending signals here, and from 3.12 it brings `sys.monitoring` instrumentation up to date.',
  RETURN_CONST: 'Returns the constant at the given index of `co_consts` to the caller, without loading it first.',
  RETURN_GENERATOR: 'The first instruction of a generator or coroutine function: creates the generator or coroutine object from the current frame and returns it at once.',
  RETURN_VALUE: 'Returns the value on top of the stack to the caller, ending the frame.',
  SEND: 'Sends the value on top into the sub-iterator below it (`yield from`, `await`); pushes what the sub-iterator yields, or jumps with its return value when it is done.',
  SETUP_ANNOTATIONS: 'Creates `__annotations__` as an empty dict in the local namespace if it is not there yet; module and class bodies that contain annotations run it.',
  SETUP_CLEANUP: 'A pseudo-instruction: opens a region protected by a handler that also receives the offset of the instruction that raised (`lasti`); it ends up in the exception table.',
  SETUP_FINALLY: [
    { until: 10, text: 'Pushes a `try` block onto the frame\'s block stack: an exception raised before the matching POP_BLOCK jumps to the handler at the target.' },
    { from: 12, text: 'A pseudo-instruction: opens a region protected by an exception handler; the compiler turns it into an exception table entry and no instruction.' },
  ],
  SETUP_WITH: [
    { until: 10, text: 'Starts a `with` block: calls `__enter__()`, pushes `__exit__` and the result, and registers the handler that calls `__exit__` on an exception.' },
    { from: 12, text: 'A pseudo-instruction: opens the region of a `with` body protected by the handler that calls `__exit__`; it ends up in the exception table.' },
  ],
  SET_ADD: 'Pops a value and adds it to the set the argument points to further down the stack; set comprehensions use it.',
  SET_FUNCTION_ATTRIBUTE: 'Takes the function on top and the value below it, sets that value as the attribute the argument names (defaults, keyword-only defaults, annotations or closure) and leaves the function on top.',
  SET_UPDATE: 'Pops an iterable and adds its items to the set further down the stack, for `{*a, *b}`.',
  STORE_ATTR: 'Pops an object and the value below it and sets the named attribute: `obj.name = value` (via `__setattr__`).',
  STORE_DEREF: 'Pops a value into a cell or free variable, shared with enclosing or nested functions.',
  STORE_FAST: 'Pops a value into a local variable of a function, by index in the fast-locals array.',
  STORE_FAST_LOAD_FAST: 'A STORE_FAST followed by a LOAD_FAST in one instruction; the argument packs both indexes.',
  STORE_FAST_MAYBE_NULL: 'A pseudo-instruction: a STORE_FAST of a value that may be NULL, restoring a variable an inlined comprehension saved; it becomes STORE_FAST.',
  STORE_FAST_STORE_FAST: 'Two STORE_FASTs in one instruction, e.g. for `a, b = b, a`; the argument packs both indexes.',
  STORE_GLOBAL: 'Pops a value into a module global (`x = …` under `global x`).',
  STORE_NAME: 'Pops a value into a name of the local namespace of module or class code.',
  STORE_SLICE: 'Pops end, start, the container and the value and performs `container[start:end] = value`.',
  STORE_SUBSCR: 'Pops the key, the container and the value and performs `container[key] = value` (via `__setitem__`).',
  SWAP: 'Swaps the value on top of the stack with the one at the given depth.',
  TO_BOOL: 'Replaces the value on top by its truth value as an exact bool (via `__bool__` or `__len__`), ready for a conditional jump or `not`.',
  UNARY_INVERT: 'Replaces the value on top by `~value` (via `__invert__`).',
  UNARY_NEGATIVE: 'Replaces the value on top by `-value` (via `__neg__`).',
  UNARY_NOT: [
    { until: 12, text: 'Replaces the value on top by `not value`, after testing its truth.' },
    { from: 13, text: 'Replaces the bool on top (made by TO_BOOL) by its negation.' },
  ],
  UNPACK_EX: 'Unpacks an iterable for a starred assignment like `a, *rest, b = it`: the argument encodes how many names come before and after the star.',
  UNPACK_SEQUENCE: 'Pops an iterable and pushes exactly the given number of its items, last one first, so the stores that follow run left to right.',
  WITH_EXCEPT_START: "When a `with` body raised: calls `__exit__` with the exception's type, value and traceback and pushes the result, which decides whether it is swallowed.",
  YIELD_VALUE: 'Suspends the frame and hands the value on top to whoever resumed the generator; the value sent back in becomes the result of the `yield` expression.',
};
