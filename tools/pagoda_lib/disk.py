# SPDX-License-Identifier: MIT
"""File-system images through the host tool build/host/pagoda-disk.

The C tool knows the on-disk format; this module only creates image files
of the right size and calls the tool (CLI: `pagoda-disk IMAGE format |
put HOSTFILE [NAME] | get NAME [HOSTFILE] | ls | rm NAME | fsck')."""

import os
import subprocess
from pathlib import Path

from .common import BUILD, UNIT_BYTES, PagodaError, rel

DEFAULT_UNITS = 10


def tool_path():
    """Path of pagoda-disk; PAGODA_DISK overrides the default build path."""
    return Path(os.environ.get("PAGODA_DISK", BUILD / "host" / "pagoda-disk"))


def _tool():
    path = tool_path()
    if not os.access(path, os.X_OK):
        raise PagodaError(f"{rel(path)} is not built (run `make')")
    return path


def call(image, *args, capture=True):
    """Run `pagoda-disk IMAGE ARGS...'; return its stdout (captured) or
    None.  Raises PagodaError with the tool's message on failure."""
    cmd = [str(_tool()), str(image)] + [str(a) for a in args]
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL,
                          capture_output=capture, text=True)
    if proc.returncode != 0:
        msg = (proc.stderr or "").strip() if capture else ""
        raise PagodaError(f"pagoda-disk {' '.join(cmd[2:])} failed"
                          f" (status {proc.returncode})"
                          + (f": {msg}" if msg else ""))
    return proc.stdout if capture else None


def create_blank(image, units):
    """Create (or truncate) IMAGE as a sparse file of UNITS disk units."""
    if units <= 0:
        raise PagodaError(f"disk size must be positive, not {units}")
    with open(image, "wb") as f:
        f.truncate(units * UNIT_BYTES)


def split_put(spec):
    """`HOST[:NAME]' -> (HOST, NAME or None): split at the last colon when
    what follows is a plain file name."""
    head, sep, tail = spec.rpartition(":")
    if not sep or not head or not tail or "/" in tail:
        return spec, None
    return head, tail


def split_get(spec):
    """`NAME[:HOST]' -> (NAME, HOST or None): split at the first colon
    (file-system names have none; the host path may)."""
    head, sep, tail = spec.partition(":")
    if not sep or not head or not tail:
        return spec, None
    return head, tail


def put(image, host, name=None):
    """Copy host file HOST into IMAGE as NAME (default: its base name)."""
    if not Path(host).is_file():
        raise PagodaError(f"cannot put {host}: no such file")
    call(image, "put", host, name or Path(host).name)


def get(image, name, host=None):
    """Copy NAME out of IMAGE into host file HOST (default: ./NAME)."""
    call(image, "get", name, host or name)


def build_image(image, units, puts):
    """Create a fresh formatted IMAGE of UNITS units holding PUTS, a list
    of (host path, name or None)."""
    create_blank(image, units)
    call(image, "format")
    for host, name in puts:
        put(image, host, name)
