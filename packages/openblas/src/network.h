// The fused training step's network (see network.c).
#ifndef FMNIST_NETWORK_H
#define FMNIST_NETWORK_H

#include <stddef.h>
#include <stdint.h>

#include "pool.h"

// Layer kinds, activations and optimizers: the same numbers as src/network-plan.ts.
enum { NET_DENSE = 1, NET_CONV = 2, NET_POOL = 3, NET_DROPOUT = 4 };
enum { NET_LINEAR = 0, NET_RELU = 1, NET_SOFTMAX = 2 };
enum {
  NET_SGD = 0,
  NET_MOMENTUM = 1,
  NET_NESTEROV = 2,
  NET_ADAM = 3,
  NET_RMSPROP = 4,
  NET_RMSPROP_MOMENTUM = 5,
  NET_NO_UPDATE = 6
};
// Ints per layer: kind, ih, iw, ic, oh, ow, oc, act, kh, kw, pad top, pad left.
#define NET_DESC_INTS 12

typedef struct {
  int kind, ih, iw, ic, oh, ow, oc, act, kh, kw, pt, pl;
  double rate;
  size_t in_size, out_size;
  size_t w_off, w_len, b_off, b_len;
  float *out;
  int32_t *arg;
  float *mask;
  float *col;
  float *dz;  // the loss's gradient with respect to `out` (then to the pre-activation)
} layer_t;

typedef struct {
  int n;
  layer_t *layers;
  int first_param;
  size_t param_count;
  int optimizer;
  double beta1, beta2, epsilon, rho, momentum;
  int cap;
  float *input, *grad, *dcol;
  uint8_t *labels;
  double *row_loss;
  uint8_t *row_correct;
  pool_t *pool;  // NULL: one thread
} net_t;

net_t *net_create(const int32_t *desc, int n, const double *rates, int optimizer,
                  const double *hyper, const char **error);
void net_free(net_t *net);
// Threads the network's steps run on (1 or more); 0 when a thread cannot be started.
int net_set_threads(net_t *net, int threads);
int net_threads(const net_t *net);
int net_train(net_t *net, float *params, float *slots, double *powers, const uint8_t *images,
              const uint8_t *labels, const uint32_t *order, size_t from, int batch, double lr,
              const double *dropout_states, float *grad_out, double *result);
int net_evaluate(net_t *net, const float *params, const uint8_t *images, const uint8_t *labels,
                 size_t start, size_t count, int chunk, float *probabilities, double *result);

#endif
