"""Per-document caches that stay out of ``doc.user_data``.

Stages compute some tables once per Doc (sentence bounds, token flags). Kept in
``doc.user_data`` they would make ``doc.to_bytes()``, ``DocBin(store_user_data=True)`` and
``nlp.pipe(n_process=2)`` fail on a user's pipeline; kept here, keyed weakly by the Doc,
they vanish with it.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from spacy.tokens import Doc

T = TypeVar("T")

_CACHES: weakref.WeakKeyDictionary[Doc, dict[str, Any]] = weakref.WeakKeyDictionary()


def cached(doc: Doc, key: str, make: Callable[[], T]) -> T:
    """The value stored for ``doc`` under ``key``, made by ``make()`` the first time."""
    store = _CACHES.get(doc)
    if store is None:
        store = _CACHES[doc] = {}
    if key not in store:
        store[key] = make()
    value: T = store[key]
    return value
