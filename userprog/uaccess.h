/* SPDX-License-Identifier: MIT */
#ifndef USERPROG_UACCESS_H
#define USERPROG_UACCESS_H

/* Safe access to the current process's memory from system calls.

   Every routine checks that the range is user memory (below KERN_BASE, no
   wrap-around) and copies with fault recovery: lazy, swapped-out and
   not-yet-grown stack pages are brought in by the normal fault path.  A
   false/NULL result means the pointer is bad and the caller should kill
   the process (pintos-abi.md section 3).  Never call these while holding
   the file-system lock or any lock below the SPT lock (vm/vm.h). */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

bool copy_in(void *kdst, const void *usrc, size_t n);
bool copy_out(void *udst, const void *ksrc, size_t n);

enum ustr_result { USTR_OK, USTR_BAD, USTR_TOO_LONG };
/* Copy the user string USRC (NUL included) into a new kernel buffer of at
   most MAX bytes, returned in *OUT (free it).  USTR_TOO_LONG if no NUL in
   MAX bytes, USTR_BAD for a bad pointer or no memory (*OUT is NULL). */
enum ustr_result copy_in_string(const char *usrc, size_t max, char **out);

/* Pure check of [UVA, UVA + N) for a later copy (read: N bytes the kernel
   will read; write: will write), against the process's pages and the
   stack-growth rule.  Loads nothing. */
bool uaccess_check(const void *uva, size_t n, bool write);

/* The user rsp saved at system-call or interrupt entry. */
uintptr_t uaccess_user_rsp(void);

/* For the page-fault handler: is F's rip inside a copy routine?  If so,
   uaccess_fixup makes the routine fail (return -1) when resumed. */
struct intr_frame;
bool uaccess_fixup_possible(const struct intr_frame *f);
void uaccess_fixup(struct intr_frame *f);

#endif
