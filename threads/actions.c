/* SPDX-License-Identifier: MIT */
/* The command-line actions.  `run TASK' frames the task between
 * `Executing' and `complete' lines; the task is an in-kernel test when one
 * has that name, otherwise a user program.  Under -threads-tests it is a
 * Pintos tree's in-kernel test (run_test, linked in by tools/pagoda pintos). */

#include "threads/actions.h"

#include <stdio.h>
#include <string.h>

#include "filesys/fsutil.h"
#include "tests/kfs/kfs-tests.h"
#include "tests/kthreads/ktest.h"
#include "threads/init.h"
#include "userprog/process.h"

static void
run_task(char **argv)
{
  const char *task = argv[1];
  printf("Executing '%s':\n", task);
  if (thread_tests)
    run_test(task);
  else if (!ktest_run(task) && !kfs_test_run(task))
    process_run(task);
  printf("Execution of '%s' complete.\n", task);
}

/* Stands in for a Pintos tree's run_test when none is linked in. */
__attribute__((weak)) void
run_test(const char *name)
{
  printf("no Pintos in-kernel tests are linked into this kernel (test '%s')\n",
         name);
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
