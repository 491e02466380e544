"""mdlint.records.NamedTuple makes the class typing.NamedTuple makes, without its annotation checks."""

from __future__ import annotations

import pickle
import typing

import pytest

from mdlint.records import NamedTuple


class Point(NamedTuple):
    """A point."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = ()

    @property
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)

    def moved(self, by: int) -> Point:
        return self._replace(x=self.x + by)


class TypingPoint(typing.NamedTuple):
    """A point."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = ()


def test_fields_defaults_and_methods() -> None:
    point = Point(3, -4)
    assert point == (3, -4, ())
    assert Point._fields == TypingPoint._fields == ("x", "y", "tags")
    assert Point._field_defaults == TypingPoint._field_defaults == {"y": 0, "tags": ()}
    assert point.norm == 7
    assert point.moved(2) == Point(5, -4)
    assert point._asdict() == {"x": 3, "y": -4, "tags": ()}
    assert Point._make([1, 2, ("a",)]).tags == ("a",)
    assert repr(point) == "Point(x=3, y=-4, tags=())"
    assert isinstance(point, tuple)


def test_names_and_docstring_are_the_class_own() -> None:
    assert Point.__name__ == Point.__qualname__ == "Point"
    assert Point.__module__ == __name__
    assert Point.__doc__ == "A point."
    assert Point.__annotations__ == {"x": "int", "y": "int", "tags": "tuple[str, ...]"}


def test_pickled_by_name() -> None:
    """Results cross to and from worker processes pickled."""
    point = Point(1, 2, ("a",))
    again = pickle.loads(pickle.dumps(point))
    assert again == point
    assert type(again) is Point


def test_a_field_without_default_after_one_with_is_refused() -> None:
    with pytest.raises(TypeError, match="without a default"):

        class Broken(NamedTuple):
            x: int = 0
            y: int


def test_the_tuple_methods_cannot_be_overwritten() -> None:
    with pytest.raises(AttributeError, match="_replace"):

        class Broken(NamedTuple):
            x: int

            def _replace(self, **changes: object) -> Broken:  # type: ignore[override]
                return self


def test_only_namedtuple_as_base() -> None:
    with pytest.raises(TypeError, match="NamedTuple alone"):

        class Broken(NamedTuple, int):  # type: ignore[misc]
            x: int
