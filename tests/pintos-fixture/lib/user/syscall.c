/* SPDX-License-Identifier: MIT */
/* System-call wrappers: number in rax, arguments in rdi, rsi, rdx; the
   kernel keeps every register but rax, rcx and r11. */

#include <syscall-nr.h>
#include <syscall.h>
#include <stdint.h>

static int64_t
sys3(int64_t number, int64_t a, int64_t b, int64_t c)
{
  int64_t result;
  __asm__ volatile("syscall"
                   : "=a"(result)
                   : "a"(number), "D"(a), "S"(b), "d"(c)
                   : "rcx", "r11", "memory");
  return result;
}

void
halt(void)
{
  sys3(SYS_HALT, 0, 0, 0);
  for (;;)
    continue;
}

void
exit(int status)
{
  sys3(SYS_EXIT, status, 0, 0);
  for (;;)
    continue;
}

pid_t
fork(const char *thread_name)
{
  return (pid_t)sys3(SYS_FORK, (intptr_t)thread_name, 0, 0);
}

int
exec(const char *cmd_line)
{
  return (int)sys3(SYS_EXEC, (intptr_t)cmd_line, 0, 0);
}

int
wait(pid_t pid)
{
  return (int)sys3(SYS_WAIT, pid, 0, 0);
}

int
open(const char *file)
{
  return (int)sys3(SYS_OPEN, (intptr_t)file, 0, 0);
}

int
filesize(int fd)
{
  return (int)sys3(SYS_FILESIZE, fd, 0, 0);
}

int
read(int fd, void *buffer, unsigned length)
{
  return (int)sys3(SYS_READ, fd, (intptr_t)buffer, length);
}

int
write(int fd, const void *buffer, unsigned length)
{
  return (int)sys3(SYS_WRITE, fd, (intptr_t)buffer, length);
}

void
close(int fd)
{
  sys3(SYS_CLOSE, fd, 0, 0);
}
