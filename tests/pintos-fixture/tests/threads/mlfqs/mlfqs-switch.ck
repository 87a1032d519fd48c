# -*- perl -*-
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mlfqs-switch) begin
(mlfqs-switch) thread_mlfqs is on
(mlfqs-switch) nice is 0
(mlfqs-switch) PASS
(mlfqs-switch) end
EOF
pass;
