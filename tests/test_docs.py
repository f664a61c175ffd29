"""The README cannot drift: every route, command and setting is documented there."""

from __future__ import annotations

import re
from pathlib import Path

import click

from civharm.cli import main
from civharm.web.app import route_table

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def test_every_route_is_in_the_readme() -> None:
    for route in route_table():
        assert f"`{route.path}`" in README, route.path


def test_every_command_is_in_the_readme() -> None:
    context = click.Context(main)
    for name in main.list_commands(context):
        assert re.search(rf"civharm {name}\b", README), name


def test_every_environment_setting_is_in_the_readme() -> None:
    source = "\n".join(p.read_text() for p in Path(__file__).resolve().parents[1].joinpath("src").rglob("*.py"))
    for name in set(re.findall(r"CIVHARM_[A-Z_]+", source)):
        assert name in README, name
