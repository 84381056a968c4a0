"""`sohoa users`: add staff accounts of the web app and issue their API tokens."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ingest.cli.console import services
from ingest.core.enums import Role

app = typer.Typer(help="Staff accounts of the web app (roles clerk, reviewer, admin) and their API tokens.",
                  no_args_is_help=True)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


@app.command("add")
def add(username: Annotated[str, typer.Argument(help="sign-in name")],
        role: Annotated[str, typer.Option(help="clerk, reviewer or admin")] = Role.CLERK,
        agency: Annotated[str | None, typer.Option(help="the agency whose documents the user works on "
                                                        "(required except for admins)")] = None,
        password_stdin: Annotated[bool, typer.Option("--password-stdin",
                                                     help="read the password from the first line of stdin")]
        = False) -> None:
    """Add a user (the first admin too); prompts for the password."""
    from ingest.store.users import create_user

    password = _read_password(password_stdin)
    svc = services()
    with svc.sessions() as session:
        user = create_user(session, username, password, role=role, agency=agency)
        typer.echo(f"user {user.username} added: {user.role}" + (f", {user.agency}" if user.agency else ""))


@app.command("token")
def token(username: Annotated[str, typer.Argument(help="the user to issue a token for")]) -> None:
    """Print a new API token for the user (the old one stops working). Send it as
    'Authorization: Bearer <token>'."""
    from ingest.store.users import issue_token

    svc = services()
    with svc.sessions() as session:
        typer.echo(issue_token(session, username))


@app.command("list")
def list_users() -> None:
    """The users, their roles and agencies."""
    from sqlalchemy import select

    from ingest.store.models import User

    svc = services()
    with svc.sessions() as session:
        for u in session.scalars(select(User).order_by(User.username)):
            state = "" if u.active else " (disabled)"
            typer.echo(f"{u.username}\t{u.role}\t{u.agency or '-'}{state}")


@app.command("disable")
def disable(username: Annotated[str, typer.Argument()],
            enable: Annotated[bool, typer.Option("--enable", help="enable the user again")] = False) -> None:
    """Disable a user (sign-in and API token refused), or enable them again."""
    from ingest.store.users import AuthError, get_user

    svc = services()
    with svc.sessions() as session:
        user = get_user(session, username)
        if user is None:
            raise AuthError(f"user {username!r} does not exist")
        user.active = enable
        session.commit()
        typer.echo(f"user {username} {'enabled' if enable else 'disabled'}")
