/* SPDX-License-Identifier: MIT */

/* exec with command lines of every length near the end of the first stack
   page, with an even and an odd argc (pintos-abi.md 4.4): each must
   either run with exactly the argv it was given, or fail cleanly
   (`load: ...: error loading executable', exit -1).  Which one is decided
   by the rule "strings and pointers fit in the first stack page",
   computed here independently: a line that fits must run, one that does
   not must be refused, and nothing may run with a damaged argv.  (A bug
   here once let the alignment step wrap and write below the page.) */

#include <stdio.h>
#include <string.h>
#include "tests/lib.h"

#define PAGE 4096
#define FIRST 4030 /* Line lengths tried: FIRST .. LAST (no NUL). */
#define LAST 4095

static char line[PAGE + 1];

/* Builds a command line of exactly LEN characters with ARGC words (2 or
   3): "child-argchk 2:LEN1:bbb..." or "child-argchk 3:LEN1:bbb... c". */
static void
build(size_t len, int argc)
{
  const char *name = "child-argchk ";
  size_t word1 = len - strlen(name) - (argc == 3 ? 2 : 0);
  char head[32];
  snprintf(head, sizeof head, "%d:%zu:", argc, word1);
  strlcpy(line, name, sizeof line);
  strlcat(line, head, sizeof line);
  size_t at = strlen(line);
  memset(line + at, 'b', word1 - strlen(head));
  at += word1 - strlen(head);
  line[at] = '\0';
  if (argc == 3)
    strlcat(line, " c", sizeof line);
}

/* Does a line of LEN characters in ARGC words fit in the stack page?
   Strings with their NULs, padding to 8, argv[0..argc], the fake return
   address, and a word more if that is needed for rsp = 8 (mod 16). */
static bool
fits(size_t len, int argc)
{
  size_t strings = len + 1; /* Spaces become NULs, plus the last one. */
  if (strings > PAGE)
    return false;
  size_t below = (PAGE - strings) & ~(size_t)7;
  size_t need = ((size_t)argc + 2) * 8;
  if (below < need)
    return false;
  return (below - need) % 16 == 8 || below - need >= 8;
}

void
test_main(int argc, char *argv[])
{
  int ran = 0, refused = 0, wrong = 0;
  for (int words = 2; words <= 3; words++)
    for (size_t len = FIRST; len <= LAST; len++) {
      build(len, words);
      if (strlen(line) != len)
        fail("built a line of %zu, not %zu", strlen(line), len);
      pid_t pid = fork_checked("argchk");
      if (pid == 0) {
        exec(line);
        exit(2); /* Not reached: exec does not return. */
      }
      int status = wait(pid);
      bool fit = fits(len, words);
      if (fit && status == 0)
        ran++;
      else if (!fit && status == -1)
        refused++;
      else {
        wrong++;
        msg("length %zu, argc %d: status %d, %s", len, words, status,
            fit ? "should run" : "should be refused");
      }
    }
  msg("%d ran with their exact argv, %d refused, %d wrong", ran, refused,
      wrong);
}
