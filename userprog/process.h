/* SPDX-License-Identifier: MIT */
#ifndef USERPROG_PROCESS_H
#define USERPROG_PROCESS_H

#include "threads/thread.h"

/* Load T's address space (or the kernel's) on a switch to T. */
void process_activate(struct thread *t);
/* Release the running thread's process, if it has one. */
void process_exit(void);

#endif
