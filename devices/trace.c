/* SPDX-License-Identifier: MIT */
/* The trace device: VM events and call-flow records, out through port 0xe9.
 *
 * Records are appended to RING, a byte ring in the kernel image (no heap,
 * so the leak check never sees it), with interrupts off and a small
 * spinlock held (several CPUs) for the few instructions of the copy.  When the
 * ring is half full, and at power-off, everything in it goes to QEMU's
 * isa-debugcon with one `rep outsb'; the launcher saves what arrives in a file.
 * Draining is synchronous, so no record is ever lost and the file is in the
 * order events happened.
 *
 * The flow recorder is the target of gcc's -finstrument-functions (`make
 * TRACE=1').  Recording every call of a whole boot would flood the port,
 * so it keeps windows: a window opens when some thread enters the root
 * function named on the command line, collects that thread's entries and
 * exits (interrupt handlers on its stack included) in WIN, and closes when
 * the root returns.  A window is kept, that is copied to the ring after a
 * TRACE_WINDOW header, only if a VM event of the asked kind happened in it
 * and fewer than the asked number were kept so far; otherwise it is
 * dropped.  A thread is known by its kernel stack: stacks sit in 32 KiB
 * slots (threads/thread.c), so rsp >> 15 names the thread. */

#include "devices/trace.h"

#include <string.h>

#include "arch/x86_64/cpu.h"

#define NOINSTR __attribute__((no_instrument_function))

#define TRACE_PORT 0xe9
#define RING_BYTES (32 * 1024)
/* Only the flow kernel (make TRACE=1) has room for windows: the buffer is
   in the kernel image, and the ordinary kernel's user pool should not
   shrink for it. */
#ifdef TRACE_FLOW
#define WIN_BYTES (2 * 1024 * 1024)
#else
#define WIN_BYTES 16
#endif
#define STACK_SLOT_SHIFT 15

/* A VM event: 40 bytes, little-endian (docs/tracing.md). */
struct trace_record {
  uint8_t type;
  uint8_t arg;
  uint16_t zero;
  uint32_t thread; /* rsp >> 15 of the recording thread */
  uint64_t tsc;
  uint64_t as;
  uint64_t a;
  uint64_t b;
};
_Static_assert(sizeof(struct trace_record) == 40, "record layout");

/* A call-flow record: 16 bytes. */
enum { FLOW_ENTER = 0x80, FLOW_EXIT = 0x81, FLOW_MARK = 0x82 };
struct flow_record {
  uint8_t type;
  uint8_t arg; /* FLOW_MARK: the VM event's type */
  uint16_t zero;
  uint32_t fn; /* Low 32 bits of the function's address. */
  uint64_t tsc;
};
_Static_assert(sizeof(struct flow_record) == 16, "flow record layout");

bool trace_vm_on;

static uint8_t ring[RING_BYTES];
static size_t ring_head, ring_tail; /* Byte counts put / drained. */
static uintptr_t pool_base;

static bool flow_on;
static uintptr_t flow_root; /* Low 32 bits of the root's address. */
static uint32_t flow_kinds; /* Bit per enum trace_type that keeps. */
static int flow_keep = 1;   /* Windows still to keep. */
static uintptr_t win_owner; /* Thread of the open window, 0 if none. */
static int win_depth;       /* Root frames open in the window. */
static uint32_t win_hits;   /* Event types seen in the window. */
static bool win_overflow;   /* WIN filled up: the window is dropped. */
static size_t win_len;
static uint8_t win[WIN_BYTES];

static int ring_lock; /* Held (1) by the CPU inside irq_save. */

/* Interrupts off and the ring to ourselves.  A spinlock of its own, not
   threads/spinlock.c: the call-flow recorder must call nothing that is
   itself instrumented.  Sections never nest and do no more than copy. */
static inline NOINSTR uint64_t
irq_save(void)
{
  uint64_t flags = read_rflags();
  asm volatile("cli" : : : "memory");
  while (__atomic_exchange_n(&ring_lock, 1, __ATOMIC_ACQUIRE))
    asm volatile("pause");
  return flags;
}

static inline NOINSTR void
irq_restore(uint64_t flags)
{
  __atomic_store_n(&ring_lock, 0, __ATOMIC_RELEASE);
  if (flags & RFLAGS_IF)
    asm volatile("sti" : : : "memory");
}

static inline NOINSTR uintptr_t
thread_key(void)
{
  return (uintptr_t)__builtin_frame_address(0) >> STACK_SLOT_SHIFT;
}

/* Drain the ring to the port.  Interrupts off. */
static NOINSTR void
ring_drain(void)
{
  while (ring_tail != ring_head) {
    size_t at = ring_tail % RING_BYTES;
    size_t n = ring_head - ring_tail;
    if (n > RING_BYTES - at)
      n = RING_BYTES - at;
    outsb(TRACE_PORT, ring + at, n);
    ring_tail += n;
  }
}

/* Append N bytes; interrupts off. */
static NOINSTR void
ring_put(const void *src, size_t n)
{
  const uint8_t *p = src;
  while (n > 0) {
    if (ring_head - ring_tail == RING_BYTES)
      ring_drain();
    size_t at = ring_head % RING_BYTES;
    size_t room = RING_BYTES - (ring_head - ring_tail);
    size_t k = n < RING_BYTES - at ? n : RING_BYTES - at;
    if (k > room)
      k = room;
    memcpy(ring + at, p, k);
    ring_head += k;
    p += k;
    n -= k;
  }
  if (ring_head - ring_tail >= RING_BYTES / 2)
    ring_drain();
}

uint64_t
trace_frame_index(const void *kva)
{
  if (kva == NULL || (uintptr_t)kva < pool_base)
    return TRACE_NONE;
  return ((uintptr_t)kva - pool_base) >> 12;
}

/* Types whose b word is a frame's kernel address. */
static bool
b_is_frame(enum trace_type t)
{
  return t == TRACE_CLAIM || t == TRACE_COW_SHARE || t == TRACE_COW_COPY ||
         t == TRACE_COW_LAST || t == TRACE_FREE;
}

static NOINSTR void
win_put(const struct flow_record *r)
{
  if (win_len + sizeof *r > WIN_BYTES) {
    win_overflow = true;
    return;
  }
  memcpy(win + win_len, r, sizeof *r);
  win_len += sizeof *r;
}

void
trace_emit(enum trace_type type, unsigned arg, const void *as, uint64_t a,
           uint64_t b)
{
  if (b_is_frame(type))
    b = trace_frame_index((const void *)(uintptr_t)b);
  struct trace_record r = {
      .type = type,
      .arg = arg,
      .thread = (uint32_t)thread_key(),
      .as = (uintptr_t)as,
      .a = a,
      .b = b,
  };
  uint64_t flags = irq_save();
  r.tsc = rdtsc();
  ring_put(&r, sizeof r);
  if (win_owner != 0 && win_owner == thread_key()) {
    win_hits |= 1u << type;
    struct flow_record m = {.type = FLOW_MARK, .arg = type, .tsc = r.tsc};
    win_put(&m);
  }
  irq_restore(flags);
}

void
trace_boot(void *base, size_t frames, size_t slots)
{
  pool_base = (uintptr_t)base;
  TRACE_IF_ON(TRACE_BOOT, 0, NULL, (uintptr_t)base,
              (uint64_t)frames | (uint64_t)slots << 32);
}

/* Record TYPE with A and the 16-byte NAME (then a TRACE_NAME record). */
static void
emit_named(enum trace_type type, const void *as, uint64_t a, const char *name)
{
  char n[16] = {0};
  strlcpy(n, name, sizeof n);
  uint64_t lo, hi;
  memcpy(&lo, n, 8);
  memcpy(&hi, n + 8, 8);
  trace_emit(type, 0, as, a, lo);
  trace_emit(TRACE_NAME, 0, as, hi, 0);
}

void
trace_proc_exec(const void *as, int pid, const char *name)
{
  if (TRACE_VM_ON)
    emit_named(TRACE_EXEC, as, (uint32_t)pid, name);
}

void
trace_proc_fork(const void *child_as, int child_pid, int parent_pid,
                const char *name)
{
  if (TRACE_VM_ON)
    emit_named(TRACE_FORK, child_as,
               (uint32_t)child_pid | (uint64_t)(uint32_t)parent_pid << 32,
               name);
}

void
trace_flush(void)
{
  if (!trace_vm_on)
    return;
  uint64_t flags = irq_save();
  ring_drain();
  irq_restore(flags);
}

/* Bits of flow_kinds for a kind name of `-trace=flow:ROOT:KIND:N'. */
static uint32_t
kind_mask(const char *k, size_t n)
{
  static const struct {
    const char *name;
    uint32_t mask;
  } kinds[] = {
      {"zero", 1u << TRACE_ZERO},
      {"file", 1u << TRACE_FILE_IN},
      {"swapin", 1u << TRACE_SWAP_IN},
      {"stack", 1u << TRACE_STACK},
      {"cow", 1u << TRACE_COW_COPY | 1u << TRACE_COW_LAST},
      {"exec", 1u << TRACE_EXEC},
      {"fork", 1u << TRACE_FORK},
      {"evict", 1u << TRACE_EVICT},
      {"any", ~0u},
  };
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
    if (strlen(kinds[i].name) == n && !memcmp(kinds[i].name, k, n))
      return kinds[i].mask;
  return 0;
}

/* Parse a hexadecimal number at *S, advancing it. */
static uint64_t
parse_hex(const char **s)
{
  uint64_t v = 0;
  const char *p = *s;
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
    p += 2;
  for (;; p++) {
    int d = *p >= '0' && *p <= '9'   ? *p - '0'
            : *p >= 'a' && *p <= 'f' ? *p - 'a' + 10
            : *p >= 'A' && *p <= 'F' ? *p - 'A' + 10
                                     : -1;
    if (d < 0)
      break;
    v = v << 4 | (uint64_t)d;
  }
  *s = p;
  return v;
}

/* `flow:ROOT:KIND[:N]': the windows to keep. */
static bool
parse_flow(const char *s)
{
  if (strncmp(s, "flow:", 5) != 0)
    return false;
  s += 5;
  flow_root = (uint32_t)parse_hex(&s);
  if (*s++ != ':')
    return false;
  size_t n = strcspn(s, ":,");
  flow_kinds = kind_mask(s, n);
  s += n;
  if (*s == ':') {
    s++;
    flow_keep = 0;
    while (*s >= '0' && *s <= '9')
      flow_keep = flow_keep * 10 + (*s++ - '0');
  }
  flow_on = flow_root != 0 && flow_kinds != 0;
  return flow_on;
}

bool
trace_parse_option(const char *opt)
{
  if (strncmp(opt, "-trace=", 7) != 0)
    return false;
  const char *s = opt + 7;
  while (*s != '\0') {
    size_t n = strcspn(s, ",");
    if (n == 2 && !memcmp(s, "vm", 2))
      trace_vm_on = true;
    else if (parse_flow(s))
      trace_vm_on = true; /* Windows are chosen by VM events. */
    else
      return false;
    s += n;
    if (*s == ',')
      s++;
  }
  return true;
}

/* Close the window: keep it or drop it.  Interrupts off. */
static NOINSTR void
win_close(void)
{
  if ((win_hits & flow_kinds) && win_overflow && flow_keep > 0) {
    /* Say that a wanted window was lost (arg 1), so the tool can tell. */
    struct trace_record h = {.type = TRACE_WINDOW,
                             .arg = 1,
                             .thread = (uint32_t)win_owner,
                             .tsc = rdtsc(),
                             .a = win_hits};
    ring_put(&h, sizeof h);
  }
  if ((win_hits & flow_kinds) && !win_overflow && flow_keep > 0) {
    flow_keep--;
    struct trace_record h = {
        .type = TRACE_WINDOW,
        .thread = (uint32_t)win_owner,
        .tsc = rdtsc(),
        .a = win_hits,
        .b = win_len,
    };
    ring_put(&h, sizeof h);
    ring_put(win, win_len);
  }
  win_owner = 0;
}

void __cyg_profile_func_enter(void *fn, void *site) NOINSTR;
void __cyg_profile_func_exit(void *fn, void *site) NOINSTR;

void
__cyg_profile_func_enter(void *fn, void *site)
{
  (void)site;
  if (!flow_on)
    return;
  uint64_t flags = irq_save();
  uintptr_t key = thread_key();
  bool root = (uint32_t)(uintptr_t)fn == flow_root;
  if (win_owner == 0 && root && flow_keep > 0) {
    win_owner = key;
    win_depth = 0;
    win_hits = 0;
    win_len = 0;
    win_overflow = false;
  }
  if (win_owner == key) {
    win_depth += root;
    struct flow_record r = {
        .type = FLOW_ENTER, .fn = (uint32_t)(uintptr_t)fn, .tsc = rdtsc()};
    win_put(&r);
  }
  irq_restore(flags);
}

void
__cyg_profile_func_exit(void *fn, void *site)
{
  (void)site;
  if (!flow_on)
    return;
  uint64_t flags = irq_save();
  if (win_owner == thread_key()) {
    struct flow_record r = {
        .type = FLOW_EXIT, .fn = (uint32_t)(uintptr_t)fn, .tsc = rdtsc()};
    win_put(&r);
    if ((uint32_t)(uintptr_t)fn == flow_root && --win_depth == 0)
      win_close();
  }
  irq_restore(flags);
}
