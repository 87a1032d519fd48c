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

#endif
