/*
 * The name tagger's model, embedded in the library so nothing is read at
 * run time.  ner_model.bin is built by ner-train (see names.c); the
 * assembler finds it through the -Wa,-I flag that src/CMakeLists.txt sets
 * on this file alone.
 */
#include <stddef.h>

extern const unsigned char ng_ner_model_data[];
extern const unsigned char ng_ner_model_end[];

__asm__(".section .rodata\n"
        ".balign 16\n"
        ".globl ng_ner_model_data\n"
        ".hidden ng_ner_model_data\n"
        "ng_ner_model_data:\n"
        ".incbin \"ner_model.bin\"\n"
        ".globl ng_ner_model_end\n"
        ".hidden ng_ner_model_end\n"
        "ng_ner_model_end:\n"
        ".byte 0\n"
        ".previous\n");

/* The model's bytes; *len receives their count (0 when none was built). */
const unsigned char *ng_ner_model(size_t *len)
{
  *len = (size_t)(ng_ner_model_end - ng_ner_model_data);
  return ng_ner_model_data;
}
