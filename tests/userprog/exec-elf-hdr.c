/* SPDX-License-Identifier: MIT */

/* The loader checks the ELF header (pintos-abi.md 4.1): magic, class,
   byte order, version, type (no ET_DYN or ET_REL), machine, program
   header size, count and placement, and a user entry point. */

#include "tests/userprog/elf-mutate.h"

/* Breaks one header field per copy and execs it. */
void
test_main(int argc, char *argv[])
{
  struct elf_header *h;

  elf_probe_mode(argc, argv);
  elf_load_self(argv[0]);
  elf_fresh_copy();
  elf_try("elf-good", elf_size, " probe");
  elf_fresh_copy()->ident[1] = 'X';
  elf_try("bad-magic", elf_size, "");
  elf_fresh_copy()->ident[4] = 1;
  elf_try("bad-class", elf_size, "");
  elf_fresh_copy()->ident[5] = 2;
  elf_try("bad-data", elf_size, "");
  elf_fresh_copy()->ident[6] = 0;
  elf_try("bad-ident-ver", elf_size, "");
  elf_fresh_copy()->type = 3;
  elf_try("type-dyn", elf_size, "");
  elf_fresh_copy()->type = 1;
  elf_try("type-rel", elf_size, "");
  elf_fresh_copy()->machine = 3;
  elf_try("bad-machine", elf_size, "");
  elf_fresh_copy()->version = 0;
  elf_try("bad-version", elf_size, "");
  elf_fresh_copy()->phentsize = 32;
  elf_try("bad-phentsize", elf_size, "");
  elf_fresh_copy()->phnum = 2000;
  elf_try("many-phdrs", elf_size, "");
  h = elf_fresh_copy();
  h->phoff = elf_size - 16;
  elf_try("phdrs-outside", elf_size, "");
  elf_fresh_copy()->entry = 0x8004000000UL;
  elf_try("entry-kernel", elf_size, "");
  elf_fresh_copy();
  elf_try("truncated", 100, "");
}
