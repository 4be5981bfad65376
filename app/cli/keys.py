"""API keys: `mgraph keys create|list|revoke`."""

from typing import Annotated

import typer

from app.cli.common import connect, console, fail, keys_cli
from app.errors import GraphError
from app.model.actors import Role
from app.reads.keys import list_keys
from app.writes.keys import create_key, revoke_key


@keys_cli.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="Who or what uses the key.")],
    role: Annotated[Role, typer.Option(help="reader, editor or admin.")] = Role.editor,
) -> None:
    """Create a key and print it once; only its hash is stored."""
    graph = connect()
    try:
        key, record = create_key(graph, name, role)
    finally:
        graph.close()
    console.print(f"created key {record['id']} ({record['role']}) for {record['name']}; "
                  "copy it now, it is not shown again:")
    typer.echo(key)


@keys_cli.command("list")
def keys_list() -> None:
    """List keys (ids, names, roles; never secrets)."""
    graph = connect()
    try:
        for row in graph.run(list_keys()):
            state = f"revoked {row['revoked_at']}" if row["revoked_at"] else "active"
            typer.echo(f"{row['id']}  {row['role']:<7} {state:<40} {row['name']}")
    finally:
        graph.close()


@keys_cli.command("revoke")
def keys_revoke(key_id: Annotated[str, typer.Argument(help="The key's id (the part after mgk_).")]) -> None:
    """Revoke a key at once."""
    graph = connect()
    try:
        revoke_key(graph, key_id)
    except GraphError as exc:
        fail(exc.message)
    finally:
        graph.close()
    console.print(f"revoked {key_id}")


