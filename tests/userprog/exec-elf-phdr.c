/* SPDX-License-Identifier: MIT */

/* The loader checks program headers (pintos-abi.md 4.2-4.3): no
   PT_INTERP, PT_DYNAMIC or PT_SHLIB; each PT_LOAD with p_offset congruent
   to p_vaddr, inside the file, p_memsz >= p_filesz, above page 0, not
   wrapping and wholly below KERN_BASE. */

#include "tests/userprog/elf-mutate.h"

/* Initialised data, so the writable segment has file bytes. */
static int data_word = 5;

/* Breaks one program header per copy and execs it. */
void
test_main(int argc, char *argv[])
{
  int data, other;

  elf_probe_mode(argc, argv);
  elf_load_self(argv[0]);
  elf_fresh_copy();
  data = elf_find(1, 2);
  other = elf_find(0x6474e551, 0);
  REQUIRE(data >= 0 && other >= 0 && data_word == 5,
          "no writable PT_LOAD or PT_GNU_STACK in %s", argv[0]);
  elf_try("elf-good", elf_size, " probe");
  elf_fresh_copy();
  elf_phdr(other)->type = 3;
  elf_try("has-interp", elf_size, "");
  elf_fresh_copy();
  elf_phdr(other)->type = 2;
  elf_try("has-dynamic", elf_size, "");
  elf_fresh_copy();
  elf_phdr(other)->type = 5;
  elf_try("has-shlib", elf_size, "");
  elf_fresh_copy();
  elf_phdr(data)->offset += 1;
  elf_try("misaligned", elf_size, "");
  elf_fresh_copy();
  elf_phdr(data)->offset += 0x1000000;
  elf_try("past-eof", elf_size, "");
  elf_fresh_copy();
  elf_phdr(data)->filesz = elf_phdr(data)->memsz + 1;
  elf_try("filesz-big", elf_size, "");
  elf_fresh_copy();
  elf_phdr(data)->vaddr = 0;
  elf_try("page-zero", elf_size, "");
  elf_fresh_copy();
  elf_phdr(data)->vaddr = 0x8004000000UL - 0x1000;
  elf_try("cross-kernel", elf_size, "");
  elf_fresh_copy();
  elf_phdr(data)->vaddr = 0xffffffff80000000UL;
  elf_try("upper-half", elf_size, "");
  elf_fresh_copy();
  elf_phdr(data)->memsz = 0xfffffffffffff000UL;
  elf_try("wrap", elf_size, "");
}
