/* Certainty (certainty.c).  Not installed. */
#ifndef SW_CERTAINTY_H
#define SW_CERTAINTY_H
#include "internal.h"

typedef struct sw_certlex sw_certlex;
sw_certlex *sw_certlex_new(void);
void sw_certlex_free(sw_certlex *x);
/* Grades every attribution in d->att. */
sw_status sw_grade_certainty(const sw_certlex *x, sw_doc *d);
#endif
