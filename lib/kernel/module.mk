# SPDX-License-Identifier: MIT
# lib/kernel/: data structures of the kernel (also built hosted for `make unit').
KLIB_SRCS += lib/kernel/list.c    # intrusive doubly linked lists with sentinels
KLIB_SRCS += lib/kernel/hash.c    # chained hash table (the SPT's core)
KLIB_SRCS += lib/kernel/bitmap.c  # word-at-a-time bitmaps (swap slots, frames)
# Kernel-only parts of lib/kernel (not built hosted):
KERNEL_SRCS += lib/kernel/console.c  # printf to COM1+VGA, klog to COM2
KERNEL_SRCS += lib/kernel/debug.c    # PANIC with backtrace
