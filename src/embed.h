/* Embedding data files into the binary.  Not installed. */
#ifndef SW_EMBED_H
#define SW_EMBED_H
#ifndef SW_DATA_DIR
#error "SW_DATA_DIR must name the folder holding the data files"
#endif
/* Defines sym (the bytes, then a NUL) and sym_end (just past the NUL). */
#define SW_EMBED(sym, file)                                                  \
  __asm__(".section .rodata\n"                                               \
          ".balign 16\n"                                                     \
          ".globl " #sym "\n"                                                \
          ".hidden " #sym "\n" #sym ":\n"                                    \
          ".incbin \"" SW_DATA_DIR "/" file "\"\n"                           \
          ".byte 0\n"                                                        \
          ".globl " #sym "_end\n"                                            \
          ".hidden " #sym "_end\n" #sym "_end:\n"                            \
          ".previous\n")
#endif
