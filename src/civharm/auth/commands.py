"""``civharm users add|list|disable|enable|token|tokens|revoke``: accounts from a shell.

Passwords are read from a prompt (or standard input with ``--password-stdin``), never from an
argument, so they do not land in shell history or process lists. A new API token is printed once.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from civharm.auth.accounts import Accounts
from civharm.auth.roles import Role


def _accounts(ctx: click.Context) -> Accounts:
    from civharm.store.db import open_database

    settings: Any = ctx.find_root().obj
    settings.home.mkdir(parents=True, exist_ok=True)
    return Accounts(open_database(settings.database_url))


@click.group()
def users() -> None:
    """Manage desk accounts (roles: viewer, analyst, reviewer, admin) and API tokens."""


@users.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.pass_context
def add(ctx: click.Context, username: str, role: str, password_stdin: bool) -> None:
    """Create an account."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("password", hide_input=True, confirmation_prompt=True)
    user = _accounts(ctx).add_user(username, password, role)
    click.echo(f"added {user.username} ({user.role.value})")


@users.command("list")
@click.pass_context
def list_(ctx: click.Context) -> None:
    """List accounts, their roles and whether they are disabled."""
    for user in _accounts(ctx).users():
        state = "disabled" if user.disabled else "active"
        click.echo(f"{user.username}\t{user.role.value}\t{state}\t{user.created_at:%Y-%m-%d}")


@users.command("disable")
@click.argument("username")
@click.pass_context
def disable(ctx: click.Context, username: str) -> None:
    """Disable an account: its sessions end and its API tokens stop working."""
    _accounts(ctx).set_disabled(username, True)
    click.echo(f"disabled {username}")


@users.command("enable")
@click.argument("username")
@click.pass_context
def enable(ctx: click.Context, username: str) -> None:
    """Enable a disabled account again."""
    _accounts(ctx).set_disabled(username, False)
    click.echo(f"enabled {username}")


@users.command("token")
@click.argument("username")
@click.option("--name", default="", help="What the token is for (shown by `civharm users tokens`).")
@click.pass_context
def token(ctx: click.Context, username: str, name: str) -> None:
    """Create an API token for USERNAME and print it once (send it as `Authorization: Bearer …`)."""
    secret, made = _accounts(ctx).new_token(username, name)
    click.echo(f"token {made.id} for {username}: {secret}", err=True)
    click.echo(secret)


@users.command("tokens")
@click.argument("username", required=False)
@click.pass_context
def tokens(ctx: click.Context, username: str | None) -> None:
    """List API tokens (never their secrets)."""
    for t in _accounts(ctx).tokens(username):
        state = f"revoked {t.revoked_at:%Y-%m-%d}" if t.revoked_at else "active"
        click.echo(f"{t.id}\t{t.username}\t{t.name}\t{t.created_at:%Y-%m-%d}\t{state}")


@users.command("revoke")
@click.argument("token_id", type=int)
@click.pass_context
def revoke(ctx: click.Context, token_id: int) -> None:
    """Revoke an API token by its id."""
    _accounts(ctx).revoke_token(token_id)
    click.echo(f"revoked token {token_id}")
