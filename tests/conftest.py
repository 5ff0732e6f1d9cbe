"""Shared fixtures: the material in ../shared (read in place) and the official AKN schema."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
EXAMPLES = ROOT / "examples"

# Whole resolutions with all the UN's files hold are large inputs by design: neither their size
# nor their generation time is a fault of the strategy.
_LARGE = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("default", deadline=None, suppress_health_check=_LARGE)
settings.register_profile("thorough", deadline=None, max_examples=1000, suppress_health_check=_LARGE)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def shared_file(*parts: str) -> Path:
    """A file of ../shared, or skip the test when the folder is not there (source archives)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared material is only in the development checkout")
    return path


@pytest.fixture(scope="session")
def oasis_schema() -> etree.XMLSchema:
    """The official OASIS Akoma Ntoso 3.0 schema, from ../shared/schemas."""
    return etree.XMLSchema(etree.parse(str(shared_file("schemas", "akomantoso30.xsd"))))


@pytest.fixture(scope="session")
def profile_schema() -> etree.XMLSchema:
    """The profile unres bundles."""
    from unres._schemas import AKN_PROFILE, schema_path

    return etree.XMLSchema(etree.parse(str(schema_path(AKN_PROFILE))))


def c14n(data: bytes) -> bytes:
    """Canonical XML (C14N 2.0) of a document, for comparing documents rather than bytes."""
    return etree.tostring(etree.fromstring(data), method="c14n2")
