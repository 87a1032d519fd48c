# userprog: user processes and system calls.
KERNEL_SRCS += userprog/process.c    # process life cycle: run, fork, exec, wait, exit
KERNEL_SRCS += userprog/elf.c        # ELF64 loader, lazy segments, initial stack
KERNEL_SRCS += userprog/syscall.c    # system-call dispatch and handlers
KERNEL_SRCS += userprog/uaccess.c    # checked, fault-tolerant user copies
KERNEL_SRCS += userprog/exception.c  # page faults and user exceptions
KERNEL_SRCS += userprog/fd.c         # file-descriptor tables
