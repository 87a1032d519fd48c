/* SPDX-License-Identifier: MIT */
#ifndef MM_VADDR_H
#define MM_VADDR_H

/* Virtual address map and address-space helpers.

     0xffffffffffffffff +------------------------------+
                        | kernel image (text, data)    | KERNEL_VMA + pa
     0xffffffff80000000 +------------------------------+
                        | device registers (uncached)  | MMIO_AREA
     0xffffff8000000000 +------------------------------+
                        | kernel stacks + guard pages  | KSTACK_AREA
     0xffffff0000000000 +------------------------------+
                        | direct map of physical RAM   | ptov(pa)
     0xffff800000000000 +------------------------------+
                        | non-canonical hole           |
     0x0000800000000000 +------------------------------+
                        | (never user: >= KERN_BASE)   |
     0x0000008004000000 +------------------------------+ KERN_BASE
                        | mmap anywhere free           |
     0x0000000047480000 +------------------------------+ USER_STACK
                        | stack, grows down <= 1 MiB   |
                        | ... heap-free gap, mmaps ... |
     0x0000000000400000 +------------------------------+ code, data, bss
     0x0000000000001000 +------------------------------+
                        | page 0: never mapped         |
     0x0000000000000000 +------------------------------+

   Naming: `uva' user virtual, `kva' kernel virtual, `pa' physical. */

#include <stdbool.h>
#include <stdint.h>

typedef uint64_t paddr_t;

#define PGBITS 12
#define PGSIZE ((uintptr_t)1 << PGBITS)
#define PGMASK (PGSIZE - 1)

#define pg_ofs(va) ((uintptr_t)(va)&PGMASK)
#define pg_round_up(va) ((void *)(((uintptr_t)(va) + PGMASK) & ~PGMASK))
#define pg_round_down(va) ((void *)((uintptr_t)(va) & ~PGMASK))

#define KERN_BASE ((uintptr_t)0x8004000000)
#define USER_STACK ((uintptr_t)0x47480000)
#define USER_STACK_LIMIT ((uintptr_t)1 << 20)

#define DMAP_BASE ((uintptr_t)0xffff800000000000)
#define KSTACK_AREA ((uintptr_t)0xffffff0000000000)
#define MMIO_AREA ((uintptr_t)0xffffff8000000000)
#define KERNEL_VMA ((uintptr_t)0xffffffff80000000)

/* True if VADDR is a user virtual address (below KERN_BASE). */
static inline bool
is_user_vaddr(const void *vaddr)
{
  return (uintptr_t)vaddr < KERN_BASE;
}

/* Kernel virtual address of physical address PA (direct map). */
static inline void *
ptov(paddr_t pa)
{
  return (void *)(pa + DMAP_BASE);
}

/* Physical address of a direct-map or kernel-image address. */
static inline paddr_t
vtop(const void *kva)
{
  uintptr_t v = (uintptr_t)kva;
  return v >= KERNEL_VMA ? v - KERNEL_VMA : v - DMAP_BASE;
}

#endif
