/* The learned tagger's model: format, loading, features and decoding.
 * Shared by the engine (tagger.c) and the trainer (tools/train.c). */
#ifndef SW_MODEL_H
#define SW_MODEL_H
#include "internal.h"

/* File layout, all integers little-endian:
 *   0  magic "SAYWHOM\x1a"
 *   8  u32 format version (SW_MODEL_VERSION)
 *  12  u32 feature scheme version (SW_FEAT_VERSION): the hashing and the
 *      feature templates the weights were trained with
 *  16  u32 stat_bits   rows of the static table = 1 << stat_bits
 *  20  u32 rel_bits    rows of the relative table = 1 << rel_bits
 *  24  f32 cue_scale   weight = int8 * scale
 *  28  f32 role_scale
 *  32  f32 cue_trans[(CUE_L + 1) * CUE_L]    start row first
 *      f32 role_trans[(ROLE_L + 1) * ROLE_L]
 *      pad to 16 bytes
 *      i8 stat[rows][8]: CUE_L cue weights, then ROLE_L role weights, of
 *          the features of a token alone; one 8-byte row per feature, so
 *          each feature costs one load for both taggers
 *      i8 rel[rows][5]: the ROLE_L role weights of the cue-relative
 *          features, packed, then SW_ROW - SW_RROW zero bytes so that an
 *          8-byte load of the last row stays inside the file (the lanes a
 *          load reads past a row's end are never used)
 * The loader checks the magic, both versions, the bit counts, and that
 * the sizes add up to the file size exactly. */
#define SW_MODEL_MAGIC "SAYWHOM\x1a"
#define SW_MODEL_VERSION 4u
#define SW_FEAT_VERSION 11u

enum { CUE_O, CUE_B, CUE_I, CUE_L };
enum { R_O, R_BS, R_IS, R_BC, R_IC, ROLE_L };
#define CUE_STRIDE 4  /* floats per token in the engine's cue scores */
#define ROLE_STRIDE 8 /* and in its role scores */
#define SW_ROW 8 /* int8 weights per static table row */
#define SW_RROW ROLE_L /* and per relative row */
#define SW_WMAX 127 /* largest stored weight */

#define SW_MAX_FEAT 16  /* room for static features per token */
#define SW_MAX_RFEAT 12 /* and for cue-relative ones */
#define SW_NSTAT 11 /* static features of every token */
#define SW_NREL 7   /* cue-relative features of every token but the cue's */

struct sw_model {
  uint32_t stat_bits, rel_bits;
  float cue_scale, role_scale;
  float cue_trans[(CUE_L + 1) * CUE_L];
  float role_trans[(ROLE_L + 1) * ROLE_L];
  const int8_t *stat, *rel; /* rows of SW_ROW and SW_RROW int8 */
  void *owned; /* file contents when loaded from a file */
};

sw_model *sw_model_builtin(sw_error *err);
sw_model *sw_model_load_file(const char *path, sw_error *err);
sw_model *sw_model_parse(const void *data, size_t len, sw_error *err);
void sw_model_free(sw_model *m);

/* Computes the per-token properties the features read; call once per
 * document after the earlier stages. */
sw_status sw_feat_prepare(const sw_lexicon *lx, sw_doc *d);

/* Feature extraction: the static feature keys of every token of sentence
 * s, keys[(i - s->t0) * SW_MAX_FEAT ...], their counts in nks[i - s->t0];
 * dist from sw_cue_distances().  Writes to d->tf around the sentence and
 * restores it. */
sw_status sw_feat_sentence(const sw_lexicon *lx, sw_doc *d, const sw_sent *s, const int *dist,
                           uint32_t *keys, uint32_t *nks);
/* Signed distance from each token of sentence s to the nearest other
 * lexicon cue in it (99 when none): dist[i - s->t0]. */
void sw_cue_distances(const sw_doc *d, const sw_sent *s, int *dist);

/* Context of one cue for the role tagger. */
typedef struct {
  uint32_t c0, c1;   /* cue tokens [c0, c1) */
  uint32_t w0, w1;   /* window [w0, w1) */
  uint32_t head;     /* the cue's head word */
  uint32_t cue_word; /* hash of the cue's head word */
  uint32_t cue_next; /* the word after the cue */
  uint32_t cue_prev; /* the word before it */
  uint32_t cue_cls;
  uint32_t cue_sent;
} sw_cuectx;

void sw_cue_window(const sw_doc *d, uint32_t c0, uint32_t c1, sw_cuectx *cx);
/* Fills keys[(i - w0) * SW_MAX_RFEAT ...] with the cue-relative features of
 * each token in the window; nk[i - w0] receives the count. */
void sw_feat_relative(const sw_lexicon *lx, const sw_doc *d, const sw_cuectx *cx,
                      uint32_t *keys, uint8_t *nk);

/* Constrained Viterbi over a score matrix em[n * stride] (L labels each) with transitions
 * tr[(L+1) * L] (the first row is from the start): I-tags only after their
 * B or I (cue: O B I; roles: O B-S I-S B-C I-C).  Writes the best labels
 * into out; bp must hold n * 3 bytes for the cue labels, n * 8 int32s for
 * the role labels (each row of em at least 4 floats). */
void sw_viterbi_cue(const float *em, uint32_t n, uint32_t stride, const float *tr, uint8_t *out,
                    uint8_t *bp);
void sw_viterbi_role(const float *em, uint32_t n, uint32_t stride, const float *tr, uint8_t *out,
                     int32_t *bp);

#endif
