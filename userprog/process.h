/* SPDX-License-Identifier: MIT */
#ifndef USERPROG_PROCESS_H
#define USERPROG_PROCESS_H

/* User processes: one kernel thread each, with an address space, an fd
   table and the running program's file.

   Parent and child share a struct exit_record that outlives whichever of
   them dies first: the child fills in the status and ups `exited'; the
   parent's wait downs it.  Each side drops its reference when done; the
   last one frees it.  Records are guarded by process_lock. */

#include <list.h>
#include <stdbool.h>

#include "threads/synch.h"
#include "threads/thread.h"
#include "userprog/fd.h"
#include "vm/addrspace.h"

typedef int pid_t;
#define PID_ERROR ((pid_t)-1)

struct exit_record {
  pid_t pid;               /* (i) */
  int status;              /* Exit status, valid once exited is up. */
  struct semaphore exited; /* Upped once at exit. */
  int refs;                /* (process_lock) parent + child. */
  struct list_elem elem;   /* (parent only) in parent->children. */
};

struct process {
  pid_t pid;                     /* (i) */
  char name[THREAD_NAME_MAX];    /* (i) Used in the exit line. */
  int exit_status;               /* (owner) */
  struct addrspace as;           /* Its own lock: SPT, pml4, program. */
  struct fd_table fds;           /* (owner) */
  struct exit_record *record;    /* Shared with the parent or NULL. */
  struct list children;          /* (owner) exit_records. */
  struct intr_frame *fork_frame; /* (i) Child's first registers. */
};

void process_init(void);
/* Run the command line TASK as a new process named by its first word and
   wait for it; returns its exit status. */
int process_run(const char *task);

pid_t process_fork(const char *name, const struct intr_frame *parent_frame);
/* Replace the current program by CMDLINE (kernel memory, freed here). On
   success F is set up to enter it; on failure the process exits(-1). */
void process_exec(char *cmdline, struct intr_frame *f);
int process_wait(pid_t pid);
/* End the current process with STATUS. */
void process_exit_with(int status) __attribute__((noreturn));
/* End the current process with exit(-1). */
void process_kill(void) __attribute__((noreturn));

/* Load T's address space (or the kernel's) on a switch to T. */
void process_activate(struct thread *t);
/* End T's process, if it has one (thread_exit).  T is the running thread. */
void process_exit(struct thread *t);
struct process *process_current(void);
/* User processes that exist now (for the leak check at power-off). */
int process_live_count(void);

#endif
