// The fused training step: forward, softmax + categorical cross-entropy, backward and the
// optimizer update of a sequential network (dense, conv2d, max-pooling, dropout) as one call per
// batch, on weights and optimizer slots that JavaScript owns (Float32Arrays passed to every call).
// Batches are assembled here from the uint8 images and a shuffle order; dropout masks are drawn
// with seedrandom's alea, as tfjs' dropout draws them, so both paths drop the same units.
//
//
// Threads (net_set_threads): a pool of our own (pool.c), with OpenBLAS on one thread inside each
// product, so that each thread's products are single-threaded sgemm calls on its part:
// - forward, loss and the input gradients run on each thread's rows of the batch, layer after
//   layer, without waiting for the other threads (every one of those is row by row);
// - the weight gradients, which sum over the whole batch, after one hand-off: each thread takes
//   rows (or, for a narrow layer, columns) of each gradient;
// - the optimizer update after another, each thread on its part of the parameters.
// Splitting a product's rows or columns leaves each output's dot product whole, in OpenBLAS's
// order, so the results do not depend on the thread count (tested).
//
// Build flags: -O3 -mavx2 -mfma -ffp-contract=off -fno-math-errno and no -ffast-math: NaN must
// survive (a diverging run is detected by its loss), and alea's arithmetic must round as
// JavaScript's does; without errno, sqrtf vectorises (the update's loops).
#include "network.h"

#include <cblas.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"

// OpenBLAS's own entry points (declared by its cblas.h, but not by every cblas.h).
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);

// --- alea (seedrandom 3.0.5), the generator tfjs' randomUniform uses --------------------------
typedef struct {
  double s0, s1, s2, c;
} alea_t;

// JavaScript's `t = 2091639 * s0 + c * 2.3283064365386963e-10` (2^-32), rounded the same way:
// c · 2^-32 is exact, so one fma of it onto the separately rounded product equals JavaScript's sum.
// The carry is the only chain from draw to draw; trunc() and fma keep it at ~7 cycles (converting
// to int32 and back for `t | 0` made it ~16: 0.79 → 0.30 ms for model 5's 156,800 draws a step).
static inline double alea_next(alea_t *a) {
  const double product = 2091639.0 * a->s0;
  const double t = fma(a->c, 0x1p-32, product);
  a->s0 = a->s1;
  a->s1 = a->s2;
  a->c = trunc(t);  // `t | 0`; t is in [0, 2091640), so truncation is exact
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
    free(net->layers[i].dz);
  }
  pool_free(net->pool);
  free(net->layers);
  free(net->input);
  free(net->grad);
  free(net->dcol);
  free(net->labels);
  free(net->row_loss);
  free(net->row_correct);
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
  size_t max_col = 0;
  for (int i = 0; i < net->n; i++) {
    layer_t *L = &net->layers[i];
    L->out = grow(L->out, b * L->out_size * sizeof(float));
    if (!L->out) return 0;
    // The loss's gradient with respect to the layer's output (from the first parameter layer on).
    if (i >= net->first_param) {
      L->dz = grow(L->dz, b * L->out_size * sizeof(float));
      if (!L->dz) return 0;
    }
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
  net->labels = grow(net->labels, b);
  net->row_loss = grow(net->row_loss, b * sizeof(double));
  net->row_correct = grow(net->row_correct, b);
  if (max_col) net->dcol = grow(net->dcol, max_col * sizeof(float));
  if (!net->input || !net->labels || !net->row_loss || !net->row_correct ||
      (max_col && !net->dcol))
    return 0;
  net->cap = batch;
  return 1;
}

// --- forward -----------------------------------------------------------------------------------
// Images per conv product: their im2col rows (at most ~1 MB for the cnn's second conv) stay in
// cache between the copy and the product. A multiple of 4 keeps a 28×28 or 14×14 map's rows on
// 16-row boundaries, as the threads' chunks are.
#define CONV_BLOCK 4

// Every per-example function below works on examples [b0, b1) of the batch: one thread's rows.
static void im2col(const layer_t *L, const float *x, float *col, int b0, int b1) {
  const int K = L->kh * L->kw * L->ic;
  const size_t c = (size_t)L->ic;
  for (int b = b0; b < b1; b++) {
    const float *xb = x + (size_t)b * L->in_size;
    for (int y = 0; y < L->oh; y++) {
      for (int xo = 0; xo < L->ow; xo++) {
        float *row = col + (((size_t)b * L->oh + y) * L->ow + xo) * K;
        for (int ky = 0; ky < L->kh; ky++) {
          int iy = y + ky - L->pt;
          for (int kx = 0; kx < L->kw; kx++) {
            int ix = xo + kx - L->pl;
            float *dst = row + ((size_t)ky * L->kw + kx) * c;
            // Loops, not memcpy: a first layer has one channel, where a call per value costs more.
            if (iy < 0 || iy >= L->ih || ix < 0 || ix >= L->iw) {
              for (size_t k = 0; k < c; k++) dst[k] = 0.0f;
            } else {
              const float *src = xb + ((size_t)iy * L->iw + ix) * c;
              for (size_t k = 0; k < c; k++) dst[k] = src[k];
            }
          }
        }
      }
    }
  }
}

static void col2im(const layer_t *L, const float *col, float *dx, int b0, int b1) {
  const int K = L->kh * L->kw * L->ic;
  const size_t c = (size_t)L->ic;
  memset(dx + (size_t)b0 * L->in_size, 0, (size_t)(b1 - b0) * L->in_size * sizeof(float));
  for (int b = b0; b < b1; b++) {
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

// Max pooling (stride = window, 'valid'): each output the first largest of its window (NaN
// never wins, as in tfjs), and where it came from, for the backward pass. Channels innermost, so
// the comparisons vectorise.
static void pool_forward(layer_t *L, const float *x, int b0, int b1) {
  const size_t c = (size_t)L->ic;
  for (int b = b0; b < b1; b++) {
    const size_t base = (size_t)b * L->in_size;
    for (int y = 0; y < L->oh; y++) {
      for (int xo = 0; xo < L->ow; xo++) {
        const size_t o = (size_t)b * L->out_size + ((size_t)y * L->ow + xo) * c;
        float *restrict v = L->out + o;
        int32_t *restrict arg = L->arg + o;
        const size_t first = base + ((size_t)(y * L->kh) * L->iw + (size_t)xo * L->kw) * c;
        for (size_t k = 0; k < c; k++) {
          v[k] = x[first + k];
          arg[k] = (int32_t)(first + k);
        }
        for (int ky = 0; ky < L->kh; ky++) {
          for (int kx = 0; kx < L->kw; kx++) {
            const size_t at =
                base + ((size_t)(y * L->kh + ky) * L->iw + (size_t)(xo * L->kw + kx)) * c;
            const float *restrict xi = x + at;
            for (size_t k = 0; k < c; k++) {
              const int larger = xi[k] > v[k];
              v[k] = larger ? xi[k] : v[k];
              arg[k] = larger ? (int32_t)(at + k) : arg[k];
            }
          }
        }
      }
    }
  }
}

// Dropout masks for the whole batch, before the threads start: alea's stream is sequential.
static void draw_masks(net_t *net, int batch, const double *states) {
  int dropout_index = 0;
  for (int i = 0; i < net->n; i++) {
    layer_t *L = &net->layers[i];
    if (L->kind != NET_DROPOUT) continue;
    const double *state = states + 4 * dropout_index++;
    if (L->rate <= 0) continue;
    const size_t count = (size_t)batch * L->in_size;
    const float keep = (float)(1.0 - L->rate);
    alea_t a = {state[0], state[1], state[2], state[3]};
    for (size_t k = 0; k < count; k++) {
      // tfjs: floor(float32(u) + keep) / keep, all in float32.
      float u = (float)alea_next(&a);
      L->mask[k] = floorf(u + keep) / keep;
    }
  }
}

// Forward over examples [b0, b1) already in net->input; with `training`, dropout applies the
// masks draw_masks drew.
static void forward(net_t *net, const float *params, int b0, int b1, int training) {
  const float *x = net->input;
  const int rows = b1 - b0;
  for (int i = 0; i < net->n; i++) {
    layer_t *L = &net->layers[i];
    switch (L->kind) {
      case NET_DENSE: {
        const int in = (int)L->in_size, out = (int)L->out_size;
        float *o = L->out + (size_t)b0 * out;
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, rows, out, in, 1.0f,
                    x + (size_t)b0 * in, in, params + L->w_off, out, 0.0f, o, out);
        bias_act(o, params + L->b_off, (size_t)rows, (size_t)out,
                 L->act == NET_SOFTMAX ? NET_LINEAR : L->act);
        break;
      }
      case NET_CONV: {
        // A few images at a time, so that the product reads its im2col rows while they are
        // still in cache (the whole chunk's are tens of megabytes).
        const int K = L->kh * L->kw * L->ic;
        for (int c0 = b0; c0 < b1; c0 += CONV_BLOCK) {
          const int c1 = c0 + CONV_BLOCK < b1 ? c0 + CONV_BLOCK : b1;
          const size_t first = (size_t)c0 * L->oh * L->ow;
          const int pixels = (c1 - c0) * L->oh * L->ow;
          im2col(L, x, L->col, c0, c1);
          cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, pixels, L->oc, K, 1.0f,
                      L->col + first * K, K, params + L->w_off, L->oc, 0.0f,
                      L->out + first * L->oc, L->oc);
          bias_act(L->out + first * L->oc, params + L->b_off, (size_t)pixels, (size_t)L->oc,
                   L->act);
        }
        break;
      }
      case NET_POOL:
        pool_forward(L, x, b0, b1);
        break;
      case NET_DROPOUT: {
        const size_t start = (size_t)b0 * L->in_size, count = (size_t)rows * L->in_size;
        if (training && L->rate > 0) {
          for (size_t k = start; k < start + count; k++) L->out[k] = x[k] * L->mask[k];
        } else {
          memcpy(L->out + start, x + start, count * sizeof(float));
        }
        break;
      }
    }
    x = L->out;
  }
}

// Examples order[from + k] (or from + k) for k in [b0, b1), scaled to [0, 1], into rows b0… of
// net->input, and their labels into net->labels.
static void assemble(net_t *net, const uint8_t *images, const uint8_t *labels,
                     const uint32_t *order, size_t from, int b0, int b1) {
  const size_t n = net->layers[0].in_size;
  for (int k = b0; k < b1; k++) {
    size_t i = order ? order[from + (size_t)k] : from + (size_t)k;
    const uint8_t *src = images + i * n;
    float *dst = net->input + (size_t)k * n;
    for (size_t j = 0; j < n; j++) dst[j] = SCALE[src[j]];
    net->labels[k] = labels[i];
  }
}

// Each row's loss and whether its first largest probability is the label, for rows [b0, b1).
static void row_losses(net_t *net, int b0, int b1) {
  layer_t *last = &net->layers[net->n - 1];
  const size_t classes = last->out_size;
  for (int k = b0; k < b1; k++) {
    double correct = 0;
    net->row_loss[k] =
        softmax_loss(last->out + (size_t)k * classes, net->labels + k, 1, classes, &correct);
    net->row_correct[k] = correct > 0;
  }
}

// The rows' losses summed in order (as one thread would), and the correct count.
static double sum_losses(const net_t *net, int batch, double *correct) {
  double loss = 0;
  for (int k = 0; k < batch; k++) {
    loss += net->row_loss[k];
    *correct += net->row_correct[k];
  }
  return loss;
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

// Columns [c0, c1) of dz [rows, n] summed into db.
static void column_sums(const float *dz, float *db, size_t rows, size_t n, size_t c0, size_t c1) {
  memset(db + c0, 0, (c1 - c0) * sizeof(float));
  for (size_t r = 0; r < rows; r++) {
    const float *row = dz + r * n;
    for (size_t j = c0; j < c1; j++) db[j] += row[j];
  }
}

// --- the step ----------------------------------------------------------------------------------
// Part `part` of `parts` of [0, count): its first index, a multiple of 16 (OpenBLAS's widest
// block of rows or columns), so that each row or column of a product falls in the same kind of
// block, and gets the same kernel, whatever the split (mostly: see the README).
static size_t split(size_t count, int part, int parts) {
  if (part >= parts) return count;
  size_t at = (count * (size_t)part / (size_t)parts + 8) & ~(size_t)15;
  return at < count ? at : count;
}


typedef struct {
  net_t *net;
  float *params, *slots;
  const double *powers;
  const uint8_t *images, *labels;
  const uint32_t *order;
  size_t from;
  int batch, training, backward;
  double lr;
} step_t;

// The loss's gradient with respect to each layer's output for rows [b0, b1), from the last layer
// back to the first with parameters: every part of it is row by row.
static void backward_rows(net_t *net, const float *params, int b0, int b1, int batch) {
  layer_t *last = &net->layers[net->n - 1];
  const size_t classes = last->out_size;
  const int rows = b1 - b0;
  // dz = (p − onehot) / batch
  const float inv = 1.0f / (float)batch;
  for (int k = b0; k < b1; k++) {
    const float *p = last->out + (size_t)k * classes;
    float *dz = last->dz + (size_t)k * classes;
    for (size_t j = 0; j < classes; j++)
      dz[j] = (p[j] - (j == net->labels[k] ? 1.0f : 0.0f)) * inv;
  }
  for (int i = net->n - 1; i >= net->first_param; i--) {
    layer_t *L = &net->layers[i];
    if ((L->kind == NET_DENSE || L->kind == NET_CONV) && L->act == NET_RELU) {
      // Locals, so that the compiler sees no store through dz reaching L, and vectorises.
      const size_t start = (size_t)b0 * L->out_size, end = (size_t)b1 * L->out_size;
      const float *restrict out = L->out;
      float *restrict dz = L->dz;
      for (size_t j = start; j < end; j++) dz[j] = out[j] > 0.0f ? dz[j] : 0.0f;
    }
    if (i == net->first_param) break;  // the first layer with parameters needs no input gradient
    float *dx = net->layers[i - 1].dz;
    const size_t in_start = (size_t)b0 * L->in_size, in_count = (size_t)rows * L->in_size;
    switch (L->kind) {
      case NET_DENSE: {
        const int in = (int)L->in_size, out = (int)L->out_size;
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, in, out, 1.0f,
                    L->dz + (size_t)b0 * out, out, params + L->w_off, out, 0.0f, dx + in_start,
                    in);
        break;
      }
      case NET_CONV: {
        const int K = L->kh * L->kw * L->ic;
        for (int c0 = b0; c0 < b1; c0 += CONV_BLOCK) {
          const int c1 = c0 + CONV_BLOCK < b1 ? c0 + CONV_BLOCK : b1;
          const size_t first = (size_t)c0 * L->oh * L->ow;
          cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (c1 - c0) * L->oh * L->ow, K,
                      L->oc, 1.0f, L->dz + first * L->oc, L->oc, params + L->w_off, L->oc, 0.0f,
                      net->dcol + first * K, K);
          col2im(L, net->dcol, dx, c0, c1);
        }
        break;
      }
      case NET_POOL: {
        memset(dx + in_start, 0, in_count * sizeof(float));
        const size_t end = (size_t)b1 * L->out_size;
        const int32_t *restrict arg = L->arg;
        const float *restrict dz = L->dz;
        for (size_t j = (size_t)b0 * L->out_size; j < end; j++) dx[arg[j]] += dz[j];
        break;
      }
      case NET_DROPOUT:
        if (L->rate > 0) {
          for (size_t j = in_start; j < in_start + in_count; j++) dx[j] = L->dz[j] * L->mask[j];
        } else {
          memcpy(dx + in_start, L->dz + in_start, in_count * sizeof(float));
        }
        break;
    }
  }
}

// Phase 1, on a chunk of the batch's rows: batch assembly, forward, the rows' losses, and
// (training) the gradients with respect to every layer's output.
static void rows_task(void *context, int chunk, int chunks) {
  step_t *s = context;
  const int b0 = (int)split((size_t)s->batch, chunk, chunks);
  const int b1 = (int)split((size_t)s->batch, chunk + 1, chunks);
  if (b1 <= b0) return;
  assemble(s->net, s->images, s->labels, s->order, s->from, b0, b1);
  forward(s->net, s->params, b0, b1, s->training);
  row_losses(s->net, b0, b1);
  if (s->backward) backward_rows(s->net, s->params, b0, b1, s->batch);
}

// Phase 2: chunk `chunk` of each layer's weight gradient (a sum over the whole batch): of its
// rows, or of its columns where it has fewer rows than columns; and of the bias gradient's columns.
static void gradients_task(void *context, int chunk, int chunks) {
  step_t *s = context;
  net_t *net = s->net;
  for (int i = net->first_param; i < net->n; i++) {
    layer_t *L = &net->layers[i];
    if (L->kind != NET_DENSE && L->kind != NET_CONV) continue;
    const float *x = i > 0 ? net->layers[i - 1].out : net->input;
    const int conv = L->kind == NET_CONV;
    // dW (M×N) = Aᵀ · dz, A being the layer's input (batch × M) or, for a conv, its im2col rows.
    const int M = conv ? L->kh * L->kw * L->ic : (int)L->in_size;
    const int N = conv ? L->oc : (int)L->out_size;
    const int rows = conv ? s->batch * L->oh * L->ow : s->batch;
    const float *A = conv ? L->col : x;
    float *dw = net->grad + L->w_off;
    if (M >= N) {
      const int m0 = (int)split((size_t)M, chunk, chunks);
      const int m1 = (int)split((size_t)M, chunk + 1, chunks);
      if (m1 > m0)
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, m1 - m0, N, rows, 1.0f, A + m0, M,
                    L->dz, N, 0.0f, dw + (size_t)m0 * N, N);
    } else {
      const int n0 = (int)split((size_t)N, chunk, chunks);
      const int n1 = (int)split((size_t)N, chunk + 1, chunks);
      if (n1 > n0)
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, M, n1 - n0, rows, 1.0f, A, M,
                    L->dz + n0, N, 0.0f, dw + n0, N);
    }
    const size_t c0 = split((size_t)N, chunk, chunks), c1 = split((size_t)N, chunk + 1, chunks);
    if (c1 > c0) column_sums(L->dz, net->grad + L->b_off, (size_t)rows, (size_t)N, c0, c1);
  }
}

// Phase 3: the optimizer's update on a chunk of the parameters.
static void update_task(void *context, int chunk, int chunks) {
  step_t *s = context;
  net_t *net = s->net;
  const size_t p0 = split(net->param_count, chunk, chunks);
  const size_t p1 = split(net->param_count, chunk + 1, chunks);
  if (p1 <= p0) return;
  float *slot0 = s->slots ? s->slots + p0 : NULL;
  float *slot1 = s->slots ? s->slots + net->param_count + p0 : NULL;
  update(net, s->params + p0, net->grad + p0, slot0, slot1, p1 - p0, s->lr, s->powers);
}

// Chunks per thread in each phase: more than one, so that a thread the system schedules late
// leaves its chunks to the others instead of holding up the step (a busy machine).
#define CHUNKS_PER_THREAD 2

// Runs the step's phases with OpenBLAS on one thread (the network's threads are the step's
// only ones: OpenBLAS's would contend with them), restoring OpenBLAS's setting after.
static void run_phases(net_t *net, step_t *step, int update) {
  const int threads = pool_threads(net->pool);
  const int chunks = threads == 1 ? 1 : CHUNKS_PER_THREAD * threads;
  const int saved = openblas_get_num_threads();
  if (saved != 1) openblas_set_num_threads(1);
  pool_run(net->pool, rows_task, step, chunks);
  if (step->backward) {
    pool_run(net->pool, gradients_task, step, chunks);
    if (update) pool_run(net->pool, update_task, step, chunks);
  }
  if (saved != 1) openblas_set_num_threads(saved);
}

int net_set_threads(net_t *net, int threads) {
  if (threads < 1) threads = 1;
  if (pool_threads(net->pool) == threads) return 1;
  pool_free(net->pool);
  net->pool = NULL;
  if (threads == 1) return 1;
  net->pool = pool_create(threads);
  return net->pool != NULL;
}

int net_threads(const net_t *net) { return pool_threads(net->pool); }

int net_train(net_t *net, float *params, float *slots, double *powers, const uint8_t *images,
              const uint8_t *labels, const uint32_t *order, size_t from, int batch, double lr,
              const double *dropout_states, float *grad_out, double *result) {
  if (!reserve(net, batch)) return 0;
  draw_masks(net, batch, dropout_states);
  step_t step = {net,   params, slots, powers, images, labels, order,
                 from,  batch,  1,     1,      lr};
  run_phases(net, &step, !grad_out);
  double correct = 0;
  result[0] = sum_losses(net, batch, &correct) / batch;
  result[1] = correct;
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
    step_t step = {net, (float *)params, NULL, NULL, images, labels, NULL, from, batch, 0, 0, 0};
    run_phases(net, &step, 0);
    loss += sum_losses(net, batch, &correct);
    if (probabilities)
      memcpy(probabilities + (from - start) * classes, last->out,
             (size_t)batch * classes * sizeof(float));
  }
  result[0] = loss;
  result[1] = correct;
  return 1;
}
