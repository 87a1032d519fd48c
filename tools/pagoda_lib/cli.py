# SPDX-License-Identifier: MIT
"""Command-line front end of tools/pagoda: argument parsing and the `run',
`disk', `backtrace', `test' and `debug' commands."""

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from . import backtrace, debug, disk, machine, opt, pintos, runner, tracecmd
from .common import (BUILD, DEFAULT_MEM, KERNEL_BIN, KERNEL_ELF, PagodaError,
                     free_gdb_port, kernel_command_line, rel)
from .manifest import discover

RUN_DIR = BUILD / "run"
TIMEOUT_STATUS = 124


def split_dashdash(argv):
    """(options, kernel words): ARGV split at its first `--'."""
    if "--" in argv:
        i = argv.index("--")
        return argv[:i], argv[i + 1:]
    return argv, []


def _env_smp():
    """The CPU count $SMP asks for (1 when unset)."""
    try:
        return max(1, int(os.environ.get("SMP") or 1))
    except ValueError:
        raise PagodaError(f"SMP={os.environ['SMP']}: not a number") from None


def add_machine_options(p):
    """Options shared by `run' and `debug'."""
    p.add_argument("-m", "--mem", type=int, default=DEFAULT_MEM, metavar="MB",
                   help=f"RAM in MB (default {DEFAULT_MEM})")
    p.add_argument("--fs-disk", type=int, metavar="N",
                   help="fresh file-system disk of N units (formatted)")
    p.add_argument("--fs-image", metavar="PATH",
                   help="use (and keep) this file-system image; with "
                        "--fs-disk it is created afresh")
    p.add_argument("--swap-disk", type=int, metavar="N",
                   help="fresh swap disk of N units")
    p.add_argument("--put", action="append", default=[], metavar="HOST[:NAME]",
                   help="copy a host file onto the fs disk first")
    p.add_argument("--icount", action="store_true",
                   help="deterministic instruction counting (-icount shift=0)")
    p.add_argument("--smp", type=int, default=_env_smp(), metavar="N",
                   help="CPUs (default $SMP, else 1; docs/smp.md)")
    p.add_argument("--kernel", default=str(KERNEL_BIN), metavar="PATH",
                   help="flat Multiboot image (default build/kernel.bin)")


def build_machine(opts, words, workdir, console, log):
    """A Machine from run/debug OPTS and kernel WORDS; temporary disks go
    to WORKDIR."""
    m = machine.Machine(kernel_args=kernel_command_line(words),
                        mem=opts.mem, kernel=Path(opts.kernel),
                        console=console, log=log, icount=opts.icount,
                        smp=opts.smp)
    puts = [disk.split_put(p) for p in opts.put]
    if opts.fs_image:
        m.fs_image = Path(opts.fs_image)
        if opts.fs_disk:
            disk.build_image(m.fs_image, opts.fs_disk, puts)
        elif not m.fs_image.is_file():
            raise PagodaError(f"{opts.fs_image}: no such image (build it "
                              f"with `make' or give --fs-disk=N)")
        else:
            for host, name in puts:
                disk.put(m.fs_image, host, name)
    elif opts.fs_disk:
        m.fs_image = Path(workdir) / "fs.img"
        disk.build_image(m.fs_image, opts.fs_disk, puts)
    elif puts:
        raise PagodaError("--put needs --fs-disk=N or --fs-image PATH")
    if opts.swap_disk:
        m.swap_image = Path(workdir) / "swap.img"
        disk.create_blank(m.swap_image, opts.swap_disk)
    return m


def _status(result):
    """Our exit status for a QEMU result (signals as 128 + N)."""
    if result.timed_out:
        return TIMEOUT_STATUS
    return result.status if result.status >= 0 else 128 - result.status


def cmd_run(argv):
    opts_argv, words = split_dashdash(argv)
    p = argparse.ArgumentParser(
        prog="pagoda run", usage="pagoda run [OPTIONS] -- KERNEL ARGS",
        description="Boot the kernel once in QEMU; exits with QEMU's status.")
    add_machine_options(p)
    p.add_argument("--get", action="append", default=[], metavar="NAME[:HOST]",
                   help="after QEMU exits, copy a file off the fs disk")
    p.add_argument("--timeout", type=float, metavar="S",
                   help="wall-clock limit; prints TIMEOUT and kills QEMU")
    p.add_argument("--gdb", action="store_true",
                   help="QEMU waits for gdb (see build/.gdbinit)")
    p.add_argument("--console", metavar="FILE", help="also save COM1 here")
    p.add_argument("--log", metavar="FILE",
                   help="save COM2 here (default build/run/log.txt)")
    p.add_argument("--interactive", action="store_true",
                   help="console on this terminal (Ctrl-a x quits)")
    p.add_argument("--trace", metavar="FILE",
                   help="boot with -trace=vm and save the trace port (0xe9)"
                        " here (docs/tracing.md)")
    opts = p.parse_args(opts_argv)
    if opts.get and not (opts.fs_disk or opts.fs_image):
        raise PagodaError("--get needs --fs-disk=N or --fs-image PATH")
    log = Path(opts.log) if opts.log else RUN_DIR / "log.txt"
    log.parent.mkdir(parents=True, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="pagoda-run-")
    try:
        console = (machine.CONSOLE_TERMINAL if opts.interactive
                   else machine.CONSOLE_PIPE)
        m = build_machine(opts, words, workdir, console, log)
        if opts.trace:
            m.trace = Path(opts.trace)
            if not any(w.startswith("-trace=") for w in words):
                m.kernel_args = "-trace=vm " + m.kernel_args
        if opts.gdb:
            m.gdb_port = free_gdb_port()
            debug.write_gdbinit(m.gdb_port)
            print(f"QEMU waits for gdb on localhost:{m.gdb_port}; in another"
                  f" terminal: gdb -x {rel(debug.GDBINIT)}", file=sys.stderr)
        result = _boot(m, opts)
        for spec in opts.get:
            name, host = disk.split_get(spec)
            disk.get(m.fs_image, name, host)
        return _status(result)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _boot(m, opts):
    argv = m.argv()
    if opts.interactive:
        print("Console on this terminal; Ctrl-a x quits, Ctrl-a c for the "
              f"QEMU monitor.  Log: {rel(m.log)}", file=sys.stderr)
        result = machine.run_on_terminal(argv, opts.timeout)
    else:
        sinks = [machine.stdout_binary()]
        save = open(opts.console, "wb") if opts.console else None
        try:
            result = machine.run_teed(argv, opts.timeout,
                                      sinks + ([save] if save else []))
        finally:
            if save:
                save.close()
    if result.timed_out:
        print("\nTIMEOUT", flush=True)
    return result


def cmd_disk(argv):
    p = argparse.ArgumentParser(
        prog="pagoda disk",
        usage="pagoda disk IMAGE format [--size UNITS] | put HOST[:NAME]... |"
              " get NAME[:HOST]... | ls | rm NAME... | fsck",
        description="File-system images, through build/host/pagoda-disk.")
    p.add_argument("image")
    p.add_argument("command", choices=["format", "put", "get", "ls", "rm",
                                       "fsck"])
    p.add_argument("items", nargs="*")
    p.add_argument("--size", type=int, metavar="UNITS",
                   help=f"format: image size (default {disk.DEFAULT_UNITS}"
                        " units when the file does not exist)")
    opts = p.parse_args(argv)
    image, cmd = Path(opts.image), opts.command
    if cmd == "format":
        if opts.size or not image.exists():
            disk.create_blank(image, opts.size or disk.DEFAULT_UNITS)
        disk.call(image, "format", capture=False)
    elif cmd in ("put", "get", "rm") and not opts.items:
        raise PagodaError(f"disk {cmd}: name at least one file")
    elif cmd == "put":
        for item in opts.items:
            disk.put(image, *disk.split_put(item))
    elif cmd == "get":
        for item in opts.items:
            disk.get(image, *disk.split_get(item))
    elif cmd == "rm":
        for item in opts.items:
            disk.call(image, "rm", item, capture=False)
    else:
        disk.call(image, cmd, *opts.items, capture=False)
    return 0


def cmd_backtrace(argv):
    p = argparse.ArgumentParser(
        prog="pagoda backtrace",
        description="Symbolise `Call stack:' lines (files, addresses or "
                    "stdin) with addr2line.")
    p.add_argument("items", nargs="*", metavar="FILE|ADDR")
    p.add_argument("-e", "--elf", default=str(KERNEL_ELF),
                   help="binary to look up (default build/kernel.elf)")
    p.add_argument("--no-adjust", action="store_true",
                   help="look up the addresses as given (not return "
                        "addresses)")
    opts = p.parse_args(argv)
    texts = []
    for item in opts.items:
        texts.append(Path(item).read_text(errors="replace")
                     if Path(item).is_file() else item)
    text = "\n".join(texts) if texts else sys.stdin.read()
    lines = backtrace.format_stacks(text, opts.elf, not opts.no_adjust)
    if not lines:
        print("no addresses found", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


def cmd_test(argv):
    p = argparse.ArgumentParser(
        prog="pagoda test",
        description="Run the tests of tests/*/TESTS (see docs/testing.md).")
    p.add_argument("globs", nargs="*", metavar="GLOB",
                   help="suite/name patterns, e.g. kthreads/alarm-* or 'vm/*'")
    p.add_argument("-j", "--jobs", type=int, default=2,
                   help="QEMUs at once (default 2)")
    p.add_argument("--repeat", type=int, default=1, metavar="N",
                   help="run each test N times")
    p.add_argument("--list", action="store_true", help="list, do not run")
    p.add_argument("--trace-vm", action="store_true",
                   help="boot with -trace=vm; check the trace's counters")
    p.add_argument("--vm-policy", metavar="NAME",
                   default=os.environ.get("VM_POLICY") or None,
                   help="boot every test with -vm-policy=NAME (default: "
                        "$VM_POLICY, else the kernel's default)")
    p.add_argument("--smp", type=int, default=_env_smp(), metavar="N",
                   help="CPUs of each test without an smp= setting "
                        "(default $SMP, else 1)")
    opts = p.parse_args(argv)
    runner.TRACE_VM = opts.trace_vm
    runner.SMP = max(1, opts.smp)
    globs = [g for arg in opts.globs for g in arg.split()]
    # `make check TESTS=vm/*' lets the shell expand vm/* against the kernel's
    # own vm/ folder; make also exports TESTS, so take the patterns from it.
    env = os.environ.get("TESTS", "").split()
    if env and any(Path(g).exists() for g in globs):
        globs = env
    # trace/NAME tests are host-side (tests/trace/check-trace, after us).
    if globs and all(g.startswith("trace/") for g in globs):
        return 0
    globs = [g for g in globs if not g.startswith("trace/")]
    return runner.main(globs, opts.jobs, max(1, opts.repeat), opts.list,
                       opts.vm_policy)


def _debug_test_machine(name, workdir, console, log):
    specs = runner.select(discover(), [name])
    if len(specs) != 1:
        raise PagodaError(f"{name} matches {len(specs)} tests; name one "
                          "(suite/name)")
    spec = specs[0]
    print(f"test {spec.id}: {rel(runner.rerun_command(spec))}")
    return runner.prepare(spec, workdir, console, log)


def cmd_debug(argv):
    opts_argv, words = split_dashdash(argv)
    p = argparse.ArgumentParser(
        prog="pagoda debug", usage="pagoda debug [TEST] [OPTIONS] [-- ARGS]",
        description="Boot paused under gdb, stopped at the kernel entry.")
    p.add_argument("test", nargs="?",
                   help="boot as this test's manifest line says")
    p.add_argument("--serve", action="store_true",
                   help="no gdb here: leave QEMU paused at kmain for a "
                        "debugger to attach (gdb -x build/debug/attach.gdb;"
                        " .vscode does); wait until QEMU exits")
    p.add_argument("--stop", action="store_true",
                   help="kill the QEMU of a running --serve")
    add_machine_options(p)
    opts = p.parse_args(opts_argv)
    if opts.stop:
        return debug.stop_served()
    debug.DEBUG_DIR.mkdir(parents=True, exist_ok=True)
    console = debug.DEBUG_DIR / "console.txt"
    log = debug.DEBUG_DIR / "log.txt"
    workdir = tempfile.mkdtemp(prefix="pagoda-debug-")
    try:
        if opts.test:
            runner.SMP = max(1, opts.smp)
            m = _debug_test_machine(opts.test, workdir, console, log)
        else:
            m = build_machine(opts, words, workdir, console, log)
        m.gdb_port = free_gdb_port()
        return debug.serve(m) if opts.serve else debug.session(m)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


COMMANDS = {"run": cmd_run, "test": cmd_test, "disk": cmd_disk,
            "backtrace": cmd_backtrace, "debug": cmd_debug, "opt": opt.main,
            "pintos": pintos.main,
            "trace": tracecmd.cmd_trace, "flow": tracecmd.cmd_flow}


def usage():
    return ("usage: pagoda {run,test,disk,backtrace,debug,opt,pintos,trace,flow} ...\n"
            "  run [OPTIONS] -- ARGS     boot the kernel once\n"
            "  test [--jobs N] [--repeat N] [--list] [GLOB...]\n"
            "  disk IMAGE format|put|get|ls|rm|fsck ...\n"
            "  backtrace [FILE|ADDR...]  symbolise call stacks\n"
            "  debug [TEST] [OPTIONS]    QEMU paused, gdb attached\n"
            "  opt --frames N WORKLOAD   OPT and LRU faults of a workload\n"
            "  pintos TREE [GLOB...]     a Pintos tree's own tests on Pagoda\n"
            "  trace [TEST | -- ARGS]    HTML report of a traced run\n"
            "  flow [--event E] [TEST]   call tree of one event (make TRACE=1)\n"
            "`pagoda CMD --help' for the options of CMD.")


def main(argv):
    """Dispatch ARGV[0] to its command; returns the exit status."""
    if not argv or argv[0] not in COMMANDS:
        print(usage(), file=sys.stderr if argv[:1] not in (["-h"], ["--help"])
              else sys.stdout)
        return 0 if argv[:1] in (["-h"], ["--help"]) else 2
    try:
        return COMMANDS[argv[0]](argv[1:])
    except PagodaError as e:
        print(f"pagoda: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
