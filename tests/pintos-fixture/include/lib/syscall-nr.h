/* SPDX-License-Identifier: MIT */
/* System-call numbers of the Pintos user ABI (the ones the fixture uses). */
#ifndef FIXTURE_SYSCALL_NR_H
#define FIXTURE_SYSCALL_NR_H

enum {
  SYS_HALT = 0,
  SYS_EXIT = 1,
  SYS_FORK = 2,
  SYS_EXEC = 3,
  SYS_WAIT = 4,
  SYS_CREATE = 5,
  SYS_REMOVE = 6,
  SYS_OPEN = 7,
  SYS_FILESIZE = 8,
  SYS_READ = 9,
  SYS_WRITE = 10,
  SYS_CLOSE = 13,
};

#endif
