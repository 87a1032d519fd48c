/* SPDX-License-Identifier: MIT */
/* The system calls the fixture's programs make. */
#ifndef FIXTURE_USER_SYSCALL_H
#define FIXTURE_USER_SYSCALL_H

#include <stdbool.h>

typedef int pid_t;

void halt(void) __attribute__((noreturn));
void exit(int status) __attribute__((noreturn));
pid_t fork(const char *thread_name);
int exec(const char *cmd_line);
int wait(pid_t pid);
int open(const char *file);
int filesize(int fd);
int read(int fd, void *buffer, unsigned length);
int write(int fd, const void *buffer, unsigned length);
void close(int fd);

#endif
