"""Which language the patient reads in: the bundle's default until they choose another,
and the default again for the next patient (every reset and "I'm done")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kiosk.i18n.catalogue import own_name


class Languages:
    def __init__(self, tags: Sequence[str], names: Mapping[str, str] | None = None) -> None:
        if not tags:
            raise ValueError("a bundle is in at least one language")
        self.tags = tuple(tags)
        self._names = dict(names or {})
        self.current = self.tags[0]

    @property
    def default(self) -> str:
        return self.tags[0]

    def name(self, tag: str) -> str:
        """What the button that chooses `tag` says: its name in itself ("Español")."""
        return self._names.get(tag) or own_name(tag)

    def choose(self, tag: str) -> bool:
        """Read in `tag` from now on; False if it is already shown or not offered."""
        if tag not in self.tags or tag == self.current:
            return False
        self.current = tag
        return True

    def others(self) -> list[tuple[str, str]]:
        """The languages the patient may switch to, with their names, in bundle order."""
        return [(tag, self.name(tag)) for tag in self.tags if tag != self.current]

    def forget(self) -> bool:
        """Back to the default for the next patient; True if that changed anything."""
        return self.choose(self.default)
