"""`Generic` and `TypeVar` for mdlint's generic classes: typing's to type checkers, and at run time
stand-ins that do what those classes need of them, without importing `typing`.

Importing `typing` costs a run answered from the cache ~2.7 ms of ~55. So the modules such a run
imports (tests/test_startup.py lists what it must not import) take from `typing` only what type
checkers read: their typing imports sit under `if TYPE_CHECKING:`, with `TYPE_CHECKING = False`
written in the module (mypy and ruff read that name as typing's), and their annotations are
strings (`from __future__ import annotations`). What is needed at run time comes from here, as
`NamedTuple` comes from mdlint/records.py.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Generic as Generic
    from typing import TypeVar as TypeVar
else:

    class Generic:
        """A base class a generic class names as `Generic[_T]`: the subscript is the class itself
        (nothing at run time reads the type parameters)."""

        def __class_getitem__(cls, parameters):
            return cls

    def TypeVar(name, *constraints, **options):
        """The name: what stands for a type variable in a `Generic[...]` subscript."""
        return name
