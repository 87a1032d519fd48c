/* SPDX-License-Identifier: MIT */
#ifndef USERPROG_ELF_H
#define USERPROG_ELF_H

#include <stdbool.h>

struct process;
struct intr_frame;

enum load_result {
  LOAD_OK,
  LOAD_OPEN_FAILED, /* No such program file. */
  LOAD_BAD,         /* Unacceptable executable or no memory. */
};

/* Load the program ARGV[0] into P's (empty) address space, lazily, with
   ARGV on its stack, and set F to enter it.  P's exec_file is set (and
   write-denied) when the file could be opened. */
enum load_result elf_load(struct process *p, char **argv, int argc,
                          struct intr_frame *f);

#endif
