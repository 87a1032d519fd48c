# SPDX-License-Identifier: MIT
"""`pagoda debug': QEMU paused with its gdb stub, gdb attached.

QEMU starts with -S (no instruction runs until gdb says so) and the stub
on a free per-user port.  build/.gdbinit loads build/kernel.elf, connects,
loads the Pagoda macros (tools/gdbinit), sets a hardware breakpoint on the
Multiboot entry `start' (by address) and continues, so the session opens
stopped at the kernel's first instruction with symbols loaded.  QEMU runs
in its own session so that Ctrl-C in gdb interrupts the guest instead of
killing QEMU; it is killed when gdb exits.

`pagoda debug --serve' is the editor's half (.vscode/): QEMU starts
paused, a batch gdb runs it to kmain (paging on, so the editor's software
breakpoints can be written into the higher-half kernel) and disconnects,
which leaves QEMU paused; build/debug/attach.gdb then attaches any gdb
with the macros loaded, and the command waits until QEMU exits."""

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from .common import BUILD, KERNEL_ELF, ROOT, PagodaError, rel

GDBINIT = BUILD / ".gdbinit"
DEBUG_DIR = BUILD / "debug"
ATTACH_SCRIPT = DEBUG_DIR / "attach.gdb"   # what an editor's gdb sources
QEMU_PID = DEBUG_DIR / "qemu.pid"          # the QEMU of `debug --serve'
READY = "pagoda debug: ready"


def _elf_entry(elf):
    """The entry address (e_entry) of ELF64 file ELF: the Multiboot
    `start'."""
    with open(elf, "rb") as f:
        header = f.read(32)
    if header[:4] != b"\x7fELF" or len(header) < 32:
        raise PagodaError(f"{rel(elf)} is not an ELF file")
    return int.from_bytes(header[24:32], "little")


def write_gdbinit(port, path=GDBINIT, stop_at_entry=True, elf=KERNEL_ELF):
    """Write the gdb start-up script for a stub on localhost:PORT whose
    kernel's symbols are in ELF."""
    lines = ["set confirm off", "set pagination off",
             f"file {elf}",
             f"target remote localhost:{port}",
             f"source {ROOT / 'tools' / 'gdbinit'}"]
    if stop_at_entry:
        # By address: a test linked into the kernel may have its own
        # (static) `start', and gdb would take that one.
        lines += [f"hbreak *{_elf_entry(elf):#x}", "continue"]
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


def write_attach_script(port, elf=KERNEL_ELF):
    """build/debug/attach.gdb: attach to the stub on localhost:PORT with
    ELF's symbols and the Pagoda macros, without resuming."""
    lines = ["set confirm off", "set pagination off", f"file {elf}",
             f"target remote localhost:{port}",
             f"source {ROOT / 'tools' / 'gdbinit'}"]
    ATTACH_SCRIPT.parent.mkdir(parents=True, exist_ok=True)
    ATTACH_SCRIPT.write_text("\n".join(lines) + "\n")


def _run_to_kmain(port, elf):
    """Run the paused QEMU on PORT to kmain and leave it paused there."""
    cmd = ["gdb", "-q", "-batch", "-nx", "-ex", f"file {elf}",
           "-ex", f"target remote localhost:{port}", "-ex", "hbreak kmain",
           "-ex", "continue", "-ex", "delete", "-ex", "disconnect"]
    try:
        out = subprocess.run(cmd, cwd=ROOT, stdin=subprocess.DEVNULL,
                             capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        raise PagodaError("gdb did not reach kmain in 120 s") from None
    if "kmain" not in out.stdout:
        raise PagodaError("gdb did not stop at kmain: "
                          + (out.stdout + out.stderr).strip()[-300:])


def serve(m, elf=KERNEL_ELF):
    """Boot machine M (gdb_port set) paused at kmain for a debugger to
    attach through build/debug/attach.gdb; returns when QEMU exits (the
    debugger killed it, `pagoda debug --stop', or a signal)."""
    if not shutil.which("gdb"):
        raise PagodaError("gdb not found (run tools/install-deps)")
    if not Path(elf).is_file():
        raise PagodaError(f"{rel(elf)} is missing (run `make')")
    write_attach_script(m.gdb_port, elf)
    argv = m.argv()
    qemu = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    QEMU_PID.write_text(f"{qemu.pid}\n")

    def stop(signum, frame):
        qemu.kill()

    old = [signal.signal(sig, stop) for sig in (signal.SIGINT,
                                                 signal.SIGTERM)]
    try:
        _run_to_kmain(m.gdb_port, elf)
        print(f"{READY}: QEMU paused at kmain, gdb stub on localhost:"
              f"{m.gdb_port}; attach: gdb -x {rel(ATTACH_SCRIPT)}", flush=True)
        print(f"console: {rel(m.console)}  log: {rel(m.log)}", flush=True)
        return qemu.wait()
    finally:
        for sig, handler in zip((signal.SIGINT, signal.SIGTERM), old):
            signal.signal(sig, handler)
        if qemu.poll() is None:
            qemu.kill()
        qemu.wait()
        QEMU_PID.unlink(missing_ok=True)


def stop_served():
    """Kill the QEMU that `debug --serve' recorded, if it still runs."""
    try:
        pid = int(QEMU_PID.read_text().split()[0])
    except (FileNotFoundError, ValueError, IndexError):
        return 0
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    QEMU_PID.unlink(missing_ok=True)
    return 0

