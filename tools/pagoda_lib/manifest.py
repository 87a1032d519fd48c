# SPDX-License-Identifier: MIT
"""Test manifests: tests/SUITE/TESTS, one test a line, every knob in one
place.  The format is documented in docs/testing.md:

    # comment
    NAME key=value key='value with spaces' ...
"""

import shlex
from dataclasses import dataclass, field
from pathlib import Path

from . import faults
from .common import BUILD, DEFAULT_MEM, ROOT, PagodaError

TESTS_DIR = ROOT / "tests"
SUITE_ORDER = ["kthreads", "userprog", "filesys", "vm"]


@dataclass
class TestSpec:
    """One manifest line with its defaults filled in."""
    suite: str
    name: str
    kind: str = "user"            # kernel: in-kernel test; user: program
    mem: int = DEFAULT_MEM        # MB of RAM
    fs: int = 0                   # file-system disk units (0: none)
    fs_image: str = ""            # boot on a copy of this image instead
    before: str = ""              # a first boot on the same disks: run ARGS
    swap: int = 0                 # swap disk units (0: none)
    fs_fault: str = ""            # blkdebug rules for the fs disk (faults.py)
    swap_fault: str = ""          # ... and for the swap disk
    timeout: int = 60             # wall-clock seconds
    args: str = ""                # what `run' gets; default NAME
    kargs: str = ""               # extra kernel options before the actions
    put: list = field(default_factory=list)    # extra files for the fs disk
    expect: str = "output"        # output | panic
    stack: list = field(default_factory=list)  # functions the panic must show
    leak: bool = True             # compare mem: boot/halt log lines
    icount: bool = False          # deterministic instruction counting
    smp: int = 0                  # CPUs; 0: the runner's (--smp, SMP=N)
    ignore_exit: list = field(default_factory=list)  # unjudged exit lines
    where: str = ""               # manifest file:line, for messages
    error: str = ""               # set when the manifest line is bad

    @property
    def id(self):
        return f"{self.suite}/{self.name}"

    @property
    def expected_path(self):
        return TESTS_DIR / self.suite / f"{self.name}.out"

    @property
    def program(self):
        return BUILD / "tests" / self.suite / self.name

    def command_line(self):
        """The kernel command line: `-q KARGS run 'ARGS''."""
        words = ["-q"] + ([self.kargs] if self.kargs else [])
        return " ".join(words + ["run", "'" + self.args + "'"])


def _int(value, key, where, minimum=0):
    try:
        n = int(value, 0)
    except ValueError:
        raise PagodaError(f"{where}: {key}={value}: not a number") from None
    if n < minimum:
        raise PagodaError(f"{where}: {key}={value}: must be >= {minimum}")
    return n


def _bool(value, key, where):
    if value in ("1", "yes", "true"):
        return True
    if value in ("0", "no", "false"):
        return False
    raise PagodaError(f"{where}: {key}={value}: use 0 or 1")


def _choice(value, key, where, choices):
    if value not in choices:
        raise PagodaError(f"{where}: {key}={value}: one of {', '.join(choices)}")
    return value


def _fault(value, key, where):
    try:
        faults.parse(value, key)
    except PagodaError as e:
        raise PagodaError(f"{where}: {e}") from None
    return value


def _list(value):
    return [v for v in value.split(",") if v]


# key -> (attribute, converter(value, key, where))
KEYS = {
    "kind": lambda v, k, w: _choice(v, k, w, ("kernel", "user")),
    "mem": lambda v, k, w: _int(v, k, w, 1),
    "fs": lambda v, k, w: _int(v, k, w),
    "fs-image": lambda v, k, w: v,
    "before": lambda v, k, w: v,
    "swap": lambda v, k, w: _int(v, k, w),
    "fs-fault": lambda v, k, w: _fault(v, k, w),
    "swap-fault": lambda v, k, w: _fault(v, k, w),
    "timeout": lambda v, k, w: _int(v, k, w, 1),
    "args": lambda v, k, w: v,
    "kargs": lambda v, k, w: v,
    "put": lambda v, k, w: _list(v),
    "expect": lambda v, k, w: _choice(v, k, w, ("output", "panic")),
    "stack": lambda v, k, w: _list(v),
    "leak": _bool,
    "icount": _bool,
    "smp": lambda v, k, w: _int(v, k, w, 1),
    "ignore-exit": lambda v, k, w: _list(v),
}


def parse_line(suite, line, where):
    """The TestSpec of one manifest LINE, or None for blank and comment
    lines.  Raises PagodaError naming WHERE on a bad key or value."""
    try:
        words = shlex.split(line, comments=True)
    except ValueError as e:
        raise PagodaError(f"{where}: {e}") from None
    if not words:
        return None
    name, settings = words[0], {}
    if "=" in name or "/" in name:
        raise PagodaError(f"{where}: line must start with the test name")
    for word in words[1:]:
        key, sep, value = word.partition("=")
        if not sep or key not in KEYS:
            raise PagodaError(f"{where}: unknown setting `{word}'"
                              f" (keys: {', '.join(KEYS)})")
        if key in settings:
            raise PagodaError(f"{where}: {key} given twice")
        settings[key] = KEYS[key](value, key, where)
    kind = settings.get("kind", "kernel" if suite == "kthreads" else "user")
    spec = TestSpec(suite, name, kind=kind, where=where,
                    fs=10 if kind == "user" else 0, args=name)
    for key, value in settings.items():
        setattr(spec, key.replace("-", "_"), value)
    return spec


def parse_manifest(path):
    """All TestSpecs of manifest PATH (tests/SUITE/TESTS)."""
    path = Path(path)
    suite = path.parent.name
    specs, seen = [], set()
    for number, line in enumerate(path.read_text().splitlines(), 1):
        where = f"tests/{suite}/TESTS:{number}"
        try:
            spec = parse_line(suite, line, where)
        except PagodaError as e:
            # One bad line fails its own test, not the whole run.
            words = line.split()
            spec = TestSpec(suite, words[0] if words else "?", where=where,
                            error=str(e))
        if spec is None:
            continue
        if spec.name in seen:
            raise PagodaError(f"{where}: test {spec.name} listed twice")
        seen.add(spec.name)
        specs.append(spec)
    return specs


def _suite_key(path):
    suite = path.parent.name
    rank = SUITE_ORDER.index(suite) if suite in SUITE_ORDER else len(SUITE_ORDER)
    return (rank, suite)


def discover(tests_dir=TESTS_DIR):
    """Every test of every tests/*/TESTS, suites in the order kthreads,
    userprog, filesys, vm, then the others alphabetically."""
    specs = []
    for path in sorted(Path(tests_dir).glob("*/TESTS"), key=_suite_key):
        specs += parse_manifest(path)
    return specs
