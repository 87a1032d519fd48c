/* SPDX-License-Identifier: MIT */
#ifndef LIB_USER_SYSCALL_H
#define LIB_USER_SYSCALL_H

/* The system-call wrappers of the Pintos user ABI (pintos-abi.md 1.2) plus
   Pagoda's own calls.  Source-compatible with programs written against the
   Pintos user library: same names, types and prototypes. */

#include <debug.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <syscall-nr.h>
#include <pmap.h>
#include <vmstat.h>

/* Process identifier; fork returns PID_ERROR when it fails. */
typedef int pid_t;
#define PID_ERROR ((pid_t)-1)

/* File offset for mmap. */
typedef int off_t;

/* What mmap returns when it fails (NULL, not -1). */
#define MAP_FAILED ((void *)NULL)

/* Longest file name readdir and listdir return, without the NUL. */
#define READDIR_MAX_LEN 14

/* Exit statuses that main may return. */
#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

/* Processes. */
void halt(void) NO_RETURN;
void exit(int status) NO_RETURN;
pid_t fork(const char *thread_name);
int exec(const char *cmd_line);
int wait(pid_t pid);

/* Files. */
bool create(const char *file, unsigned initial_size);
bool remove(const char *file);
int open(const char *file);
int filesize(int fd);
int read(int fd, void *buffer, unsigned length);
int write(int fd, const void *buffer, unsigned length);
void seek(int fd, unsigned position);
unsigned tell(int fd);
void close(int fd);
int dup2(int oldfd, int newfd);

/* Memory mappings. */
void *mmap(void *addr, size_t length, int writable, int fd, off_t offset);
void munmap(void *addr);

/* Reserved for directories: Pagoda answers false or -1. */
bool chdir(const char *dir);
bool mkdir(const char *dir);
bool readdir(int fd, char name[READDIR_MAX_LEN + 1]);
bool isdir(int fd);
int inumber(int fd);
int symlink(const char *target, const char *linkpath);

/* The inspection gate (int 0x42): an identity of the frame behind
   USER_ADDR's page, or NULL when no page is present there. */
void *get_phys_addr(void *user_addr);

/* Pagoda only.  Writes the name of the INDEXth file of the root directory
   into NAME and returns its size in bytes, or -1 when INDEX is past the
   last file. */
int listdir(unsigned index, char name[READDIR_MAX_LEN + 1]);

/* Pagoda only.  Fills *STATS with the kernel's VM counters; 0 on success,
   -1 on failure. */
int vmstat(struct vmstat *stats);

/* Pagoda only.  As vmstat, but the fault, eviction, swap and write-back
   counters are the whole machine's since boot (every process, living or
   not), not the calling process's. */
int vmstat_machine(struct vmstat *stats);

/* Pagoda only.  Describes this process's own pages, lowest address
   first: fills ENTRIES with up to MAX (at most PMAP_BATCH) pages whose
   address is FROM or higher and returns how many (0 past the last page).
   For the next batch pass the last entry's va + 4096.  The kernel looks
   at its supplemental page table only: no page is loaded or changed. */
int pmap(const void *from, struct pmap_entry *entries, unsigned max);

/* Pagoda only.  Waits TICKS timer ticks (100 a second; at most 1000 in
   one call). */
void sleep(unsigned ticks);

/* The raw trap, for programs that test the ABI itself: system call NR with
   six arguments, returning the whole of rax. */
int64_t syscall_raw(uint64_t nr, uint64_t a1, uint64_t a2, uint64_t a3,
                    uint64_t a4, uint64_t a5, uint64_t a6);

#endif /* LIB_USER_SYSCALL_H */
