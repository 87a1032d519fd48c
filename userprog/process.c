/* SPDX-License-Identifier: MIT */
/* User processes: creation, fork, exec, wait and exit.
 *
 * A process is a kernel thread plus a struct process: its address space
 * (vm/addrspace.h: SPT, page table, program file, regions), fd table and
 * its children's exit records.  It enters user mode by "returning" through
 * a struct intr_frame (do_iret), and comes back through system calls and
 * faults.
 *
 * exec, as in the Pintos notes: process_exec → process_cleanup
 * (supplemental_page_table_kill) → supplemental_page_table_init → load
 * (userprog/elf.c).
 *
 * Exit order matters (pintos-abi.md 2.1): the exit line, then mappings
 * written back, fds closed, the program's write-deny dropped, memory freed,
 * and only then the parent's wait is released. */

#include "userprog/process.h"

#include <debug.h>
#include <stdio.h>
#include <string.h>

#include "arch/x86_64/intr-frame.h"
#include "devices/trace.h"
#include "filesys/file.h"
#include "lib/kernel/console.h"
#include "mm/malloc.h"
#include "mm/palloc.h"
#include "userprog/elf.h"

#define ARGS_MAX 256 /* Words on a command line we accept. */

static struct lock process_lock; /* Guards exit_record refs. */
static pid_t next_pid = 1;
static int live_processes; /* (process_lock) */

void
process_init(void)
{
  lock_init(&process_lock);
  thread_set_hooks(process_activate, process_exit);
}

struct process *
process_current(void)
{
  return thread_current()->process;
}

/* Drop one reference to R; free it with the last. */
static void
record_release(struct exit_record *r)
{
  lock_acquire(&process_lock);
  bool last = --r->refs == 0;
  lock_release(&process_lock);
  if (last)
    free(r);
}

/* A new, empty process named NAME; NULL if out of memory. */
static struct process *
process_create(const char *name)
{
  struct process *p = calloc(1, sizeof *p);
  if (p == NULL)
    return NULL;
  strlcpy(p->name, name, sizeof p->name);
  list_init(&p->children);
  p->record = calloc(1, sizeof *p->record);
  if (p->record == NULL || !addrspace_init(&p->as)) {
    free(p->record);
    free(p);
    return NULL;
  }
  lock_acquire(&process_lock);
  p->pid = next_pid++;
  live_processes++;
  lock_release(&process_lock);
  p->record->pid = p->pid;
  p->record->refs = 1;
  sema_init(&p->record->exited, 0);
  return p;
}

/* Free P's address space: mappings written back, pages, frames, swap
   slots, regions, page tables, and the program's write-deny.  WHY (exit
   or exec) names the TLB batch that every unmapping joins. */
static void
process_cleanup(struct process *p, enum tlb_reason why)
{
  struct tlb_batch tlb;
  tlb_batch_init(&tlb, why);
  p->as.unmapping = &tlb;
  supplemental_page_table_kill(&p->as.spt);
  p->as.unmapping = NULL;
  tlb_batch_finish(&tlb);
  addrspace_clear(&p->as);
}

/* Free everything P owns and publish STATUS to its parent. */
static void
process_destroy(struct process *p)
{
  process_cleanup(p, TLB_EXIT);
  fd_table_destroy(&p->fds);
  while (!list_empty(&p->children))
    record_release(
        list_entry(list_pop_front(&p->children), struct exit_record, elem));
  p->record->status = p->exit_status;
  sema_up(&p->record->exited);
  record_release(p->record);
  struct thread *cur = thread_current();
  if (cur->process == p) { /* Detach before the memory goes. */
    cur->process = NULL;
    addrspace_activate(NULL);
  }
  free(p->fork_frame);
  free(p);
  lock_acquire(&process_lock);
  live_processes--;
  lock_release(&process_lock);
}

int
process_live_count(void)
{
  return live_processes;
}

void
process_activate(struct thread *t)
{
  addrspace_activate(t->process != NULL ? &t->process->as : NULL);
}

/* Make P the running thread's process. */
static void
adopt(struct process *p)
{
  struct thread *cur = thread_current();
  cur->process = p;
  process_activate(cur);
}

/* Split CMDLINE in place into ARGV (at most ARGS_MAX words). */
static int
split_args(char *cmdline, char **argv)
{
  int argc = 0;
  char *save, *w;
  for (w = strtok_r(cmdline, " ", &save); w != NULL && argc < ARGS_MAX;
       w = strtok_r(NULL, " ", &save))
    argv[argc++] = w;
  argv[argc] = NULL;
  return argc;
}

/* Load CMDLINE into the current (empty) process and set F; print the
   `load:' line and return false on failure. */
static bool
load_program(char *cmdline, struct intr_frame *f)
{
  char **argv = malloc((ARGS_MAX + 1) * sizeof *argv);
  if (argv == NULL)
    return false;
  int argc = split_args(cmdline, argv);
  struct process *p = process_current();
  trace_proc_exec(&p->as.spt, p->pid, argc > 0 ? argv[0] : "");
  enum load_result r = argc > 0 ? load(argv, argc, f) : LOAD_OPEN_FAILED;
  if (r == LOAD_OPEN_FAILED)
    printf("load: %s: open failed\n", argc > 0 ? argv[0] : "");
  else if (r == LOAD_BAD)
    printf("load: %s: error loading executable\n", argv[0]);
  free(argv);
  return r == LOAD_OK;
}

struct start_info {
  struct process *p;
  char *cmdline;
};

/* First code of the initial process's thread. */
static void
initd(void *aux)
{
  struct start_info *si = aux;
  adopt(si->p);
  struct intr_frame f;
  bool ok = load_program(si->cmdline, &f);
  free(si->cmdline);
  free(si);
  if (!ok)
    process_exit_with(-1);
  do_iret(&f);
}

int
process_run(const char *task)
{
  char name[THREAD_NAME_MAX];
  size_t n = strspn(task, " ");
  strlcpy(name, task + n, sizeof name);
  name[strcspn(name, " ")] = '\0';

  struct start_info *si = malloc(sizeof *si);
  struct process *p = si != NULL ? process_create(name) : NULL;
  char *cmdline = p != NULL ? malloc(strlen(task) + 1) : NULL;
  if (cmdline == NULL || !fd_table_init(&p->fds)) {
    printf("run: out of memory starting '%s'\n", task);
    free(cmdline);
    if (p != NULL)
      process_destroy(p);
    free(si);
    return -1;
  }
  strlcpy(cmdline, task, strlen(task) + 1);
  *si = (struct start_info){p, cmdline};
  struct exit_record *r = p->record;
  r->refs++; /* The kernel's `run' waits like a parent. */
  if (thread_create(name, PRI_DEFAULT, initd, si) == TID_ERROR) {
    p->exit_status = -1;
    process_destroy(p);
    free(cmdline);
    free(si);
  }
  sema_down(&r->exited);
  int status = r->status;
  record_release(r);
  return status;
}

/* First code of a forked child: the copied registers, rax = 0. */
static void
start_fork_child(void *aux)
{
  struct process *p = aux;
  adopt(p);
  struct intr_frame f = *p->fork_frame;
  do_iret(&f);
}

/* Build CHILD as a copy of the current process; false on shortage. */
static bool
copy_into(struct process *child, const struct intr_frame *parent_frame)
{
  struct process *parent = process_current();
  if (!fd_table_copy(&child->fds, &parent->fds))
    return false;
  if (parent->as.exec_file != NULL) {
    child->as.exec_file = file_reopen(parent->as.exec_file);
    if (child->as.exec_file == NULL)
      return false;
    file_deny_write(child->as.exec_file);
  }
  child->as.pml4 = pml4_create();
  if (child->as.pml4 == NULL)
    return false;
  child->fork_frame = malloc(sizeof *child->fork_frame);
  if (child->fork_frame == NULL)
    return false;
  *child->fork_frame = *parent_frame;
  child->fork_frame->r.rax = 0;
  return supplemental_page_table_copy(&child->as.spt, &parent->as.spt);
}

pid_t
process_fork(const char *name, const struct intr_frame *parent_frame)
{
  struct process *parent = process_current();
  struct process *child = process_create(name);
  if (child == NULL)
    return PID_ERROR;
  trace_proc_fork(&child->as.spt, child->pid, parent->pid, name);
  if (!copy_into(child, parent_frame)) {
    process_destroy(child);
    return PID_ERROR;
  }
  child->record->refs++;
  list_push_back(&parent->children, &child->record->elem);
  pid_t pid = child->pid;
  dbg(PROC, "fork '%s': pid %d from pid %d\n", name, pid, parent->pid);
  if (thread_create(name, PRI_DEFAULT, start_fork_child, child) == TID_ERROR) {
    list_remove(&child->record->elem);
    child->record->refs--;
    process_destroy(child);
    return PID_ERROR;
  }
  return pid;
}

void
process_exec(char *cmdline, struct intr_frame *f)
{
  struct process *p = process_current();
  dbg(PROC, "exec in pid %d: '%s'\n", p->pid, cmdline);
  process_cleanup(p, TLB_EXEC);
  if (!supplemental_page_table_init(&p->as.spt)) {
    free(cmdline);
    process_exit_with(-1);
  }
  bool ok = load_program(cmdline, f);
  free(cmdline);
  if (!ok)
    process_exit_with(-1);
}

int
process_wait(pid_t pid)
{
  struct process *p = process_current();
  if (p == NULL)
    return -1;
  for (struct list_elem *e = list_begin(&p->children);
       e != list_end(&p->children); e = list_next(e)) {
    struct exit_record *r = list_entry(e, struct exit_record, elem);
    if (r->pid != pid)
      continue;
    sema_down(&r->exited);
    int status = r->status;
    list_remove(&r->elem);
    record_release(r);
    return status;
  }
  return -1;
}

void
process_exit_with(int status)
{
  process_current()->exit_status = status;
  thread_exit();
}

void
process_kill(void)
{
  process_exit_with(-1);
}

void
process_exit(struct thread *cur)
{
  struct process *p = cur->process;
  if (p == NULL)
    return;
  printf("%s: exit(%d)\n", p->name, p->exit_status);
  klog_printf("%s: exit(%d), %llu page faults resolved, %llu evictions\n",
              p->name, p->exit_status,
              (unsigned long long)(p->as.stats.faults_zero +
                                   p->as.stats.faults_file +
                                   p->as.stats.faults_swap_in +
                                   p->as.stats.faults_stack),
              (unsigned long long)p->as.stats.evictions);
  char who[THREAD_NAME_MAX + 8];
  snprintf(who, sizeof who, "vm[%s]", p->name);
  vm_log_counters(who, &p->as.stats);
  trace_proc_exit(&p->as.spt, p->pid, p->exit_status);
  process_destroy(p);
}
