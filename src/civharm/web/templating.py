"""The one Jinja2 environment of the web UI: autoescape always on, undefined names are errors.

Captured text is untrusted, so escaping is not left to file-name guessing: every template is
escaped, and only ``Markup`` built by ``highlight`` (which escapes the text itself) passes as is.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.templating import Jinja2Templates

from civharm.publish.tally import format_figure


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("civharm.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
    )
    env.filters["figure"] = format_figure  # a summed range in words: "at least 44", "44–60", "no figure"
    return env


TEMPLATES = Jinja2Templates(env=_environment())
