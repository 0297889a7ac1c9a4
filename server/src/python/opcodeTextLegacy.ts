// Explanations of the opcodes that Python 3.8–3.11 have and 3.12 no longer has (our own words). Keyed by opname;
// see opcodeSummaries.ts for how they are looked up. The operator and conditional-jump families are filled in from
// one table each.
import { JUMP_CONDITIONS, type SummaryEntry } from './opcodeText';

const BINARY: Record<string, string> = {
  ADD: '+', SUBTRACT: '-', MULTIPLY: '*', MATRIX_MULTIPLY: '@', TRUE_DIVIDE: '/', FLOOR_DIVIDE: '//', MODULO: '%',
  POWER: '**', LSHIFT: '<<', RSHIFT: '>>', AND: '&', OR: '|', XOR: '^',
};

const familyEntries: Record<string, SummaryEntry> = {};
for (const [name, symbol] of Object.entries(BINARY)) {
  familyEntries[`BINARY_${name}`] =
    `Pops the right and then the left operand and pushes \`left ${symbol} right\`. Until 3.10; 3.11 folded all of these into BINARY_OP.`;
  familyEntries[`INPLACE_${name}`] =
    `The augmented assignment \`x ${symbol}= y\`: pops both operands and pushes the result of the in-place dunder method, or of ` +
    `\`x ${symbol} y\` when there is none or it returns NotImplemented; a store instruction follows. Until 3.10; 3.11 uses BINARY_OP.`;
}
// 3.11 alone has a forward and a backward form of each conditional jump; 3.12 went back to one forward-only form.
for (const [condition, when] of Object.entries(JUMP_CONDITIONS)) {
  for (const direction of ['FORWARD', 'BACKWARD']) {
    familyEntries[`POP_JUMP_${direction}_IF_${condition}`] =
      `Pops the value on top and jumps ${direction.toLowerCase()} by the argument ${when} (3.11 only).`;
  }
}

export const legacySummaries: Record<string, SummaryEntry> = {
  ...familyEntries,
  ASYNC_GEN_WRAP: 'Wraps the value an async generator is about to yield, so the machinery driving it can tell a real yield from an await passing through (3.11 only).',
  BEGIN_FINALLY: 'Pushes NULL before falling into a `finally` block, telling END_FINALLY that the block was entered normally rather than by an exception (3.8 only).',
  BUILD_LIST_UNPACK: 'Pops the given number of iterables and pushes one list holding all their items, for `[*a, *b]` (3.8; later LIST_EXTEND).',
  BUILD_MAP_UNPACK: 'Pops the given number of mappings and pushes one dict merging them left to right, for `{**a, **b}` (3.8; later DICT_UPDATE).',
  BUILD_MAP_UNPACK_WITH_CALL: 'Merges the mappings of `f(**a, **b)` into one keyword dict, raising TypeError when a keyword repeats (3.8; later DICT_MERGE).',
  BUILD_SET_UNPACK: 'Pops the given number of iterables and pushes one set of all their items, for `{*a, *b}` (3.8; later SET_UPDATE).',
  BUILD_TUPLE_UNPACK: 'Pops the given number of iterables and pushes one tuple of all their items, for `(*a, *b)` (3.8; later LIST_EXTEND and LIST_TO_TUPLE).',
  BUILD_TUPLE_UNPACK_WITH_CALL: 'Builds the positional-argument tuple of `f(*a, *b)` from several iterables, with an error message naming the call (until 3.8).',
  CALL_FINALLY: 'Pushes the offset of the next instruction and jumps into a `finally` block, used when `return`, `break` or `continue` leaves a `try` that has one (3.8 only).',
  CALL_FUNCTION: 'Calls a callable with the given number of positional arguments; the callable sits below them on the stack, and the result replaces them all (3.10 and earlier).',
  CALL_FUNCTION_KW: 'Calls with keyword arguments: the top of the stack is a tuple of keyword names for the last values, the argument counts all values (3.10 and earlier).',
  CALL_METHOD: 'Calls a method fetched by LOAD_METHOD, passing the object as `self` without ever creating a bound-method object (3.10 and earlier).',
  COPY_DICT_WITHOUT_KEYS: 'For a mapping pattern with `**rest`: replaces the tuple of matched keys on top by a dict copy of the subject without those keys (3.10 only).',
  DUP_TOP: 'Pushes a second reference to the value on top of the stack (3.10 and earlier; 3.11 has COPY 1).',
  DUP_TOP_TWO: 'Duplicates the two values on top of the stack, keeping their order (3.10 and earlier; 3.11 uses COPY 2 twice).',
  END_FINALLY: 'Ends a `finally` block: re-raises the exception that led into it, or resumes the return, break or continue that did, or just goes on (until 3.8).',
  GEN_START: 'The first instruction of a generator, coroutine or async generator: pops the value sent to start it (always None); the argument says which of the three it is (3.10 only).',
  IMPORT_STAR: "`from module import *`: copies the module's public names (its `__all__`, or every name without a leading underscore) into the local namespace, then pops the module.",
  JUMP_ABSOLUTE: 'Jumps to the absolute target in the argument; loops use it for their back edge, where pending signals and requests to release the GIL get handled (3.10 and earlier).',
  JUMP_IF_FALSE_OR_POP: 'For `and`: if the value on top is false it stays as the result and execution jumps; otherwise it is popped and the right-hand side runs.',
  JUMP_IF_NOT_EXC_MATCH: 'For `except E:`: pops the class and the raised exception and jumps to the next handler unless the exception is an instance of the class (3.9 and 3.10).',
  JUMP_IF_TRUE_OR_POP: 'For `or`: if the value on top is true it stays as the result and execution jumps; otherwise it is popped and the right-hand side runs.',
  LIST_TO_TUPLE: 'Replaces the list on top of the stack with a tuple of the same items, after a tuple display or argument list with `*` was built as a list.',
  LOAD_CLASSDEREF: "In a class body, reads a variable of the enclosing function: the class namespace is searched first, then the function's cell (3.11 and earlier).",
  POP_FINALLY: "Removes a `finally` block's bookkeeping from the stack when `return`, `break` or `continue` leaves it early, optionally keeping the top value (3.8 only).",
  PRECALL: 'Prepares the next CALL: a bound-method object on the stack is split into its function and `self` (3.11 only).',
  PREP_RERAISE_STAR: 'After the `except*` clauses ran, combines the exceptions they raised with the unhandled rest of the group into what gets re-raised (3.11 only).',
  PRINT_EXPR: "In the interactive interpreter, passes the value of an expression statement to `sys.displayhook` (which prints it and stores `_`), then pops it.",
  ROT_FOUR: 'Moves the top of the stack down to fourth place, lifting the three values below it (3.10 and earlier).',
  ROT_N: 'Moves the top of the stack down to the position given by the argument, lifting the values in between (3.10 only).',
  ROT_THREE: 'Moves the top of the stack down to third place, lifting the two values below it (3.10 and earlier).',
  ROT_TWO: 'Swaps the two values on top of the stack (3.10 and earlier; 3.11 has SWAP 2).',
  SETUP_ASYNC_WITH: 'After `__aenter__()` was awaited, registers the handler that runs `__aexit__` if the `async with` body raises (3.10 and earlier).',
  UNARY_POSITIVE: 'Replaces the value on top with `+value`, calling `__pos__` (3.11 and earlier; 3.12 compiles unary plus as a call intrinsic).',
  WITH_CLEANUP_FINISH: "Finishes leaving a `with` block: if `__exit__` returned true the pending exception is swallowed, otherwise it propagates (until 3.8).",
  WITH_CLEANUP_START: 'Starts leaving a `with` block: calls `__exit__` with the pending exception, or with three Nones when the block ended normally (until 3.8).',
  YIELD_FROM: 'Delegates to the iterator below the top (`yield from`, `await`): sends the top value into it, and suspends the frame until the sub-iterator is done (3.10 and earlier).',
};
