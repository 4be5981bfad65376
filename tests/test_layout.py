"""The house plan, checked from the code's own imports: HTTP in api/, meaning in reads/ and
writes/ (which do not import each other), shapes in model/, Neo4j in store/; no module
imports one on a floor above it, and nothing below api/ imports FastAPI or Starlette."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"
# Floors from the top down; a module may import its own floor or lower ones.
FLOORS = [
    {"main", "cli"},
    {"api"},
    {"rdf", "web", "exports"},
    {"reads", "writes"},
    {"extract"},
    {"store"},
    {"model"},
    {"schema"},
    {"errors", "settings", "text", "memory"},
]
FLOOR = {room: depth for depth, rooms in enumerate(FLOORS) for room in rooms}


def room(module: str) -> str:
    return module.split(".")[1]


def imports() -> dict[str, set[str]]:
    """Each app module (dotted) and the app modules it imports."""
    found: dict[str, set[str]] = {}
    for path in APP.rglob("*.py"):
        module = ".".join(path.relative_to(APP.parent).with_suffix("").parts).removesuffix(".__init__")
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
        found[module] = names
    return found


def test_every_module_lives_in_a_room_of_the_plan() -> None:
    assert {room(m) for m in imports() if m != "app"} <= set(FLOOR)


def test_no_module_imports_one_on_a_floor_above_it() -> None:
    upward = [(module, name) for module, names in imports().items() if module != "app"
              for name in names if name.startswith("app.") and name.count(".") >= 1
              and room(name) in FLOOR and FLOOR[room(name)] < FLOOR[room(module)]]
    assert upward == []


def test_reads_and_writes_do_not_import_each_other() -> None:
    crossing = [(module, name) for module, names in imports().items() if module != "app"
                for name in names if name.startswith("app.") and name.count(".") >= 1
                and {room(module), room(name)} == {"reads", "writes"}]
    assert crossing == []


def test_nothing_below_the_api_imports_fastapi_or_starlette() -> None:
    web_framework = [(module, name) for module, names in imports().items()
                     if module != "app" and FLOOR[room(module)] > FLOOR["api"]
                     for name in names if name.split(".")[0] in ("fastapi", "starlette")]
    assert web_framework == []


def test_no_module_is_over_300_lines() -> None:
    long = {str(p.relative_to(APP)): n for p in APP.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300}
    assert long == {}


def test_every_package_says_what_lives_there() -> None:
    silent = [str(p.relative_to(APP)) for p in APP.rglob("__init__.py")
              if ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None]
    assert silent == []
