# userprog: user processes and system calls.
KERNEL_SRCS += userprog/process.c   # process life cycle
