# SPDX-License-Identifier: GPL-2.0-or-later
# fuzz.mk - builds the libFuzzer harnesses with clang, AddressSanitizer
# and UndefinedBehaviorSanitizer, out of the tree in $(out).  Run through
# 'make fuzz-build' or 'make fuzz' (Makefile.am), which pass:
#   srcdir   the source tree          out      the build directory
#   confdir  where config.h is         SOURCES  the sources of the libraries
#   PKG_CFLAGS, PKG_LIBS                what configure found
CC = clang
SAN = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS = -O1 -g -fno-omit-frame-pointer $(SAN)
WARN = -std=gnu11 -Wall -Wextra -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2
CPPFLAGS = -I$(srcdir)/src -I$(confdir) -DHAVE_CONFIG_H -DVRFSH_DEBUG=1 \
	-DVRFSH_CONFIG_FILE='"/etc/vrfsh/vrfsh.conf"'
HARNESSES = engine parse kernel

lib_objs := $(patsubst %.c,$(out)/obj/%.o,$(filter %.c,$(SOURCES)))
fuzz_objs := $(patsubst %,$(out)/obj/tests/fuzz/fuzz_%.o,$(HARNESSES)) \
	$(out)/obj/tests/fuzz/fuzz.o $(out)/obj/tests/fuzz/counters.o

all: $(patsubst %,$(out)/fuzz_%,$(HARNESSES))

$(out)/obj/%.o: $(srcdir)/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(WARN) $(FUZZ_CFLAGS) \
		-fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

# Not instrumented (see its comment).
$(out)/obj/tests/fuzz/counters.o: $(srcdir)/tests/fuzz/counters.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(WARN) -O1 -MMD -MP -c -o $@ $<

$(out)/libvrfsh.a: $(lib_objs)
	rm -f $@
	ar rcs $@ $^

$(out)/fuzz_%: $(out)/obj/tests/fuzz/fuzz_%.o $(out)/obj/tests/fuzz/fuzz.o \
		$(out)/obj/tests/fuzz/counters.o $(out)/libvrfsh.a
	$(CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(PKG_LIBS)

.PHONY: all
.SECONDARY: $(lib_objs) $(fuzz_objs)
-include $(lib_objs:.o=.d) $(fuzz_objs:.o=.d)
