/* Speakers (speaker.c).  Not installed. */
#ifndef SW_SPEAKER_H
#define SW_SPEAKER_H
#include "internal.h"

typedef struct sw_spklex sw_spklex;

sw_spklex *sw_spklex_new(void);
void sw_spklex_free(sw_spklex *x);
const char *sw_spklex_title(const sw_spklex *x, uint32_t i);
const char *sw_spklex_affil(const sw_spklex *x, uint32_t i);

/* Resolves the source of every attribution in d->att to an entity. */
sw_status sw_resolve_speakers(const sw_spklex *x, sw_doc *d);
#endif
