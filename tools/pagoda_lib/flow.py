# SPDX-License-Identifier: MIT
"""The call tree of one traced event (`pagoda flow', docs/tracing.md).

A kernel built with `make TRACE=1' keeps windows of calls: everything one
thread called inside one call of a root function (vm_try_handle_fault for
a fault, process_exec for an exec) in which a VM event of the asked kind
happened.  This module turns a window into a tree, symbolises it with
kernel.sym, keeps the VM and process functions (or everything), merges
sibling calls of the same function into one node with a count, and
prints it in the arrow form of a learner's notes."""

import subprocess
from dataclasses import dataclass, field

from .tracefile import FLOW_ENTER, FLOW_EXIT, FLOW_MARK, TYPES

# Event kind -> (root function, event types that pick the window).
KINDS = {
    "zero": ("vm_try_handle_fault", "zero"),
    "file": ("vm_try_handle_fault", "file"),
    "swapin": ("vm_try_handle_fault", "swapin"),
    "stack": ("vm_try_handle_fault", "stack"),
    "cow": ("vm_try_handle_fault", "cow"),
    "exec": ("process_exec", "exec"),
    "fork": ("process_fork", "fork"),
}

# Source folders whose functions the default view keeps.
VM_SOURCES = ("vm/", "userprog/", "mm/palloc.c", "arch/x86_64/mmu.c")


@dataclass
class Node:
    fn: str
    count: int = 1
    time: int = 0
    marks: list = field(default_factory=list)      # VM event names
    children: list = field(default_factory=list)


def symbols(sym_path):
    """{low 32 bits of address: name} from an `nm -n' listing."""
    table = {}
    with open(sym_path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[1] in "tTwW":
                table.setdefault(int(parts[0], 16) & 0xFFFFFFFF, parts[2])
    return table


def source_files(elf, addrs):
    """{low 32 bits: source file} for ADDRS, with addr2line."""
    addrs = sorted(addrs)
    if not addrs:
        return {}
    out = subprocess.run(
        ["addr2line", "-e", str(elf)] +
        [hex(0xFFFFFFFF00000000 | a) for a in addrs],
        capture_output=True, text=True, check=False).stdout.splitlines()
    return {a: (ln.split(":")[0] if ln else "?") for a, ln in zip(addrs, out)}


def build(window, names):
    """The raw call tree of WINDOW: a Node whose children are the roots."""
    top = Node("(window)")
    stack = [(top, 0)]
    for kind, value, tsc in window.records:
        if kind == FLOW_ENTER:
            n = Node(names.get(value, hex(value)))
            n.addr = value
            stack[-1][0].children.append(n)
            stack.append((n, tsc))
        elif kind == FLOW_EXIT:
            # Unwind to the matching frame (a longjmp-free kernel always
            # matches; be tolerant anyway).
            for depth in range(len(stack) - 1, 0, -1):
                if getattr(stack[depth][0], "addr", None) == value:
                    for n, t0 in stack[depth:]:
                        n.time = tsc - t0
                    del stack[depth:]
                    break
        elif kind == FLOW_MARK:
            stack[-1][0].marks.append(TYPES.get(value, str(value)))
    return top


def keep_only(node, wanted):
    """NODE's children with unwanted functions replaced by their own kept
    children (so a chain through a hidden helper stays connected)."""
    out = []
    for c in node.children:
        c.children = keep_only(c, wanted)
        if wanted(c):
            out.append(c)
        else:
            node.marks.extend(c.marks)
            out.extend(c.children)
    return out


def merge(children):
    """Siblings calling the same function become one node (count, summed
    time), in order of first call."""
    merged, by_fn = [], {}
    for c in children:
        c.children = merge(c.children)
        m = by_fn.get(c.fn)
        if m is None:
            by_fn[c.fn] = c
            merged.append(c)
        else:
            m.count += c.count
            m.time += c.time
            m.marks.extend(c.marks)
            m.children = merge(m.children + c.children)
    return merged


def tree(window, names, wanted=None):
    """The root Node of WINDOW, filtered by WANTED(node) and merged."""
    top = build(window, names)
    if wanted is not None:
        top.children = keep_only(top, wanted)
    top.children = merge(top.children)
    return top.children[0] if top.children else None


def lines(root):
    """The tree in arrow form, one node a line: indent, arrow, name, calls
    and time (TSC; guest instructions under --icount)."""
    out = []

    def walk(n, depth):
        head = ("  " * (depth - 1) + "→ ") if depth else ""
        label = head + n.fn
        mark = f"   [{', '.join(sorted(set(n.marks)))}]" if n.marks else ""
        out.append(f"{label:<56} {n.count:>4}× {n.time:>10,}{mark}")
        for c in n.children:
            walk(c, depth + 1)

    walk(root, 0)
    return out


def chain_to(root, mark):
    """Function names from ROOT down to the first node carrying MARK."""
    def find(n):
        if mark in n.marks:
            return [n.fn]
        for c in n.children:
            path = find(c)
            if path:
                return [n.fn] + path
        return None
    return find(root) or []


def preorder(root):
    """(name, node) pairs in pre-order."""
    out = []

    def walk(n, anc):
        out.append((n.fn, anc))
        for c in n.children:
            walk(c, anc + [n.fn])
    walk(root, [])
    return out


def has_chain(root, chain):
    """True if CHAIN (function names, `...' allowed nowhere) appears in
    ROOT's tree in order, each name inside the subtree of the one before
    it, except that the last may follow its predecessor anywhere inside
    the predecessor's parent (vm_get_frame returns before swap_in runs)."""
    def search(n, i, anc):
        """Can chain[i:] be found starting at or below N?"""
        if n.fn == chain[i]:
            if i == len(chain) - 1:
                return True
            if i == len(chain) - 2:
                # The last one: below N, or a later sibling's subtree.
                return _below(n, chain[-1]) or any(
                    _below(s, chain[-1], self_ok=True) for s in anc)
            return any(search(c, i + 1, n.children[k + 1:])
                       for k, c in enumerate(n.children))
        return any(search(c, i, n.children[k + 1:])
                   for k, c in enumerate(n.children))
    return search(root, 0, [])


def _below(n, name, self_ok=False):
    if self_ok and n.fn == name:
        return True
    return any(c.fn == name or _below(c, name) for c in n.children)
