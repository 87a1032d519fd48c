/* SPDX-License-Identifier: MIT */

/* pagoda$ -- the interactive shell.

   The console hands us raw serial bytes, so the shell does its own line
   editing: it echoes what it reads, handles backspace, and ends a line at
   CR or LF.  A command runs in a child made with fork and exec; the shell
   waits for it and reports a non-zero status.  Builtins: exit, halt,
   help. */

#include <stdio.h>
#include <string.h>
#include <syscall.h>

/* Longest command line the kernel promises to accept, NUL included. */
#define LINE_MAX 128

/* Reads one line into LINE (at most SIZE - 1 bytes), echoing input; false
   at end of input. */
static bool
read_line(char *line, size_t size)
{
  size_t len = 0;

  for (;;) {
    char c;

    if (read(STDIN_FILENO, &c, 1) != 1)
      return false;
    if (c == '\r' || c == '\n') {
      putchar('\n');
      line[len] = '\0';
      return true;
    }
    if (c == '\b' || c == 0x7f) {
      if (len > 0) {
        len--;
        printf("\b \b");
      }
    } else if (c >= ' ' && len + 1 < size) {
      line[len++] = c;
      putchar(c);
    }
  }
}

/* Prints the builtins and every file on the disk on one line. */
static void
show_help(void)
{
  char text[1024];
  char name[READDIR_MAX_LEN + 1];
  unsigned i;

  strlcpy(text, "builtins: exit halt help; files:", sizeof text);
  for (i = 0; listdir(i, name) >= 0; i++) {
    strlcat(text, " ", sizeof text);
    strlcat(text, name, sizeof text);
  }
  puts(text);
}

/* Runs COMMAND LINE in a child and reports a non-zero exit status. */
static void
run_command(const char *line)
{
  char name[16];
  size_t len = strcspn(line, " ");
  pid_t pid;
  int status;

  if (len >= sizeof name)
    len = sizeof name - 1;
  memcpy(name, line, len);
  name[len] = '\0';

  pid = fork(name);
  if (pid == PID_ERROR) {
    printf("shell: fork failed\n");
    return;
  }
  if (pid == 0) {
    exec(line);
    exit(-1);
  }
  status = wait(pid);
  if (status != 0)
    printf("shell: %s: exit status %d\n", name, status);
}

/* Reads and runs commands until `exit' or the end of input. */
int
main(void)
{
  char line[LINE_MAX];

  for (;;) {
    const char *cmd;

    printf("pagoda$ ");
    if (!read_line(line, sizeof line))
      return 0;
    cmd = line + strspn(line, " ");
    if (*cmd == '\0')
      continue;
    if (!strcmp(cmd, "exit"))
      return 0;
    if (!strcmp(cmd, "halt"))
      halt();
    if (!strcmp(cmd, "help"))
      show_help();
    else
      run_command(cmd);
  }
}
