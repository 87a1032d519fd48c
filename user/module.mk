# SPDX-License-Identifier: MIT
# user: the programs of the default disk, built to build/bin/NAME.
USER_PROGS += user/shell    # interactive shell: fork + exec + wait, builtins
USER_PROGS += user/ls       # list the root directory with sizes (listdir)
USER_PROGS += user/cat      # copy files to the console
USER_PROGS += user/echo     # print the arguments
USER_PROGS += user/cp       # copy a file (creates the target with its size)
USER_PROGS += user/rm       # remove files
USER_PROGS += user/hexdump  # hex and ASCII dump of a file
USER_PROGS += user/vmstat   # VM counters: machine, self, frames, swap (every N ticks)
USER_PROGS += user/pmap     # this process's pages: type, state, sharers, frame or slot

# Our own sources also build with the kernel's warning set.
$(B)/user/user/%.o: UCFLAGS += -Werror -Wstrict-prototypes -Wmissing-prototypes

