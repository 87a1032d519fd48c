# SPDX-License-Identifier: MIT
"""`pagoda trace' and `pagoda flow': boot once with tracing on, then write
the HTML report or print the call tree of one event (docs/tracing.md).

Both take either a test name (its manifest line gives the machine) or
`run' options, `--' and a kernel command line."""

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

from . import flow, machine, report, runner, tracefile
from .common import BUILD, PagodaError, rel
from .manifest import discover

REPORTS = BUILD / "reports"
TRACE_KERNEL = BUILD / "trace" / "kernel.bin"


def _stem_name(text):
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")[:60] or "run"


def _add_trace_option(kernel_args, option):
    """KERNEL_ARGS with OPTION in front (the options come before actions)."""
    return f"{option} {kernel_args}"


def boot_traced(test, opts, words, workdir, option, kernel=None):
    """Boot TEST (or the machine of OPTS and WORDS) with trace OPTION;
    returns (title, trace path, console text, log text)."""
    from .cli import build_machine
    console, log = Path(workdir) / "console", Path(workdir) / "log"
    if test:
        specs = runner.select(discover(), [test])
        if len(specs) != 1:
            raise PagodaError(f"{test} matches {len(specs)} tests; name one"
                              " (suite/name)")
        spec = specs[0]
        m = runner.prepare(spec, workdir, console, log)
        timeout, title = spec.timeout, spec.id
    else:
        if not words:
            raise PagodaError("name a test, or give `-- KERNEL ARGS'")
        m = build_machine(opts, words, workdir, console, log)
        timeout, title = opts.timeout, " ".join(words)
    if kernel is not None:
        m.kernel = kernel
    m.icount = m.icount or opts.icount
    m.trace = Path(workdir) / "trace.bin"
    m.kernel_args = _add_trace_option(m.kernel_args, option)
    if test and spec.before:
        runner._boot_before(spec, m)
    res = machine.run_captured(m.argv(), timeout)
    if res.timed_out:
        raise PagodaError(f"{title}: timed out after {timeout} s")
    read = lambda p: p.read_text(errors="replace") if p.exists() else ""
    return title, m.trace, read(console), read(log)


def _parser(prog, description):
    from .cli import add_machine_options
    p = argparse.ArgumentParser(
        prog=prog, usage=f"{prog} [OPTIONS] [TEST | [RUN OPTIONS] -- ARGS]",
        description=description)
    p.add_argument("test", nargs="?", help="a test name (suite/name)")
    add_machine_options(p)
    p.add_argument("--timeout", type=float, default=120, metavar="S")
    return p


def _split(argv):
    from .cli import split_dashdash
    return split_dashdash(argv)


def cmd_trace(argv):
    opts_argv, words = _split(argv)
    p = _parser("pagoda trace", "Boot once with -trace=vm and write one "
                "self-contained HTML report of the run.")
    p.add_argument("-o", "--output", metavar="FILE.html",
                   help="where (default build/reports/NAME.html)")
    opts = p.parse_args(opts_argv)
    workdir = tempfile.mkdtemp(prefix="pagoda-trace-")
    try:
        title, tpath, console, log = boot_traced(opts.test, opts, words,
                                                 workdir, "-trace=vm")
        REPORTS.mkdir(parents=True, exist_ok=True)
        out = Path(opts.output) if opts.output else \
            REPORTS / (_stem_name(title) + ".html")
        stem = out.with_suffix("")
        shutil.copyfile(tpath, f"{stem}.trace")
        Path(f"{stem}.console").write_text(console)
        Path(f"{stem}.log").write_text(log)
        report.write(tpath, out, title)
        print(rel(out))
        return 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _wanted(files, everything):
    """The default view's filter: functions from VM_SOURCES."""
    if everything:
        return None

    def wanted(node):
        if node.fn.startswith("trace_"):
            return False        # the trace points' own helpers
        path = files.get(getattr(node, "addr", None), "")
        return any(path.startswith(s) or "/" + s in path
                   for s in flow.VM_SOURCES)
    return wanted


def flow_tree(trace_path, kind, everything=False, sym=None, elf=None):
    """The merged call tree of the first kept window of KIND in the trace
    at TRACE_PATH, or None if there is none."""
    sym = sym or BUILD / "trace" / "kernel.sym"
    elf = elf or BUILD / "trace" / "kernel.elf"
    t = tracefile.read(trace_path)
    names = flow.symbols(sym)
    want = flow.KINDS[kind][1]
    types = {"zero": "zero", "file": "file_in", "swapin": "swap_in",
             "stack": "stack", "cow": "cow_copy", "exec": "exec",
             "fork": "fork"}[want]
    for w in t.windows:
        if w.overflow and (w.has(types) or w.has("cow_last")):
            raise PagodaError(f"the window of the first {kind} event was "
                              "bigger than the kernel's window buffer")
        if w.has(types) or (want == "cow" and w.has("cow_last")):
            addrs = {v for k, v, _ in w.records if k == tracefile.FLOW_ENTER}
            files = {} if everything else flow.source_files(elf, addrs)
            return flow.tree(w, names, _wanted(files, everything)), types
    return None, types


def cmd_flow(argv):
    opts_argv, words = _split(argv)
    p = _parser("pagoda flow", "Boot the call-flow kernel (make TRACE=1) "
                "and print the call tree of one event.")
    p.add_argument("--event", choices=sorted(flow.KINDS), default="zero",
                   help="which event (default: the first zero-fill fault)")
    p.add_argument("--all", action="store_true",
                   help="every kernel function, not only VM and process ones")
    opts = p.parse_args(opts_argv)
    if not TRACE_KERNEL.is_file():
        raise PagodaError(f"{rel(TRACE_KERNEL)} is missing (run "
                          "`make TRACE=1')")
    root_fn = flow.KINDS[opts.event][0]
    addr = next((a for a, n in flow.symbols(TRACE_KERNEL.with_suffix(".sym"))
                 .items() if n == root_fn), None)
    if addr is None:
        raise PagodaError(f"{root_fn} is not in the trace kernel")
    option = f"-trace=flow:{addr:x}:{flow.KINDS[opts.event][1]}:1"
    workdir = tempfile.mkdtemp(prefix="pagoda-flow-")
    try:
        title, tpath, _, _ = boot_traced(opts.test, opts, words, workdir,
                                         option, kernel=TRACE_KERNEL)
        root, mark = flow_tree(tpath, opts.event, opts.all)
        if root is None:
            print(f"pagoda flow: no {opts.event} event inside {root_fn} in "
                  f"{title}", file=sys.stderr)
            return 1
        print(f"{title}: the first {opts.event} event, inside {root_fn}"
              f" (calls, TSC time: guest instructions with --icount)")
        print("\n".join(flow.lines(root)))
        chain = flow.chain_to(root, mark)
        if chain:
            print(f"\n{mark} happens in: " + " → ".join(chain))
        return 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
