/* SPDX-License-Identifier: MIT */

/* int 0x42 changes only rax: rcx and r11 survive too, since it returns
   with iretq (pintos-abi.md 5). */

#include "tests/userprog/regs.h"

REGS_PROBE("regs_int42", "int $0x42");

/* Inspects a present page and a kernel address through the probe. */
void
test_main(int argc, char *argv[])
{
  struct regs in, out;
  char local = 1;

  regs_prepare(&in, (uintptr_t)&local, 0, 0, 0);
  regs_int42(&in, &out);
  msg("present page: %d registers changed, result %s",
      regs_changed(&in, &out, true), out.rax != 0 ? "non-zero" : "0");
  regs_prepare(&in, (uintptr_t)KERNEL_ADDR, 0, 0, 0);
  regs_int42(&in, &out);
  msg("kernel address: %d registers changed, result %s",
      regs_changed(&in, &out, true), out.rax != 0 ? "non-zero" : "0");
}
