/* SPDX-License-Identifier: MIT */
#ifndef USERPROG_SYSCALL_H
#define USERPROG_SYSCALL_H

#include <stdbool.h>

struct intr_frame;

void syscall_init(void);
/* Entered from arch/x86_64/syscall-entry.S with the user's registers in F;
   returns true if sysretq may return to F. */
bool syscall_handler(struct intr_frame *f);

#endif
