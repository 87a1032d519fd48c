# -*- perl -*-
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exec-wait) begin
(child-exit) exiting with 7
child-exit: exit(7)
(exec-wait) child exited with 7
(exec-wait) end
exec-wait: exit(0)
EOF
pass;
