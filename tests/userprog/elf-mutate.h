/* SPDX-License-Identifier: MIT */
#ifndef TESTS_USERPROG_ELF_MUTATE_H
#define TESTS_USERPROG_ELF_MUTATE_H

/* Shared by the exec-elf-* tests: the test reads its own executable (a
   valid ELF), writes copies with exactly one field broken, and execs each
   copy in a child named after it.  The loader must refuse every broken
   copy with `load: NAME: error loading executable', while an unbroken
   copy, run with the argument `probe', must load and run: that control
   shows the refusals come from the broken field alone. */

#include <stdint.h>
#include <string.h>
#include "tests/lib.h"

struct elf_header {
  unsigned char ident[16];
  uint16_t type, machine;
  uint32_t version;
  uint64_t entry, phoff, shoff;
  uint32_t flags;
  uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf_phdr {
  uint32_t type, flags;
  uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

#define ELF_MAX (512 * 1024)

static uint8_t elf_original[ELF_MAX];
static uint8_t elf_copy[ELF_MAX];
static int elf_size;

/* Reads the running executable FILE into elf_original. */
static inline void
elf_load_self(const char *file)
{
  int fd = open_checked(file);

  elf_size = read(fd, elf_original, ELF_MAX);
  REQUIRE(elf_size > 0 && elf_size < ELF_MAX, "cannot read %s", file);
  close(fd);
}

/* A fresh copy of the executable to break. */
static inline struct elf_header *
elf_fresh_copy(void)
{
  memcpy(elf_copy, elf_original, elf_size);
  return (struct elf_header *)elf_copy;
}

/* Program header I of the copy. */
static inline struct elf_phdr *
elf_phdr(int i)
{
  struct elf_header *h = (struct elf_header *)elf_copy;

  return (struct elf_phdr *)(elf_copy + h->phoff) + i;
}

/* Index of the first program header of TYPE whose flags include FLAGS, or
   -1. */
static inline int
elf_find(uint32_t type, uint32_t flags)
{
  struct elf_header *h = (struct elf_header *)elf_copy;
  int i;

  for (i = 0; i < h->phnum; i++)
    if (elf_phdr(i)->type == type && (elf_phdr(i)->flags & flags) == flags)
      return i;
  return -1;
}

/* Writes the first SIZE bytes of the copy to file NAME, execs
   "NAME ARGS" in a child named NAME, and prints what wait returned. */
static inline void
elf_try(const char *name, int size, const char *args)
{
  char line[64];
  int fd = create_open(name, size);
  pid_t pid;

  REQUIRE(write(fd, elf_copy, size) == size, "cannot write %s", name);
  close(fd);
  pid = fork_checked(name);
  if (pid == 0) {
    strlcpy(line, name, sizeof line);
    strlcat(line, args, sizeof line);
    exec(line);
    fail("exec of %s returned", name);
  }
  msg("%s: wait = %d", name, wait(pid));
  remove(name);
}

/* In a copy run with `probe': announce and exit 12. */
static inline void
elf_probe_mode(int argc, char *argv[])
{
  if (argc == 2 && strcmp(argv[1], "probe") == 0) {
    msg("probe ran");
    exit(12);
  }
}

#endif /* TESTS_USERPROG_ELF_MUTATE_H */
