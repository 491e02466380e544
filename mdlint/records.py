"""`NamedTuple` for mdlint's record types: `typing.NamedTuple` to type checkers, and at run time
the same class made by `collections.namedtuple` without checking the annotations.

`typing.NamedTuple` checks each field's annotation as the class is made; under
`from __future__ import annotations` each is a string, compiled to check it. For the 21 record
types met before a run's first file (109 fields) the checks took ~3.5 ms of a run answered from
the cache (~75 ms). Nothing reads the annotations at run time: they are kept as the strings they
are.

The class made is the one `typing.NamedTuple` makes (fields, defaults, methods, docstring,
pickling by name), without its `Generic` support, which no record type here needs.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    from collections import namedtuple

    # What a record type's body may not define (as typing.NamedTuple), and what it defines that
    # the tuple class already has its own of.
    _RESERVED = frozenset(
        {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults"}
        | {"_make", "_replace", "_asdict", "_source"}
    )
    _OWN = frozenset({"__module__", "__qualname__", "__annotations__", "__orig_bases__"})

    class _RecordMaker(type):
        def __new__(cls, name, bases, namespace):
            if not bases:  # NamedTuple itself
                return super().__new__(cls, name, bases, namespace)
            if bases != (NamedTuple,):
                raise TypeError("a record type derives from NamedTuple alone")
            return _record(name, namespace)

    class NamedTuple(metaclass=_RecordMaker):
        """Derive from it as from `typing.NamedTuple`."""

    def _record(name, namespace):
        annotations = namespace.get("__annotations__", {})
        fields = list(annotations)
        defaulted = [field for field in fields if field in namespace]
        if defaulted and fields[len(fields) - len(defaulted) :] != defaulted:
            raise TypeError(f"{name}: a field without a default follows one with a default")
        record = namedtuple(
            name,
            fields,
            defaults=[namespace[field] for field in defaulted],
            module=namespace["__module__"],
        )
        record.__annotations__ = dict(annotations)
        record.__qualname__ = namespace.get("__qualname__", name)
        for key, value in namespace.items():
            if key in _RESERVED:
                raise AttributeError(f"{name}: cannot overwrite NamedTuple attribute {key}")
            if key not in _OWN and key not in annotations:
                setattr(record, key, value)
        return record
