/* SPDX-License-Identifier: MIT */

/* The user test library: message formatting, checked wrappers of the
   common calls, and a reproducible byte pattern for file contents.  The
   pattern is a small linear congruential sequence, so a test can verify a
   file's contents without keeping a copy. */

#include "tests/lib.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *test_name = "test";
int test_exit_status;

static void
vmsg(const char *prefix, const char *format, va_list args)
{
  char text[512];

  vsnprintf(text, sizeof text, format, args);
  printf("(%s) %s%s\n", test_name, prefix, text);
}

/* Prints `(test_name) MESSAGE'. */
void
msg(const char *format, ...)
{
  va_list args;

  va_start(args, format);
  vmsg("", format, args);
  va_end(args);
}

/* Prints `(test_name) FAIL: MESSAGE' and exits 1. */
void
fail(const char *format, ...)
{
  va_list args;

  va_start(args, format);
  vmsg("FAIL: ", format, args);
  va_end(args);
  exit(1);
}

/* Creates and opens NAME, failing the test on error. */
int
create_open(const char *name, unsigned size)
{
  if (!create(name, size))
    fail("create \"%s\" failed", name);
  return open_checked(name);
}

/* Opens NAME, failing the test on error. */
int
open_checked(const char *name)
{
  int fd = open(name);

  if (fd < 0)
    fail("open \"%s\" failed", name);
  return fd;
}

/* Forks a child named NAME, failing the test on error. */
pid_t
fork_checked(const char *name)
{
  pid_t pid = fork(name);

  if (pid == PID_ERROR)
    fail("fork \"%s\" failed", name);
  return pid;
}

int
mapped_byte_in_child(int fd, size_t ofs)
{
  pid_t pid = fork_checked("toucher");

  if (pid == 0) {
    volatile char *map = mmap((void *)0x10000000, 4096, 0, fd, 0);

    exit(map == MAP_FAILED ? 2 : map[ofs]);
  }
  return wait(pid);
}

static uint8_t
pattern_byte(size_t i, unsigned seed)
{
  uint32_t x = (uint32_t)i * 2654435761u + seed * 40503u + 12345u;

  return (uint8_t)((x >> 13) ^ (x >> 24));
}

/* Fills BUF with pattern SEED. */
void
pattern_fill(void *buf, size_t size, unsigned seed)
{
  uint8_t *p = buf;
  size_t i;

  for (i = 0; i < size; i++)
    p[i] = pattern_byte(i, seed);
}

/* First offset where BUF leaves pattern SEED, or SIZE. */
size_t
pattern_check(const void *buf, size_t size, unsigned seed)
{
  const uint8_t *p = buf;
  size_t i;

  for (i = 0; i < size; i++)
    if (p[i] != pattern_byte(i, seed))
      return i;
  return size;
}

/* Writes SIZE bytes of pattern SEED to FD in chunks. */
int
pattern_write(int fd, size_t size, unsigned seed)
{
  static uint8_t chunk[4096];
  size_t done = 0;

  while (done < size) {
    size_t n = size - done < sizeof chunk ? size - done : sizeof chunk;
    size_t i;
    int written;

    for (i = 0; i < n; i++)
      chunk[i] = pattern_byte(done + i, seed);
    written = write(fd, chunk, n);
    if (written <= 0)
      break;
    done += written;
  }
  return done;
}

/* Reads SIZE bytes from FD and compares them with pattern SEED. */
bool
pattern_read_matches(int fd, size_t size, unsigned seed)
{
  static uint8_t chunk[4096];
  size_t done = 0;

  while (done < size) {
    size_t n = size - done < sizeof chunk ? size - done : sizeof chunk;
    size_t i;

    if (read(fd, chunk, n) != (int)n)
      return false;
    for (i = 0; i < n; i++)
      if (chunk[i] != pattern_byte(done + i, seed))
        return false;
    done += n;
  }
  return true;
}

/* An address inside this program's text. */
void *
code_address(void)
{
  return (void *)(uintptr_t)&code_address;
}

/* Fills the last N bytes of the stack with 'x'. */
char *
stack_top_bytes(size_t n)
{
  char *start = USER_STACK_TOP - n;

  memset(start, 'x', n);
  return start;
}

int main(int argc, char *argv[]);

/* Copies argv[0] into test_name and runs the test.  A copy, because some
   tests overwrite the argument strings on purpose. */
int
main(int argc, char *argv[])
{
  static char name[64];

  if (argc > 0 && argv[0] != NULL) {
    strlcpy(name, argv[0], sizeof name);
    test_name = name;
  }
  test_main(argc, argv);
  return test_exit_status;
}
