# SPDX-License-Identifier: MIT
"""One QEMU machine: its configuration, command line and a run with a
wall-clock limit.

The machine is the one of pintos-abi.md 8: qemu64 CPU (SMP of them with
--smp, on multi-threaded TCG unless instructions are counted), MEM MB, the
Multiboot kernel given with -kernel, no reboot on triple fault, the
isa-debug-exit device (a panic exits non-zero), COM1 the console, COM2 the
log, the file-system disk as slave of the primary IDE channel and the swap
disk as slave of the secondary one.  With a trace file, QEMU's debug
console at port 0xe9 (the kernel's trace port, docs/tracing.md) is saved
there too."""

import os
import shlex
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .common import DEFAULT_MEM, KERNEL_BIN, PagodaError, qemu_binary, rel

# Console destinations besides a file path.
CONSOLE_PIPE = "pipe"            # -serial stdio into our pipe (run, tee)
CONSOLE_TERMINAL = "terminal"    # -serial mon:stdio: Ctrl-a x quits


@dataclass
class Machine:
    """Everything that makes up one boot."""
    kernel_args: str = ""
    mem: int = DEFAULT_MEM
    kernel: Path = KERNEL_BIN
    fs_image: Optional[Path] = None
    swap_image: Optional[Path] = None
    fs_faults: Optional[Path] = None     # blkdebug rules file (faults.py)
    swap_faults: Optional[Path] = None
    console: object = CONSOLE_PIPE   # CONSOLE_PIPE, CONSOLE_TERMINAL or a Path
    log: Optional[Path] = None
    icount: bool = False
    smp: int = 1                     # CPUs (docs/smp.md)
    gdb_port: Optional[int] = None
    trace: Optional[Path] = None     # where port 0xe9 goes (None: nowhere)

    def argv(self):
        """QEMU's argument vector for this machine."""
        if not Path(self.kernel).is_file():
            raise PagodaError(f"{rel(self.kernel)} is missing (run `make')")
        argv = [qemu_binary(), "-cpu", "qemu64", "-m", str(self.mem),
                "-kernel", str(self.kernel), "-append", self.kernel_args,
                "-no-reboot", "-display", "none", "-nic", "none",
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
        argv += self._serial_args()
        argv += _disk_args("fsdisk", "ide.0", self.fs_image, self.fs_faults)
        argv += _disk_args("swapdisk", "ide.1", self.swap_image,
                           self.swap_faults)
        if self.trace is not None:
            path = str(self.trace).replace(",", ",,")
            argv += ["-chardev", f"file,id=trace,path={path}",
                     "-device", "isa-debugcon,iobase=0xe9,chardev=trace"]
        if self.smp > 1:
            # -icount needs the one-thread TCG, which runs the CPUs in turn.
            argv += ["-smp", str(self.smp), "-accel",
                     "tcg" if self.icount else "tcg,thread=multi"]
        if self.icount:
            argv += ["-icount", "shift=0"]
        if self.gdb_port is not None:
            argv += ["-S", "-gdb", f"tcp:127.0.0.1:{self.gdb_port}"]
        return argv

    def _serial_args(self):
        if self.console == CONSOLE_TERMINAL:
            com1 = ["-serial", "mon:stdio"]
        elif self.console == CONSOLE_PIPE:
            com1 = ["-monitor", "none", "-serial", "stdio"]
        else:
            com1 = ["-monitor", "none", "-serial", _file_chardev(self.console)]
        com2 = ["-serial", _file_chardev(self.log) if self.log else "null"]
        return com1 + com2


def _file_chardev(path):
    return "file:" + str(path)


def _disk_args(ident, bus, image, faults=None):
    if image is None:
        return []
    fname = str(image)
    if faults is not None:
        # Fault injection: this QEMU takes blkdebug:RULES:IMAGE (the
        # driver=blkdebug,image.* form does not work with format=raw).
        fname = f"blkdebug:{faults}:{fname}"
    fname = fname.replace(",", ",,")   # QEMU option escaping
    return ["-drive", f"file={fname},format=raw,if=none,id={ident}",
            "-device", f"ide-hd,drive={ident},bus={bus},unit=1"]


def format_argv(argv):
    """ARGV as one shell-pasteable line."""
    return " ".join(shlex.quote(a) for a in argv)


@dataclass
class Result:
    """How a QEMU run ended."""
    status: int            # QEMU's exit status (negative: killed by signal)
    timed_out: bool
    seconds: float
    stderr: str = ""


# QEMUs alive right now, so that an interrupted runner can end them all.
_live = set()
_live_lock = threading.Lock()
_stopping = False


def _start(argv, **popen):
    """Start QEMU in its own process group (a wrapper script and its
    children die together; Ctrl-C reaches only us, and we kill it)."""
    with _live_lock:
        if _stopping:
            raise KeyboardInterrupt
        proc = subprocess.Popen(argv, start_new_session=True, **popen)
        _live.add(proc)
    return proc


def _kill(proc):
    """Kill PROC's whole process group and reap PROC."""
    if proc.returncode is None:     # never signal a reaped (reusable) pid
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    proc.wait()
    with _live_lock:
        _live.discard(proc)


def kill_all():
    """Kill every QEMU started here that is still running, and refuse to
    start more (the runner was interrupted)."""
    global _stopping
    with _live_lock:
        _stopping = True
        procs = list(_live)
    for proc in procs:
        _kill(proc)


def run_captured(argv, timeout, **popen):
    """Run QEMU whose serial ports go to files; stderr is captured.  Kills
    it after TIMEOUT seconds (None: no limit)."""
    start = time.monotonic()
    proc = _start(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                  stderr=subprocess.PIPE, text=True, **popen)
    try:
        _, err = proc.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        _kill(proc)
        _, err = proc.communicate()
        timed_out = True
    finally:
        _kill(proc)
    return Result(proc.returncode, timed_out, time.monotonic() - start, err)


def _copy_stream(src, sinks):
    while True:
        chunk = src.read1(4096) if hasattr(src, "read1") else src.read(4096)
        if not chunk:
            break
        for sink in sinks:
            sink.write(chunk)
            sink.flush()


def run_teed(argv, timeout, sinks):
    """Run QEMU with COM1 on a pipe whose bytes are copied to each binary
    stream in SINKS as they arrive (stdout, a console file)."""
    start = time.monotonic()
    proc = _start(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
    copier = threading.Thread(target=_copy_stream, args=(proc.stdout, sinks),
                              daemon=True)
    copier.start()
    timed_out = False
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
    finally:
        _kill(proc)
        copier.join(5)
    return Result(proc.returncode, timed_out, time.monotonic() - start)


def run_on_terminal(argv, timeout):
    """Run QEMU with the console on this terminal (stdin and stdout are
    inherited; QEMU puts the terminal in raw mode and restores it)."""
    start = time.monotonic()
    proc = subprocess.Popen(argv)
    timed_out = False
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
    except KeyboardInterrupt:
        pass
    finally:
        _kill(proc)
    return Result(proc.returncode, timed_out, time.monotonic() - start)


def stdout_binary():
    """sys.stdout as a binary stream, flushed first."""
    sys.stdout.flush()
    return sys.stdout.buffer
