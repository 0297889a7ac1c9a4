// Which calls block their thread on I/O: a short allowlist of standard-library and `requests` callables, resolved
// through imports, plus methods of objects that a visible call of a known constructor produced (`s = socket.socket()`,
// `with open(p) as f`). Used by PIN302; anything unresolved is treated as not blocking.
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { RuleContext } from '../rules/rule';

const HTTP_VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'];

/** Fully qualified callables → the kind of wait, for the message. */
const BLOCKING_FUNCTIONS = new Map<string, string>([
  ...HTTP_VERBS.map((verb): [string, string] => [`requests.${verb}`, 'a blocking HTTP request']),
  ['urllib.request.urlopen', 'a blocking HTTP request'],
  ...['run', 'call', 'check_call', 'check_output', 'getoutput', 'getstatusoutput'].map((fn): [string, string] => [`subprocess.${fn}`, 'it waits for a child process']),
  ['socket.create_connection', 'a blocking socket connect'],
  ['sqlite3.connect', 'a blocking sqlite3 call'],
  ['builtins.input', 'it waits for terminal input'],
  ['builtins.open', 'blocking file I/O'],
]);

/** Constructor → its blocking methods and the kind of wait. */
const BLOCKING_METHODS = new Map<string, { readonly methods: ReadonlySet<string>; readonly kind: string }>([
  ['subprocess.Popen', { methods: new Set(['wait', 'communicate']), kind: 'it waits for a child process' }],
  ['sqlite3.connect', { methods: new Set(['execute', 'executemany', 'executescript', 'commit']), kind: 'a blocking sqlite3 call' }],
  ['builtins.open', { methods: new Set(['read', 'readline', 'readlines', 'write']), kind: 'blocking file I/O' }],
]);

const SOCKET_FACTORIES = new Set(['socket.socket', 'socket.create_connection']);
const SOCKET_METHODS = new Set(['recv', 'recv_into', 'recvfrom', 'send', 'sendall', 'sendto', 'connect', 'accept']);
/** A file that puts sockets in non-blocking mode is left alone: recv/send there raise instead of waiting. */
const NON_BLOCKING = /\.setblocking\s*\(|\.settimeout\s*\(\s*0(?:\.0*)?\s*\)/;

/** Why calling `callee` blocks, or undefined when it is not known to. */
export function blockingCallKind(callee: SyntaxNode, context: RuleContext): string | undefined {
  const qualified = context.names.qualifiedName(callee);
  const direct = qualified === undefined ? undefined : BLOCKING_FUNCTIONS.get(qualified);
  if (direct) return direct;
  if (callee.type !== 'attribute') return undefined;
  const object = callee.childForFieldName('object');
  const method = callee.childForFieldName('attribute')?.text;
  if (!object || !method) return undefined;
  const factory = context.names.producedBy(object);
  if (!factory) return undefined;
  const known = BLOCKING_METHODS.get(factory);
  if (known?.methods.has(method)) return known.kind;
  if (SOCKET_FACTORIES.has(factory) && SOCKET_METHODS.has(method) && !NON_BLOCKING.test(context.text)) return 'blocking socket I/O';
  return undefined;
}
