/* SPDX-License-Identifier: MIT */
#ifndef DEVICES_TRACE_H
#define DEVICES_TRACE_H

/* VM trace points and the call-flow recorder (docs/tracing.md).

   Events go into a per-boot ring buffer in the kernel image and are
   drained, in order and without loss, to the QEMU debug console at I/O
   port 0xe9, which `tools/pagoda run --trace FILE' captures into a file.
   Nothing is recorded unless the command line says `-trace=vm': when off,
   every trace point below is one load of a static flag and a branch
   predicted not taken.  Each record carries the time-stamp counter; under
   QEMU's -icount it counts guest instructions exactly.

   An address space is named by the address of its SPT (AS below): the
   exec and fork events bind it to a process id, so the VM layer never
   needs to know about processes.  Frames are passed as kernel addresses
   and recorded as indexes into the user pool; slots as slot numbers.
   Every function here may be called in any context, interrupts on or off,
   with any locks held; none sleeps or allocates. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Record types; the binary format is in docs/tracing.md. */
enum trace_type {
  TRACE_BOOT = 1,       /* a = user pool base, b = frames | slots << 32 */
  TRACE_FORK = 2,       /* as = child, a = pid | parent << 32, b = name */
  TRACE_EXEC = 3,       /* a = pid, b = name[0..7] (then TRACE_NAME) */
  TRACE_NAME = 4,       /* a = name[8..15] of the preceding exec/fork */
  TRACE_EXIT = 5,       /* a = pid, b = exit status */
  TRACE_FAULT = 6,      /* a = address, b = access | outcome << 8 */
  TRACE_ALLOC = 7,      /* a = va, b = type | writable << 8 */
  TRACE_CLAIM = 8,      /* a = va, b = frame */
  TRACE_ZERO = 9,       /* a = va: filled with zeros */
  TRACE_FILE_IN = 10,   /* a = va: read from a file */
  TRACE_SWAP_IN = 11,   /* a = va, b = slot */
  TRACE_STACK = 12,     /* a = va: stack growth */
  TRACE_COW_SHARE = 13, /* a = va, b = frame (now shared with the parent) */
  TRACE_COW_COPY = 14,  /* a = va, b = new frame */
  TRACE_COW_LAST = 15,  /* a = va, b = frame (last sharer writes in place) */
  TRACE_EVICT = 16,     /* a = va, b = frame | slot << 32, arg = dirty|dest */
  TRACE_SWAP_OUT = 17,  /* a = va, b = slot */
  TRACE_WRITEBACK = 18, /* a = va: dirty bytes written to the file */
  TRACE_FREE = 19,      /* a = va, b = frame or TRACE_NONE */
  TRACE_MMAP = 20,      /* a = address, b = length */
  TRACE_MUNMAP = 21,    /* a = address */
  TRACE_WINDOW = 22,    /* a = event mask, b = bytes of flow records next;
                           arg 1: a wanted window too big to keep */
  TRACE_ZERO_PAGE = 23, /* a = va, b = the zero frame: mapped read-only */
  TRACE_PC_HIT = 24,    /* as = page cache, a = file page, b = frame */
  TRACE_PC_MISS = 25,   /* same: the page was read into the cache */
  TRACE_PC_EVICT = 26,  /* same: the frame left the cache (policy) */
  TRACE_TYPE_CNT
};

/* Bits of a fault's access word. */
#define TRACE_ACCESS_WRITE 1u
#define TRACE_ACCESS_USER 2u
#define TRACE_ACCESS_NOT_PRESENT 4u
#define TRACE_ACCESS_OUTSIDE 8u /* Not a user page address at all. */

/* Where an evicted page's contents went. */
enum trace_dest { TRACE_DEST_DROPPED, TRACE_DEST_SWAP, TRACE_DEST_FILE };

#define TRACE_NONE 0xffffffffu /* No frame / no slot. */

extern bool trace_vm_on; /* Set once at boot by -trace=vm; never cleared. */

/* `make NOTRACE=1' (only for `make bench', to measure what the trace
   points cost when off) compiles every trace point away. */
#ifdef TRACE_COMPILED_OUT
#define TRACE_VM_ON false
#else
#define TRACE_VM_ON trace_vm_on
#endif

/* Apply a `-trace=...' boot option; false if OPT is not one. */
bool trace_parse_option(const char *opt);
/* Write everything still in the ring to the port (power-off, panic). */
void trace_flush(void);
/* The slow path of every trace point: record one event. */
void trace_emit(enum trace_type, unsigned arg, const void *as, uint64_t a,
                uint64_t b);
/* Record the user pool (frame indexes are relative to BASE). */
void trace_boot(void *pool_base, size_t frames, size_t slots);
/* Record the frame at KVA as its index (for TRACE_EVICT's b word). */
uint64_t trace_frame_index(const void *kva);

#define TRACE_IF_ON(...)                                                       \
  do {                                                                         \
    if (__builtin_expect(TRACE_VM_ON, 0))                                      \
      trace_emit(__VA_ARGS__);                                                 \
  } while (0)

/* The trace points: one line at each place in vm/ and userprog/. */
static inline void
trace_vm_fault(const void *as, const void *addr, unsigned access,
               unsigned outcome)
{
  TRACE_IF_ON(TRACE_FAULT, 0, as, (uintptr_t)addr, access | outcome << 8);
}

static inline void
trace_vm_alloc(const void *as, const void *va, unsigned type, bool writable)
{
  TRACE_IF_ON(TRACE_ALLOC, 0, as, (uintptr_t)va,
              type | (unsigned)writable << 8);
}

static inline void
trace_vm_claim(const void *as, const void *va, const void *kva)
{
  TRACE_IF_ON(TRACE_CLAIM, 0, as, (uintptr_t)va, (uintptr_t)kva);
}

static inline void
trace_vm_zero(const void *as, const void *va)
{
  TRACE_IF_ON(TRACE_ZERO, 0, as, (uintptr_t)va, 0);
}

static inline void
trace_vm_zero_page(const void *as, const void *va, const void *kva)
{
  TRACE_IF_ON(TRACE_ZERO_PAGE, 0, as, (uintptr_t)va, (uintptr_t)kva);
}

static inline void
trace_vm_file_in(const void *as, const void *va)
{
  TRACE_IF_ON(TRACE_FILE_IN, 0, as, (uintptr_t)va, 0);
}

static inline void
trace_vm_swap_in(const void *as, const void *va, size_t slot)
{
  TRACE_IF_ON(TRACE_SWAP_IN, 0, as, (uintptr_t)va, slot);
}

static inline void
trace_vm_stack(const void *as, const void *va)
{
  TRACE_IF_ON(TRACE_STACK, 0, as, (uintptr_t)va, 0);
}

static inline void
trace_vm_cow_share(const void *as, const void *va, const void *kva)
{
  TRACE_IF_ON(TRACE_COW_SHARE, 0, as, (uintptr_t)va, (uintptr_t)kva);
}

static inline void
trace_vm_cow_copy(const void *as, const void *va, const void *kva)
{
  TRACE_IF_ON(TRACE_COW_COPY, 0, as, (uintptr_t)va, (uintptr_t)kva);
}

static inline void
trace_vm_cow_last(const void *as, const void *va, const void *kva)
{
  TRACE_IF_ON(TRACE_COW_LAST, 0, as, (uintptr_t)va, (uintptr_t)kva);
}

/* Frame KVA taken from the page at VA of AS; DEST says where its contents
   went, SLOT the swap slot holding them (or TRACE_NONE). */
static inline void
trace_vm_evict(const void *as, const void *va, const void *kva, bool dirty,
               enum trace_dest dest, size_t slot)
{
  if (__builtin_expect(TRACE_VM_ON, 0))
    trace_emit(TRACE_EVICT, (unsigned)dirty | (unsigned)dest << 1, as,
               (uintptr_t)va, trace_frame_index(kva) | (uint64_t)slot << 32);
}

static inline void
trace_vm_swap_out(const void *as, const void *va, size_t slot)
{
  TRACE_IF_ON(TRACE_SWAP_OUT, 0, as, (uintptr_t)va, slot);
}

static inline void
trace_vm_writeback(const void *as, const void *va)
{
  TRACE_IF_ON(TRACE_WRITEBACK, 0, as, (uintptr_t)va, 0);
}

/* The page at VA is gone; KVA is the frame it had (NULL if none). */
static inline void
trace_vm_free(const void *as, const void *va, const void *kva)
{
  TRACE_IF_ON(TRACE_FREE, 0, as, (uintptr_t)va, (uintptr_t)kva);
}

static inline void
trace_vm_mmap(const void *as, const void *addr, size_t length)
{
  TRACE_IF_ON(TRACE_MMAP, 0, as, (uintptr_t)addr, length);
}

static inline void
trace_vm_munmap(const void *as, const void *addr)
{
  TRACE_IF_ON(TRACE_MUNMAP, 0, as, (uintptr_t)addr, 0);
}

/* Page-cache events (vm/pagecache.c): TYPE is TRACE_PC_HIT, _MISS or
   _EVICT; CACHE names the file's cache as AS names an address space. */
static inline void
trace_pcache(enum trace_type type, const void *cache, uint32_t index,
             const void *kva)
{
  if (__builtin_expect(TRACE_VM_ON, 0))
    trace_emit(type, 0, cache, index, trace_frame_index(kva));
}

/* Process events (userprog/process.c). */
void trace_proc_exec(const void *as, int pid, const char *name);
void trace_proc_fork(const void *child_as, int child_pid, int parent_pid,
                     const char *name);

static inline void
trace_proc_exit(const void *as, int pid, int status)
{
  TRACE_IF_ON(TRACE_EXIT, 0, as, (uint64_t)pid, (uint64_t)(int64_t)status);
}

#endif /* DEVICES_TRACE_H */
