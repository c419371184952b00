"""The data files of demo/data/: the demo's words and facts, both languages side by side."""

import tomllib
from pathlib import Path

DATA = Path(__file__).with_name("data")
LANGUAGES = ("id", "en")


def load(name):
    """A data file of demo/data/, by name without its extension."""
    with open(DATA / f"{name}.toml", "rb") as file:
        return tomllib.load(file)


def words(spec, language, keys):
    """The `language` side of the given keys of an entry that holds both languages side by side
    (keys missing from the entry are left out)."""
    return {key: spec[key][language] for key in keys if key in spec}
