"""Write mdlint/quick/article_validator.py: the bundled schema compiled ahead of time to plain Python.

    python tools/generate_quick_validator.py          # (re)write the modules
    python tools/generate_quick_validator.py --check  # exit 1 if a module on disk is out of date

It also writes mdlint/quick/article_schema.py, which holds the schema's bytes it was generated
from: mdlint compares them with the schema file to know the validator is current, and a run
answered from the cache, which needs that answer but no validator, imports only this small
module.

fastjsonschema (a test dependency, never a runtime one) turns schemas/article.schema.json into
code; this script post-processes that code (see `post_process`) so that the module imports
nothing, never accepts what jsonschema rejects, builds no error messages (nobody reads them), and
ends with `is_valid(data) -> bool` and `property_is_valid(name, value) -> bool`. For the second,
each top-level property's subschema is compiled as a function of its own: before compiling, the
script moves it into `$defs` and leaves a `$ref` to it in its place, which means the same in JSON
Schema (see `with_properties_as_defs`). Each `pattern` is checked by a deterministic automaton
that interegular (a test dependency too) builds here from it, written into the module as data
(see `translate_patterns`): importing `re` would cost the pre-commit hook's one-file call more
than the rest of the module. Only a pattern it cannot translate is compiled by `re` (which the
module then imports). The module only answers "valid?"; jsonschema stays the reference for every
message and every invalid file, and tests/test_quick_validator.py and
tests/test_property_precheck.py prove the module never says "valid" where jsonschema says
"invalid".

The output is deterministic (no timestamp, no fastjsonschema version) and is excluded from ruff
and mypy in pyproject.toml: it is generated code, checked by the tests rather than by linters.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "article.schema.json"
TARGET = ROOT / "mdlint" / "quick" / "article_validator.py"
TEXT_TARGET = ROOT / "mdlint" / "quick" / "article_schema.py"
COMMAND = "python tools/generate_quick_validator.py"

# fastjsonschema.compile_to_code options. use_default=False: otherwise the generated code WRITES
# the schema's defaults into the data it checks. detailed_exceptions=False: no copies of the
# offending value and subschema in the exceptions (nobody reads them: is_valid is a yes/no).
USE_DEFAULT = False
DETAILED_EXCEPTIONS = False

HEADER = '''\
# GENERATED FILE: DO NOT EDIT. Regenerate with `{command}` after editing {schema}
# (`{command} --check` tells whether this file is current; tests/test_quick_validator.py runs it).
# Source: {schema} (sha256 {digest}), compiled by fastjsonschema.compile_to_code({options})
# and post-processed by tools/generate_quick_validator.py.
"""The bundled schema ({schema}) as plain Python, for the quick path: `is_valid(data)`.

A yes/no pre-check only: jsonschema stays the reference. True is trusted (tests prove it never
disagrees with jsonschema then); False only sends the header to jsonschema, which decides and
explains. Known safe-direction differences (this module says invalid, jsonschema says valid):
a string ending in a newline checked by a `pattern` (its `$` is compiled to match only at the
very end), a number that is neither an int nor a float (a Decimal, a Fraction), and any error
raised while checking.

A `pattern` of the form `^...$` is checked without `re` (importing it costs a start-up more than
this whole module) by an `_Automaton` in REGEX_PATTERNS: a deterministic finite automaton built
from it by tools/generate_quick_validator.py, which accepts exactly the strings the pattern
matches from start to very end, except that its digit, word-character and whitespace classes
(backslash d, w, s) match ASCII characters only, where `re` matches any Unicode one: one more
safe-direction difference. A pattern the script cannot translate is compiled by `re`.
"""

# mdlint uses this module only while the schema file holds exactly the bytes it was generated
# from (mdlint/quick/article_schema.py; mdlint/quick/bundled.py compares them).
'''

TEXT_HEADER = '''\
# GENERATED FILE: DO NOT EDIT. Regenerate with `{command}` after editing {schema}
# (`{command} --check` tells whether this file is current; tests/test_quick_validator.py runs it).
"""The bytes of {schema} that mdlint/quick/article_validator.py was generated from.

mdlint/quick/bundled.py compares them with the schema file (no checksum, whose module would
cost a start-up half a millisecond): the validator is used only while they are the same.
"""

'''

LOCAL_EXCEPTIONS = '''

class JsonSchemaValueException(ValueError):
    """The data is invalid (no details: jsonschema gives those)."""


class JsonSchemaValuesException(JsonSchemaValueException):
    """Named by the generated code's `except` clauses; never raised here (fast_fail is on)."""
'''

FOOTER = '''

def is_valid(data: object) -> bool:
    """Whether `data` is valid against the bundled schema. False on any doubt: jsonschema decides."""
    try:
        {entry}(data)
    except Exception:  # JsonSchemaValueException, or anything unexpected: not vouched for
        return False
    return True


# The subschema of each top-level property, as its own function.
PROPERTY_VALIDATORS = {{
{property_validators}
}}


def property_is_valid(name: str, value: object) -> bool:
    """Whether `value` is valid against the bundled schema's `properties[name]`. False on any doubt
    (and for a name the schema has no subschema for): jsonschema decides."""
    validate = PROPERTY_VALIDATORS.get(name)
    if validate is None:
        return False
    try:
        validate(value)
    except Exception:
        return False
    return True
'''
# The `$defs` key each top-level property's subschema is moved to (its index in `properties`).
PROPERTY_DEF = "mdlint-property-{index}"

FASTJSONSCHEMA_IMPORT = (
    "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException\n"
)
DECIMAL_IMPORT = "from decimal import Decimal\n"
RE_IMPORT = "import re\n"
NUMBER_TYPES = "(int, float, Decimal)"
ARRAY_TYPES = "(list, tuple)"
# `raise JsonSchemaValueException("" + (name_prefix or "data") + ".x must be string")`, one a line
RAISE_WITH_MESSAGE = re.compile(r"^( *)raise JsonSchemaValueException\(.*\)$", re.MULTILINE)
# `validate_..._defs_x(data__x_item, custom_formats, (name_prefix or "data") + ...)`, one a line
CALL_WITH_NAME_PREFIX = re.compile(r"^( *validate_\w+\(\w+, custom_formats), .*\)$", re.MULTILINE)


# A `pattern` translated to an automaton may need at most this many states and distinct characters
# (else `re` checks it): the automaton is written into the module as data.
MAX_STATES = 200
MAX_CHARACTERS = 500
# In `^INNER$`, escapes that interegular reads otherwise than `re` (or that may be backreferences):
# \D, \S and \W are the complements of ASCII's digits, spaces and word characters there, of
# Unicode's in `re`, so they would accept more; \1 to \9 are backreferences or octal escapes.
REFUSED_ESCAPES = frozenset("DSW123456789")
# A `{` that starts a quantifier both read alike. `re` reads any other `{` (`a{}`, `a{x}`) as a
# literal, where interegular may read it as a quantifier (`a{}` = `a{0}`).
QUANTIFIER = re.compile(r"\{[0-9]+(,[0-9]*)?\}")
QUANTIFIER_CHARACTERS = frozenset("*+?}")

AUTOMATON_CLASS = '''

class _Automaton:
    """A `pattern` `^INNER$` as a deterministic finite automaton (built from it by
    tools/generate_quick_validator.py), standing for its compiled regular expression.

    `search(string)` has the truth value of `re.search` of the pattern with its `$` read as
    the very end: whether the automaton, from state 0, ends in an accepting state after reading
    every character of `string`."""

    __slots__ = ("moves", "others", "accepting")

    def __init__(self, states, accepting):
        # states[i]: ({characters: next state}, next state on any other character); None for
        # a next state means that no string going that way can match
        self.moves = tuple(
            {character: target for characters, target in moves.items() for character in characters}
            for moves, _ in states
        )
        self.others = tuple(other for _, other in states)
        self.accepting = frozenset(accepting)

    def search(self, string: str) -> bool:
        moves, others = self.moves, self.others
        state = 0
        for character in string:
            state = moves[state].get(character, others[state])
            if state is None:
                return False
        return state in self.accepting
'''

# One state of an automaton: the next state by characters (each key a string of characters,
# sorted), and the next state on any other character; None for a next state: no match.
AutomatonState = tuple[dict[str, int | None], int | None]


class GenerationError(Exception):
    """The generated code is not shaped as this script expects (a new fastjsonschema?)."""


def replace_exactly_once(code: str, old: str, new: str) -> str:
    if code.count(old) != 1:
        raise GenerationError(f"expected exactly one {old!r} in the generated code")
    return code.replace(old, new)


def with_properties_as_defs(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with each top-level property's subschema moved into `$defs` and a `$ref` to it
    left in its place. A `$ref` alone stands for its target, and the moved subschemas keep their
    base URI (the root's), so this validates exactly as the schema does; fastjsonschema then
    compiles each moved subschema as a function of its own."""
    definitions = dict(schema.get("$defs", {}))
    properties = {}
    for index, (name, subschema) in enumerate(schema["properties"].items()):
        key = PROPERTY_DEF.format(index=index)
        if key in definitions:
            raise GenerationError(f"the schema already has $defs/{key}")
        definitions[key] = subschema
        properties[name] = {"$ref": f"#/$defs/{key}"}
    return {**schema, "properties": properties, "$defs": definitions}


def property_functions(schema: dict[str, Any], code: str) -> tuple[str, str]:
    """The functions checking each top-level property, to append to `code` (the whole schema's
    compiled code), and the entries of PROPERTY_VALIDATORS naming them.

    They come from compiling `with_properties_as_defs(schema)`, whose root is not used: the root
    compiled from the schema itself inlines each property's checks, twice as fast as calling a
    function for each. The `$defs` functions they call are the same in both compilations."""
    import fastjsonschema

    moved = fastjsonschema.compile_to_code(
        with_properties_as_defs(schema),
        use_default=USE_DEFAULT,
        detailed_exceptions=DETAILED_EXCEPTIONS,
    )
    if regex_patterns(moved) != regex_patterns(code):
        raise GenerationError("the two compilations use different regular expressions")
    defined = {
        node.name: node for node in ast.parse(moved).body if isinstance(node, ast.FunctionDef)
    }
    sources, entries = [], []
    for index, name in enumerate(schema["properties"]):
        suffix = "_" + PROPERTY_DEF.format(index=index).replace("-", "_")
        found = [function for function in defined if function.endswith(suffix)]
        if len(found) != 1:
            raise GenerationError(f"expected one function for property {name!r}, found {found}")
        sources.append(ast.get_source_segment(moved, defined[found[0]]) or "")
        entries.append(f"    {name!r}: {found[0]},")
    functions = "\n\n\n".join(sources)
    _check_calls_defined(functions, code)
    return functions, "\n".join(entries)


def regex_patterns(code: str) -> dict[str, str]:
    """The entries of the code's REGEX_PATTERNS: each pattern of the schema (or name of a
    format's pattern), and the pattern fastjsonschema compiled for it."""
    return {key: compiled for key, compiled, _ in _regex_pattern_entries(code)[0]}


def _regex_pattern_entries(code: str) -> tuple[list[tuple[str, str, ast.expr]], ast.Assign | None]:
    """The entries of the code's REGEX_PATTERNS (key, pattern compiled, the value's node), and
    the assignment (None when the code has no patterns)."""
    assignments = [
        node
        for node in ast.parse(code).body
        if isinstance(node, ast.Assign)
        and [ast.unparse(target) for target in node.targets] == ["REGEX_PATTERNS"]
    ]
    if not assignments:
        return [], None
    if len(assignments) != 1 or not isinstance(assignments[0].value, ast.Dict):
        raise GenerationError("REGEX_PATTERNS is not one dict literal: review it")
    entries: list[tuple[str, str, ast.expr]] = []
    for key, value in zip(assignments[0].value.keys, assignments[0].value.values, strict=True):
        if not (
            isinstance(key, ast.Constant)
            and isinstance(key.value, str)
            and isinstance(value, ast.Call)
            and ast.unparse(value.func) == "re.compile"
            and len(value.args) == 1
            and not value.keywords
            and isinstance(value.args[0], ast.Constant)
            and isinstance(value.args[0].value, str)
        ):
            raise GenerationError("a REGEX_PATTERNS entry is not `'...': re.compile('...')`")
        entries.append((key.value, value.args[0].value, value))
    return entries, assignments[0]


def translatable_inner(pattern: str) -> str | None:
    """INNER, when `pattern` is `^INNER$` and INNER is written in the part of Python's syntax
    that interegular reads as `re` does (or more strictly: its backslash d, w and s are ASCII
    only); None otherwise.

    `re.search` of `^INNER\\Z` (fastjsonschema's reading of the pattern) is then
    `re.fullmatch(INNER)`: INNER holds no `|` (which would end the anchors' reach), no `^`, no
    unescaped `$`, no lookaround, backreference, inline flag, conditional or possessive
    quantifier. The conditions are stricter than needed (no `^` even in a class, say): a pattern
    refused here is only checked by `re`."""
    if len(pattern) < 2 or pattern[0] != "^" or pattern[-1] != "$":
        return None
    inner = pattern[1:-1]
    index, in_class, after_quantifier = 0, False, False
    while index < len(inner):
        char = inner[index]
        if char == "\\":
            escaped = inner[index + 1 : index + 2]
            if not escaped or escaped in REFUSED_ESCAPES:
                return None
            index, after_quantifier = index + 2, False
            continue
        if char in "|^$":
            return None
        if in_class:
            in_class = char != "]"
            index += 1
            continue
        if char == "+" and after_quantifier:  # a possessive quantifier (Python 3.11)
            return None
        if char == "{":
            quantifier = QUANTIFIER.match(inner, index)
            if quantifier is None:
                return None
            index, after_quantifier = quantifier.end(), True
            continue
        after_quantifier = char in QUANTIFIER_CHARACTERS
        if char == "[":
            # `[]...]`: `re` reads the `]` as a member, interegular as the end of the class
            if inner.startswith("]", index + 1):
                return None
            in_class = True
        elif char == "(" and inner.startswith("?", index + 1):
            if inner.startswith("?:", index + 1):
                index += 2
            elif inner.startswith("?P<", index + 1):
                index += 3
            else:  # lookaround, flags, comment, named backreference, conditional, atomic group
                return None
        index += 1
    try:
        re.compile(pattern)
    except re.error:
        return None
    return inner


def automaton(pattern: str) -> tuple[list[AutomatonState], list[int]] | None:
    """`pattern` as a deterministic finite automaton, its states numbered from the initial one
    (0) in the order they are first reached, and its accepting states; None when
    `translatable_inner` refuses it, interegular cannot read it, or it is too large to write."""
    import interegular
    from interegular.fsm import anything_else

    inner = translatable_inner(pattern)
    if inner is None:
        return None
    try:
        fsm: Any = interegular.parse_pattern(inner).to_fsm()
        fsm = fsm.reduce()  # the minimal automaton
    except Exception:  # Unsupported, InvalidSyntax, or anything else: `re` checks it
        return None
    characters = sorted(symbol for symbol in fsm.alphabet if symbol is not anything_else)
    if len(fsm.states) > MAX_STATES or len(characters) > MAX_CHARACTERS:
        return None
    if not all(isinstance(char, str) and len(char) == 1 for char in characters):
        return None  # a symbol that is not one character (`"ß".upper()` is "SS")
    live = {state for state in fsm.states if fsm.islive(state)}

    def step(state: Any, symbol: Any) -> Any:
        """The next state, None for a dead end (a state from which no final state is reached)."""
        key = fsm.alphabet.get(symbol)  # None for anything_else when the alphabet lacks it
        target = fsm.map.get(state, {}).get(key)
        return target if target in live else None

    # Number the states in the order a breadth-first walk (characters in order) meets them.
    order = [fsm.initial]
    number = {fsm.initial: 0}
    for state in order:
        for symbol in [*characters, anything_else]:
            target = step(state, symbol)
            if target is not None and target not in number:
                number[target] = len(order)
                order.append(target)
    states: list[AutomatonState] = []
    for state in order:
        other = step(state, anything_else)
        other_number = None if other is None else number[other]
        by_target: dict[int | None, list[str]] = {}
        for char in characters:
            target = step(state, char)
            target_number = None if target is None else number[target]
            if target_number != other_number:
                by_target.setdefault(target_number, []).append(char)
        moves = {"".join(chars): target for target, chars in by_target.items()}
        states.append((dict(sorted(moves.items())), other_number))
    return states, sorted(number[state] for state in fsm.finals if state in number)


def automaton_source(states: list[AutomatonState], accepting: list[int]) -> str:
    """`_Automaton(...)` building the automaton: a state a line, each numbered in a comment."""
    lines = ["_Automaton(", "        ("]
    for index, (moves, other) in enumerate(states):
        lines.append(f"            ({moves!r}, {other!r}),  # {index}")
    lines += ["        ),", f"        {tuple(accepting)!r},", "    )"]
    return "\n".join(lines)


def translate_patterns(code: str) -> str:
    """The code with each `re.compile` of REGEX_PATTERNS that `automaton` can translate replaced
    by an `_Automaton` (whose `search` has the same truth value), and without `import re` when
    nothing uses it any more.

    fastjsonschema compiles a `pattern` with each unescaped `$` made `\\Z` (the very end);
    only an entry compiled exactly so from a pattern `^INNER$` is translated."""
    entries, assignment = _regex_pattern_entries(code)
    if assignment is None:
        return code
    lines = []
    translated = 0
    for key, compiled, value in entries:
        found = automaton(key) if compiled == key[:-1] + "\\Z" else None
        if found is None:
            source = ast.get_source_segment(code, value)
        else:
            source = automaton_source(*found)
            translated += 1
        lines.append(f"    {key!r}: {source},")
    block = "REGEX_PATTERNS = {\n" + "\n".join(lines) + "\n}"
    if translated:
        block = AUTOMATON_CLASS.strip("\n") + "\n\n\n" + block
    code_lines = code.splitlines(keepends=True)
    start, end = assignment.lineno - 1, assignment.end_lineno or assignment.lineno
    code = "".join(code_lines[:start]) + block + "\n" + "".join(code_lines[end:])
    uses_re = any(
        isinstance(node, ast.Name) and node.id == "re" for node in ast.walk(ast.parse(code))
    )
    if not uses_re:
        code = replace_exactly_once(code, RE_IMPORT, "")
    return code


def _check_calls_defined(functions: str, code: str) -> None:
    """Every `validate_*` function the property functions call is one `code` defines too."""
    defined = {
        node.name
        for node in ast.parse(functions + "\n" + code).body
        if isinstance(node, ast.FunctionDef)
    }
    for node in ast.walk(ast.parse(functions)):
        if (
            isinstance(node, ast.Name)
            and node.id.startswith("validate_")
            and node.id not in defined
        ):
            raise GenerationError(f"a property function calls {node.id}, which is not defined")


def post_process(code: str) -> str:
    """fastjsonschema's code, made self-contained (no import, or only `re`) and never more lenient
    than jsonschema."""
    # The version line would make the output change with every fastjsonschema release.
    code = re.sub(r'\AVERSION = "[^"\n]*"\n', "", code)
    code = replace_exactly_once(code, FASTJSONSCHEMA_IMPORT, LOCAL_EXCEPTIONS)

    # Decimal only appears in the `type: number` test `isinstance(x, (int, float, Decimal))`.
    # Importing decimal costs ~3.5 ms (more than the rest of this module), and headers come from
    # YAML/TOML/JSON loaders, which never make a Decimal. Dropping it from the tuple is safe: a
    # Decimal is then "not a number", the module says invalid and jsonschema decides.
    code = replace_exactly_once(code, DECIMAL_IMPORT, "")
    code = code.replace(NUMBER_TYPES, "(int, float)")
    if "Decimal" in code:
        raise GenerationError("Decimal is used other than in (int, float, Decimal): review it")

    # fastjsonschema takes a tuple for a JSON array; jsonschema (the reference) only a list. No
    # loader makes tuples, but a tuple must not be "valid" here when jsonschema says it is not.
    code = code.replace(ARRAY_TYPES, "(list)")
    if "tuple)" in code:
        raise GenerationError("a type test still accepts tuples: review it")

    # Nobody reads the exceptions' messages (is_valid is a yes/no), yet the generated code builds
    # one for every array item it checks, valid or not (`"...[{x}]".format(**locals())`, passed
    # to the subschema's function as `name_prefix`), and its literals are most of the module.
    # Without them: 4x faster on a typical header, and a smaller module to load.
    code, raises = RAISE_WITH_MESSAGE.subn(r"\1raise JsonSchemaValueException", code)
    code, calls = CALL_WITH_NAME_PREFIX.subn(r"\1)", code)
    if not raises or not calls or "raise JsonSchemaValueException(" in code or "locals()" in code:
        raise GenerationError("messages are built other than as expected: review them")

    # Patterns as automata, so that the module need not import `re` (see `translate_patterns`).
    code = translate_patterns(code)
    return code.rstrip("\n") + "\n"


def first_function(code: str) -> str:
    """The generated entry point: fastjsonschema writes the root schema's function first."""
    for node in ast.parse(code).body:
        if isinstance(node, ast.FunctionDef):
            return node.name
    raise GenerationError("no function in the generated code")


def check_imports(code: str) -> None:
    """The code imports nothing, or only `re` (for a pattern not translated to an automaton)."""
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            continue
        if names != ["re"]:
            raise GenerationError(f"the generated module imports {names}: only `re` is allowed")
        if "re.compile(" not in code:
            raise GenerationError("the generated module imports `re` but compiles no pattern")


def module_code(schema: dict[str, Any]) -> str:
    """The validator module's code for `schema` (a schema with top-level `properties`), without
    its header."""
    import fastjsonschema

    generated = fastjsonschema.compile_to_code(
        schema, use_default=USE_DEFAULT, detailed_exceptions=DETAILED_EXCEPTIONS
    )
    entry = first_function(generated)
    functions, entries = property_functions(schema, generated)
    code = post_process(generated + "\n\n" + functions)
    code += FOOTER.format(entry=entry, property_validators=entries)
    check_imports(code)
    return code


def generate() -> dict[Path, str]:
    """Each module's text, by where it goes."""
    data = SCHEMA.read_bytes()
    code = module_code(json.loads(data.decode("utf-8")))
    header = HEADER.format(
        command=COMMAND,
        schema=SCHEMA.relative_to(ROOT).as_posix(),
        digest=hashlib.sha256(data).hexdigest(),
        options=f"use_default={USE_DEFAULT}, detailed_exceptions={DETAILED_EXCEPTIONS}",
    )
    text_header = TEXT_HEADER.format(command=COMMAND, schema=SCHEMA.relative_to(ROOT).as_posix())
    return {TARGET: header + code, TEXT_TARGET: text_header + bytes_constant("SCHEMA_TEXT", data)}


def bytes_constant(name: str, data: bytes) -> str:
    """`NAME = (...)`: the bytes as a literal a line, joined by the compiler into one constant."""
    lines = data.splitlines(keepends=True)
    if not lines:
        return f"{name} = b''\n"
    return f"{name} = (\n" + "".join(f"    {line!r}\n" for line in lines) + ")\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if the module on disk is not what it would write",
    )
    args = parser.parse_args(argv)
    outdated = 0
    for path, wanted in generate().items():
        target = path.relative_to(ROOT).as_posix()
        if args.check:
            try:
                current = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                current = None
            if current != wanted:
                print(f"{target} is out of date: run `{COMMAND}`", file=sys.stderr)
                outdated += 1
            else:
                print(f"{target} is current")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(wanted)
        print(f"wrote {target} ({len(wanted.encode('utf-8'))} bytes)")
    return 1 if outdated else 0


if __name__ == "__main__":
    sys.exit(main())
