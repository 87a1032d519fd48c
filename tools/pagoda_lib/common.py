# SPDX-License-Identifier: MIT
"""Paths, constants and small helpers shared by every pagoda command."""

import os
import socket
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build"
KERNEL_BIN = BUILD / "kernel.bin"
KERNEL_ELF = BUILD / "kernel.elf"

# Disk sizes come in Pintos units: 2,016 sectors of 512 bytes.
UNIT_BYTES = 1032192

DEFAULT_MEM = 20


class PagodaError(Exception):
    """A user-facing error: printed as `pagoda: MESSAGE', exit status 2."""


def qemu_binary():
    """The QEMU to run; PAGODA_QEMU overrides (e.g. a wrapper script)."""
    return os.environ.get("PAGODA_QEMU", "qemu-system-x86_64")


def rel(path):
    """PATH relative to the repository root when it lies inside it, for
    short messages that can be pasted into a shell at the root."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def port_is_free(port):
    """True if nothing listens on localhost:PORT (QEMU binds 127.0.0.1)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_gdb_port():
    """A free TCP port for the gdb stub.  Each user starts at their own
    base (20000 + uid % 10000) so that people sharing a machine rarely
    collide, then probes upwards."""
    base = 20000 + os.getuid() % 10000
    for port in range(base, base + 200):
        if port_is_free(port):
            return port
    raise PagodaError(f"no free gdb port in {base}..{base + 199}")


def quote_kernel_word(word):
    """Quote WORD for the kernel command line (single quotes, pintos-abi.md
    8.3) when it holds spaces and is not already quoted."""
    if not word or (any(c.isspace() for c in word)
                    and not (word.startswith("'") and word.endswith("'"))):
        return "'" + word + "'"
    return word


def kernel_command_line(words):
    """Join WORDS (as the shell split them) into one kernel command line,
    re-quoting words that contained spaces, so that
    `pagoda run -- run 'echo hi'' reaches the kernel as `run 'echo hi''."""
    return " ".join(quote_kernel_word(w) for w in words)
