/* Model files: the versioned binary format described in model.h, checked
 * field by field on load.  The built-in model is the file compiled in by
 * embed.c; --model reads another one. */
#include "model.h"
#include <errno.h>
#include <stdio.h>


static uint32_t rd32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static float rdf(const unsigned char *p) {
  uint32_t u = rd32(p);
  float f;
  memcpy(&f, &u, sizeof f);
  return f;
}

static size_t header_size(void) {
  size_t h = 32 + 4 * ((CUE_L + 1) * CUE_L + (ROLE_L + 1) * ROLE_L);
  return (h + 15) & ~(size_t)15;
}

sw_model *sw_model_parse(const void *data, size_t len, sw_error *err) {
  const unsigned char *p = data;
  size_t hs = header_size();
  if (len < hs || memcmp(p, SW_MODEL_MAGIC, 8) != 0) {
    sw_seterr(err, SW_ERR_MODEL, 0, "not a saywho model (bad magic or too short: %zu bytes)", len);
    return NULL;
  }
  uint32_t ver = rd32(p + 8), fver = rd32(p + 12);
  if (ver != SW_MODEL_VERSION || fver != SW_FEAT_VERSION) {
    sw_seterr(err, SW_ERR_MODEL, 8,
              "model format %u, features %u; this saywho reads format %u, features %u", ver,
              fver, SW_MODEL_VERSION, SW_FEAT_VERSION);
    return NULL;
  }
  uint32_t cb = rd32(p + 16), rb = rd32(p + 20);
  if (cb < 4 || cb > 24 || rb < 4 || rb > 24) {
    sw_seterr(err, SW_ERR_MODEL, 16, "model table sizes out of range (%u, %u bits)", cb, rb);
    return NULL;
  }
  size_t need = hs + ((size_t)1 << cb) * SW_ROW + ((size_t)1 << rb) * SW_RROW + (SW_ROW - SW_RROW);
  if (need != len) {
    sw_seterr(err, SW_ERR_MODEL, 0, "model size %zu does not match its header (%zu)", len, need);
    return NULL;
  }
  sw_model *m = calloc(1, sizeof *m);
  if (!m) {
    sw_seterr(err, SW_ERR_NOMEM, 0, "out of memory loading the model");
    return NULL;
  }
  m->stat_bits = cb;
  m->rel_bits = rb;
  m->cue_scale = rdf(p + 24);
  m->role_scale = rdf(p + 28);
  size_t off = 32;
  for (int i = 0; i < (CUE_L + 1) * CUE_L; i++, off += 4)
    m->cue_trans[i] = rdf(p + off);
  for (int i = 0; i < (ROLE_L + 1) * ROLE_L; i++, off += 4)
    m->role_trans[i] = rdf(p + off);
  if (!(m->cue_scale > 0 && m->cue_scale < 1e6f) || !(m->role_scale > 0 && m->role_scale < 1e6f)) {
    sw_seterr(err, SW_ERR_MODEL, 24, "model weight scales are not finite positive numbers");
    free(m);
    return NULL;
  }
  /* the tables are bytes, read in place */
  m->stat = (const int8_t *)(p + hs);
  m->rel = m->stat + ((size_t)1 << cb) * SW_ROW;
  return m;
}

sw_model *sw_model_load_file(const char *path, sw_error *err) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    sw_seterr(err, SW_ERR_MODEL, 0, "cannot open model %s: %s", path, strerror(errno));
    return NULL;
  }
  char *buf = NULL;
  size_t len = 0, cap = 0;
  for (;;) {
    if (len == cap) {
      cap = cap ? cap * 2 : 1 << 20;
      char *q = realloc(buf, cap);
      if (!q) {
        free(buf);
        fclose(f);
        sw_seterr(err, SW_ERR_NOMEM, 0, "out of memory reading model %s", path);
        return NULL;
      }
      buf = q;
    }
    size_t k = fread(buf + len, 1, cap - len, f);
    len += k;
    if (!k)
      break;
  }
  bool rderr = ferror(f);
  fclose(f);
  if (rderr) {
    free(buf);
    sw_seterr(err, SW_ERR_MODEL, 0, "cannot read model %s", path);
    return NULL;
  }
  sw_model *m = sw_model_parse(buf, len, err);
  if (!m) {
    free(buf);
    return NULL;
  }
  m->owned = buf;
  return m;
}

void sw_model_free(sw_model *m) {
  if (!m)
    return;
  free(m->owned);
  free(m);
}
