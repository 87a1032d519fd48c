/* SPDX-License-Identifier: MIT */

/* Kernel memory shortage never turns a valid call into a kill
   (pintos-abi.md 2.4; issue 8, item 9).  A child uses up the kernel's
   memory with mmap bookkeeping (mappings of a one-page file, halving the
   length each time mmap says NULL, until even one page is refused), then
   makes valid calls: fork, open, create and remove may fail with their
   error values but must not kill; read and write on a file opened before
   must move every byte; a console write comes out whole.  The child then
   exits normally, which frees its mappings, and the parent checks that
   each call's effect is all or nothing and that the kernel has recovered.
   Whether fork, open, create or remove succeeded depends on how much the
   kernel still had, so the output shows only that each result was a
   legal one. */

#include <string.h>
#include "tests/lib.h"

#define DATA_SIZE 8192
#define FIRST_LENGTH (64 * 4096)
#define MAP_BASE ((char *)0x100000000ULL) /* 4 GiB: far from the program. */
#define MAP_LIMIT ((char *)0x4000000000ULL)

static char buf[DATA_SIZE];
static char line[201];

/* Maps the file on FD again and again until a one-page mapping fails;
   returns the number of mappings made. */
static int
exhaust(int fd)
{
  size_t length = FIRST_LENGTH;
  char *next = MAP_BASE;
  int maps = 0;

  while (length >= 4096 && next + length <= MAP_LIMIT) {
    if (mmap(next, length, 1, fd, 0) != MAP_FAILED) {
      next += length;
      maps++;
    } else
      length /= 2;
  }
  return maps;
}

/* The calls under shortage; results go to the parent through the exit
   status bits and the console. */
static int
under_shortage(int data_fd, int map_fd)
{
  int status = 0, fd;
  pid_t pid;
  bool created, removed;

  msg("mappings made: %s", exhaust(map_fd) > 0 ? "some" : "none");
  pid = fork("oom-grandchild");
  if (pid == 0)
    exit(0);
  msg("fork: %s",
      pid == PID_ERROR || (pid > 0 && wait(pid) == 0) ? "legal" : "bad");
  fd = open("sample");
  msg("open: %s", fd == -1 || fd >= 2 ? "legal" : "bad");
  if (fd >= 0)
    close(fd);
  created = create("new-file", 10);
  removed = remove("victim");
  msg("create and remove returned");
  seek(data_fd, 0);
  memset(buf, 0, sizeof buf);
  msg("read: %s", read(data_fd, buf, DATA_SIZE) == DATA_SIZE &&
                          pattern_check(buf, DATA_SIZE, 1) == DATA_SIZE
                      ? "every byte"
                      : "short");
  seek(data_fd, 0);
  pattern_fill(buf, DATA_SIZE, 2);
  msg("write: %s",
      write(data_fd, buf, DATA_SIZE) == DATA_SIZE ? "every byte" : "short");
  memset(line, 'c', sizeof line - 1);
  msg("console: %s", line);
  status |= created ? 1 : 0;
  status |= removed ? 2 : 0;
  return status;
}

/* Prepares the files, runs the child, checks the aftermath. */
void
test_main(int argc, char *argv[])
{
  int data_fd = create_open("data", DATA_SIZE);
  int map_fd = create_open("map", 4096);
  int status, fd;
  pid_t pid;

  REQUIRE(create("victim", 1) && create("sample", 1), "create failed");
  REQUIRE(pattern_write(data_fd, DATA_SIZE, 1) == DATA_SIZE, "write failed");
  pid = fork_checked("oom");
  if (pid == 0)
    exit(under_shortage(data_fd, map_fd));
  status = wait(pid);
  msg("child not killed: %s", status >= 0 ? "yes" : "no");
  fd = open("new-file");
  msg("create all or nothing: %s",
      status >= 0 && (fd >= 0) == ((status & 1) != 0) ? "yes" : "no");
  fd = open("victim");
  msg("remove all or nothing: %s",
      status >= 0 && (fd < 0) == ((status & 2) != 0) ? "yes" : "no");
  seek(data_fd, 0);
  msg("data written under shortage: %s",
      pattern_read_matches(data_fd, DATA_SIZE, 2) ? "intact" : "lost");
  pid = fork("after");
  if (pid == 0)
    exit(7);
  msg("fork after recovery: %d", pid > 0 ? wait(pid) : -1);
  msg("open after recovery: %s", open("sample") >= 0 ? "ok" : "failed");
}
