# SPDX-License-Identifier: MIT
"""Disk-fault injection with QEMU's blkdebug driver (manifest keys
`fs-fault' and `swap-fault', docs/testing.md).

A fault specification is a comma-separated list of rules, each

    OP[@WHERE][+once]

OP is `read' or `write'; WHERE is a sector number, or (file-system disk
only) the name of a file put on the disk, meaning the sector that holds
its first byte; without WHERE every request of that kind fails.  `+once'
fails only the first matching request.  A failing request completes with
EIO, which the IDE controller reports as an error status."""

import re
from dataclasses import dataclass
from pathlib import Path

from .common import PagodaError

SECTOR = 512
_RULE = re.compile(r"^(read|write)(?:@([^+@,]+))?(\+once)?$")


@dataclass
class Rule:
    op: str            # read | write
    where: str         # "" (any sector), a decimal sector, or a file name
    once: bool


def parse(spec, key="fault"):
    """The Rules of SPEC; raises PagodaError naming KEY on bad syntax."""
    rules = []
    for word in [w for w in spec.split(",") if w]:
        m = _RULE.match(word)
        if not m:
            raise PagodaError(f"{key}={spec}: bad rule `{word}'"
                              " (OP[@SECTOR|@FILE][+once], OP read or write)")
        rules.append(Rule(m.group(1), m.group(2) or "", bool(m.group(3))))
    if not rules:
        raise PagodaError(f"{key}={spec}: no rule")
    return rules


def _file_sector(image, host_file):
    """The sector of IMAGE holding the first 512 bytes of HOST_FILE (whose
    contents must start a sector and be found only once)."""
    head = Path(host_file).read_bytes()[:SECTOR]
    if len(head) < SECTOR:
        raise PagodaError(f"{host_file}: needs at least {SECTOR} bytes to be"
                          " found on the disk")
    data = Path(image).read_bytes()
    found = [i // SECTOR for i in range(0, len(data) - SECTOR + 1, SECTOR)
             if data[i:i + SECTOR] == head]
    if len(found) != 1:
        raise PagodaError(f"{host_file}: found {len(found)} times on the"
                          " disk, not once")
    return found[0]


def _sector(rule, image, files):
    if rule.where == "" or rule.where.isdigit():
        return rule.where
    if rule.where not in files:
        raise PagodaError(f"fault on `{rule.where}': no such file put on"
                          " the disk")
    return str(_file_sector(image, files[rule.where]))


def write_config(rules, path, image, files=None):
    """Write the blkdebug rules file PATH for RULES against IMAGE; FILES
    maps disk names to host files (to resolve @FILE)."""
    out = []
    for rule in rules:
        out += ["[inject-error]",
                f'event = "{rule.op}_aio"',
                # An activated rule stays active for later requests of
                # any kind; restrict it to its own.
                f'iotype = "{rule.op}"',
                'errno = "5"',
                'immediately = "off"']
        sector = _sector(rule, image, files or {})
        if sector != "":
            out.append(f'sector = "{sector}"')
        if rule.once:
            out.append('once = "on"')
        out.append("")
    Path(path).write_text("\n".join(out))
    return Path(path)
