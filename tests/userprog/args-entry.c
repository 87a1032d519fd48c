/* SPDX-License-Identifier: MIT */

/* Register state at the first user instruction (pintos-abi.md 4.4).  This
   program brings its own _start, which records rsp, rdi, rsi, RFLAGS and
   the word at rsp before any C code runs, then continues into the
   library's main. */

#include <stdint.h>
#include "tests/lib.h"

uint64_t entry_rsp, entry_rdi, entry_rsi, entry_flags, entry_ret;

void _start(void);
void entry_continue(int argc, char *argv[]) NO_RETURN;
int main(int argc, char *argv[]);

/* Entry point: save the state with only rax and rcx as scratch (neither
   carries anything at entry), then continue in C. */
asm(".globl _start\n"
    "_start:\n"
    "  movabs $entry_rsp, %rax\n"
    "  mov %rsp, (%rax)\n"
    "  movabs $entry_rdi, %rax\n"
    "  mov %rdi, (%rax)\n"
    "  movabs $entry_rsi, %rax\n"
    "  mov %rsi, (%rax)\n"
    "  mov (%rsp), %rcx\n"
    "  movabs $entry_ret, %rax\n"
    "  mov %rcx, (%rax)\n"
    "  pushfq\n"
    "  pop %rcx\n"
    "  movabs $entry_flags, %rax\n"
    "  mov %rcx, (%rax)\n"
    "  movabs $entry_continue, %rax\n"
    "  jmp *%rax\n");

/* Runs main and exits with its status, as the library's _start does. */
void
entry_continue(int argc, char *argv[])
{
  exit(main(argc, argv));
}

/* Prints what _start saw. */
void
test_main(int argc, char *argv[])
{
  msg("rdi = argc: %s", entry_rdi == (uint64_t)argc ? "yes" : "no");
  msg("rsi = argv: %s", entry_rsi == (uint64_t)argv ? "yes" : "no");
  msg("rsi = rsp + 8: %s", entry_rsi == entry_rsp + 8 ? "yes" : "no");
  msg("rsp %% 16 = %d", (int)(entry_rsp % 16));
  msg("fake return address = %lu", (unsigned long)entry_ret);
  msg("IF = %d, DF = %d", (int)(entry_flags >> 9) & 1,
      (int)(entry_flags >> 10) & 1);
}
