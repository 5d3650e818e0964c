"""Input records given as dataclass instances or as plain mappings (from a file)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, fields
from typing import Any, TypeVar

from ..errors import InvalidInput, NotMoney

T = TypeVar("T")


def record(item: object, cls: type[T], path: str, what: str) -> T:
    """``item`` as a ``cls``; a mapping's errors are renamed under ``path`` (e.g. ``lines[3]``)."""
    if isinstance(item, cls):
        return item
    if isinstance(item, Mapping):
        spec = fields(cls)  # type: ignore[arg-type]
        names = {f.name for f in spec}
        extra = sorted(set(item) - names)
        if extra:
            raise InvalidInput(path, f"unknown field(s): {', '.join(map(str, extra))}")
        missing = [f.name for f in spec if f.init and f.name not in item
                   and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            also = f" (also missing: {', '.join(missing[1:])})" if missing[1:] else ""
            raise InvalidInput(f"{path}.{missing[0]}", f"missing (required){also}")
        kwargs: dict[str, Any] = dict(item)
        try:
            return cls(**kwargs)
        except InvalidInput as exc:
            raise InvalidInput(f"{path}.{exc.field}", exc.reason) from None
        except NotMoney as exc:
            raise NotMoney(f"{path}.{exc.field}", exc.reason) from None
        except TypeError as exc:
            raise InvalidInput(path, str(exc)) from None
    raise InvalidInput(path, f"a {type(item).__name__} is not {what}")
