/* SPDX-License-Identifier: MIT */
#ifndef USERPROG_EXCEPTION_H
#define USERPROG_EXCEPTION_H

/* CPU exceptions: page faults go to the VM; anything else unresolved in
   user mode kills the process; in kernel mode it is a kernel bug. */
void exception_init(void);
void exception_print_stats(void);

#endif
