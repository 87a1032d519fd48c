# SPDX-License-Identifier: MIT
"""`pagoda debug': QEMU paused with its gdb stub, gdb attached.

QEMU starts with -S (no instruction runs until gdb says so) and the stub
on a free per-user port.  build/.gdbinit loads build/kernel.elf, connects,
loads the Pagoda macros (tools/gdbinit), sets a hardware breakpoint on the
Multiboot entry `start' and continues, so the session opens stopped at the
kernel's first instruction with symbols loaded.  QEMU runs in its own
session so that Ctrl-C in gdb interrupts the guest instead of killing
QEMU; it is killed when gdb exits."""

import shutil
import signal
import subprocess
import sys
from pathlib import Path

from .common import BUILD, KERNEL_ELF, ROOT, PagodaError, rel

GDBINIT = BUILD / ".gdbinit"
DEBUG_DIR = BUILD / "debug"


def write_gdbinit(port, path=GDBINIT, stop_at_entry=True, elf=KERNEL_ELF):
    """Write the gdb start-up script for a stub on localhost:PORT whose
    kernel's symbols are in ELF."""
    lines = ["set confirm off", "set pagination off",
             f"file {elf}",
             f"target remote localhost:{port}",
             f"source {ROOT / 'tools' / 'gdbinit'}"]
    if stop_at_entry:
        lines += ["hbreak start", "continue"]
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text("\n".join(lines) + "\n")
    return path


def session(m, elf=KERNEL_ELF):
    """Boot machine M (gdb_port set) paused and run gdb on it until gdb
    exits; returns gdb's exit status.  ELF holds M's kernel symbols."""
    if not shutil.which("gdb"):
        raise PagodaError("gdb not found (run tools/install-deps)")
    if not Path(elf).is_file():
        raise PagodaError(f"{rel(elf)} is missing (run `make')")
    write_gdbinit(m.gdb_port, elf=elf)
    argv = m.argv()
    print(f"QEMU paused, gdb stub on localhost:{m.gdb_port}")
    print(f"console: {rel(m.console)}  log: {rel(m.log)}")
    print("`continue' (c) runs the kernel, Ctrl-C stops it, `quit' ends.")
    sys.stdout.flush()
    qemu = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return subprocess.call(["gdb", "-q", "-x", str(GDBINIT)], cwd=ROOT)
    finally:
        signal.signal(signal.SIGINT, old)
        if qemu.poll() is None:
            qemu.kill()
        qemu.wait()
