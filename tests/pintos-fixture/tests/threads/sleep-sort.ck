# -*- perl -*-
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(sleep-sort) begin
(sleep-sort) woke after 10 20 30 40 50 ticks
(sleep-sort) each slept at least its ticks: yes
(sleep-sort) PASS
(sleep-sort) end
EOF
pass;
