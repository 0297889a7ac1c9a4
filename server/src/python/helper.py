"""pyinsight's CPython helper: answers JSON-lines requests about a source text on stdin/stdout.

It only ever parses and compiles (ast.parse, compile, dis); it never executes the text it is given. It uses the
standard library only and runs on Python 3.8 and later. Every answer is one line of ASCII JSON:
{"id": ..., "ok": {...}} or {"id": ..., "error": {"kind": ..., ...}}. Columns are UTF-8 byte offsets, as CPython
reports them; the server converts them to the editor's UTF-16 columns in one place (columns.ts).
"""

import ast
import dis
import json
import opcode
import platform
import sys
import warnings

PROTOCOL = 1
MAX_REPR = 10000
JUMP_OPS = frozenset(getattr(dis, "hasjump", ())) | frozenset(dis.hasjrel) | frozenset(dis.hasjabs)
COMPREHENSIONS = {"ListComp": "<listcomp>", "SetComp": "<setcomp>", "DictComp": "<dictcomp>", "GeneratorExp": "<genexpr>"}


class RequestError(Exception):
    """An answer that is not a result: carries the error object sent back."""

    def __init__(self, payload):
        Exception.__init__(self, payload.get("message", ""))
        self.payload = payload


# ------------------------------------------------------------------------------------------------ source and errors


def split_lines(source):
    """Lines as CPython counts them: \\n, \\r\\n and a lone \\r end a line (as in LSP)."""
    return source.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def byte_column(lines, lineno, char_offset):
    """UTF-8 byte column of a 0-based code point offset into 1-based line `lineno` (clamped to the line)."""
    if lineno < 1 or lineno > len(lines):
        return 0
    line = lines[lineno - 1]
    prefix = line[: max(0, min(char_offset, len(line)))]
    return len(prefix.encode("utf-8", "surrogatepass"))


def syntax_error(error, source):
    """SyntaxError as data. CPython reports `offset` as a 1-based code point offset; we send a 0-based byte column."""
    lines = split_lines(source)
    line = error.lineno or 0
    offset = (error.offset or 1) - 1
    end_line = getattr(error, "end_lineno", None)
    end_offset = getattr(error, "end_offset", None)
    if not line:
        # No position (e.g. NUL bytes on 3.11+): point at the first NUL if there is one, else at the start.
        nul = source.find("\0")
        if nul >= 0:
            before = split_lines(source[:nul])
            line, offset = len(before), len(before[-1])
        else:
            line, offset = 1, 0
    col = byte_column(lines, line, offset)
    payload = {"kind": "syntax", "type": type(error).__name__, "message": error.msg or str(error), "line": line, "col": col}
    # CPython sometimes reports end_offset 0 or -1 ("never closed", "unexpected indent"): only a real end is kept.
    if end_line and end_offset and end_offset > 0 and (end_line, end_offset - 1) >= (line, offset):
        payload["endLine"] = end_line
        payload["endCol"] = byte_column(lines, end_line, end_offset - 1)
    return payload


def nul_error(error, source):
    """3.8-3.10 raise ValueError for NUL bytes; answered like the SyntaxError later versions raise."""
    fake = SyntaxError(str(error))
    return syntax_error(fake, source)


def guarded_parse(source, work):
    """Runs work(), turning CPython's refusals of the text into error answers (never into a dead helper)."""
    try:
        with warnings.catch_warnings():
            # compile() warns about `x is 1` and bad escapes on stderr; the views do not show warnings.
            warnings.simplefilter("ignore")
            return work()
    except SyntaxError as error:
        raise RequestError(syntax_error(error, source))
    except (RecursionError, MemoryError) as error:
        message = "CPython gave up on this text: %s: %s (the code is nested too deeply or is too complex)" % (
            type(error).__name__,
            str(error) or "out of memory",
        )
        raise RequestError({"kind": "tooComplex", "type": type(error).__name__, "message": message})
    except ValueError as error:
        if "\0" in source or "null bytes" in str(error):
            raise RequestError(nul_error(error, source))
        raise RequestError({"kind": "invalid", "type": type(error).__name__, "message": str(error)})


# ------------------------------------------------------------------------------------------------ values


def safe_repr(value):
    try:
        text = repr(value)
    except ValueError:
        # 3.11+ refuses to print ints of more than 4300 digits; the value is real, so describe it instead.
        if isinstance(value, int):
            return "<int of %d bits>" % value.bit_length()
        return "<%s>" % type(value).__name__
    if len(text) > MAX_REPR:
        return text[:MAX_REPR] + "\u2026"
    return text


def const_repr(value):
    if hasattr(value, "co_code"):
        return "<code %s>" % value.co_name
    return safe_repr(value)


def node_position(node):
    lineno = getattr(node, "lineno", None)
    col = getattr(node, "col_offset", None)
    if lineno is None or col is None:
        return None
    end_line = getattr(node, "end_lineno", None)
    end_col = getattr(node, "end_col_offset", None)
    if end_line is None or end_col is None:
        end_line, end_col = lineno, col
    return [lineno, col, end_line, end_col]


# ------------------------------------------------------------------------------------------------ ast


def walk(tree, encode):
    """Pre-order over AST nodes, fields in `_fields` order, without recursion (trees can be very deep).

    Yields (node, depth, fields). With `encode`, `fields` is [[name, value], ...] where a child node is a
    placeholder dict that receives {"n": id} when that child is reached; ids are the yield order. The same
    function serves `ast` and `astDump`, so the ids of both always agree.
    """
    stack = [(tree, 0, None, None)]
    next_id = 0
    while stack:
        node, depth, holder, slot = stack.pop()
        if holder is not None:
            holder[slot] = {"n": next_id}
        next_id += 1
        fields = []
        children = []
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, ast.AST):
                entry = [name, None]
                children.append((value, depth + 1, entry, 1))
            elif isinstance(value, list):
                items = [None] * len(value)
                for index, item in enumerate(value):
                    if isinstance(item, ast.AST):
                        children.append((item, depth + 1, items, index))
                    elif encode:
                        items[index] = {"c": [safe_repr(item), type(item).__name__]}
                entry = [name, {"l": items}]
            else:
                entry = [name, {"c": [safe_repr(value), type(value).__name__]}] if encode else None
            fields.append(entry)
        stack.extend(reversed(children))
        yield node, depth, fields


def do_ast(request):
    source = request["source"]
    max_depth = int(request.get("maxDepth", 500))
    max_nodes = int(request.get("maxNodes", 500000))
    tree = guarded_parse(source, lambda: ast.parse(source, "<pyinsight>"))
    nodes = []
    for node, depth, fields in walk(tree, True):
        if depth > max_depth:
            raise RequestError({"kind": "tooDeep", "limit": max_depth, "message": "deeper than %d levels" % max_depth})
        if len(nodes) >= max_nodes:
            raise RequestError({"kind": "tooMany", "limit": max_nodes, "message": "more than %d nodes" % max_nodes})
        nodes.append([type(node).__name__, node_position(node), fields])
    return {"nodes": nodes}


def do_ast_dump(request):
    source = request["source"]
    wanted = int(request["nodeId"])
    tree = guarded_parse(source, lambda: ast.parse(source, "<pyinsight>"))
    for index, (node, _depth, _fields) in enumerate(walk(tree, False)):
        if index == wanted:
            attributes = bool(request.get("includeAttributes"))
            return {"text": guarded_parse(source, lambda: ast.dump(node, include_attributes=attributes))}
    raise RequestError({"kind": "noNode", "message": "There is no AST node %d in this text; refresh the view." % wanted})


# ------------------------------------------------------------------------------------------------ dis


def parse_exception_table(raw):
    """Decodes co_exceptiontable (3.11+): entries of four varints (start, length, target, depth<<1|lasti), in code
    units. Each varint is big-endian 6-bit chunks; 0x40 marks "more chunks follow", 0x80 the first byte of an entry."""
    entries = []
    position = 0

    def varint():
        nonlocal position
        byte = raw[position]
        position += 1
        value = byte & 63
        while byte & 64:
            byte = raw[position]
            position += 1
            value = (value << 6) | (byte & 63)
        return value

    while position < len(raw):
        start = varint() * 2
        length = varint() * 2
        target = varint() * 2
        depth_lasti = varint()
        entries.append([start, start + length, target, depth_lasti >> 1, bool(depth_lasti & 1)])
    return entries


def flag_names(flags):
    names = []
    known = dict(dis.COMPILER_FLAG_NAMES)
    try:
        import __future__

        for feature in __future__.all_feature_names:
            known.setdefault(getattr(__future__, feature).compiler_flag, "FUTURE_" + feature.upper())
    except Exception:  # noqa: BLE001 - only decoration of flag names; never fatal
        pass
    bit = 1
    while bit <= flags:
        if flags & bit:
            names.append(known.get(bit, hex(bit)))
        bit <<= 1
    return names


def base_opcode(instruction):
    base = getattr(instruction, "baseopcode", None)
    if base is not None:
        return base
    deopt = getattr(dis, "_deoptop", None)
    try:
        return deopt(instruction.opcode) if deopt else instruction.opcode
    except Exception:  # noqa: BLE001 - a private helper; fall back to the opcode itself
        return instruction.opcode


def instruction_rows(code, show_caches, adaptive):
    """dis.get_instructions as rows: [offset, opname, opcode, arg, argrepr, line, positions|None, target|None, isTarget]."""
    version = sys.version_info[:2]
    options = {}
    if version >= (3, 11):
        options["adaptive"] = adaptive
    if (3, 11) <= version < (3, 13):
        options["show_caches"] = show_caches
    rows = []
    line = None
    cache_op = dis.opmap.get("CACHE", 0)
    for ins in dis.get_instructions(code, **options):
        positions = getattr(ins, "positions", None)
        if hasattr(ins, "line_number"):
            line = ins.line_number
        elif positions is not None:
            line = positions.lineno
        elif ins.starts_line is not None:
            line = ins.starts_line  # before 3.11 only the first instruction of a line names it
        span = None
        if positions is not None and positions.lineno:  # 3.11 gives the module's RESUME line 0
            span = [positions.lineno, positions.col_offset, positions.end_lineno, positions.end_col_offset]
        target = getattr(ins, "jump_target", None)
        if target is None and base_opcode(ins) in JUMP_OPS and isinstance(ins.argval, int):
            target = ins.argval
        argrepr = ins.argrepr
        if hasattr(ins.argval, "co_code"):
            # dis prints the code object's memory address, which changes on every request: leave it out.
            argrepr = "<code object %s, line %d>" % (ins.argval.co_name, ins.argval.co_firstlineno)
        rows.append([ins.offset, ins.opname, ins.opcode, ins.arg, argrepr, line if line else None, span, target, bool(ins.is_jump_target)])
        # 3.13 reports inline caches on the instruction instead of as CACHE entries: list them the way 3.11/3.12 did.
        cache_info = getattr(ins, "cache_info", None)
        if show_caches and cache_info:
            offset = ins.offset
            for name, size, data in cache_info:
                for unit in range(size):
                    offset += 2
                    text = "%s: %d" % (name, int.from_bytes(data, sys.byteorder)) if unit == 0 and data else ""
                    rows.append([offset, "CACHE", cache_op, 0, text, line if line else None, span, None, False])
    return rows


def ast_index(tree):
    """(kind, name, first line) -> definition nodes in source order, for matching code objects to their source."""
    index = {}
    for node in ast.walk(tree):
        kind = type(node).__name__
        if kind in ("FunctionDef", "AsyncFunctionDef", "ClassDef"):
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            key = ("class" if kind == "ClassDef" else "def", node.name, first)
        elif kind == "Lambda":
            key = ("def", "<lambda>", node.lineno)
        elif kind in COMPREHENSIONS:
            key = ("def", COMPREHENSIONS[kind], node.lineno)
        else:
            continue
        index.setdefault(key, []).append(node)
    for nodes in index.values():
        nodes.sort(key=lambda n: (n.lineno, n.col_offset))
    return index


def code_kind(code):
    return "def" if code.co_flags & 0x1 else "class"  # CO_OPTIMIZED: functions, lambdas, comprehensions


def do_dis(request):
    source = request["source"]
    optimize = int(request.get("optimize", 0))
    show_caches = bool(request.get("showCaches"))
    adaptive = bool(request.get("adaptive"))
    module = guarded_parse(source, lambda: compile(source, "<pyinsight>", "exec", 0, True, optimize))
    try:
        tree = guarded_parse(source, lambda: ast.parse(source, "<pyinsight>"))
    except RequestError:
        tree = None
    # Pre-order over nested code objects (module first), without recursion.
    order = []
    stack = [(module, None)]
    while stack:
        code, parent = stack.pop()
        order.append((code, parent))
        nested = [c for c in code.co_consts if hasattr(c, "co_code")]
        stack.extend((c, len(order) - 1) for c in reversed(nested))
    objects = []
    for code, parent in order:
        qualname = getattr(code, "co_qualname", None)
        if qualname is None:
            qualname = code.co_name
            if parent is not None and parent != 0:
                above = objects[parent]
                separator = ".<locals>." if "OPTIMIZED" in above["flags"] else "."
                qualname = above["qualname"] + separator + code.co_name
        table = getattr(code, "co_exceptiontable", None)
        objects.append(
            {
                "parent": parent,
                "name": code.co_name,
                "qualname": qualname,
                "firstLine": code.co_firstlineno,
                "flags": flag_names(code.co_flags),
                "argcount": code.co_argcount,
                "varnames": list(code.co_varnames),
                "cellvars": list(code.co_cellvars),
                "freevars": list(code.co_freevars),
                "names": list(code.co_names),
                "consts": [const_repr(c) for c in code.co_consts],
                "instructions": instruction_rows(code, show_caches, adaptive),
                "exceptionTable": parse_exception_table(table) if table else [],
            }
        )
    if tree is not None:
        attach_ranges(order, objects, ast_index(tree))
    return {"codeObjects": objects}


def attach_ranges(order, objects, index):
    """Best effort: a code object gets its def/class/lambda/comprehension's range only when the match is certain,
    i.e. as many code objects as nodes share (kind, name, first line); they are paired in source order."""
    groups = {}
    for position, (code, parent) in enumerate(order):
        if parent is None:
            continue
        groups.setdefault((code_kind(code), code.co_name, code.co_firstlineno), []).append(position)
    for key, positions in groups.items():
        nodes = index.get(key, [])
        if len(nodes) != len(positions):
            continue
        for position, node in zip(positions, nodes):
            span = node_position(node)
            if span is not None:
                objects[position]["range"] = span


# ------------------------------------------------------------------------------------------------ opcodes


def do_opcodes(_request):
    """The interpreter's own opcode table: dis.opmap, the has* lists and, on 3.11+, the specialised forms."""
    has_arg = set(getattr(opcode, "hasarg", ()))
    kinds = [
        ("const", opcode.hasconst),
        ("name", opcode.hasname),
        ("local", opcode.haslocal),
        ("free", opcode.hasfree),
        ("jump", JUMP_OPS),
        ("compare", opcode.hascompare),
    ]

    def describe(name, number, generic):
        if generic is not None:
            return None
        arg = number in has_arg if has_arg else number >= opcode.HAVE_ARGUMENT
        kind = next((label for label, members in kinds if number in members), None)
        return arg, kind

    specialised = {}
    for generic, names in getattr(opcode, "_specializations", {}).items():
        for name in names:
            specialised[name] = generic
    numbers = dict(getattr(opcode, "_specialized_opmap", {}) or {})
    all_opmap = getattr(dis, "_all_opmap", {})
    for name in specialised:
        if name not in numbers and name in all_opmap:
            numbers[name] = all_opmap[name]
    rows = []
    generic_facts = {}
    for name, number in sorted(dis.opmap.items(), key=lambda item: item[1]):
        arg, kind = describe(name, number, None)
        generic_facts[name] = (arg, kind)
        if number >= 256:
            category = "pseudo"
        elif name.startswith("INSTRUMENTED_"):
            category = "instrumented"
        else:
            category = "real"
        rows.append([name, number, arg, kind, None, category])
    for name, number in sorted(numbers.items(), key=lambda item: item[1]):
        if name in dis.opmap or name not in specialised:
            continue
        arg, kind = generic_facts.get(specialised[name], (False, None))
        rows.append([name, number, arg, kind, specialised[name], "specialised"])
    return {"opcodes": rows}


# ------------------------------------------------------------------------------------------------ main loop


def do_hello(_request):
    return {
        "protocol": PROTOCOL,
        "version": platform.python_version(),
        "versionInfo": list(sys.version_info[:3]),
        "executable": sys.executable,
        "implementation": sys.implementation.name,
    }


HANDLERS = {"hello": do_hello, "ast": do_ast, "astDump": do_ast_dump, "dis": do_dis, "opcodes": do_opcodes}


def answer(line):
    request_id = None
    try:
        request = json.loads(line.decode("utf-8"))
        request_id = request.get("id")
        handler = HANDLERS.get(request.get("op"))
        if handler is None:
            return {"id": request_id, "error": {"kind": "badRequest", "message": "unknown op %r" % request.get("op")}}
        return {"id": request_id, "ok": handler(request)}
    except RequestError as error:
        return {"id": request_id, "error": error.payload}
    except (RecursionError, MemoryError) as error:
        message = "CPython gave up on this text: %s (the code is nested too deeply or is too complex)" % type(error).__name__
        return {"id": request_id, "error": {"kind": "tooComplex", "type": type(error).__name__, "message": message}}
    except Exception as error:  # noqa: BLE001 - one bad request must never stop the helper
        return {"id": request_id, "error": {"kind": "internal", "type": type(error).__name__, "message": str(error)}}


def encode(response):
    try:
        return json.dumps(response, ensure_ascii=True, separators=(",", ":"))
    except (RecursionError, ValueError, TypeError) as error:
        failure = {"kind": "internal", "type": type(error).__name__, "message": "answer could not be encoded: %s" % error}
        return json.dumps({"id": response.get("id"), "error": failure})


def main():
    stdin = sys.stdin.buffer
    stdout = sys.stdout.buffer
    while True:
        line = stdin.readline()
        if not line:
            return
        if not line.strip():
            continue
        stdout.write(encode(answer(line)).encode("ascii") + b"\n")
        stdout.flush()


if __name__ == "__main__":
    main()
