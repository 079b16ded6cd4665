// The fused training step: forward, softmax + categorical cross-entropy, backward and the
// optimizer update of a sequential network (dense, conv2d, max-pooling, dropout) as one call per
// batch, on weights and optimizer slots that JavaScript owns (Float32Arrays passed to every call).
// Batches are assembled here from the uint8 images and a shuffle order; dropout masks are drawn
// with seedrandom's alea, as tfjs' dropout draws them, so both paths drop the same units.
//
// Build flags: -O3 -mavx2 -mfma -ffp-contract=off and no -ffast-math: NaN must survive (a
// diverging run is detected by its loss), and alea's arithmetic must round as JavaScript's does.
#include "network.h"

#include <cblas.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// --- alea (seedrandom 3.0.5), the generator tfjs' randomUniform uses --------------------------
typedef struct {
  double s0, s1, s2, c;
} alea_t;

static inline double alea_next(alea_t *a) {
  double t = 2091639.0 * a->s0 + a->c * 2.3283064365386963e-10;
  a->s0 = a->s1;
  a->s1 = a->s2;
  a->c = (double)(int32_t)t;  // `t | 0`; t is in [0, 2091640), so truncation is exact
  a->s2 = t - a->c;
  return a->s2;
}

// --- helpers -----------------------------------------------------------------------------------
static void *grow(void *p, size_t bytes) {
  void *q = realloc(p, bytes ? bytes : 1);
  return q;
}

static float SCALE[256];

static void init_scale(void) {
  static int done = 0;
  if (done) return;
  for (int i = 0; i < 256; i++) SCALE[i] = (float)((double)i / 255.0);
  done = 1;
}

void net_free(net_t *net) {
  if (!net) return;
  for (int i = 0; i < net->n; i++) {
    free(net->layers[i].out);
    free(net->layers[i].arg);
    free(net->layers[i].mask);
    free(net->layers[i].col);
  }
  free(net->layers);
  free(net->input);
  free(net->grad);
  free(net->d0);
  free(net->d1);
  free(net->dcol);
  free(net->labels);
  free(net);
}

net_t *net_create(const int32_t *desc, int n, const double *rates, int optimizer,
                  const double *hyper, const char **error) {
  init_scale();
  net_t *net = calloc(1, sizeof(net_t));
  if (!net) return NULL;
  net->layers = calloc((size_t)(n > 0 ? n : 1), sizeof(layer_t));
  net->n = n;
  net->optimizer = optimizer;
  net->beta1 = hyper[0];
  net->beta2 = hyper[1];
  net->epsilon = hyper[2];
  net->rho = hyper[3];
  net->momentum = hyper[4];
  size_t offset = 0;
  net->first_param = -1;
  for (int i = 0; i < n; i++) {
    const int32_t *d = desc + i * NET_DESC_INTS;
    layer_t *L = &net->layers[i];
    L->kind = d[0];
    L->ih = d[1], L->iw = d[2], L->ic = d[3];
    L->oh = d[4], L->ow = d[5], L->oc = d[6];
    L->act = d[7], L->kh = d[8], L->kw = d[9], L->pt = d[10], L->pl = d[11];
    L->rate = rates[i];
    L->in_size = (size_t)L->ih * L->iw * L->ic;
    L->out_size = (size_t)L->oh * L->ow * L->oc;
    if (i > 0 && L->in_size != net->layers[i - 1].out_size) {
      *error = "a layer's input size differs from the previous layer's output size";
      net_free(net);
      return NULL;
    }
    if (L->kind == NET_DENSE || L->kind == NET_CONV) {
      L->w_off = offset;
      L->w_len = L->kind == NET_DENSE ? L->in_size * L->out_size
                                      : (size_t)L->kh * L->kw * L->ic * L->oc;
      offset += L->w_len;
      L->b_off = offset;
      L->b_len = L->oc;
      offset += L->b_len;
      if (net->first_param < 0) net->first_param = i;
    }
    if (L->act == NET_SOFTMAX && i != n - 1) {
      *error = "softmax is supported on the last layer only";
      net_free(net);
      return NULL;
    }
  }
  if (n == 0 || net->layers[n - 1].act != NET_SOFTMAX) {
    *error = "the last layer must be a dense layer with softmax";
    net_free(net);
    return NULL;
  }
  net->param_count = offset;
  net->grad = calloc(offset ? offset : 1, sizeof(float));
  return net;
}

// Workspace for `batch` examples (grows, never shrinks).
static int reserve(net_t *net, int batch) {
  if (batch <= net->cap) return 1;
  if (batch < 1) return 0;
  size_t b = (size_t)batch;
  size_t max_size = net->layers[0].in_size, max_col = 0;
  for (int i = 0; i < net->n; i++) {
    layer_t *L = &net->layers[i];
    if (L->out_size > max_size) max_size = L->out_size;
    L->out = grow(L->out, b * L->out_size * sizeof(float));
    if (!L->out) return 0;
    if (L->kind == NET_POOL) {
      L->arg = grow(L->arg, b * L->out_size * sizeof(int32_t));
      if (!L->arg) return 0;
    }
    if (L->kind == NET_DROPOUT) {
      L->mask = grow(L->mask, b * L->in_size * sizeof(float));
      if (!L->mask) return 0;
    }
    if (L->kind == NET_CONV) {
      size_t col = b * L->oh * L->ow * L->kh * L->kw * L->ic;
      L->col = grow(L->col, col * sizeof(float));
      if (!L->col) return 0;
      if (col > max_col) max_col = col;
    }
  }
  net->input = grow(net->input, b * net->layers[0].in_size * sizeof(float));
  net->d0 = grow(net->d0, b * max_size * sizeof(float));
  net->d1 = grow(net->d1, b * max_size * sizeof(float));
  net->labels = grow(net->labels, b);
  if (max_col) net->dcol = grow(net->dcol, max_col * sizeof(float));
  if (!net->input || !net->d0 || !net->d1 || !net->labels || (max_col && !net->dcol)) return 0;
  net->cap = batch;
  return 1;
}

// --- forward -----------------------------------------------------------------------------------
static void im2col(const layer_t *L, const float *x, float *col, int batch) {
  const int K = L->kh * L->kw * L->ic;
  const size_t c = (size_t)L->ic;
  for (int b = 0; b < batch; b++) {
    const float *xb = x + (size_t)b * L->in_size;
    for (int y = 0; y < L->oh; y++) {
      for (int xo = 0; xo < L->ow; xo++) {
        float *row = col + (((size_t)b * L->oh + y) * L->ow + xo) * K;
        for (int ky = 0; ky < L->kh; ky++) {
          int iy = y + ky - L->pt;
          for (int kx = 0; kx < L->kw; kx++) {
            int ix = xo + kx - L->pl;
            float *dst = row + ((size_t)ky * L->kw + kx) * c;
            if (iy < 0 || iy >= L->ih || ix < 0 || ix >= L->iw) {
              memset(dst, 0, c * sizeof(float));
            } else {
              memcpy(dst, xb + ((size_t)iy * L->iw + ix) * c, c * sizeof(float));
            }
          }
        }
      }
    }
  }
}

static void col2im(const layer_t *L, const float *col, float *dx, int batch) {
  const int K = L->kh * L->kw * L->ic;
  const size_t c = (size_t)L->ic;
  memset(dx, 0, (size_t)batch * L->in_size * sizeof(float));
  for (int b = 0; b < batch; b++) {
    float *db = dx + (size_t)b * L->in_size;
    for (int y = 0; y < L->oh; y++) {
      for (int xo = 0; xo < L->ow; xo++) {
        const float *row = col + (((size_t)b * L->oh + y) * L->ow + xo) * K;
        for (int ky = 0; ky < L->kh; ky++) {
          int iy = y + ky - L->pt;
          if (iy < 0 || iy >= L->ih) continue;
          for (int kx = 0; kx < L->kw; kx++) {
            int ix = xo + kx - L->pl;
            if (ix < 0 || ix >= L->iw) continue;
            const float *src = row + ((size_t)ky * L->kw + kx) * c;
            float *dst = db + ((size_t)iy * L->iw + ix) * c;
            for (size_t k = 0; k < c; k++) dst[k] += src[k];
          }
        }
      }
    }
  }
}

// out[rows, n] = act(out + bias)
static void bias_act(float *out, const float *bias, size_t rows, size_t n, int act) {
  for (size_t r = 0; r < rows; r++) {
    float *o = out + r * n;
    if (act == NET_RELU) {
      for (size_t j = 0; j < n; j++) {
        float v = o[j] + bias[j];
        o[j] = v > 0.0f ? v : (v != v ? v : 0.0f);  // keep NaN, as tfjs' relu does
      }
    } else {
      for (size_t j = 0; j < n; j++) o[j] += bias[j];
    }
  }
}

// Row-wise softmax in place; returns the sum of the rows' cross-entropies and counts the rows
// whose first largest probability is the label. The loss is taken from the logits, exactly, as
// Keras (TF 2.0) takes it when its output op is a Softmax (softmax_cross_entropy_with_logits, no
// clip to [1e-7, 1 − 1e-7]): log Σ exp(z − max) + max − z_label per row, in double. A NaN logit
// anywhere in a row makes that row's loss NaN (the comparisons skip it, exp and log carry it), so
// a diverging run is still detected; the probabilities stay float32, as tfjs computes them.
static double softmax_loss(float *p, const uint8_t *labels, size_t rows, size_t n,
                           double *correct) {
  double loss = 0;
  for (size_t r = 0; r < rows; r++) {
    float *z = p + r * n;
    float max = z[0];
    for (size_t j = 1; j < n; j++)
      if (z[j] > max) max = z[j];
    const double zmax = (double)max, zlabel = (double)z[labels[r]];
    double total = 0;
    float sum = 0;
    for (size_t j = 0; j < n; j++) {
      total += exp((double)z[j] - zmax);
      z[j] = expf(z[j] - max);
      sum += z[j];
    }
    size_t best = 0;
    for (size_t j = 0; j < n; j++) {
      z[j] /= sum;
      if (z[j] > z[best]) best = j;
    }
    loss += log(total) + (zmax - zlabel);
    if (best == labels[r]) *correct += 1;
  }
  return loss;
}

static void pool_forward(layer_t *L, const float *x, int batch) {
  const size_t c = (size_t)L->ic;
  for (int b = 0; b < batch; b++) {
    const size_t base = (size_t)b * L->in_size;
    for (int y = 0; y < L->oh; y++) {
      for (int xo = 0; xo < L->ow; xo++) {
        size_t o = (size_t)b * L->out_size + ((size_t)y * L->ow + xo) * c;
        for (size_t k = 0; k < c; k++) {
          size_t best = base + ((size_t)(y * L->kh) * L->iw + (size_t)xo * L->kw) * c + k;
          float v = x[best];
          for (int ky = 0; ky < L->kh; ky++) {
            for (int kx = 0; kx < L->kw; kx++) {
              size_t i = base + ((size_t)(y * L->kh + ky) * L->iw + (size_t)(xo * L->kw + kx)) * c + k;
              if (x[i] > v) v = x[i], best = i;
            }
          }
          L->out[o + k] = v;
          L->arg[o + k] = (int32_t)best;
        }
      }
    }
  }
}

static void dropout_forward(layer_t *L, const float *x, int batch, const double *state) {
  const size_t count = (size_t)batch * L->in_size;
  const float keep = (float)(1.0 - L->rate);
  alea_t a = {state[0], state[1], state[2], state[3]};
  for (size_t i = 0; i < count; i++) {
    // tfjs: floor(float32(u) + keep) / keep, all in float32.
    float u = (float)alea_next(&a);
    float m = floorf(u + keep) / keep;
    L->mask[i] = m;
    L->out[i] = x[i] * m;
  }
}

// Forward over `batch` examples already in net->input; dropout masks from `states` (4 doubles
// per dropout layer) when training.
static void forward(net_t *net, const float *params, int batch, int training,
                    const double *states) {
  const float *x = net->input;
  int dropout_index = 0;
  for (int i = 0; i < net->n; i++) {
    layer_t *L = &net->layers[i];
    switch (L->kind) {
      case NET_DENSE:
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, batch, (int)L->out_size,
                    (int)L->in_size, 1.0f, x, (int)L->in_size, params + L->w_off,
                    (int)L->out_size, 0.0f, L->out, (int)L->out_size);
        bias_act(L->out, params + L->b_off, (size_t)batch, L->out_size,
                 L->act == NET_SOFTMAX ? NET_LINEAR : L->act);
        break;
      case NET_CONV: {
        const int K = L->kh * L->kw * L->ic;
        const int rows = batch * L->oh * L->ow;
        im2col(L, x, L->col, batch);
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, rows, L->oc, K, 1.0f, L->col, K,
                    params + L->w_off, L->oc, 0.0f, L->out, L->oc);
        bias_act(L->out, params + L->b_off, (size_t)rows, (size_t)L->oc, L->act);
        break;
      }
      case NET_POOL:
        pool_forward(L, x, batch);
        break;
      case NET_DROPOUT:
        if (training && L->rate > 0) {
          dropout_forward(L, x, batch, states + 4 * dropout_index);
        } else {
          memcpy(L->out, x, (size_t)batch * L->in_size * sizeof(float));
        }
        dropout_index++;
        break;
    }
    x = L->out;
  }
}

static void assemble(net_t *net, const uint8_t *images, const uint32_t *order, size_t from,
                     int batch) {
  const size_t n = net->layers[0].in_size;
  for (int k = 0; k < batch; k++) {
    size_t i = order ? order[from + (size_t)k] : from + (size_t)k;
    const uint8_t *src = images + i * n;
    float *dst = net->input + (size_t)k * n;
    for (size_t j = 0; j < n; j++) dst[j] = SCALE[src[j]];
  }
}

// --- optimizer ---------------------------------------------------------------------------------
// Keras' (TF 2.0) rules, in float32 like tfjs keeps its state.
static void update(const net_t *net, float *p, const float *g, float *s0, float *s1, size_t n,
                   double lr, const double *powers) {
  const float lrf = (float)lr;
  switch (net->optimizer) {
    case NET_SGD:
      for (size_t i = 0; i < n; i++) p[i] = p[i] - lrf * g[i];
      break;
    case NET_MOMENTUM:
    case NET_NESTEROV: {
      const float m = (float)net->momentum;
      for (size_t i = 0; i < n; i++) {
        float v = m * s0[i] - lrf * g[i];
        s0[i] = v;
        p[i] = net->optimizer == NET_NESTEROV ? p[i] + (m * v - lrf * g[i]) : p[i] + v;
      }
      break;
    }
    case NET_ADAM: {
      const float b1 = (float)net->beta1, b2 = (float)net->beta2, eps = (float)net->epsilon;
      const float lr_t = (float)(lr * sqrt(1.0 - powers[1]) / (1.0 - powers[0]));
      const float c1 = 1.0f - b1, c2 = 1.0f - b2;
      for (size_t i = 0; i < n; i++) {
        float m = b1 * s0[i] + c1 * g[i];
        float v = b2 * s1[i] + c2 * (g[i] * g[i]);
        s0[i] = m;
        s1[i] = v;
        p[i] = p[i] - lr_t * m / (sqrtf(v) + eps);
      }
      break;
    }
    case NET_RMSPROP: {
      const float rho = (float)net->rho, c = 1.0f - rho, eps = (float)net->epsilon;
      for (size_t i = 0; i < n; i++) {
        float ms = rho * s0[i] + c * (g[i] * g[i]);
        s0[i] = ms;
        p[i] = p[i] - lrf * g[i] / (sqrtf(ms) + eps);
      }
      break;
    }
    case NET_RMSPROP_MOMENTUM: {
      const float rho = (float)net->rho, c = 1.0f - rho, eps = (float)net->epsilon;
      const float m = (float)net->momentum;
      for (size_t i = 0; i < n; i++) {
        float ms = rho * s0[i] + c * (g[i] * g[i]);
        s0[i] = ms;
        float mom = m * s1[i] + lrf * g[i] / sqrtf(ms + eps);
        s1[i] = mom;
        p[i] = p[i] - mom;
      }
      break;
    }
    default:
      break;
  }
}

// Column sums of dz [rows, n] into db.
static void column_sums(const float *dz, float *db, size_t rows, size_t n) {
  memset(db, 0, n * sizeof(float));
  for (size_t r = 0; r < rows; r++) {
    const float *row = dz + r * n;
    for (size_t j = 0; j < n; j++) db[j] += row[j];
  }
}

// --- the step ----------------------------------------------------------------------------------
int net_train(net_t *net, float *params, float *slots, double *powers, const uint8_t *images,
              const uint8_t *labels, const uint32_t *order, size_t from, int batch, double lr,
              const double *dropout_states, float *grad_out, double *result) {
  if (!reserve(net, batch)) return 0;
  assemble(net, images, order, from, batch);
  forward(net, params, batch, 1, dropout_states);
  layer_t *last = &net->layers[net->n - 1];
  const size_t classes = last->out_size;
  // Labels in batch order.
  uint8_t *batch_labels = net->labels;
  for (int k = 0; k < batch; k++)
    batch_labels[k] = labels[order ? order[from + (size_t)k] : from + (size_t)k];
  double correct = 0;
  double loss = softmax_loss(last->out, batch_labels, (size_t)batch, classes, &correct);
  result[0] = loss / batch;
  result[1] = correct;
  // dz = (p − onehot) / batch
  float *d = net->d0, *other = net->d1;
  const float inv = 1.0f / (float)batch;
  for (int k = 0; k < batch; k++) {
    const float *p = last->out + (size_t)k * classes;
    float *dz = d + (size_t)k * classes;
    for (size_t j = 0; j < classes; j++)
      dz[j] = (p[j] - (j == batch_labels[k] ? 1.0f : 0.0f)) * inv;
  }
  float *slot0 = slots, *slot1 = slots ? slots + net->param_count : NULL;
  int dropout_index = 0;
  for (int i = 0; i < net->n; i++)
    if (net->layers[i].kind == NET_DROPOUT) dropout_index++;
  for (int i = net->n - 1; i >= 0 && i >= net->first_param; i--) {
    layer_t *L = &net->layers[i];
    const float *x = i > 0 ? net->layers[i - 1].out : net->input;
    const int need_dx = i > net->first_param;
    if ((L->kind == NET_DENSE || L->kind == NET_CONV) && L->act == NET_RELU) {
      size_t count = (size_t)batch * L->out_size;
      for (size_t j = 0; j < count; j++)
        if (!(L->out[j] > 0.0f)) d[j] = 0.0f;
    }
    switch (L->kind) {
      case NET_DENSE: {
        const int in = (int)L->in_size, out = (int)L->out_size;
        float *w = params + L->w_off;
        if (need_dx)
          cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, batch, in, out, 1.0f, d, out, w,
                      out, 0.0f, other, in);
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, in, out, batch, 1.0f, x, in, d, out,
                    0.0f, net->grad + L->w_off, out);
        column_sums(d, net->grad + L->b_off, (size_t)batch, (size_t)out);
        break;
      }
      case NET_CONV: {
        const int K = L->kh * L->kw * L->ic;
        const int rows = batch * L->oh * L->ow;
        float *w = params + L->w_off;
        if (need_dx) {
          cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, K, L->oc, 1.0f, d, L->oc, w,
                      L->oc, 0.0f, net->dcol, K);
          col2im(L, net->dcol, other, batch);
        }
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, K, L->oc, rows, 1.0f, L->col, K, d,
                    L->oc, 0.0f, net->grad + L->w_off, L->oc);
        column_sums(d, net->grad + L->b_off, (size_t)rows, (size_t)L->oc);
        break;
      }
      case NET_POOL:
        if (need_dx) {
          memset(other, 0, (size_t)batch * L->in_size * sizeof(float));
          size_t count = (size_t)batch * L->out_size;
          for (size_t j = 0; j < count; j++) other[L->arg[j]] += d[j];
        }
        break;
      case NET_DROPOUT:
        dropout_index--;
        if (need_dx) {
          size_t count = (size_t)batch * L->in_size;
          if (L->rate > 0) {
            for (size_t j = 0; j < count; j++) other[j] = d[j] * L->mask[j];
          } else {
            memcpy(other, d, count * sizeof(float));
          }
        }
        break;
    }
    if (L->kind == NET_DENSE || L->kind == NET_CONV) {
      if (!grad_out) {
        update(net, params + L->w_off, net->grad + L->w_off, slot0 ? slot0 + L->w_off : NULL,
               slot1 ? slot1 + L->w_off : NULL, L->w_len, lr, powers);
        update(net, params + L->b_off, net->grad + L->b_off, slot0 ? slot0 + L->b_off : NULL,
               slot1 ? slot1 + L->b_off : NULL, L->b_len, lr, powers);
      }
    }
    if (need_dx) {
      float *t = d;
      d = other;
      other = t;
    }
  }
  if (grad_out) {
    memcpy(grad_out, net->grad, net->param_count * sizeof(float));
  } else if (net->optimizer == NET_ADAM && powers) {
    powers[0] = powers[0] * net->beta1;
    powers[1] = powers[1] * net->beta2;
  }
  return 1;
}

int net_evaluate(net_t *net, const float *params, const uint8_t *images, const uint8_t *labels,
                 size_t start, size_t count, int chunk, float *probabilities, double *result) {
  if (chunk < 1) chunk = 1;
  if (!reserve(net, chunk)) return 0;
  layer_t *last = &net->layers[net->n - 1];
  const size_t classes = last->out_size;
  double loss = 0, correct = 0;
  for (size_t from = start; from < start + count; from += (size_t)chunk) {
    int batch = (int)((start + count - from) < (size_t)chunk ? (start + count - from) : (size_t)chunk);
    assemble(net, images, NULL, from, batch);
    forward(net, params, batch, 0, NULL);
    loss += softmax_loss(last->out, labels + from, (size_t)batch, classes, &correct);
    if (probabilities)
      memcpy(probabilities + (from - start) * classes, last->out,
             (size_t)batch * classes * sizeof(float));
  }
  result[0] = loss;
  result[1] = correct;
  return 1;
}
