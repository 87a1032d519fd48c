/* SPDX-License-Identifier: MIT */

/* System-call fuzzer: `fuzz-syscalls SEED COUNT [WORKERS]' makes COUNT
   calls, spread over WORKERS (default 3) processes that run at once, with
   random numbers (0-31 and garbage) and arguments aimed at the edges:
   addresses at and around page boundaries, KERN_BASE, the stack top and
   the stack limit, non-canonical and kernel ones; valid buffers on pages
   that are resident, lazy (never touched BSS), probably swapped out (a
   "cold" area touched once at the start of a batch; run it with a small
   -ul) and on
   stack pages not yet grown; lengths near 2^31, 2^32 and 2^64; fds past
   the table and with high bits set; exec lines of every length from 1 to
   past the 4096-byte limit (to fuzz-argv, which checks its argv); mmap
   ranges over code, data, BSS, stack, KERN_BASE and each other.  Every
   call is derived from SEED and its index alone.

   A worker makes its calls in forked children named "fuzz", so a call
   that kills its caller costs only the rest of its batch.  Before each
   call that may kill (or replace) the child, the child records the
   call's index in the worker's progress file, on fd PROGRESS_FD (which
   no call gets), so the worker resumes after it.  Children close the
   console first: then no call can block on console input or print
   garbage.  Calls that would end the test (halt, exit) are not made; a
   fork child exits at once.  The parent reports the calls covered and
   checks that the file system still works; the children's exit and load
   lines are not judged, but a wrong argv seen by fuzz-argv fails the
   test (it sets a flag in the progress file). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tests/lib.h"

#define PROGRESS_FD 1020
#define FLAG_OFS 4 /* Progress-file byte fuzz-argv sets on a bad argv. */
#define BATCH 4000
#define MAX_WORKERS 8
#define PAGE 4096ULL
#define KBASE 0x8004000000ULL
#define STACK_TOP 0x47480000ULL
#define EXEC_MAX 4300 /* Longest exec line tried (the limit is 4095). */

struct fuzz_call {
  uint64_t nr;
  uint64_t args[6];
  bool risky;     /* May kill or replace the caller: record progress. */
  bool fork_name; /* Write "fuzz" at args[0] before the call. */
};

static char pages[3 * PAGE] __attribute__((aligned(4096)));
static char lazy[16 * PAGE] __attribute__((aligned(4096)));
static char cold[24 * PAGE] __attribute__((aligned(4096)));
static char exec_line[EXEC_MAX + 1];
/* Stands for an address inside issue()'s not-yet-grown 32 KiB stack
   frame: issue() re-aims arguments in [DEEP, DEEP + 28 KiB) at it. */
static char *const deep = (char *)0x7000000000ULL;

/* A well-mixed 64-bit hash (a splitmix-style finaliser). */
static uint64_t
mix(uint64_t x)
{
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

#define PICK(TABLE, R) ((TABLE)[(R) % (sizeof(TABLE) / sizeof *(TABLE))])

/* An address that is never valid user memory (a bad pointer). */
static uint64_t
bad_pointer(uint64_t r)
{
  static const uint64_t bad[] = {
      0,
      1,
      0xfff,
      0x10000000, /* unmapped */
      KBASE,
      KBASE - 1,  /* user, but unmapped */
      KBASE - 16, /* a range from here crosses KBASE */
      KBASE + 1,
      0x800000000000ULL, /* first non-canonical */
      0x8000000000000000ULL,
      0xffff800000000000ULL,
      0xffffffff80100000ULL, /* the kernel image */
      0xffffffffffffffffULL,
      STACK_TOP,                /* just above the stack */
      STACK_TOP - 0x100000 - 8, /* below the stack limit */
      0x400000 - PAGE,          /* below the program */
  };
  return PICK(bad, r);
}

/* A pointer argument: bad, or valid somewhere; *ROOM is how many bytes
   from it are surely valid memory (0 for a bad one). */
static uint64_t
pick_pointer(uint64_t r, uint64_t *room)
{
  uint64_t off = (r >> 12) % PAGE, p;

  if (r % 32 == 0) {
    *room = 0;
    return bad_pointer(r >> 5);
  }
  switch ((r >> 3) % 8) {
  case 0:
    p = (uintptr_t)pages + PAGE - 1 - (r >> 16) % 16; /* page edge */
    *room = (uintptr_t)pages + sizeof pages - p;
    return p;
  case 1:
    p = (uintptr_t)pages + (r >> 16) % sizeof pages;
    *room = (uintptr_t)pages + sizeof pages - p;
    return p;
  case 2:
    p = (uintptr_t)lazy + ((r >> 16) % 16) * PAGE + off % 64;
    *room = (uintptr_t)lazy + sizeof lazy - p;
    return p;
  case 3:
    p = (uintptr_t)cold + ((r >> 16) % 24) * PAGE + off;
    *room = (uintptr_t)cold + sizeof cold - p;
    return p;
  case 4:
    p = (uintptr_t)deep + (r >> 16) % (28 * 1024);
    *room = (uintptr_t)deep + 28 * 1024 - p;
    return p;
  case 5:
    *room = 9;
    return (uintptr_t) "fuzzfile";
  case 6:
    *room = 0; /* Readable code, but read into it kills. */
    return (uintptr_t)code_address() + off % 256;
  default:
    p = (uintptr_t)pages + 2 * PAGE + off; /* runs into the next data */
    *room = (uintptr_t)pages + sizeof pages - p;
    return p;
  }
}

/* A 32- or 64-bit length: small, around pages, or around 2^31, 2^32 and
   2^64 (high bits are ignored where the call takes an unsigned). */
static uint64_t
pick_size(uint64_t r)
{
  static const uint64_t sizes[] = {0,
                                   1,
                                   7,
                                   8,
                                   4095,
                                   4096,
                                   4097,
                                   8192,
                                   12288,
                                   0x7fffffff,
                                   0x80000000,
                                   0x80000001,
                                   0xffffffff,
                                   0x100000000,
                                   0x100000001,
                                   0xfffffffffffff000ULL,
                                   0xffffffffffffffffULL,
                                   0x8000000000000000ULL,
                                   0x1000000000ULL,
                                   100000};

  if (r % 3 == 0)
    return (r >> 4) % 200;
  return PICK(sizes, r >> 4);
}

/* An fd: console, files, unopened, past the table, negative, or with
   high bits set (only the low 32 count). */
static uint64_t
pick_fd(uint64_t r)
{
  static const int64_t fds[] = {-1,
                                0,
                                1,
                                2,
                                3,
                                4,
                                5,
                                6,
                                127,
                                128,
                                1023,
                                1024,
                                8191,
                                8192,
                                0x7fffffff,
                                -0x80000000LL,
                                0x100000003LL,
                                200};
  int64_t fd = PICK(fds, r);

  return (uint64_t)(fd == PROGRESS_FD ? -1 : fd);
}

/* An mmap or munmap address: over everything the process has, free
   space, the edges of the user range. */
static uint64_t
pick_map_addr(uint64_t r)
{
  static const uint64_t addrs[] = {0,
                                   0x400000,
                                   0x401000,
                                   0x1000,
                                   0x10000000,
                                   0x10001000,
                                   0x20000000,
                                   0x100000000ULL,
                                   STACK_TOP,
                                   STACK_TOP - PAGE,
                                   STACK_TOP - 0x100000,
                                   KBASE - PAGE,
                                   KBASE - 16 * PAGE,
                                   KBASE,
                                   0x10000001};

  switch (r % 4) {
  case 0:
    return (uintptr_t)pages + (r >> 8) % 3 * PAGE;
  case 1:
    return (uintptr_t)lazy + (r >> 8) % 16 * PAGE;
  default:
    return PICK(addrs, r >> 8);
  }
}

/* Any argument: pointer, size, fd or raw garbage. */
static uint64_t
pick_any(uint64_t r)
{
  uint64_t room;

  switch (r % 4) {
  case 0:
    return pick_pointer(r >> 2, &room);
  case 1:
    return pick_size(r >> 2);
  case 2:
    return pick_fd(r >> 2);
  default:
    return mix(r);
  }
}

/* The call number.  Calls that end the caller (unknown numbers, exec)
   or cost a process (fork) are rarer, so a batch makes many calls. */
static uint64_t
pick_nr(uint64_t r)
{
  uint64_t p = r % 1000;

  if (p < 3)
    return mix(r); /* Garbage: kills. */
  if (p < 7)
    return 27 + (r >> 10) % 40; /* Unknown or Pagoda-only numbers. */
  if (p < 12)
    return SYS_EXEC;
  if (p < 22)
    return SYS_FORK;
  p = (r >> 10) % 25;
  return p == SYS_EXEC || p == SYS_FORK ? 25 + p % 2 : p;
}

/* Builds into exec_line a command line of LEN bytes (at least the
   program name) for fuzz-argv: "fuzz-argv NNNN:SSSS w1 w2 ...", NNNN
   words after the count whose lengths sum to SSSS, separated by runs of
   spaces, word K made of 'a' + (K + i) % 26. */
static void
make_exec_line(uint64_t r, size_t len)
{
  const size_t head = 19; /* strlen ("fuzz-argv NNNN:SSSS") */
  size_t n = 0, sum = 0, pos = head, i;
  uint64_t s = r;

  if (len < head) {
    memset(exec_line, ' ', len > 9 ? len : 9);
    memcpy(exec_line, "fuzz-argv", 9);
    exec_line[len > 9 ? len : 9] = '\0';
    return;
  }
  while (pos + 2 <= len) {
    size_t gap = 1 + (s = mix(s)) % 3, word = 1 + s % 40;
    if (pos + gap + 1 > len)
      break;
    if (word > len - pos - gap)
      word = len - pos - gap;
    for (i = 0; i < gap; i++)
      exec_line[pos + i] = ' ';
    for (i = 0; i < word; i++)
      exec_line[pos + gap + i] = 'a' + (n + i) % 26;
    pos += gap + word;
    n++;
    sum += word;
  }
  while (pos < len)
    exec_line[pos++] = ' ';
  exec_line[pos] = '\0';
  snprintf(exec_line, head + 1, "fuzz-argv %04zu:%04zu", n, sum);
  exec_line[head] = len > head ? ' ' : '\0';
}

/* A user pointer for argument I of C; RISKY unless NEED bytes from it
   are surely valid. */
static void
pointer_arg(struct fuzz_call *c, int i, uint64_t r, uint64_t need)
{
  uint64_t room;

  c->args[i] = pick_pointer(r, &room);
  c->risky |= room < need;
}

/* Builds call INDEX of the run seeded with SEED. */
static void
make_call(uint64_t seed, uint64_t index, struct fuzz_call *c)
{
  uint64_t r = mix(seed * 0x100000001b3ULL ^ index);
  int i;

  c->nr = pick_nr(r);
  c->risky = c->nr > 26;
  c->fork_name = false;
  for (i = 0; i < 6; i++)
    c->args[i] = pick_any(mix(r + i + 1));
  switch (c->nr) {
  case SYS_EXEC:
    c->risky = true; /* Kills, fails or replaces the caller. */
    if ((r >> 20) % 3 == 0)
      c->args[0] = bad_pointer(r >> 22);
    else {
      make_exec_line(r, 1 + (r >> 22) % EXEC_MAX);
      c->args[0] = (uintptr_t)exec_line;
    }
    break;
  case SYS_FORK:
    /* The name of a child that runs: it must be "fuzz", whose exit line
       the runner drops, so valid names are written first. */
    pointer_arg(c, 0, r >> 21, 5);
    if ((r >> 20) % 2 || c->args[0] - (uintptr_t)code_address() < 256)
      c->args[0] = (uintptr_t) "fuzz"; /* Code reads fine: a bad name. */
    c->fork_name = !c->risky && c->args[0] != (uintptr_t) "fuzz";
    break;
  case SYS_CREATE:
  case SYS_REMOVE:
  case SYS_OPEN:
    pointer_arg(c, 0, r >> 21, 4096);
    if (c->args[0] == (uintptr_t) "fuzzfile")
      c->risky = false;
    break;
  case SYS_READ:
  case SYS_WRITE:
    c->args[0] = pick_fd(r >> 11);
    c->args[2] = (r >> 23) % 8 == 0 ? pick_size(r >> 26) : (r >> 26) % 8193;
    pointer_arg(c, 1, r >> 21, c->args[2] % (1ULL << 32));
    if (c->risky && (r >> 40) % 2 == 0)
      c->args[2] %= 4097; /* Most of the time, a length that fits. */
    c->risky = false;
    pointer_arg(c, 1, r >> 21, c->args[2] % (1ULL << 32));
    break;
  case SYS_FILESIZE:
  case SYS_SEEK:
  case SYS_TELL:
  case SYS_CLOSE:
    c->args[0] = pick_fd(r >> 11);
    break;
  case SYS_DUP2:
    c->args[0] = pick_fd(r >> 11), c->args[1] = pick_fd(r >> 17);
    break;
  case SYS_MMAP:
    c->args[0] = pick_map_addr(r >> 11);
    c->args[1] = pick_size(r >> 19);
    c->args[3] = pick_fd(r >> 27);
    c->args[4] = (r >> 33) % 4 == 0 ? mix(r) : (r >> 35) % 4 * PAGE;
    break;
  case SYS_MUNMAP:
    c->args[0] = pick_map_addr(r >> 11);
    break;
  case 25: /* listdir (index, name[15]) */
    pointer_arg(c, 1, r >> 21, 15);
    break;
  case 26: /* vmstat (struct vmstat *) */
    pointer_arg(c, 0, r >> 21, 256);
    break;
  case SYS_SLEEP:
    c->args[0] %= 2; /* Pagoda's sleep: call it, but not for seconds. */
    break;
  default:
    break;
  }
}

/* Makes call C with DEEP inside a 32 KiB stack frame that is not yet
   grown, unless it is one the fuzzer must not make. */
static void __attribute__((noinline)) issue(const struct fuzz_call *c)
{
  char frame[32 * 1024];
  uint64_t a[6];
  int i;

  if (c->nr == SYS_HALT || c->nr == SYS_EXIT)
    return;
  if (c->nr == SYS_DUP2 && (uint32_t)c->args[1] == PROGRESS_FD)
    return;
  if ((c->nr == SYS_CLOSE || c->nr == SYS_DUP2) &&
      (uint32_t)c->args[0] == PROGRESS_FD)
    return;
  asm volatile("" : : "r"(frame) : "memory");
  for (i = 0; i < 6; i++) {
    a[i] = c->args[i];
    if (a[i] - (uintptr_t)deep < 28 * 1024) /* Re-aim at this frame. */
      a[i] = a[i] - (uintptr_t)deep + (uintptr_t)frame;
  }
  if (c->fork_name)
    memcpy((char *)a[0], "fuzz", 5);
  if (c->nr == SYS_FORK) {
    pid_t pid = (pid_t)syscall_raw(SYS_FORK, a[0], 0, 0, 0, 0, 0);

    if (pid == 0)
      exit(0);
    if (pid > 0)
      wait(pid);
    return;
  }
  syscall_raw(c->nr, a[0], a[1], a[2], a[3], a[4], a[5]);
}

static void
record(uint32_t index)
{
  seek(PROGRESS_FD, 0);
  write(PROGRESS_FD, &index, sizeof index);
}

/* One batch child: calls of worker W of WORKERS with numbers FIRST ..
   END-1 (call j of the worker is call j * WORKERS + W of the run). */
static void
run_batch(uint64_t seed, int w, int workers, uint32_t first, uint32_t end)
{
  uint32_t j;

  close(STDIN_FILENO);
  close(STDOUT_FILENO);
  open("fuzzfile");
  open("fuzzfile");
  record(first); /* So each batch advances at least one call. */
  /* Touched once here, in the child (a worker with swapped-out pages
     would make every fork read them all back): later swapped out. */
  memset(cold, 1, sizeof cold);
  for (j = first; j < end; j++) {
    struct fuzz_call c;

    make_call(seed, (uint64_t)j * workers + w, &c);
    if (c.risky)
      record(j);
    issue(&c);
  }
  record(end);
  exit(0);
}

/* Worker W: its COUNT calls in batches; exits with the calls covered. */
static void
worker(uint64_t seed, int w, int workers, uint32_t count)
{
  uint32_t next = 0, made = 0;
  char name[16];
  int progress;
  char flag = 0;

  snprintf(name, sizeof name, "fuzz-prog-%d", w);
  progress = create_open(name, 8);
  REQUIRE(dup2(progress, PROGRESS_FD) == PROGRESS_FD, "dup2 failed");
  close(progress);
  while (next < count) {
    uint32_t end = next + BATCH < count ? next + BATCH : count;
    uint32_t reached = next;
    pid_t pid = fork("fuzz");

    if (pid == PID_ERROR)
      continue; /* Memory is short for a moment: try again. */
    if (pid == 0)
      run_batch(seed, w, workers, next, end);
    wait(pid);
    seek(PROGRESS_FD, 0);
    read(PROGRESS_FD, &reached, sizeof reached);
    REQUIRE(reached >= next && reached <= end, "bad progress %u", reached);
    /* The child ended during call REACHED (a kill or an exec), or later
       in a call that could not kill: resume after REACHED. */
    next = reached < end ? reached + 1 : end;
    made = next;
  }
  seek(PROGRESS_FD, FLAG_OFS);
  read(PROGRESS_FD, &flag, 1);
  REQUIRE(flag == 0, "fuzz-argv saw a wrong argv");
  exit(made == count ? 0 : 1);
}

/* Parses SEED, COUNT and WORKERS, fuzzes, and checks the kernel still
   works. */
void
test_main(int argc, char *argv[])
{
  uint64_t seed = argc > 1 ? (uint64_t)atoi(argv[1]) : 1;
  uint32_t count = argc > 2 ? (uint32_t)atoi(argv[2]) : 10000;
  int workers = argc > 3 ? atoi(argv[3]) : 3, w, fd, ok = 0;
  pid_t pids[MAX_WORKERS];

  if (workers < 1 || workers > MAX_WORKERS)
    workers = 3;
  REQUIRE(create("fuzzfile", 8192), "create failed");
  for (w = 0; w < workers; w++) {
    pids[w] = fork_checked("fuzz");
    if (pids[w] == 0)
      worker(seed, w, workers, count / workers + (w < (int)(count % workers)));
  }
  for (w = 0; w < workers; w++)
    ok += wait(pids[w]) == 0;
  printf("fuzz: %u calls done by %s\n", count,
         ok == workers ? "every worker" : "not every worker");
  fd = create_open("after-fuzz", 100);
  msg("file system still works: %s", pattern_write(fd, 100, 1) == 100 &&
                                             (seek(fd, 0), true) &&
                                             pattern_read_matches(fd, 100, 1)
                                         ? "yes"
                                         : "no");
}
