/* SPDX-License-Identifier: MIT */
/* Exceptions raised by user programs, and the page-fault entry.
 *
 * page_fault() decodes the CPU's report (CR2, error code, mode, user rsp)
 * into a struct page_fault_info and lets vm_try_handle_fault decide.  An
 * unresolved fault in user mode, or any other exception in user mode,
 * kills the process: the console shows only its exit line, the details go
 * to the log.  In kernel mode the only legal faults are those inside the
 * user-copy routines (which then fail); anything else panics. */

#include "userprog/exception.h"

#include <debug.h>
#include <stdio.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/gdt.h"
#include "arch/x86_64/intr-frame.h"
#include "lib/kernel/console.h"
#include "threads/interrupt.h"
#include "threads/thread.h"
#include "userprog/process.h"
#include "userprog/uaccess.h"
#include "vm/vm.h"

#define PF_PRESENT 0x1
#define PF_WRITE 0x2
#define PF_USER 0x4

static uint64_t page_fault_cnt;

static bool
from_user(const struct intr_frame *f)
{
  return (f->cs & 3) == 3;
}

/* Any exception but #PF: kill a user process, panic in the kernel. */
static void
kill(struct intr_frame *f)
{
  if (from_user(f)) {
    klog_printf("%s: killed by %s at rip %#llx\n", thread_name(),
                intr_name(f->vec_no), (unsigned long long)f->rip);
    process_kill();
  }
  PANIC("kernel exception %s at rip %#llx in thread '%s'", intr_name(f->vec_no),
        (unsigned long long)f->rip, thread_name());
}

static void
page_fault(struct intr_frame *f)
{
  void *addr = (void *)rcr2(); /* Read before anything can fault again. */
  page_fault_cnt++;
  bool user = from_user(f);
  if (!user && !(f->rflags & RFLAGS_IF))
    PANIC("page fault at %p with interrupts off (rip %#llx)", addr,
          (unsigned long long)f->rip);
  intr_enable();

  struct page_fault_info info = {
      .addr = addr,
      .not_present = !(f->error_code & PF_PRESENT),
      .write = f->error_code & PF_WRITE,
      .user = user,
      .user_rsp = user ? f->rsp : uaccess_user_rsp(),
  };
  bool in_copy = !user && uaccess_fixup_possible(f);
  if (!user && !in_copy)
    PANIC("kernel page fault at %p (%s, %s) rip %#llx in thread '%s'", addr,
          info.not_present ? "not present" : "protection",
          info.write ? "write" : "read", (unsigned long long)f->rip,
          thread_name());

  enum vm_fault_result r = vm_try_handle_fault(&info);
  if (r == VM_FAULT_RESOLVED)
    return;
  if (in_copy) {
    uaccess_fixup(f);
    return;
  }
  klog_printf("%s: %s at %p (%s %s, rip %#llx)\n", thread_name(),
              r == VM_FAULT_NOMEM ? "out of memory"
              : r == VM_FAULT_IO  ? "disk error loading the page"
                                  : "bad access",
              addr, info.not_present ? "not-present" : "protection",
              info.write ? "write" : "read", (unsigned long long)f->rip);
  process_kill();
}

void
exception_init(void)
{
  static const uint8_t vectors[] = {0,  1,  3,  4,  5,  6,  7,
                                    10, 11, 12, 13, 16, 17, 19};
  for (size_t i = 0; i < sizeof vectors; i++) {
    int dpl = vectors[i] == 3 || vectors[i] == 4 || vectors[i] == 5 ? 3 : 0;
    intr_register_int(vectors[i], dpl, kill, intr_name(vectors[i]));
  }
  intr_register_int(14, 0, page_fault, "#PF Page Fault");
}

void
exception_print_stats(void)
{
  klog_printf("Exception: %llu page faults\n",
              (unsigned long long)page_fault_cnt);
}
