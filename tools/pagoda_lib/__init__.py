# SPDX-License-Identifier: MIT
"""Library behind tools/pagoda: machine set-up, disks, tests, backtraces."""
