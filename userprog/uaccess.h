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

/* The longest user string the kernel reads, NUL included
   (pintos-abi.md 3: Pagoda may stop after 4096 bytes). */
#define USTR_LIMIT 4096
#define USTR_BAD (-1)          /* A bad pointer: kill the caller. */
#define USTR_UNTERMINATED (-2) /* No NUL in USTR_LIMIT bytes. */

/* Read the user string USRC up to its NUL, checking every byte of it but
   none after it, and store its first SIZE - 1 bytes (SIZE >= 1) in BUF,
   NUL-terminated.  Returns the string's length without the NUL (SIZE or
   more means BUF holds a truncated prefix), USTR_UNTERMINATED if the first
   USTR_LIMIT bytes hold no NUL, or USTR_BAD for a bad pointer (also when
   the string runs into KERN_BASE).  Allocates nothing, so kernel memory
   shortage can never look like a bad pointer.  May fault (and sleep). */
long copy_in_string(const char *usrc, char *buf, size_t size);

/* Pure check of [UVA, UVA + N) for a later copy (read: N bytes the kernel
   will read; write: will write), against the process's pages and the
   stack-growth rule.  Loads nothing.  Takes the SPT lock once per 1 MiB
   piece, never for the whole of a huge range. */
bool uaccess_check(const void *uva, size_t n, bool write);

/* The user rsp saved at system-call or interrupt entry. */
uintptr_t uaccess_user_rsp(void);

/* For the page-fault handler: is F's rip inside a copy routine?  If so,
   uaccess_fixup makes the routine fail (return -1) when resumed. */
struct intr_frame;
bool uaccess_fixup_possible(const struct intr_frame *f);
void uaccess_fixup(struct intr_frame *f);

#endif
