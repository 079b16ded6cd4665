// Node-API functions over network.c: createNetwork, networkParamCount, networkThreads, trainBatch,
// networkGradients, evaluateNetwork.
// Every array is checked against the sizes the network needs, so a bad call is a RangeError,
// never a read out of bounds.
#include <math.h>
#include <node_api.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "network.h"

static napi_value fail(napi_env env, const char *message) {
  napi_throw_range_error(env, NULL, message);
  return NULL;
}

static bool get_array(napi_env env, napi_value value, napi_typedarray_type want, void **data,
                      size_t *length) {
  bool is_typed_array = false;
  napi_typedarray_type type;
  napi_value buffer;
  size_t offset;
  if (napi_is_typedarray(env, value, &is_typed_array) != napi_ok || !is_typed_array) return false;
  if (napi_get_typedarray_info(env, value, &type, length, data, &buffer, &offset) != napi_ok)
    return false;
  return type == want;
}

static bool get_optional(napi_env env, napi_value value, napi_typedarray_type want, void **data,
                         size_t *length) {
  napi_valuetype t;
  if (napi_typeof(env, value, &t) != napi_ok) return false;
  if (t == napi_null || t == napi_undefined) {
    *data = NULL;
    *length = 0;
    return true;
  }
  return get_array(env, value, want, data, length);
}

static bool get_count(napi_env env, napi_value value, size_t *out) {
  double number;
  if (napi_get_value_double(env, value, &number) != napi_ok) return false;
  if (!(number >= 0 && number <= 4294967295.0) || number != floor(number)) return false;
  *out = (size_t)number;
  return true;
}

static void finalize(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  net_free((net_t *)data);
}

static net_t *get_net(napi_env env, napi_value value) {
  void *data = NULL;
  napi_valuetype t;
  if (napi_typeof(env, value, &t) != napi_ok || t != napi_external) return NULL;
  if (napi_get_value_external(env, value, &data) != napi_ok) return NULL;
  return (net_t *)data;
}

// createNetwork(desc: Int32Array, rates: Float64Array, optimizer, hyper: Float64Array(5), threads?)
static napi_value create_network(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 4 || argc > 5)
    return fail(env, "createNetwork takes desc, rates, optimizer, hyper, threads?");
  size_t threads = 1;
  napi_valuetype threads_type = napi_undefined;
  if (argc == 5) napi_typeof(env, argv[4], &threads_type);
  if (threads_type != napi_undefined &&
      (!get_count(env, argv[4], &threads) || threads < 1 || threads > 64))
    return fail(env, "createNetwork: threads must be a whole number from 1 to 64");
  int32_t *desc;
  double *rates, *hyper;
  size_t ld, lr, lh, optimizer;
  if (!get_array(env, argv[0], napi_int32_array, (void **)&desc, &ld) ||
      !get_array(env, argv[1], napi_float64_array, (void **)&rates, &lr) ||
      !get_count(env, argv[2], &optimizer) ||
      !get_array(env, argv[3], napi_float64_array, (void **)&hyper, &lh))
    return fail(env, "createNetwork: desc Int32Array, rates Float64Array, optimizer number, hyper Float64Array");
  if (ld % NET_DESC_INTS != 0 || lr != ld / NET_DESC_INTS || lh < 5 || optimizer > NET_NO_UPDATE)
    return fail(env, "createNetwork: desc needs 12 ints per layer, rates one per layer, hyper 5 values");
  const char *error = "out of memory";
  net_t *net = net_create(desc, (int)(ld / NET_DESC_INTS), rates, (int)optimizer, hyper, &error);
  if (!net) return fail(env, error);
  if (!net_set_threads(net, (int)threads)) {
    net_free(net);
    return fail(env, "createNetwork: cannot start the network's threads");
  }
  napi_value result;
  if (napi_create_external(env, net, finalize, NULL, &result) != napi_ok) {
    net_free(net);
    return fail(env, "createNetwork: cannot wrap the network");
  }
  return result;
}

// A network's count: networkParamCount(net) or networkThreads(net).
static napi_value count_of(napi_env env, napi_callback_info info, const char *usage,
                           double (*count)(const net_t *)) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  net_t *net = argc == 1 ? get_net(env, argv[0]) : NULL;
  if (!net) return fail(env, usage);
  napi_value result;
  napi_create_double(env, count(net), &result);
  return result;
}

static double params_of(const net_t *net) { return (double)net->param_count; }
static double threads_of(const net_t *net) { return (double)net_threads(net); }

static napi_value param_count(napi_env env, napi_callback_info info) {
  return count_of(env, info, "networkParamCount takes a network", params_of);
}

static napi_value network_threads(napi_env env, napi_callback_info info) {
  return count_of(env, info, "networkThreads takes a network", threads_of);
}

static int dropout_layers(const net_t *net) {
  int count = 0;
  for (int i = 0; i < net->n; i++)
    if (net->layers[i].kind == NET_DROPOUT) count++;
  return count;
}

// Checks images/labels/order cover examples [from, from + size) (through order when given).
static const char *check_examples(const net_t *net, size_t images, size_t labels,
                                  const uint32_t *order, size_t order_length, size_t from,
                                  size_t size) {
  const size_t n = net->layers[0].in_size;
  const size_t count = images / n;
  if (labels < count) return "labels: fewer than images";
  if (order) {
    if (from + size > order_length) return "order: shorter than from + size";
    for (size_t k = from; k < from + size; k++)
      if (order[k] >= count) return "order: an index beyond the images";
  } else if (from + size > count) {
    return "images: fewer than from + size";
  }
  return NULL;
}

// Shared by trainBatch (update) and networkGradients (gradOut, no update).
static napi_value run_step(napi_env env, napi_callback_info info, bool gradients) {
  size_t argc = 12;
  napi_value argv[12];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 12)
    return fail(env, "trainBatch takes net, params, slots, powers, images, labels, order, from, size, lr, dropoutStates, result/gradOut");
  net_t *net = get_net(env, argv[0]);
  if (!net) return fail(env, "trainBatch: the first argument must be a network");
  float *params, *slots, *grad_out = NULL;
  double *powers;
  uint8_t *images, *labels;
  uint32_t *order;
  double *states, *result, lr;
  size_t lp, ls, lpw, li, ll, lo, lst, lres, from, size;
  if (!get_array(env, argv[1], napi_float32_array, (void **)&params, &lp) ||
      !get_optional(env, argv[2], napi_float32_array, (void **)&slots, &ls) ||
      !get_optional(env, argv[3], napi_float64_array, (void **)&powers, &lpw) ||
      !get_array(env, argv[4], napi_uint8_array, (void **)&images, &li) ||
      !get_array(env, argv[5], napi_uint8_array, (void **)&labels, &ll) ||
      !get_optional(env, argv[6], napi_uint32_array, (void **)&order, &lo) ||
      !get_count(env, argv[7], &from) || !get_count(env, argv[8], &size) ||
      napi_get_value_double(env, argv[9], &lr) != napi_ok ||
      !get_array(env, argv[10], napi_float64_array, (void **)&states, &lst))
    return fail(env, "trainBatch: params Float32Array, slots Float32Array or null, powers Float64Array or null, images/labels Uint8Array, order Uint32Array or null, from/size counts, lr number, dropoutStates Float64Array");
  if (gradients) {
    size_t lg;
    if (!get_array(env, argv[11], napi_float32_array, (void **)&grad_out, &lg) || lg < net->param_count)
      return fail(env, "networkGradients: gradOut must be a Float32Array of networkParamCount values");
    result = NULL;
  }
  double gradient_result[2];
  if (!gradients) {
    if (!get_array(env, argv[11], napi_float64_array, (void **)&result, &lres) || lres < 2)
      return fail(env, "trainBatch: result must be a Float64Array of 2");
  } else {
    result = gradient_result;
  }
  if (lp < net->param_count) return fail(env, "trainBatch: params shorter than networkParamCount");
  int opt = net->optimizer;
  size_t slots_needed = opt == NET_SGD || opt == NET_NO_UPDATE ? 0
                        : opt == NET_ADAM || opt == NET_RMSPROP_MOMENTUM ? 2 * net->param_count
                                                                         : net->param_count;
  if (!gradients && ls < slots_needed) return fail(env, "trainBatch: slots shorter than the optimizer needs");
  if (!gradients && opt == NET_ADAM && lpw < 2) return fail(env, "trainBatch: Adam needs powers [beta1^t, beta2^t]");
  if (lst < 4 * (size_t)dropout_layers(net)) return fail(env, "trainBatch: 4 dropout state values per dropout layer");
  if (size < 1 || size > 1000000) return fail(env, "trainBatch: size must be 1 or more");
  const char *bad = check_examples(net, li, ll, order, lo, from, size);
  if (bad) return fail(env, bad);
  if (!net_train(net, params, slots, powers, images, labels, order, from, (int)size, lr, states,
                 grad_out, result))
    return fail(env, "trainBatch: out of memory");
  if (gradients) {
    napi_value out;
    napi_create_double(env, gradient_result[0], &out);
    return out;
  }
  return NULL;
}

static napi_value train_batch(napi_env env, napi_callback_info info) {
  return run_step(env, info, false);
}

static napi_value network_gradients(napi_env env, napi_callback_info info) {
  return run_step(env, info, true);
}

// evaluateNetwork(net, params, images, labels, start, count, chunk, probabilities|null, result)
static napi_value evaluate_network(napi_env env, napi_callback_info info) {
  size_t argc = 9;
  napi_value argv[9];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 9)
    return fail(env, "evaluateNetwork takes net, params, images, labels, start, count, chunk, probabilities, result");
  net_t *net = get_net(env, argv[0]);
  if (!net) return fail(env, "evaluateNetwork: the first argument must be a network");
  float *params, *probs;
  uint8_t *images, *labels;
  double *result;
  size_t lp, li, ll, lpr, lres, start, count, chunk;
  if (!get_array(env, argv[1], napi_float32_array, (void **)&params, &lp) ||
      !get_array(env, argv[2], napi_uint8_array, (void **)&images, &li) ||
      !get_array(env, argv[3], napi_uint8_array, (void **)&labels, &ll) ||
      !get_count(env, argv[4], &start) || !get_count(env, argv[5], &count) ||
      !get_count(env, argv[6], &chunk) ||
      !get_optional(env, argv[7], napi_float32_array, (void **)&probs, &lpr) ||
      !get_array(env, argv[8], napi_float64_array, (void **)&result, &lres) || lres < 2)
    return fail(env, "evaluateNetwork: params Float32Array, images/labels Uint8Array, start/count/chunk counts, probabilities Float32Array or null, result Float64Array(2)");
  if (lp < net->param_count) return fail(env, "evaluateNetwork: params shorter than networkParamCount");
  const char *bad = check_examples(net, li, ll, NULL, 0, start, count);
  if (bad) return fail(env, bad);
  const size_t classes = net->layers[net->n - 1].out_size;
  if (probs && lpr < count * classes) return fail(env, "evaluateNetwork: probabilities shorter than count × classes");
  if (chunk < 1 || chunk > 100000) return fail(env, "evaluateNetwork: chunk from 1 to 100000");
  if (!net_evaluate(net, params, images, labels, start, count, (int)chunk, probs, result))
    return fail(env, "evaluateNetwork: out of memory");
  return NULL;
}

static void export_function(napi_env env, napi_value exports, const char *name, napi_callback fn) {
  napi_value value;
  napi_create_function(env, name, NAPI_AUTO_LENGTH, fn, NULL, &value);
  napi_set_named_property(env, exports, name, value);
}

void register_network(napi_env env, napi_value exports) {
  export_function(env, exports, "createNetwork", create_network);
  export_function(env, exports, "networkParamCount", param_count);
  export_function(env, exports, "networkThreads", network_threads);
  export_function(env, exports, "trainBatch", train_batch);
  export_function(env, exports, "networkGradients", network_gradients);
  export_function(env, exports, "evaluateNetwork", evaluate_network);
}
