/* The cue lexicon, compiled into the library with the assembler's
 * .incbin so that a user's machine needs nothing beside the binary.  The
 * Makefile passes SW_DATA_DIR and rebuilds this file when the data
 * changes. */
#include "embed.h"

SW_EMBED(sw_data_cues, "data/cues.txt");
SW_EMBED(sw_data_titles, "data/titles.txt");
SW_EMBED(sw_data_affil, "data/affiliations.txt");
SW_EMBED(sw_data_names, "data/names.txt");
SW_EMBED(sw_data_places, "data/places.txt");
SW_EMBED(sw_data_cert, "data/certainty.txt");
