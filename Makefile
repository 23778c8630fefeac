# saywho: build, test, benchmark.  `make help` lists the targets.
CC      ?= cc
PREFIX  ?= /usr/local
SHARED  ?= ../shared
CFLAGS  ?= -O3 -g
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter
ALLFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden \
           -DSW_BUILDING -DSW_DATA_DIR='"$(CURDIR)"' -Iinclude -Isrc -I/usr/include/libxml2
LDLIBS  := -lutf8proc -lxml2 -lz -lm
CLI_LIBS := -lsqlite3 -lpq
B       := build

LIB_SRC := $(addprefix src/,util.c utf8.c words.c phrase.c token.c sentence.c boiler.c quote.c lexicon.c \
             embed.c attrib.c features.c tagger.c model.c speaker.c certainty.c write.c write_html.c input_jsonl.c input_html.c input_warc.c)
ENGINE_SRC := src/engine.c src/embed_model.c
LIB_OBJ := $(LIB_SRC:src/%.c=$(B)/obj/%.o)
ENGINE_OBJ := $(ENGINE_SRC:src/%.c=$(B)/obj/%.o)
SOVER   := 0

VERSION := $(shell sed -n 's/^#define SW_VERSION "\(.*\)"/\1/p' include/saywho.h)
DESTDIR ?=

.PHONY: all deps check test unit cases eval cv bench model asan tsan clean help format install uninstall \
        fuzz fuzz-build werror valgrind
all: $(B)/saywho $(B)/libsaywho.so $(B)/libsaywho.a

help:
	@echo "make deps     install the Debian packages needed (as root)"
	@echo "make          build $(B)/saywho and the libraries"
	@echo "make check    build and run every test"
	@echo "make asan     run the tests under ASan and UBSan"
	@echo "make tsan     run the tests under ThreadSanitizer"
	@echo "make eval     score PolNeAR dev with ../shared/eval/polnear_score.py"
	@echo "make cv       4-fold cross-validation of the tagger on PolNeAR train"
	@echo "make bench    throughput, peak memory and quality figures"
	@echo "make model    retrain model/saywho.model from ../shared (deterministic)"
	@echo "make install  install into PREFIX (default /usr/local); make uninstall"
	@echo "make fuzz     run each libFuzzer target for FUZZ_SECONDS (default 30)"
	@echo "make werror   build with -Werror under gcc and clang"
	@echo "make valgrind the unit tests and small runs under valgrind, leaks included"

deps:
	./scripts/deps.sh

$(B)/obj/%.o: src/%.c include/saywho.h src/internal.h src/model.h src/write.h src/embed.h src/phrase.h src/speaker.h src/certainty.h
	@mkdir -p $(@D)
	$(CC) $(ALLFLAGS) -c $< -o $@

$(B)/obj/embed.o: data/cues.txt data/titles.txt data/affiliations.txt data/names.txt data/places.txt data/certainty.txt
$(B)/obj/embed_model.o: model/saywho.model

$(B)/libsaywho.a: $(LIB_OBJ) $(ENGINE_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/libsaywho.so: $(LIB_OBJ) $(ENGINE_OBJ)
	$(CC) -shared -Wl,-soname,libsaywho.so.$(SOVER) -o $(B)/libsaywho.so.$(SOVER) $^ $(LDLIBS)
	ln -sf libsaywho.so.$(SOVER) $@

CLI_SRC := $(wildcard src/cli/*.c)
$(B)/saywho: $(CLI_SRC) src/cli/cli.h src/cli/store.h $(B)/libsaywho.a
	$(CC) $(ALLFLAGS) -Isrc/cli -I/usr/include/postgresql $(CLI_SRC) $(B)/libsaywho.a $(CLI_LIBS) $(LDLIBS) -pthread -o $@

# The trainer links the stages but not the built-in model it produces.
TRAIN_OBJ := $(filter-out $(B)/obj/write.o $(B)/obj/write_html.o $(B)/obj/input_jsonl.o $(B)/obj/input_html.o $(B)/obj/input_warc.o $(B)/obj/speaker.o $(B)/obj/certainty.o,$(LIB_OBJ))
$(B)/train: tools/train.c $(TRAIN_OBJ)
	$(CC) $(ALLFLAGS) $^ $(LDLIBS) -o $@

model: $(B)/train
	$(B)/train $(SHARED)/data/polnear/train model/saywho.model

$(B)/unit: tests/unit.c $(B)/libsaywho.a
	$(CC) $(ALLFLAGS) $< $(B)/libsaywho.a $(LDLIBS) -o $@

$(B)/alloc_fail: tests/alloc_fail.c $(B)/libsaywho.a
	$(CC) -std=c11 -O1 -g -Iinclude $< $(B)/libsaywho.a $(LDLIBS) -o $@

check: all $(B)/unit $(if $(filter build,$(B)),$(B)/alloc_fail $(B)/train,)
	./tests/run.sh $(B)

test: check

eval: $(B)/saywho
	./scripts/eval.sh $(B)/saywho $(SHARED)

cv: $(B)/saywho $(B)/train
	./scripts/cv.sh $(B)/saywho $(B)/train $(SHARED)

bench: all
	./bench/run.sh $(B)/saywho $(SHARED)

asan:
	$(MAKE) B=build-asan CC=clang CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" check

# the tests again with ThreadSanitizer: the worker threads and the ring
tsan:
	TSAN_OPTIONS=halt_on_error=1 $(MAKE) B=build-tsan CC=clang CFLAGS="-O1 -g -fsanitize=thread" check

# libFuzzer targets (clang), with ASan and UBSan, over every input path
FUZZ_SECONDS ?= 30
FUZZ_TARGETS := text jsonl html warc model store
FUZZ_FLAGS = -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
             -DSW_BUILDING -DSW_DATA_DIR='"$(CURDIR)"' -Iinclude -Isrc -Isrc/cli -I/usr/include/libxml2 \
             -I/usr/include/postgresql
fuzz-build: $(FUZZ_TARGETS:%=build-fuzz/fuzz_%)
build-fuzz/fuzz_%: fuzz/fuzz_%.c $(LIB_SRC) $(ENGINE_SRC) src/cli/store_sqlite.c data/cues.txt model/saywho.model
	@mkdir -p build-fuzz
	clang $(FUZZ_FLAGS) $< $(LIB_SRC) $(ENGINE_SRC) $(if $(filter fuzz/fuzz_store.c,$<),src/cli/store_sqlite.c,) \
	  $(LDLIBS) -lsqlite3 -o $@
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build-fuzz/corpus-$$t; \
	  echo "fuzz $$t for $(FUZZ_SECONDS) s"; \
	  build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=3072 \
	    -print_final_stats=0 build-fuzz/corpus-$$t fuzz/corpus/$$t 2>build-fuzz/$$t.log || \
	    { tail -40 build-fuzz/$$t.log; exit 1; }; \
	  grep -E "^#[0-9]+.*DONE" build-fuzz/$$t.log | tail -1; \
	done

# warnings are errors, under both compilers
werror:
	$(MAKE) B=build-werror-gcc CC=gcc CFLAGS="-O3 -Werror" all build-werror-gcc/unit build-werror-gcc/train
	$(MAKE) B=build-werror-clang CC=clang CFLAGS="-O3 -Werror" all build-werror-clang/unit build-werror-clang/train

# the unit tests and small command-line runs under valgrind, leaks included
VG := valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite,indirect
valgrind: all $(B)/unit
	$(VG) $(B)/unit > /dev/null
	$(VG) $(B)/saywho -j 1 -f text examples/harbor-spill.txt > /dev/null
	$(VG) $(B)/saywho -j 2 --input jsonl examples/harbor-week.jsonl > /dev/null
	$(VG) $(B)/saywho -f html tests/pages/harbor.html > /dev/null
	$(VG) $(B)/saywho fuzz/corpus/warc/small.warc.gz > /dev/null
	rm -f $(B)/vg.db* && $(VG) $(B)/saywho index --db $(B)/vg.db examples/harbor-week.jsonl 2> /dev/null
	$(VG) $(B)/saywho versions --db $(B)/vg.db valve > /dev/null && rm -f $(B)/vg.db*
	@echo "valgrind: clean"

format:
	clang-format -i include/*.h src/*.c src/*.h src/cli/*.c tools/*.c tests/*.c

clean:
	rm -rf build build-asan build-tsan build-fuzz build-werror-gcc build-werror-clang

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man3 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions
	install -m 755 $(B)/saywho $(DESTDIR)$(PREFIX)/bin/saywho
	install -m 755 $(B)/libsaywho.so.$(SOVER) $(DESTDIR)$(PREFIX)/lib/libsaywho.so.$(SOVER)
	ln -sf libsaywho.so.$(SOVER) $(DESTDIR)$(PREFIX)/lib/libsaywho.so
	install -m 644 $(B)/libsaywho.a $(DESTDIR)$(PREFIX)/lib/libsaywho.a
	install -m 644 include/saywho.h $(DESTDIR)$(PREFIX)/include/saywho.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' saywho.pc.in \
	  > $(DESTDIR)$(PREFIX)/lib/pkgconfig/saywho.pc
	install -m 644 man/saywho.1 $(DESTDIR)$(PREFIX)/share/man/man1/saywho.1
	install -m 644 man/saywho.3 $(DESTDIR)$(PREFIX)/share/man/man3/saywho.3
	install -m 644 completion/saywho.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/saywho
	install -m 644 completion/_saywho $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_saywho

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/saywho $(DESTDIR)$(PREFIX)/lib/libsaywho.so \
	  $(DESTDIR)$(PREFIX)/lib/libsaywho.so.$(SOVER) $(DESTDIR)$(PREFIX)/lib/libsaywho.a \
	  $(DESTDIR)$(PREFIX)/include/saywho.h $(DESTDIR)$(PREFIX)/lib/pkgconfig/saywho.pc \
	  $(DESTDIR)$(PREFIX)/share/man/man1/saywho.1 $(DESTDIR)$(PREFIX)/share/man/man3/saywho.3 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/saywho \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_saywho
