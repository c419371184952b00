"""Which way imports go (docs/architecture.md): the core (`portal`) imports no other app of the
project; no module imports inside a function (but an AppConfig's `ready()`, where Django wants
signal handlers connected, once every app is loaded); no two modules of the project import each
other, directly or round a longer loop. Read from the source, so a new import that breaks this fails
here."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The project's apps; the core is `portal`.
APPS = sorted(path.parent.name for path in ROOT.glob("*/apps.py"))
SKIPPED = {"migrations", "settings"}  # migrations are generated; settings name apps as strings


def modules():
    """{dotted name: path} of every module of the project's apps, tests and tooling left out."""
    found = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if SKIPPED.isdisjoint(path.relative_to(ROOT).parts):
                name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
                found[name.removesuffix(".__init__")] = path
    return found


def imports(path, module):
    """[(imported module, line, inside a function)] of one module, relative imports resolved."""
    tree = ast.parse(path.read_text(), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            function = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            inside = in_function or (function and not (path.name == "apps.py" and child.name == "ready"))
            if isinstance(child, ast.Import):
                found.extend((alias.name, child.lineno, in_function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parent = package.rsplit(".", child.level - 1)[0] if child.level > 1 else package
                    base = f"{parent}.{base}" if base else parent
                found.extend((f"{base}.{alias.name}", child.lineno, in_function) for alias in child.names)
            visit(child, inside)

    visit(tree, False)
    return found


def project_imports():
    every = modules()
    return {
        module: [(name, line, inner) for name, line, inner in imports(path, module) if name.split(".")[0] in APPS]
        for module, path in every.items()
    }


def test_the_core_imports_no_other_app():
    wrong = [
        f"{module}:{line} imports {name}"
        for module, found in project_imports().items()
        if module.split(".")[0] == "portal"
        for name, line, _ in found
        if name.split(".")[0] != "portal"
    ]
    assert wrong == []


def test_no_import_inside_a_function():
    hidden = [
        f"{module}:{line} imports {name}"
        for module, found in project_imports().items()
        for name, line, inner in found
        if inner
    ]
    assert hidden == []


def test_no_modules_import_each_other():
    every = modules()
    graph = {module: set() for module in every}
    for module, found in project_imports().items():
        for name, _, _ in found:
            # `from app.models import X` and `from app import models` both name a module of ours.
            target = name if name in every else name.rpartition(".")[0]
            if target in every and target != module:
                graph[module].add(target)
    loops, state = [], {}

    def walk(module, trail):
        state[module] = "open"
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                loops.append(" -> ".join([*trail[trail.index(target) :], target]))
            elif target not in state:
                walk(target, [*trail, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            walk(module, [module])
    assert loops == []
