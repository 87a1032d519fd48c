/* SPDX-License-Identifier: MIT */
#ifndef ARCH_X86_64_SYSCALL_INIT_H
#define ARCH_X86_64_SYSCALL_INIT_H

/* Enable `syscall' and point it at syscall_entry. */
void syscall_msr_init(void);

#endif
