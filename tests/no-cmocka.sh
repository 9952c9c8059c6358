#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
echo "cmocka was not found when configure ran: install libcmocka-dev and" >&2
echo "run ./configure again to build the unit tests." >&2
exit 99
