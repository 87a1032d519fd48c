/* SPDX-License-Identifier: MIT */
/* User memory access for system calls: range checks in C, the copies in
 * arch/x86_64/uaccess.S with fault recovery.  Kernel addresses never reach
 * the copy routines, because only a user address can fault. */

#include "userprog/uaccess.h"

#include "arch/x86_64/intr-frame.h"
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

long
copy_in_string(const char *usrc, char *buf, size_t size)
{
  uintptr_t a = (uintptr_t)usrc;
  if (a < PGSIZE || a >= KERN_BASE || size == 0)
    return USTR_BAD;
  size_t avail = KERN_BASE - a < USTR_LIMIT ? KERN_BASE - a : USTR_LIMIT;
  size_t n = size < avail ? size : avail;
  long len = uaccess_strcpy(buf, usrc, n);
  if (len < 0)
    return USTR_BAD;
  if ((size_t)len < n)
    return len;
  buf[n == size ? size - 1 : n - 1] = '\0'; /* A truncated prefix. */
  /* Check the rest through a small scratch buffer: nothing is allocated,
     and nothing past the NUL is touched. */
  char scratch[64];
  for (size_t pos = n; pos < avail; pos += (size_t)len) {
    size_t chunk = avail - pos < sizeof scratch ? avail - pos : sizeof scratch;
    len = uaccess_strcpy(scratch, usrc + pos, chunk);
    if (len < 0)
      return USTR_BAD;
    if ((size_t)len < chunk)
      return pos + len;
  }
  /* No NUL: at KERN_BASE that is a bad pointer, else just too long. */
  return KERN_BASE - a <= USTR_LIMIT ? USTR_BAD : USTR_UNTERMINATED;
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
  /* One walk: vm_check_user_range steps a page that exists, a whole lazy
     region or the whole stack at a time, so its cost is bounded by what
     the process has, never by N (a 4 GiB buffer in one mapping is a few
     steps). */
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
