/* SPDX-License-Identifier: MIT */
#ifndef LIB_SYSCALL_NR_H
#define LIB_SYSCALL_NR_H

/* System-call numbers: 0-24 are the Pintos user ABI (pintos-abi.md 1.2) and
   never change; Pagoda-only calls start at 25. */

enum {
  SYS_HALT,     /* 0  Halt the operating system. */
  SYS_EXIT,     /* 1  Terminate this process. */
  SYS_FORK,     /* 2  Clone current process. */
  SYS_EXEC,     /* 3  Switch current process. */
  SYS_WAIT,     /* 4  Wait for a child process to die. */
  SYS_CREATE,   /* 5  Create a file. */
  SYS_REMOVE,   /* 6  Delete a file. */
  SYS_OPEN,     /* 7  Open a file. */
  SYS_FILESIZE, /* 8  Obtain a file's size. */
  SYS_READ,     /* 9  Read from a file. */
  SYS_WRITE,    /* 10 Write to a file. */
  SYS_SEEK,     /* 11 Change position in a file. */
  SYS_TELL,     /* 12 Report current position in a file. */
  SYS_CLOSE,    /* 13 Close a file. */
  SYS_MMAP,     /* 14 Map a file into memory. */
  SYS_MUNMAP,   /* 15 Remove a memory mapping. */
  SYS_CHDIR,    /* 16 Reserved: change the current directory. */
  SYS_MKDIR,    /* 17 Reserved: create a directory. */
  SYS_READDIR,  /* 18 Reserved: read a directory entry. */
  SYS_ISDIR,    /* 19 Reserved: tests if a fd represents a directory. */
  SYS_INUMBER,  /* 20 Reserved: inode number for a fd. */
  SYS_SYMLINK,  /* 21 Reserved: symbolic link. */
  SYS_DUP2,     /* 22 Duplicate a file descriptor. */
  SYS_MOUNT,    /* 23 Reserved. */
  SYS_UMOUNT,   /* 24 Reserved. */

  /* Pagoda-only. */
  SYS_LISTDIR = 25, /* int listdir(unsigned index, char name[15]): size of
                       the INDEXth file in the root, or -1 past the end. */
  SYS_VMSTAT = 26,  /* int vmstat(struct vmstat *): VM counters. */
  SYS_PMAP = 27,    /* int pmap(void *from, struct pmap_entry *, unsigned
                       max): this process's pages from FROM on. */
  SYS_VMSTAT_MACHINE = 28, /* int vmstat_machine(struct vmstat *): the
                              whole machine's counters. */
  SYS_SLEEP = 29,          /* void sleep(unsigned ticks): wait. */

  SYS_NR_END /* One past the last call: numbers from here on kill. */
};

#endif
