// PIN106: append / extend / insert on a multiprocessing.shared_memory.ShareableList. Its length is fixed when the
// shared block is created, and the class has none of these methods, so each call raises AttributeError.
import { capture, type Finding, type Rule } from './rule';

const SHAREABLE_LIST = 'multiprocessing.shared_memory.ShareableList';

export const shareableListResize: Rule = {
  code: 'PIN106',
  name: 'shareable-list-resize',
  family: 'multiprocessing',
  defaultSeverity: 'error',
  fixSafety: 'none',
  equivalentCodes: [],
  scope: 'statement',
  appliesTo: (file) => file.has(/\bShareableList\b/),
  query: `
(call
  function: (attribute
    object: [(identifier) (call)] @receiver
    attribute: (identifier) @method (#any-of? @method "append" "extend" "insert"))) @call`,
  check(match, context) {
    const call = capture(match, 'call');
    const receiver = capture(match, 'receiver');
    const method = capture(match, 'method');
    if (!call || !receiver || !method) return undefined;
    if (context.names.producedBy(receiver) !== SHAREABLE_LIST) return undefined;
    const what = receiver.type === 'identifier' ? `\`${receiver.text}\` is a ShareableList` : 'This is a ShareableList';
    const finding: Finding = {
      at: call,
      message: `${what}: its length is fixed when its shared-memory block is created, and it has no \`${method.text}\` method, so this call raises AttributeError. Create it with its final length up front (for example \`ShareableList([0] * n)\`) and assign to its items.`,
    };
    return finding;
  },
  docs: {
    summary: '`append`, `extend` or `insert` on a `ShareableList`, whose length is fixed.',
    what: 'Flags calls of `.append(…)`, `.extend(…)` and `.insert(…)` on a name bound to `multiprocessing.shared_memory.ShareableList(…)` (through any import alias), or directly on such a call. A name that is also bound to something else in its scope is left alone.',
    why: "A `ShareableList` lays its items out in one `SharedMemory` block whose size is computed once, from the initial sequence: the item count and offsets, one slot per item (8 bytes for an int, float, bool or None, the encoded length rounded up to a multiple of 8 for str and bytes), then each item's format. Other processes attach to the same bytes by name, so the list cannot grow or shrink; the class implements only `len`, item reading and assignment (`sl[i] = v`), `index` and `count`, and calling `append`, `extend` or `insert` raises AttributeError. Item assignment has a limit too: a str or bytes item cannot be replaced by a value longer than the slot allocated for the original (ValueError).",
    example: 'from multiprocessing.shared_memory import ShareableList\n\nresults = ShareableList([])\nresults.append(42)  # AttributeError\n',
    useInstead: 'from multiprocessing.shared_memory import ShareableList\n\nresults = ShareableList([0] * 10)  # the final length, allocated up front\nresults[0] = 42\n',
    fixSafety: 'No automatic fix: the final length depends on the program.',
    versions: 'All versions with `multiprocessing.shared_memory` (3.8 and later).',
    references: [
      { title: 'multiprocessing.shared_memory.ShareableList', url: 'https://docs.python.org/3/library/multiprocessing.shared_memory.html#multiprocessing.shared_memory.ShareableList' },
    ],
  },
};
