/* SPDX-License-Identifier: MIT */
/* System calls (pintos-abi.md sections 1 and 2).
 *
 * Arguments arrive in rdi, rsi, rdx, r10, r8, r9 of the saved frame and are
 * decoded to their C types first: ints and fds from the low 32 bits, so no
 * table is ever indexed with an undecoded value.  Every user pointer goes
 * through userprog/uaccess.c; buffers are validated whole before any byte
 * reaches a file or the console, then moved through kernel bounce buffers,
 * so no user page fault can happen while the file-system or console lock
 * is held.  A bad pointer kills the caller; bad fds and names are ordinary
 * errors. */

#include "userprog/syscall.h"

#include <debug.h>
#include <stdio.h>
#include <string.h>
#include <syscall-nr.h>

#include "arch/x86_64/gdt.h"
#include "arch/x86_64/intr-frame.h"
#include "arch/x86_64/syscall-init.h"
#include "devices/input.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "lib/kernel/console.h"
#include "devices/timer.h"
#include "lib/pmap.h"
#include "lib/vmstat.h"
#include "mm/malloc.h"
#include "mm/palloc.h"
#include "threads/init.h"
#include "userprog/process.h"
#include "userprog/uaccess.h"
#include "vm/inspect.h"
#include "vm/pagecache.h"
#include "vm/swap.h"
#include "vm/vm.h"

#define BOUNCE_SIZE 4096  /* File transfer chunk, from the heap... */
#define FALLBACK_SIZE 512 /* ...or, when the heap is short, on the stack. */
#define NAME_MAX 14
#define THREAD_NAME_SIZE 16 /* Process names are cut to 15 bytes. */

/* Console output: a write of up to CONSOLE_ATOMIC bytes is one atomic
   unit; a longer one goes out as consecutive atomic units of that size,
   with other output allowed only between them.  Each unit is copied into
   CONSOLE_BOUNCE (guarded by CONSOLE_WRITE_LOCK, taken before and released
   after the console lock) before the console lock is taken, so no user
   page fault happens under the console lock, nothing is allocated, and the
   console lock is held for at most CONSOLE_ATOMIC bytes of output. */
#define CONSOLE_ATOMIC 4096
static uint8_t console_bounce[CONSOLE_ATOMIC];
static struct lock console_write_lock;

typedef uint64_t syscall_func(struct intr_frame *);

static uint64_t
arg_u64(const struct intr_frame *f, int i)
{
  const uint64_t regs[] = {f->r.rdi, f->r.rsi, f->r.rdx,
                           f->r.r10, f->r.r8,  f->r.r9};
  return regs[i];
}

static int
arg_int(const struct intr_frame *f, int i)
{
  return (int32_t)arg_u64(f, i);
}

static void *
arg_ptr(const struct intr_frame *f, int i)
{
  return (void *)arg_u64(f, i);
}

static struct fd_table *
fds(void)
{
  return &process_current()->fds;
}

/* Copy the file name at UNAME into NAME (NAME_MAX + 2 bytes, on the
   caller's stack: a name never needs the heap).  Kills on a bad pointer;
   false, an ordinary failure, for an empty, over-long (the whole string
   is still checked) or '/'-holding name. */
static bool
user_name(const char *uname, char name[NAME_MAX + 2])
{
  long len = copy_in_string(uname, name, NAME_MAX + 2);
  if (len == USTR_BAD)
    process_kill();
  return len > 0 && len <= NAME_MAX && strchr(name, '/') == NULL;
}

static uint64_t
sys_halt(struct intr_frame *f)
{
  shutdown_power_off();
}

static uint64_t
sys_exit(struct intr_frame *f)
{
  process_exit_with(arg_int(f, 0));
}

static uint64_t
sys_fork(struct intr_frame *f)
{
  char name[THREAD_NAME_SIZE];
  long len = copy_in_string(arg_ptr(f, 0), name, sizeof name);
  if (len == USTR_BAD)
    process_kill();
  if (len == USTR_UNTERMINATED)
    return (uint64_t)-1;
  return (uint32_t)process_fork(name, f);
}

static uint64_t
sys_exec(struct intr_frame *f)
{
  char *cmdline = malloc(USTR_LIMIT);
  if (cmdline == NULL)
    process_exit_with(-1); /* exec ends the process on a shortage. */
  long len = copy_in_string(arg_ptr(f, 0), cmdline, USTR_LIMIT);
  if (len < 0) {
    free(cmdline);
    process_kill(); /* Bad, or too long to be a line we could build. */
  }
  process_exec(cmdline, f);
  return f->r.rax; /* The new program's entry registers. */
}

static uint64_t
sys_wait(struct intr_frame *f)
{
  return (uint32_t)process_wait(arg_int(f, 0));
}

static uint64_t
sys_create(struct intr_frame *f)
{
  char name[NAME_MAX + 2];
  return user_name(arg_ptr(f, 0), name) &&
         filesys_create(name, (off_t)(uint32_t)arg_u64(f, 1));
}

static uint64_t
sys_remove(struct intr_frame *f)
{
  char name[NAME_MAX + 2];
  return user_name(arg_ptr(f, 0), name) && filesys_remove(name);
}

static uint64_t
sys_open(struct intr_frame *f)
{
  char name[NAME_MAX + 2];
  int fd = -1;
  if (user_name(arg_ptr(f, 0), name)) {
    struct file *file = filesys_open(name);
    if (file != NULL && (fd = fd_open_file(fds(), file)) < 0)
      file_close(file);
    dbg(FS, "open '%s': fd %d\n", name, fd);
  }
  return (uint32_t)fd;
}

static struct file *
file_of(int fd)
{
  struct fd_object *o = fd_get(fds(), fd);
  return o != NULL && o->kind == FD_FILE ? o->file : NULL;
}

static uint64_t
sys_filesize(struct intr_frame *f)
{
  struct file *file = file_of(arg_int(f, 0));
  return (uint32_t)(file != NULL ? file_length(file) : -1);
}

/* Console input: LEN bytes, blocking until they have all arrived. */
static int
read_console(uint8_t *ubuf, unsigned len, uint8_t *bounce, unsigned size)
{
  for (unsigned done = 0; done < len;) {
    unsigned n = len - done < size ? len - done : size;
    for (unsigned i = 0; i < n; i++)
      bounce[i] = input_getc();
    if (!copy_out(ubuf + done, bounce, n))
      return -2;
    done += n;
  }
  return len;
}

/* Did a transfer that stopped short stop for a device error (files
   never end early otherwise)? */
static bool
short_by_error(struct file *file)
{
  return file_tell(file) < file_length(file);
}

/* LEN bytes of FILE into UBUF through BOUNCE (SIZE bytes).  Returns the
   count, -1 on a device error, -2 on a bad user buffer. */
static int
read_file(struct file *file, uint8_t *ubuf, unsigned len, uint8_t *bounce,
          unsigned size)
{
  unsigned done = 0;
  while (done < len) {
    unsigned n = len - done < size ? len - done : size;
    off_t got = file_read(file, bounce, n);
    if (got > 0 && !copy_out(ubuf + done, bounce, got))
      return -2;
    done += got > 0 ? got : 0;
    if (got < (off_t)n)
      return short_by_error(file) ? -1 : (int)done;
  }
  return done;
}

static uint64_t
sys_read(struct intr_frame *f)
{
  int fd = arg_int(f, 0);
  uint8_t *ubuf = arg_ptr(f, 1);
  unsigned len = (uint32_t)arg_u64(f, 2);
  if (len == 0)
    return 0;
  if (!uaccess_check(ubuf, len, true))
    process_kill();
  struct fd_object *o = fd_get(fds(), fd);
  if (o == NULL || o->kind == FD_CONSOLE_OUT)
    return (uint32_t)-1;
  uint8_t fallback[FALLBACK_SIZE];
  uint8_t *bounce = o->kind == FD_FILE ? malloc(BOUNCE_SIZE) : NULL;
  unsigned size = bounce != NULL ? BOUNCE_SIZE : sizeof fallback;
  int r = o->kind == FD_CONSOLE_IN
              ? read_console(ubuf, len, fallback, sizeof fallback)
              : read_file(o->file, ubuf, len, bounce ? bounce : fallback, size);
  free(bounce);
  if (r == -2)
    process_kill();
  return (uint32_t)r;
}

/* UBUF on the console in atomic units of CONSOLE_ATOMIC bytes (see the
   top of the file).  Returns LEN, or -2 on a bad user buffer. */
static int
write_console(const uint8_t *ubuf, unsigned len)
{
  for (unsigned done = 0; done < len;) {
    unsigned n = len - done < CONSOLE_ATOMIC ? len - done : CONSOLE_ATOMIC;
    lock_acquire(&console_write_lock);
    bool ok = copy_in(console_bounce, ubuf + done, n);
    if (ok)
      putbuf((const char *)console_bounce, n);
    lock_release(&console_write_lock);
    if (!ok)
      return -2;
    done += n;
  }
  return len;
}

/* LEN bytes of UBUF into FILE through BOUNCE (SIZE bytes).  Returns the
   count (short at the end of the file, 0 under write-deny), -1 on a
   device error, -2 on a bad user buffer. */
static int
write_file(struct file *file, const uint8_t *ubuf, unsigned len,
           uint8_t *bounce, unsigned size)
{
  unsigned done = 0;
  while (done < len) {
    unsigned n = len - done < size ? len - done : size;
    if (!copy_in(bounce, ubuf + done, n))
      return -2;
    off_t put = file_write(file, bounce, n);
    done += put > 0 ? put : 0;
    if (put < (off_t)n)
      return short_by_error(file) && !file_write_denied(file) ? -1 : (int)done;
  }
  return done;
}

static uint64_t
sys_write(struct intr_frame *f)
{
  int fd = arg_int(f, 0);
  const uint8_t *ubuf = arg_ptr(f, 1);
  unsigned len = (uint32_t)arg_u64(f, 2);
  if (len == 0)
    return 0;
  if (!uaccess_check(ubuf, len, false))
    process_kill();
  struct fd_object *o = fd_get(fds(), fd);
  if (o == NULL || o->kind == FD_CONSOLE_IN)
    return (uint32_t)-1;
  int r;
  if (o->kind == FD_CONSOLE_OUT)
    r = write_console(ubuf, len);
  else {
    uint8_t fallback[FALLBACK_SIZE];
    uint8_t *bounce = malloc(BOUNCE_SIZE);
    r = bounce != NULL
            ? write_file(o->file, ubuf, len, bounce, BOUNCE_SIZE)
            : write_file(o->file, ubuf, len, fallback, sizeof fallback);
    free(bounce);
  }
  if (r == -2)
    process_kill();
  return (uint32_t)r;
}

static uint64_t
sys_seek(struct intr_frame *f)
{
  struct file *file = file_of(arg_int(f, 0));
  if (file != NULL)
    file_seek(file, (off_t)(uint32_t)arg_u64(f, 1));
  return 0;
}

static uint64_t
sys_tell(struct intr_frame *f)
{
  struct fd_object *o = fd_get(fds(), arg_int(f, 0));
  if (o == NULL)
    return (uint32_t)-1;
  return o->kind == FD_FILE ? (uint32_t)file_tell(o->file) : 0;
}

static uint64_t
sys_close(struct intr_frame *f)
{
  fd_close(fds(), arg_int(f, 0));
  return 0;
}

static uint64_t
sys_mmap(struct intr_frame *f)
{
  struct file *file = file_of(arg_int(f, 3));
  if (file == NULL)
    return 0;
  return (uint64_t)do_mmap(arg_ptr(f, 0), arg_u64(f, 1), arg_int(f, 2), file,
                           arg_int(f, 4));
}

static uint64_t
sys_munmap(struct intr_frame *f)
{
  do_munmap(arg_ptr(f, 0));
  return 0;
}

static uint64_t
sys_dup2(struct intr_frame *f)
{
  return (uint32_t)fd_dup2(fds(), arg_int(f, 0), arg_int(f, 1));
}

static uint64_t
sys_reserved_false(struct intr_frame *f)
{
  return 0;
}

static uint64_t
sys_reserved_minus_one(struct intr_frame *f)
{
  return (uint32_t)-1;
}

static uint64_t
sys_listdir(struct intr_frame *f)
{
  char name[NAME_MAX + 1];
  off_t size;
  if (!filesys_listdir((uint32_t)arg_u64(f, 0), name, &size))
    return (uint32_t)-1;
  if (!copy_out(arg_ptr(f, 1), name, sizeof name))
    process_kill();
  return (uint32_t)size;
}

/* Fill *S with counters C and the machine's frame and slot counts. */
static void
vmstat_fill(struct vmstat *s, const struct vm_counters *c)
{
  memset(s, 0, sizeof *s);
  s->faults_zero = c->faults_zero;
  s->faults_file = c->faults_file;
  s->faults_swap_in = c->faults_swap_in;
  s->faults_stack = c->faults_stack;
  s->faults_cow = c->faults_cow;
  s->faults_bad = c->faults_bad;
  s->evictions = c->evictions;
  s->swap_reads = c->swap_reads;
  s->swap_writes = c->swap_writes;
  s->file_writebacks = c->file_writebacks;
  s->clean_pages_written = c->clean_pages_written;
  s->faults_zero_page = c->faults_zero_page;
  s->user_frames_free = palloc_free_count(PAL_USER);
  s->user_frames_total = palloc_total_count(PAL_USER);
  s->swap_slots_used = swap_slots_used();
  s->swap_slots_total = swap_slots_total();
  struct pagecache_stats pc;
  pagecache_get_stats(&pc);
  s->pcache_hits = pc.hits;
  s->pcache_misses = pc.misses;
  s->pcache_evictions = pc.evictions;
  s->pcache_writebacks = pc.writebacks;
  s->pcache_frames = pc.frames;
  _Static_assert((int)VMSTAT_TLB_REASONS == (int)TLB_REASONS &&
                     (int)VMSTAT_TLB_KERNEL == (int)TLB_KERNEL &&
                     (int)VMSTAT_TLB_EXEC == (int)TLB_EXEC,
                 "lib/vmstat.h and arch/x86_64/mmu.h list the reasons alike");
  for (int r = 0; r < TLB_REASONS; r++) {
    struct tlb_counts t = tlb_counts(r);
    s->tlb_operations[r] = t.operations;
    s->tlb_pages[r] = t.pages;
    s->tlb_shootdowns[r] = t.shootdowns;
  }
}

static uint64_t
sys_vmstat_machine(struct intr_frame *f)
{
  struct vmstat s;
  vmstat_fill(&s, &vm_stats);
  if (!copy_out(arg_ptr(f, 0), &s, sizeof s))
    process_kill();
  return 0;
}

/* pmap(from, entries, max): at most PMAP_BATCH entries per call, built in
   a bounded kernel buffer and copied out with no lock held. */
static uint64_t
sys_pmap(struct intr_frame *f)
{
  struct pmap_entry e[PMAP_BATCH];
  size_t max = (uint32_t)arg_u64(f, 2);
  size_t n = inspect_pmap(&process_current()->as.spt, arg_u64(f, 0), e,
                          max < PMAP_BATCH ? max : PMAP_BATCH);
  if (n > 0 && !copy_out(arg_ptr(f, 1), e, n * sizeof *e))
    process_kill();
  return (uint32_t)n;
}

#define SLEEP_MAX_TICKS 1000

static uint64_t
sys_sleep(struct intr_frame *f)
{
  uint32_t ticks = (uint32_t)arg_u64(f, 0);
  timer_sleep(ticks < SLEEP_MAX_TICKS ? ticks : SLEEP_MAX_TICKS);
  return 0;
}

static uint64_t
sys_vmstat(struct intr_frame *f)
{
  struct vmstat s;
  vmstat_fill(&s, &process_current()->as.stats);
  if (!copy_out(arg_ptr(f, 0), &s, sizeof s))
    process_kill();
  return 0;
}

static syscall_func *const table[] = {
    [SYS_HALT] = sys_halt,
    [SYS_EXIT] = sys_exit,
    [SYS_FORK] = sys_fork,
    [SYS_EXEC] = sys_exec,
    [SYS_WAIT] = sys_wait,
    [SYS_CREATE] = sys_create,
    [SYS_REMOVE] = sys_remove,
    [SYS_OPEN] = sys_open,
    [SYS_FILESIZE] = sys_filesize,
    [SYS_READ] = sys_read,
    [SYS_WRITE] = sys_write,
    [SYS_SEEK] = sys_seek,
    [SYS_TELL] = sys_tell,
    [SYS_CLOSE] = sys_close,
    [SYS_MMAP] = sys_mmap,
    [SYS_MUNMAP] = sys_munmap,
    [SYS_CHDIR] = sys_reserved_false,
    [SYS_MKDIR] = sys_reserved_false,
    [SYS_READDIR] = sys_reserved_false,
    [SYS_ISDIR] = sys_reserved_false,
    [SYS_INUMBER] = sys_reserved_minus_one,
    [SYS_SYMLINK] = sys_reserved_minus_one,
    [SYS_DUP2] = sys_dup2,
    [SYS_MOUNT] = sys_reserved_minus_one,
    [SYS_UMOUNT] = sys_reserved_minus_one,
    [SYS_LISTDIR] = sys_listdir,
    [SYS_VMSTAT] = sys_vmstat,
    [SYS_PMAP] = sys_pmap,
    [SYS_VMSTAT_MACHINE] = sys_vmstat_machine,
    [SYS_SLEEP] = sys_sleep,
};

void
syscall_init(void)
{
  lock_init(&console_write_lock);
  syscall_msr_init();
}

bool
syscall_handler(struct intr_frame *f)
{
  uint64_t nr = f->r.rax;
  if (nr >= sizeof table / sizeof *table || table[nr] == NULL)
    process_kill();
  f->r.rax = table[nr](f);
  /* sysretq only to a canonical user address in ring 3. */
  return f->cs == SEL_UCSEG && f->rip < 0x800000000000ull;
}
