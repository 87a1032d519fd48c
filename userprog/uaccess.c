/* SPDX-License-Identifier: MIT */
/* User memory access for system calls: range checks in C, the copies in
 * arch/x86_64/uaccess.S with fault recovery.  Kernel addresses never reach
 * the copy routines, because only a user address can fault. */

#include "userprog/uaccess.h"

#include "arch/x86_64/intr-frame.h"
#include "mm/malloc.h"
#include "mm/vaddr.h"
#include "threads/thread.h"
#include "vm/vm.h"

long uaccess_copy(void *dst, const void *src, size_t n);
long uaccess_strcpy(char *dst, const char *src, size_t max);
extern const char uaccess_begin[], uaccess_end[], uaccess_fault[];

static bool
user_range(const void *uva, size_t n)
{
  uintptr_t a = (uintptr_t)uva;
  return a >= PGSIZE && a + n >= a && a + n <= KERN_BASE;
}

bool
copy_in(void *kdst, const void *usrc, size_t n)
{
  if (n == 0)
    return true;
  return user_range(usrc, n) && uaccess_copy(kdst, usrc, n) == 0;
}

bool
copy_out(void *udst, const void *ksrc, size_t n)
{
  if (n == 0)
    return true;
  return user_range(udst, n) && uaccess_copy(udst, ksrc, n) == 0;
}

enum ustr_result
copy_in_string(const char *usrc, size_t max, char **out)
{
  *out = NULL;
  uintptr_t a = (uintptr_t)usrc;
  if (a < PGSIZE || a >= KERN_BASE)
    return USTR_BAD;
  size_t room = KERN_BASE - a < max ? KERN_BASE - a : max;
  char *buf = malloc(max + 1);
  if (buf == NULL)
    return USTR_BAD;
  long len = uaccess_strcpy(buf, usrc, room);
  if (len < 0 || (size_t)len == room) {
    free(buf);
    /* Reaching KERN_BASE without a NUL is a bad pointer. */
    return len < 0 || room < max ? USTR_BAD : USTR_TOO_LONG;
  }
  *out = buf;
  return USTR_OK;
}

uintptr_t
uaccess_user_rsp(void)
{
  const struct intr_frame *f =
      (const struct intr_frame *)thread_current()->kstack_top - 1;
  return f->rsp;
}

bool
uaccess_check(const void *uva, size_t n, bool write)
{
  if (n == 0)
    return true;
  return user_range(uva, n) &&
         vm_check_user_range(uva, n, write, uaccess_user_rsp());
}

bool
uaccess_fixup_possible(const struct intr_frame *f)
{
  return f->rip >= (uintptr_t)uaccess_begin && f->rip < (uintptr_t)uaccess_end;
}

void
uaccess_fixup(struct intr_frame *f)
{
  f->rip = (uintptr_t)uaccess_fault;
}
