"""The schemas bundled with unres: located inside the installed package, or in a source checkout."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["AKN_PROFILE", "JSON_SCHEMA", "schema_path"]

AKN_PROFILE = "akn4un-resolution.xsd"
JSON_SCHEMA = "resolution.schema.json"


@cache
def schema_path(name: str) -> Path:
    """The path of a bundled schema file (wheel: ``unres/schemas``; checkout: ``schemas/``)."""
    packaged = resources.files("unres").joinpath("schemas", name)
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "schemas" / name
    if checkout.is_file():
        return checkout
    raise FileNotFoundError(f"bundled schema {name} is missing from the installation")


def load_json_schema() -> dict[str, Any]:
    """The bundled JSON Schema as a dictionary."""
    import json

    with schema_path(JSON_SCHEMA).open("rb") as stream:
        schema: dict[str, Any] = json.load(stream)
    return schema
