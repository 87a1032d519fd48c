/* SPDX-License-Identifier: MIT */
#ifndef USERPROG_ELF_H
#define USERPROG_ELF_H

#include <stdbool.h>

struct intr_frame;

enum load_result {
  LOAD_OK,
  LOAD_OPEN_FAILED, /* No such program file. */
  LOAD_BAD,         /* Unacceptable executable or no memory. */
};

/* Load the program ARGV[0] into the current (empty) address space,
   lazily, with ARGV on its stack, and set F to enter it: creates the
   pml4, and sets the address space's exec_file (write-denied) when the
   file could be opened.  On failure the caller clears the address space. */
enum load_result load(char **argv, int argc, struct intr_frame *f);

#endif
