/* SPDX-License-Identifier: MIT */

/* System-call fuzzer: `fuzz-syscalls SEED COUNT' makes COUNT calls with
   random numbers (0-30, and garbage) and random arguments (NULL, kernel,
   non-canonical, unmapped and page-boundary addresses, valid buffers,
   huge and negative sizes, random fds), derived from SEED and the call's
   index alone.

   The calls run in forked children named "fuzz", so a call that kills
   its caller costs only the rest of its batch.  Before each call a child
   records the call's index in a progress file on fd PROGRESS_FD (which
   the fuzzer never hands to a call), so the parent can resume with the
   next index.  Children close the console first: then no call can block
   on console input or print garbage.  Calls that would end the test
   (halt, exit, exec of a real program) are not made: exec and fork only
   get bad pointers or a fixed name, and a fork child exits at once.  The
   parent reports the calls made and checks the file system still works;
   the children's exit lines are not judged. */

#include <stdlib.h>
#include <string.h>
#include "tests/lib.h"

#define PROGRESS_FD 1020
#define BATCH 500

struct fuzz_call {
  uint64_t nr;
  uint64_t args[6];
};

static char pages[3 * 4096] __attribute__((aligned(4096)));

/* A well-mixed 64-bit hash (a splitmix-style finaliser). */
static uint64_t
mix(uint64_t x)
{
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/* A pointer argument; BAD_ONLY restricts it to addresses that can never
   name a real file (so exec and fork cannot start anything). */
static uint64_t
pick_pointer(uint64_t r, bool bad_only)
{
  static const uint64_t bad[] = {
      0,
      1,
      0xfff,
      0x10000000,
      0x8004000000ULL,
      0x8003fffff0ULL,
      0xffffffff80100000ULL,
      0x8000000000000000ULL,
      0x47480000,
      0x47480000 - 0x200000,
  };
  uint64_t base = (uintptr_t)pages;

  if (bad_only || r % 3 == 0)
    return bad[(r >> 8) % (sizeof bad / sizeof *bad)];
  switch ((r >> 8) % 6) {
  case 0:
    return base + 4096 - 1 - (r >> 16) % 8;
  case 1:
    return base + (r >> 16) % sizeof pages;
  case 2:
    return (uintptr_t) "fuzzfile";
  case 3:
    return (uintptr_t)code_address();
  case 4:
    return 0x47480000 - 1 - (r >> 16) % 64;
  default:
    return mix(r);
  }
}

/* A size argument. */
static uint64_t
pick_size(uint64_t r)
{
  static const uint64_t sizes[] = {
      0, 1, 7, 4096, 4097, 8192, 0x7fffffff, 0x80000000, 0xffffffff, 100000};

  if (r % 4 == 0)
    return (r >> 8) % 64;
  return sizes[(r >> 8) % (sizeof sizes / sizeof *sizes)];
}

/* An fd argument, never PROGRESS_FD. */
static uint64_t
pick_fd(uint64_t r)
{
  static const int64_t fds[] = {
      -1, 0, 1, 2, 3, 4, 5, 1023, 1024, 0x7fffffff, -0x80000000LL, 200};
  int64_t fd = fds[(r >> 8) % (sizeof fds / sizeof *fds)];

  return (uint64_t)(fd == PROGRESS_FD ? -1 : fd);
}

/* Any argument: pointer, size, fd or raw garbage. */
static uint64_t
pick_any(uint64_t r)
{
  switch (r % 4) {
  case 0:
    return pick_pointer(r >> 2, false);
  case 1:
    return pick_size(r >> 2);
  case 2:
    return pick_fd(r >> 2);
  default:
    return mix(r);
  }
}

/* Builds call INDEX of the run seeded with SEED. */
static void
make_call(uint64_t seed, uint64_t index, struct fuzz_call *c)
{
  uint64_t r = mix(seed * 0x100000001b3ULL ^ index);
  int i;

  c->nr = r % 8 == 0 ? mix(r) : (r >> 3) % 31;
  for (i = 0; i < 6; i++)
    c->args[i] = pick_any(mix(r + i + 1));
  if (c->nr == SYS_EXEC || c->nr == SYS_FORK)
    c->args[0] = pick_pointer(c->args[1], true);
  if (c->nr == SYS_FORK && (r >> 40) % 2 == 0)
    c->args[0] = (uintptr_t) "fuzz";
  if (c->nr >= SYS_READ && c->nr <= SYS_CLOSE)
    c->args[0] = pick_fd(r >> 11);
  if (c->nr == SYS_DUP2)
    c->args[0] = pick_fd(r >> 11), c->args[1] = pick_fd(r >> 17);
  if (c->nr == SYS_READ || c->nr == SYS_WRITE)
    c->args[2] = pick_size(r >> 23);
  if (c->nr == SYS_SLEEP)
    c->args[0] %= 2; /* Pagoda's sleep: call it, but not for seconds. */
}

/* Makes call C, unless it is one the fuzzer must not make. */
static void
issue(const struct fuzz_call *c)
{
  uint64_t a = c->args[0];

  if (c->nr == SYS_HALT || c->nr == SYS_EXIT)
    return;
  if (c->nr == SYS_DUP2 && (c->args[1] == PROGRESS_FD))
    return;
  if (c->nr == SYS_FORK) {
    pid_t pid = (pid_t)syscall_raw(SYS_FORK, a, 0, 0, 0, 0, 0);

    if (pid == 0)
      exit(0);
    if (pid > 0)
      wait(pid);
    return;
  }
  syscall_raw(c->nr, a, c->args[1], c->args[2], c->args[3], c->args[4],
              c->args[5]);
}

/* One batch child: calls FIRST .. END-1, recording progress. */
static void
run_batch(uint64_t seed, uint32_t first, uint32_t end)
{
  uint32_t i;

  close(STDIN_FILENO);
  close(STDOUT_FILENO);
  for (i = first; i < end; i++) {
    struct fuzz_call c;

    seek(PROGRESS_FD, 0);
    write(PROGRESS_FD, &i, sizeof i);
    make_call(seed, i, &c);
    issue(&c);
  }
  seek(PROGRESS_FD, 0);
  write(PROGRESS_FD, &end, sizeof end);
  exit(0);
}

/* Runs COUNT calls in batches; returns how many were made. */
static uint32_t
fuzz(uint64_t seed, uint32_t count)
{
  uint32_t next = 0, made = 0;

  while (next < count) {
    uint32_t end = next + BATCH < count ? next + BATCH : count;
    uint32_t reached = next;
    pid_t pid = fork_checked("fuzz");

    if (pid == 0)
      run_batch(seed, next, end);
    wait(pid);
    seek(PROGRESS_FD, 0);
    read(PROGRESS_FD, &reached, sizeof reached);
    REQUIRE(reached >= next && reached <= end, "bad progress %u", reached);
    /* A kill during call REACHED still made that call. */
    made += reached - next + (reached < end);
    next = reached < end ? reached + 1 : end;
  }
  return made;
}

/* Parses SEED and COUNT, fuzzes, and checks the kernel still works. */
void
test_main(int argc, char *argv[])
{
  uint64_t seed = argc > 1 ? (uint64_t)atoi(argv[1]) : 1;
  uint32_t count = argc > 2 ? (uint32_t)atoi(argv[2]) : 10000;
  int progress = create_open("fuzz-progress", sizeof(uint32_t));
  int fd;

  REQUIRE(dup2(progress, PROGRESS_FD) == PROGRESS_FD, "dup2 failed");
  close(progress);
  printf("fuzz: %u calls done\n", fuzz(seed, count));
  fd = create_open("after-fuzz", 100);
  msg("file system still works: %s", pattern_write(fd, 100, 1) == 100 &&
                                             (seek(fd, 0), true) &&
                                             pattern_read_matches(fd, 100, 1)
                                         ? "yes"
                                         : "no");
}
