// OpenBLAS's single-precision matrix product for Node, over Node-API: c = op(a) · op(b), row-major,
// on Float32Arrays read and written in place (views of WebAssembly memory included).
#include <cblas.h>
#include <node_api.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

// OpenBLAS's own entry points (declared by its cblas.h, but not by every cblas.h).
void openblas_set_num_threads(int num_threads);
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
  export_function(env, exports, "setThreads", set_threads);
  export_function(env, exports, "config", config);
  return exports;
}
