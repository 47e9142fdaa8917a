"""`sample`: every export test runs on each sample document that exists here."""

from __future__ import annotations

from typing import Any

import pytest

from tests.output.samples import SAMPLES, sample_data


@pytest.fixture(params=list(SAMPLES))
def sample(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    """(name, rapporteur/review@1 object) for every sample that exists here."""
    name = request.param
    if not SAMPLES[name].exists():
        pytest.skip(f"{SAMPLES[name]} is not present")
    return name, sample_data(name)
