"""The load stage keeps the guide's bound for small units: 60 lines, complexity 15."""

from __future__ import annotations

from test_architecture import units


def test_every_unit_of_the_load_stage_is_small() -> None:
    load = {name: size for name, size in units().items() if name.startswith("load/")}
    assert len(load) > 40  # the stage's functions and methods are all measured
    big = {name: (lines, cc) for name, (lines, cc) in load.items() if lines > 60 or cc > 15}
    assert not big, f"over 60 lines or complexity 15 (lines, cc): {big}"
