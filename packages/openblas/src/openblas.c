// OpenBLAS's single-precision matrix product for Node, over Node-API: c = op(a) · op(b), row-major,
// on Float32Arrays read and written in place (views of WebAssembly memory included).
#include <cblas.h>
#include <node_api.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "pool.h"

// OpenBLAS's own entry points (declared by its cblas.h, but not by every cblas.h).
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
char *openblas_get_config(void);

static napi_value fail(napi_env env, const char *message) {
  napi_throw_range_error(env, NULL, message);
  return NULL;
}

static bool get_f32(napi_env env, napi_value value, float **data, size_t *length) {
  bool is_typed_array = false;
  napi_typedarray_type type;
  napi_value buffer;
  size_t offset;
  if (napi_is_typedarray(env, value, &is_typed_array) != napi_ok || !is_typed_array) return false;
  if (napi_get_typedarray_info(env, value, &type, length, (void **)data, &buffer, &offset) != napi_ok)
    return false;
  return type == napi_float32_array;
}

// A whole number from 0 to 2^31 - 1 (what BLAS's int sizes hold); anything else is refused.
static bool get_size(napi_env env, napi_value value, int32_t *out) {
  double number;
  if (napi_get_value_double(env, value, &number) != napi_ok) return false;
  if (!(number >= 0 && number <= 2147483647.0) || number != (double)(int32_t)number) return false;
  *out = (int32_t)number;
  return true;
}

// sgemm(transposeA, transposeB, m, n, k, a, b, c[, beta]):
// c (m×n) = op(a) (m×k) · op(b) (k×n) + beta · c, beta 0 (c overwritten) unless given.
static napi_value sgemm(napi_env env, napi_callback_info info) {
  size_t argc = 9;
  napi_value argv[9];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 8 || argc > 9)
    return fail(env, "sgemm takes 8 or 9 arguments: transposeA, transposeB, m, n, k, a, b, c, beta?");
  bool ta, tb;
  int32_t m, n, k;
  if (napi_get_value_bool(env, argv[0], &ta) != napi_ok || napi_get_value_bool(env, argv[1], &tb) != napi_ok)
    return fail(env, "sgemm: transposeA and transposeB must be booleans");
  if (!get_size(env, argv[2], &m) || !get_size(env, argv[3], &n) || !get_size(env, argv[4], &k))
    return fail(env, "sgemm: m, n and k must be whole numbers, 0 or more");
  float *a, *b, *c;
  size_t la, lb, lc;
  if (!get_f32(env, argv[5], &a, &la) || !get_f32(env, argv[6], &b, &lb) || !get_f32(env, argv[7], &c, &lc))
    return fail(env, "sgemm: a, b and c must be Float32Arrays");
  if (la < (size_t)m * k || lb < (size_t)k * n || lc < (size_t)m * n)
    return fail(env, "sgemm: a needs m*k values, b k*n and c m*n");
  double beta = 0;
  napi_valuetype beta_type = napi_undefined;
  if (argc == 9) napi_typeof(env, argv[8], &beta_type);
  if (beta_type != napi_undefined && napi_get_value_double(env, argv[8], &beta) != napi_ok)
    return fail(env, "sgemm: beta must be a number");
  if (m == 0 || n == 0) return NULL;
  if (k == 0) {  // an empty sum: beta · c (with beta 0, zeros whatever c held)
    for (size_t i = 0; i < (size_t)m * n; i++) c[i] = beta == 0 ? 0.0f : (float)beta * c[i];
    return NULL;
  }
  cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, m, n, k,
              1.0f, a, ta ? m : k, b, tb ? k : n, (float)beta, c, n);
  return NULL;
}

// A product split by rows (op(a)'s) over a pool of `threads`, as the fused step splits its own:
// each part a single-threaded OpenBLAS call. For timing the step's products on its threads.
typedef struct {
  bool ta, tb;
  int32_t m, n, k;
  const float *a, *b;
  float *c;
  float beta;
} split_product;

static void split_task(void *context, int chunk, int chunks) {
  const split_product *p = context;
  const int32_t m0 = (int32_t)((int64_t)p->m * chunk / chunks);
  const int32_t m1 = (int32_t)((int64_t)p->m * (chunk + 1) / chunks);
  if (m1 <= m0) return;
  // Rows m0… of op(a): a's rows (stored m×k) or its columns (stored k×m, transposed).
  const float *a = p->ta ? p->a + m0 : p->a + (size_t)m0 * p->k;
  cblas_sgemm(CblasRowMajor, p->ta ? CblasTrans : CblasNoTrans, p->tb ? CblasTrans : CblasNoTrans,
              m1 - m0, p->n, p->k, 1.0f, a, p->ta ? p->m : p->k, p->b, p->tb ? p->k : p->n,
              p->beta, p->c + (size_t)m0 * p->n, p->n);
}

static pool_t *split_pool;

// sgemmSplit(threads, transposeA, transposeB, m, n, k, a, b, c): sgemm's c = op(a)·op(b), its rows
// split over `threads` threads of a pool kept for the next call, OpenBLAS on one thread in each.
static napi_value sgemm_split(napi_env env, napi_callback_info info) {
  size_t argc = 9;
  napi_value argv[9];
  int32_t threads;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 9 ||
      !get_size(env, argv[0], &threads) || threads < 1 || threads > 64)
    return fail(env, "sgemmSplit takes threads (1 to 64), transposeA, transposeB, m, n, k, a, b, c");
  split_product p = {0};
  if (napi_get_value_bool(env, argv[1], &p.ta) != napi_ok ||
      napi_get_value_bool(env, argv[2], &p.tb) != napi_ok)
    return fail(env, "sgemmSplit: transposeA and transposeB must be booleans");
  if (!get_size(env, argv[3], &p.m) || !get_size(env, argv[4], &p.n) || !get_size(env, argv[5], &p.k))
    return fail(env, "sgemmSplit: m, n and k must be whole numbers, 0 or more");
  float *a, *b, *c;
  size_t la, lb, lc;
  if (!get_f32(env, argv[6], &a, &la) || !get_f32(env, argv[7], &b, &lb) || !get_f32(env, argv[8], &c, &lc))
    return fail(env, "sgemmSplit: a, b and c must be Float32Arrays");
  if (la < (size_t)p.m * p.k || lb < (size_t)p.k * p.n || lc < (size_t)p.m * p.n)
    return fail(env, "sgemmSplit: a needs m*k values, b k*n and c m*n");
  if (p.m == 0 || p.n == 0 || p.k == 0) {
    for (size_t i = 0; i < (size_t)p.m * p.n; i++) c[i] = 0.0f;
    return NULL;
  }
  p.a = a, p.b = b, p.c = c;
  if (pool_threads(split_pool) != threads) {
    pool_free(split_pool);
    split_pool = threads > 1 ? pool_create(threads) : NULL;
    if (threads > 1 && !split_pool) return fail(env, "sgemmSplit: cannot start the threads");
  }
  const int saved = openblas_get_num_threads();
  if (saved != 1) openblas_set_num_threads(1);
  pool_run(split_pool, split_task, &p, threads);
  if (saved != 1) openblas_set_num_threads(saved);
  return NULL;
}

static napi_value set_threads(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int32_t threads;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 1 ||
      !get_size(env, argv[0], &threads) || threads < 1)
    return fail(env, "setThreads takes one whole number, 1 or more");
  openblas_set_num_threads(threads);
  return NULL;
}

static napi_value config(napi_env env, napi_callback_info info) {
  napi_value result;
  napi_create_string_utf8(env, openblas_get_config(), NAPI_AUTO_LENGTH, &result);
  return result;
}

static void export_function(napi_env env, napi_value exports, const char *name, napi_callback fn) {
  napi_value value;
  napi_create_function(env, name, NAPI_AUTO_LENGTH, fn, NULL, &value);
  napi_set_named_property(env, exports, name, value);
}

void register_network(napi_env env, napi_value exports);

NAPI_MODULE_INIT() {
  register_network(env, exports);
  export_function(env, exports, "sgemm", sgemm);
  export_function(env, exports, "sgemmSplit", sgemm_split);
  export_function(env, exports, "setThreads", set_threads);
  export_function(env, exports, "config", config);
  return exports;
}
