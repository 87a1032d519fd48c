/* SPDX-License-Identifier: MIT */
/* Model-specific registers for `syscall'/`sysretq'. */

#include "arch/x86_64/syscall-init.h"

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/gdt.h"

#define MSR_EFER 0xc0000080
#define MSR_STAR 0xc0000081
#define MSR_LSTAR 0xc0000082
#define MSR_SFMASK 0xc0000084
#define EFER_SCE 0x1

void syscall_entry(void);

void
syscall_msr_init(void)
{
  wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
  /* syscall: CS = 0x08, SS = 0x10.  sysretq: SS = 0x10 + 8, CS = 0x10 +
     16, both with RPL 3: user data 0x1b, user code 0x23. */
  wrmsr(MSR_STAR, ((uint64_t)SEL_KDSEG << 48) | ((uint64_t)SEL_KCSEG << 32));
  wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
  /* Mask IF, TF, DF and AC on entry. */
  wrmsr(MSR_SFMASK, 0x200 | 0x100 | 0x400 | 0x40000);
}
