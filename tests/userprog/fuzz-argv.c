/* SPDX-License-Identifier: MIT */

/* Exec target of the fuzzer: checks that its argv is exactly the line
   the fuzzer built ("fuzz-argv NNNN:SSSS w1 w2 ...", see fuzz-syscalls.c)
   and the layout of pintos-abi.md 4.4 (argv 8-byte aligned, argv[argc]
   NULL).  On a mismatch it sets the flag byte of the fuzzer's progress
   file (fd 1020, inherited through exec).  Prints nothing. */

#include <stdlib.h>
#include <string.h>
#include "tests/lib.h"

#define PROGRESS_FD 1020
#define FLAG_OFS 4

/* Does ARGV hold N words after the count, lengths summing to S, word K
   made of 'a' + (K + i) % 26? */
static bool
words_ok(int argc, char *argv[], int n, int s)
{
  int k, sum = 0;

  if (argc != n + 2)
    return false;
  for (k = 0; k < n; k++) {
    const char *w = argv[k + 2];
    size_t i, len = strlen(w);

    for (i = 0; i < len; i++)
      if (w[i] != (char)('a' + (k + i) % 26))
        return false;
    sum += len;
  }
  return sum == s;
}

/* Checks argv; flags a mismatch. */
void
test_main(int argc, char *argv[])
{
  bool ok = ((uintptr_t)argv % 8 == 0) && argc >= 1 && argv[argc] == NULL &&
            strcmp(argv[0], "fuzz-argv") == 0;

  if (ok && argc > 1)
    ok = strlen(argv[1]) == 9 && argv[1][4] == ':' &&
         words_ok(argc, argv, atoi(argv[1]), atoi(argv[1] + 5));
  if (!ok) {
    seek(PROGRESS_FD, FLAG_OFS);
    write(PROGRESS_FD, "\1", 1);
  }
}
