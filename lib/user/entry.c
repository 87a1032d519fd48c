/* SPDX-License-Identifier: MIT */

/* Program entry.  The kernel starts a new image at _start with argc in rdi
   and argv in rsi, rsp pointing at a zero fake return address (so the
   stack looks as if _start had been called).  main's result becomes the
   exit status. */

#include <syscall.h>

int main(int argc, char *argv[]);
void _start(int argc, char *argv[]) NO_RETURN;

/* Runs main (ARGC, ARGV) and exits with its result. */
void
_start(int argc, char *argv[])
{
  exit(main(argc, argv));
}
