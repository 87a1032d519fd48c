/* SPDX-License-Identifier: MIT */
/* Where every program starts: the kernel passes argc and argv in rdi and
   rsi; main's result becomes the exit status. */

#include <syscall.h>

int main(int argc, char *argv[]);
void _start(int argc, char *argv[]);

void
_start(int argc, char *argv[])
{
  exit(main(argc, argv));
}
