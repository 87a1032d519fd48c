/* SPDX-License-Identifier: MIT */
/* The command-line actions.  `run TASK' frames the task between
 * `Executing' and `complete' lines; the task is an in-kernel test when one
 * has that name, otherwise a user program. */

#include "threads/actions.h"

#include <stdio.h>
#include <string.h>

#include "filesys/fsutil.h"
#include "tests/kfs/kfs-tests.h"
#include "tests/threads/tests.h"
#include "userprog/process.h"

static void
run_task(char **argv)
{
  const char *task = argv[1];
  printf("Executing '%s':\n", task);
  if (!ktest_run(task) && !kfs_test_run(task))
    process_run(task);
  printf("Execution of '%s' complete.\n", task);
}

static void
action_ls(char **argv)
{
  (void)argv;
  fsutil_ls();
}

static void
action_cat(char **argv)
{
  fsutil_cat(argv[1]);
}

static void
action_rm(char **argv)
{
  fsutil_rm(argv[1]);
}

static const struct action actions[] = {
    {"run", 1, run_task},
    {"ls", 0, action_ls},
    {"cat", 1, action_cat},
    {"rm", 1, action_rm},
};

const struct action *
action_find(const char *name)
{
  for (size_t i = 0; i < sizeof actions / sizeof *actions; i++)
    if (!strcmp(actions[i].name, name))
      return &actions[i];
  return NULL;
}
