/* SPDX-License-Identifier: MIT */

/* Every register but rax, rcx and r11 survives a system call: argument
   registers and callee-saved ones alike, on success, on failure and
   across a blocking wait (pintos-abi.md 1.1). */

#include <string.h>
#include "tests/userprog/regs.h"

REGS_PROBE("regs_syscall", "syscall");

/* Runs one call through the probe and prints how many registers moved. */
static int64_t
probe(const char *what, uint64_t nr, uint64_t a1, uint64_t a2, uint64_t a3)
{
  struct regs in, out;

  regs_prepare(&in, nr, a1, a2, a3);
  regs_syscall(&in, &out);
  msg("%s: %d registers changed", what, regs_changed(&in, &out, false));
  return out.rax;
}

/* Probes a selection of calls. */
void
test_main(int argc, char *argv[])
{
  static const char text[] = "(regs-preserved) raw console write\n";
  char buffer[8];
  pid_t child;
  int fd;

  probe("write", SYS_WRITE, 1, (uintptr_t)text, strlen(text));
  probe("create", SYS_CREATE, (uintptr_t) "regfile", 8, 0);
  fd = probe("open", SYS_OPEN, (uintptr_t) "regfile", 0, 0);
  probe("read", SYS_READ, fd, (uintptr_t)buffer, 8);
  probe("failing read", SYS_READ, (uint64_t)-1, (uintptr_t)buffer, 8);
  probe("seek", SYS_SEEK, fd, 3, 0);
  probe("tell", SYS_TELL, fd, 0, 0);
  probe("reserved mkdir", SYS_MKDIR, (uintptr_t) "d", 0, 0);
  child = fork_checked("sleeper");
  if (child == 0)
    exit(0);
  probe("wait", SYS_WAIT, child, 0, 0);
  probe("close", SYS_CLOSE, fd, 0, 0);
}
