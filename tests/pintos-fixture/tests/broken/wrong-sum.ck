# -*- perl -*-
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(wrong-sum) begin
(wrong-sum) 2 + 2 = 5
(wrong-sum) end
wrong-sum: exit(0)
EOF
pass;
