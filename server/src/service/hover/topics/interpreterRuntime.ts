// The interpreter at run time: which implementation runs the code, frames, signal delivery, and the import machinery.
import type { Topic } from './topic';

export const interpreterRuntimeTopics: readonly Topic[] = [
  {
    id: 'cpython-implementations',
    title: 'CPython and other implementations',
    family: 'interpreter',
    triggers: [{ name: 'sys.implementation' }, { name: 'sys.implementation.name' }, { name: 'platform.python_implementation' }],
    summary:
      "`sys.implementation.name` is `'cpython'` on the reference interpreter, which is written in C; most of what these hovers describe (reference counting, the GIL, bytecode and `.pyc` files, `id()` as a memory address, the small-int cache) is CPython behaviour, not a language guarantee. " +
      'PyPy runs the same code with a JIT compiler and a garbage collector without reference counts, so objects are not freed the moment their last reference disappears and `__del__` or closing an unclosed file happens later; PyPy also has a GIL. ' +
      'Jython and IronPython run on the JVM and .NET, use the host threads without a GIL, and lag behind CPython in language version; MicroPython is a lean subset for microcontrollers. ' +
      'Portable code relies on documented language semantics only, and branches on `sys.implementation.name` rather than parsing `sys.version`.',
    versions:
      "`sys.implementation` exists since 3.3. Its `cache_tag` (`cpython-311` on CPython 3.11) names the `.pyc` files; `platform.python_implementation()` returns the capitalized `'CPython'`.",
    links: [
      { title: 'sys.implementation', url: 'https://docs.python.org/3/library/sys.html#sys.implementation' },
      { title: 'platform.python_implementation', url: 'https://docs.python.org/3/library/platform.html#platform.python_implementation' },
      { title: 'CPython (glossary)', url: 'https://docs.python.org/3/glossary.html#term-CPython' },
    ],
  },
  {
    id: 'frame-objects',
    title: 'Frame objects',
    family: 'interpreter',
    triggers: [
      { name: 'sys._getframe' },
      { name: 'inspect.currentframe' },
      { name: 'inspect.stack' },
      { name: 'inspect.getframeinfo' },
      { node: 'attribute', text: /\.(?:f_back|f_locals|f_globals|f_lineno|f_lasti|f_code|tb_frame)$/ },
    ],
    summary:
      "Every running call has a frame: the code object it executes (`f_code`), its local and global namespaces (`f_locals`, `f_globals`), the current line (`f_lineno`) and the caller's frame (`f_back`), which is how tracebacks and `inspect.stack()` walk up the call stack. " +
      'Holding a frame keeps all locals of that call, and of its callers through `f_back`, alive; a frame stored in one of its own locals forms a reference cycle, so drop the reference (`del frame` in a `finally`) when done. ' +
      'On a function frame `f_locals` is a snapshot up to 3.12: assigning into it does not change the variables. ' +
      "`sys._getframe()` is a CPython detail (hence the underscore), and `inspect.currentframe()` may return `None` on implementations without Python-level frames.",
    example: [
      'import inspect',
      '',
      'def caller_name():',
      '    frame = inspect.currentframe()',
      '    try:',
      '        return frame.f_back.f_code.co_name',
      '    finally:',
      '        del frame          # break the frame -> local -> frame cycle',
    ].join('\n'),
    versions:
      'Since 3.11 CPython keeps call state in a lighter internal structure and creates the frame object only when something asks for it (a traceback, `sys._getframe()`, a debugger). ' +
      'Since 3.13 (PEP 667) `f_locals` of a function frame is a write-through proxy instead of a snapshot.',
    links: [
      { title: 'Frame objects', url: 'https://docs.python.org/3/reference/datamodel.html#frame-objects' },
      { title: 'The interpreter stack', url: 'https://docs.python.org/3/library/inspect.html#the-interpreter-stack' },
    ],
  },
  {
    id: 'signal-handler-timing',
    title: 'When Python signal handlers run',
    family: 'interpreter',
    triggers: [{ name: 'signal.signal' }, { name: 'signal.pause' }, { name: 'signal.alarm' }],
    summary:
      'A handler installed with `signal.signal()` does not run when the operating system delivers the signal: the C-level handler only records its arrival, and the evaluation loop calls your Python function later, between bytecode instructions, in the main thread. ' +
      'A long computation inside one C call (a regular expression over a huge text, for instance) therefore delays the handler until it returns, and catching `SIGSEGV` or `SIGFPE` this way cannot work. ' +
      'Handlers can only be installed from the main thread (`ValueError` otherwise) and always run there, so to stop worker threads let the handler set a `threading.Event` they check. ' +
      'The handler can interrupt the main thread between almost any two bytecodes, so keep it minimal: set a flag or raise, and do the real work in ordinary code.',
    example: [
      'import signal, threading',
      '',
      'stop = threading.Event()',
      'signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())   # only flags; workers poll stop',
    ].join('\n'),
    versions:
      'Main-thread-only installation is checked on every supported version (verified on 3.11: "signal only works in main thread of the main interpreter"). ' +
      'On Windows `signal.signal()` accepts only `SIGABRT`, `SIGFPE`, `SIGILL`, `SIGINT`, `SIGSEGV`, `SIGTERM` and `SIGBREAK`; `signal.pause()` and `signal.alarm()` are Unix-only.',
    links: [
      { title: 'Execution of Python signal handlers', url: 'https://docs.python.org/3/library/signal.html#execution-of-python-signal-handlers' },
      { title: 'Signals and threads', url: 'https://docs.python.org/3/library/signal.html#signals-and-threads' },
    ],
  },
  {
    id: 'importlib-loaders',
    title: 'Import machinery: specs, loaders, `exec_module`',
    family: 'interpreter',
    triggers: [
      { name: 'importlib.util.spec_from_file_location' },
      { name: 'importlib.util.spec_from_loader' },
      { name: 'importlib.util.module_from_spec' },
      { name: 'importlib.abc.Loader' },
      { name: 'importlib.machinery.SourceFileLoader' },
    ],
    summary:
      'An `import` statement asks the finders on `sys.meta_path` for a module spec, lets the spec\'s loader create the module object, registers it in `sys.modules`, and then has the loader execute the module\'s code with `module.__dict__` as its global namespace. ' +
      '`spec_from_file_location()`, `module_from_spec()` and `spec.loader.exec_module()` repeat those steps by hand except the registration: set `sys.modules[name] = module` before `exec_module()` yourself, or code that looks the module up by name fails (pickle cannot find its classes) and a later `import` of that name either fails or runs the file again as a second, separate module. ' +
      'A custom loader implements `create_module()` (return `None` for a default module) and `exec_module()`, which is how imports can come from zip files, databases or generated source.',
    example: [
      'import importlib.util, sys',
      '',
      'spec = importlib.util.spec_from_file_location("plugin", "/path/to/plugin.py")',
      'module = importlib.util.module_from_spec(spec)',
      'sys.modules["plugin"] = module        # what import would do before executing',
      'spec.loader.exec_module(module)       # runs plugin.py in module.__dict__',
    ].join('\n'),
    versions: '`create_module()`/`exec_module()` replaced the old `load_module()` protocol in 3.4 (PEP 451); `load_module()` is deprecated.',
    links: [
      { title: 'Importing a source file directly', url: 'https://docs.python.org/3/library/importlib.html#importing-a-source-file-directly' },
      { title: 'Loaders', url: 'https://docs.python.org/3/reference/import.html#loaders' },
    ],
  },
];
