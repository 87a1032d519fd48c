/* SPDX-License-Identifier: MIT */
#ifndef THREADS_ACTIONS_H
#define THREADS_ACTIONS_H

/* Command-line actions run after `Boot complete.'. */

struct action {
  const char *name;         /* Word that selects it. */
  int argc;                 /* Words it takes after its name. */
  void (*run)(char **argv); /* argv[0] is the name. */
};

/* The action called NAME, or NULL. */
const struct action *action_find(const char *name);

/* Runs the in-kernel test NAME of a Pintos tree's tests/threads, which
   `tools/pagoda pintos' links into its kernel (the tree's own tests.c
   defines it); under -threads-tests `run NAME' calls it.  The kernel's own
   weak definition only reports that no such tests are linked in.  Runs in
   the main thread; may sleep. */
void run_test(const char *name);

#endif
