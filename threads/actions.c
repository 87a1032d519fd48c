/* SPDX-License-Identifier: MIT */
/* The command-line actions.  `run TASK' frames the task between
 * `Executing' and `complete' lines; the task is an in-kernel test when one
 * has that name, otherwise a user program. */

#include "threads/actions.h"

#include <stdio.h>
#include <string.h>

#include "tests/threads/tests.h"

static void
run_task(char **argv)
{
  const char *task = argv[1];
  printf("Executing '%s':\n", task);
  if (!ktest_run(task))
    printf("run: no test or program named '%s'\n", task);
  printf("Execution of '%s' complete.\n", task);
}

static const struct action actions[] = {
    {"run", 1, run_task},
};

const struct action *
action_find(const char *name)
{
  for (size_t i = 0; i < sizeof actions / sizeof *actions; i++)
    if (!strcmp(actions[i].name, name))
      return &actions[i];
  return NULL;
}
