// The cnn preset's two convolutions, forward and backward, timed our way (im2col a few images at a
// time + OpenBLAS sgemm, as packages/openblas/src/network.c runs them) against oneDNN 2.6's
// convolution primitives (plain NHWC, and `format_tag::any` — blocked layouts — with and without the
// reorders from and to NHWC/HWIO a step would need), alternating, checking that they agree.
// Not built by anything: apt-get install libdnnl-dev, then
//   g++ -O3 -mavx2 -mfma -ffp-contract=off -fno-math-errno -o /tmp/onednn-conv onednn-conv.cpp \
//     -I/usr/include/x86_64-linux-gnu -ldnnl -lopenblas -lgomp -lpthread
//   /tmp/onednn-conv [rounds 20] [reps 5] [max threads 2] [min threads 1]
// (DNNL_MAX_CPU_ISA=AVX2 OPENBLAS_CORETYPE=Zen for an AVX2-only machine.) See the README's
// "Why OpenBLAS for the products".
#include <cblas.h>
#include <omp.h>
#include <pthread.h>
#include <time.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <algorithm>
#include <functional>
#include <string>
#include <vector>
#include <oneapi/dnnl/dnnl.hpp>
#include <oneapi/dnnl/dnnl_debug.h>
using namespace dnnl;
typedef memory::format_tag tag;
typedef memory::data_type dt;

#define CONV_BLOCK 4
struct L_t { const char *name; int ih, iw, ic, oc, kh, kw, pt, pl, oh, ow; int first; size_t in_size, out_size; };

static double now_wall() { timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e3 + t.tv_nsec * 1e-6; }
static int cpu_clock = CLOCK_THREAD_CPUTIME_ID;
static double now_cpu() { timespec t; clock_gettime(cpu_clock, &t); return t.tv_sec * 1e3 + t.tv_nsec * 1e-6; }

// ---- our way (copied in spirit from network.c) ----
static void im2col(const L_t *L, const float *x, float *col, int b0, int b1) {
  const int K = L->kh * L->kw * L->ic; const size_t c = (size_t)L->ic;
  for (int b = b0; b < b1; b++) {
    const float *xb = x + (size_t)b * L->in_size;
    for (int y = 0; y < L->oh; y++) for (int xo = 0; xo < L->ow; xo++) {
      float *row = col + (((size_t)b * L->oh + y) * L->ow + xo) * K;
      for (int ky = 0; ky < L->kh; ky++) { int iy = y + ky - L->pt;
        for (int kx = 0; kx < L->kw; kx++) { int ix = xo + kx - L->pl;
          float *dst = row + ((size_t)ky * L->kw + kx) * c;
          if (iy < 0 || iy >= L->ih || ix < 0 || ix >= L->iw) { for (size_t k = 0; k < c; k++) dst[k] = 0.0f; }
          else { const float *src = xb + ((size_t)iy * L->iw + ix) * c; for (size_t k = 0; k < c; k++) dst[k] = src[k]; }
        } }
    }
  }
}
static void col2im(const L_t *L, const float *col, float *dx, int b0, int b1) {
  const int K = L->kh * L->kw * L->ic; const size_t c = (size_t)L->ic;
  memset(dx + (size_t)b0 * L->in_size, 0, (size_t)(b1 - b0) * L->in_size * sizeof(float));
  for (int b = b0; b < b1; b++) {
    float *db = dx + (size_t)b * L->in_size;
    for (int y = 0; y < L->oh; y++) for (int xo = 0; xo < L->ow; xo++) {
      const float *row = col + (((size_t)b * L->oh + y) * L->ow + xo) * K;
      for (int ky = 0; ky < L->kh; ky++) { int iy = y + ky - L->pt; if (iy < 0 || iy >= L->ih) continue;
        for (int kx = 0; kx < L->kw; kx++) { int ix = xo + kx - L->pl; if (ix < 0 || ix >= L->iw) continue;
          const float *src = row + ((size_t)ky * L->kw + kx) * c;
          float *dst = db + ((size_t)iy * L->iw + ix) * c;
          for (size_t k = 0; k < c; k++) dst[k] += src[k];
        } }
    }
  }
}
static void bias_relu(float *__restrict o, const float *__restrict b, size_t rows, size_t n) {
  for (size_t r = 0; r < rows; r++) { float *p = o + r * n; for (size_t j = 0; j < n; j++) { float v = p[j] + b[j]; p[j] = v > 0.0f ? v : (v != v ? v : 0.0f); } }
}
static void column_sums(const float *__restrict dz, float *__restrict out, size_t rows, size_t n, size_t c0, size_t c1) {
  for (size_t j = c0; j < c1; j++) out[j] = 0.0f;
  for (size_t r = 0; r < rows; r++) { const float *p = dz + r * n; for (size_t j = c0; j < c1; j++) out[j] += p[j]; }
}
static size_t split(size_t count, int part, int parts) {  // as network.c
  if (part >= parts) return count;
  size_t at = (count * (size_t)part / (size_t)parts + 8) & ~(size_t)15;
  return at < count ? at : count;
}

struct Ours { const L_t *L; int B; float *x, *W, *bias, *dz, *out, *col, *dcol, *dx, *dW, *db; };
static void ours_fwd(Ours *o, int b0, int b1) {
  const L_t *L = o->L; const int K = L->kh * L->kw * L->ic;
  for (int c0 = b0; c0 < b1; c0 += CONV_BLOCK) {
    const int c1 = c0 + CONV_BLOCK < b1 ? c0 + CONV_BLOCK : b1;
    const size_t first = (size_t)c0 * L->oh * L->ow; const int pixels = (c1 - c0) * L->oh * L->ow;
    im2col(L, o->x, o->col, c0, c1);
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, pixels, L->oc, K, 1.0f, o->col + first * K, K, o->W, L->oc, 0.0f, o->out + first * L->oc, L->oc);
    bias_relu(o->out + first * L->oc, o->bias, (size_t)pixels, (size_t)L->oc);
  }
}
static void ours_bwd_data(Ours *o, int b0, int b1) {
  const L_t *L = o->L; const int K = L->kh * L->kw * L->ic;
  for (int c0 = b0; c0 < b1; c0 += CONV_BLOCK) {
    const int c1 = c0 + CONV_BLOCK < b1 ? c0 + CONV_BLOCK : b1;
    const size_t first = (size_t)c0 * L->oh * L->ow;
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (c1 - c0) * L->oh * L->ow, K, L->oc, 1.0f, o->dz + first * L->oc, L->oc, o->W, L->oc, 0.0f, o->dcol + first * K, K);
    col2im(L, o->dcol, o->dx, c0, c1);
  }
}
static void ours_bwd_w(Ours *o, int chunk, int chunks) {
  const L_t *L = o->L; const int M = L->kh * L->kw * L->ic, N = L->oc, rows = o->B * L->oh * L->ow;
  if (M >= N) { int m0 = (int)split(M, chunk, chunks), m1 = (int)split(M, chunk + 1, chunks);
    if (m1 > m0) cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, m1 - m0, N, rows, 1.0f, o->col + m0, M, o->dz, N, 0.0f, o->dW + (size_t)m0 * N, N);
  } else { int n0 = (int)split(N, chunk, chunks), n1 = (int)split(N, chunk + 1, chunks);
    if (n1 > n0) cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, M, n1 - n0, rows, 1.0f, o->col, M, o->dz + n0, N, 0.0f, o->dW + n0, N);
  }
  size_t c0 = split(N, chunk, chunks), c1 = split(N, chunk + 1, chunks);
  if (c1 > c0) column_sums(o->dz, o->db, (size_t)rows, (size_t)N, c0, c1);
}
// phase 0 fwd, 1 bwd data, 2 bwd weights; chunk of chunks
static void ours_phase(Ours *o, int phase, int chunk, int chunks) {
  if (phase == 2) { ours_bwd_w(o, chunk, chunks); return; }
  int b0 = (int)split(o->B, chunk, chunks), b1 = (int)split(o->B, chunk + 1, chunks);
  if (phase == 0) ours_fwd(o, b0, b1); else ours_bwd_data(o, b0, b1);
}
// 2-thread helper: a persistent worker, barrier-synchronised.
static pthread_barrier_t bar; static Ours *task_o; static int task_phase, quit_worker;
static void *worker(void *) { for (;;) { pthread_barrier_wait(&bar); if (quit_worker) break; ours_phase(task_o, task_phase, 1, 2); pthread_barrier_wait(&bar); } return NULL; }
static void ours_run(Ours *o, int phase, int threads) {
  if (threads == 1) { ours_phase(o, phase, 0, 1); return; }
  task_o = o; task_phase = phase; pthread_barrier_wait(&bar); ours_phase(o, phase, 0, 2); pthread_barrier_wait(&bar);
}

static float *alloc(size_t n) { float *p = (float *)aligned_alloc(64, ((n * 4 + 63) / 64) * 64); memset(p, 0, n * 4); return p; }
static void fill(float *p, size_t n, float lo, float hi, unsigned *s) { for (size_t i = 0; i < n; i++) { *s = *s * 1664525u + 1013904223u; p[i] = lo + (hi - lo) * ((*s >> 8) / 16777216.0f); } }
static void maxdiff(const char *what, const float *a, const float *b, size_t n) {
  double md = 0, mx = 0; for (size_t i = 0; i < n; i++) { md = std::max(md, (double)fabsf(a[i] - b[i])); mx = std::max(mx, (double)fabsf(a[i])); }
  printf("    %-28s max|diff| %.3g  max|ref| %.3g  rel %.3g\n", what, md, mx, md / mx);
}
static std::string fmt(const memory::desc &md) {  // "dims-order by stride" + inner blocks, e.g. ABcd8b8a
  const dnnl_memory_desc_t &d = md.data; if (d.format_kind != dnnl_blocked) return "non-blocked";
  const dnnl_blocking_desc_t &bk = d.format_desc.blocking; int n = d.ndims; int idx[12];
  for (int i = 0; i < n; i++) idx[i] = i;
  std::stable_sort(idx, idx + n, [&](int a, int b) { return bk.strides[a] > bk.strides[b]; });
  bool blocked[12] = {0}; for (int i = 0; i < bk.inner_nblks; i++) blocked[bk.inner_idxs[i]] = 1;
  std::string r; for (int i = 0; i < n; i++) r += (char)((blocked[idx[i]] ? 'A' : 'a') + idx[i]);
  for (int i = 0; i < bk.inner_nblks; i++) r += std::to_string(bk.inner_blks[i]) + (char)('a' + bk.inner_idxs[i]);
  return r; }
static double median(std::vector<double> v) { std::sort(v.begin(), v.end()); size_t n = v.size(); return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]); }

struct Timer { std::string name; std::function<void()> f; std::vector<double> wall, cpu; };

static void bench(const L_t *L, int B, int threads, int rounds, int reps) {
  printf("\n=== %s batch %d threads %d ===\n", L->name, B, threads);
  omp_set_num_threads(threads); openblas_set_num_threads(1);
  cpu_clock = threads == 1 ? CLOCK_THREAD_CPUTIME_ID : CLOCK_PROCESS_CPUTIME_ID;
  const int K = L->kh * L->kw * L->ic; const size_t P = (size_t)L->oh * L->ow;
  unsigned seed = 12345;
  Ours o; o.L = L; o.B = B;
  o.x = alloc(B * L->in_size); o.W = alloc((size_t)K * L->oc); o.bias = alloc(L->oc); o.dz = alloc(B * L->out_size);
  o.out = alloc(B * L->out_size); o.col = alloc(B * P * K); o.dcol = alloc(B * P * K); o.dx = alloc(B * L->in_size);
  o.dW = alloc((size_t)K * L->oc); o.db = alloc(L->oc);
  fill(o.x, B * L->in_size, 0, 1, &seed); fill(o.W, (size_t)K * L->oc, -0.2f, 0.2f, &seed); fill(o.bias, L->oc, -0.1f, 0.1f, &seed);
  fill(o.dz, B * L->out_size, -0.01f, 0.01f, &seed);
  for (size_t i = 0; i < B * L->out_size; i += 2) o.dz[i] = 0; // some relu zeros

  engine eng(engine::kind::cpu, 0); stream s(eng);
  memory::dims src_d = {B, L->ic, L->ih, L->iw}, w_d = {L->oc, L->ic, L->kh, L->kw}, b_d = {L->oc}, dst_d = {B, L->oc, L->oh, L->ow};
  memory::dims strides = {1, 1}, pad_l = {L->pt, L->pl}, pad_r = {(L->oh - 1) + L->kh - L->ih - L->pt, (L->ow - 1) + L->kw - L->iw - L->pl};
  memory::desc src_n(src_d, dt::f32, tag::nhwc), w_n(w_d, dt::f32, tag::hwio), b_n(b_d, dt::f32, tag::x), dst_n(dst_d, dt::f32, tag::nhwc);
  memory::desc src_a(src_d, dt::f32, tag::any), w_a(w_d, dt::f32, tag::any), dst_a(dst_d, dt::f32, tag::any);
  post_ops po; po.append_eltwise(1.0f, algorithm::eltwise_relu, 0.f, 0.f); primitive_attr attr; attr.set_post_ops(po);

  // user (NHWC/HWIO) memories; oneDNN nhwc outputs separate from ours
  memory m_x(src_n, eng, o.x), m_W(w_n, eng, o.W), m_b(b_n, eng, o.bias), m_dz(dst_n, eng, o.dz);
  float *n_out = alloc(B * L->out_size), *n_dx = alloc(B * L->in_size), *n_dW = alloc((size_t)K * L->oc), *n_db = alloc(L->oc);
  float *a_out = alloc(B * L->out_size), *a_dx = alloc(B * L->in_size), *a_dW = alloc((size_t)K * L->oc), *a_db = alloc(L->oc);
  memory m_nout(dst_n, eng, n_out), m_ndx(src_n, eng, n_dx), m_ndW(w_n, eng, n_dW), m_ndb(b_n, eng, n_db);
  memory m_aout(dst_n, eng, a_out), m_adx(src_n, eng, a_dx), m_adW(w_n, eng, a_dW), m_adb(b_n, eng, a_db);

  std::vector<Timer> T;
  auto add = [&](const char *nm, std::function<void()> f) { T.push_back({nm, f, {}, {}}); };
  const char *ph[3] = {"fwd", "bwd_data", "bwd_w"};
  add("ours fwd", [&] { ours_run(&o, 0, threads); });
  if (!L->first) add("ours bwd_data", [&] { ours_run(&o, 1, threads); });
  add("ours bwd_w", [&] { ours_run(&o, 2, threads); });

  // --- oneDNN nhwc ---
  auto fd_n = convolution_forward::desc(prop_kind::forward_training, algorithm::convolution_direct, src_n, w_n, b_n, dst_n, strides, pad_l, pad_r);
  auto fpd_n = convolution_forward::primitive_desc(fd_n, attr, eng);
  auto fp_n = convolution_forward(fpd_n);
  printf("  nhwc fwd impl: %s\n", fpd_n.impl_info_str());
  add("nhwc fwd", [&] { fp_n.execute(s, {{DNNL_ARG_SRC, m_x}, {DNNL_ARG_WEIGHTS, m_W}, {DNNL_ARG_BIAS, m_b}, {DNNL_ARG_DST, m_nout}}); s.wait(); });
  convolution_backward_data bdp_n; 
  if (!L->first) {
    auto bd = convolution_backward_data::desc(algorithm::convolution_direct, src_n, w_n, dst_n, strides, pad_l, pad_r);
    auto bpd = convolution_backward_data::primitive_desc(bd, eng, fpd_n);
    printf("  nhwc bwd_data impl: %s\n", bpd.impl_info_str());
    bdp_n = convolution_backward_data(bpd);
    add("nhwc bwd_data", [&] { bdp_n.execute(s, {{DNNL_ARG_DIFF_DST, m_dz}, {DNNL_ARG_WEIGHTS, m_W}, {DNNL_ARG_DIFF_SRC, m_ndx}}); s.wait(); });
  }
  auto bw_n = convolution_backward_weights::desc(algorithm::convolution_direct, src_n, w_n, b_n, dst_n, strides, pad_l, pad_r);
  auto bwpd_n = convolution_backward_weights::primitive_desc(bw_n, eng, fpd_n);
  printf("  nhwc bwd_w impl: %s\n", bwpd_n.impl_info_str());
  auto bwp_n = convolution_backward_weights(bwpd_n);
  add("nhwc bwd_w", [&] { bwp_n.execute(s, {{DNNL_ARG_SRC, m_x}, {DNNL_ARG_DIFF_DST, m_dz}, {DNNL_ARG_DIFF_WEIGHTS, m_ndW}, {DNNL_ARG_DIFF_BIAS, m_ndb}}); s.wait(); });

  // --- oneDNN any ---
  auto fd_a = convolution_forward::desc(prop_kind::forward_training, algorithm::convolution_direct, src_a, w_a, b_n, dst_a, strides, pad_l, pad_r);
  auto fpd_a = convolution_forward::primitive_desc(fd_a, attr, eng);
  auto fp_a = convolution_forward(fpd_a);
  printf("  any fwd impl: %s  src %s  w %s  dst %s\n", fpd_a.impl_info_str(), fmt(fpd_a.src_desc()).c_str(), fmt(fpd_a.weights_desc()).c_str(), fmt(fpd_a.dst_desc()).c_str());
  // memories in chosen formats
  memory f_src(fpd_a.src_desc(), eng), f_w(fpd_a.weights_desc(), eng), f_dst(fpd_a.dst_desc(), eng);
  bool r_fsrc = fpd_a.src_desc() != src_n, r_fw = fpd_a.weights_desc() != w_n, r_fdst = fpd_a.dst_desc() != dst_n;
  reorder ro_fsrc, ro_fw, ro_fdst;
  if (r_fsrc) ro_fsrc = reorder(m_x, f_src); if (r_fw) ro_fw = reorder(m_W, f_w); if (r_fdst) ro_fdst = reorder(f_dst, m_aout);
  memory fs = r_fsrc ? f_src : m_x, fw = r_fw ? f_w : m_W, fdst = r_fdst ? f_dst : m_aout;
  auto fwd_in = [&] { if (r_fsrc) ro_fsrc.execute(s, m_x, f_src); if (r_fw) ro_fw.execute(s, m_W, f_w); };
  auto fwd_prim = [&] { fp_a.execute(s, {{DNNL_ARG_SRC, fs}, {DNNL_ARG_WEIGHTS, fw}, {DNNL_ARG_BIAS, m_b}, {DNNL_ARG_DST, fdst}}); };
  auto fwd_out = [&] { if (r_fdst) ro_fdst.execute(s, f_dst, m_aout); };
  printf("    fwd reorders per step: src %d w %d dst %d\n", r_fsrc, r_fw, r_fdst);
  add("any fwd", [&] { fwd_prim(); s.wait(); });
  add("any+reo fwd", [&] { fwd_in(); fwd_prim(); fwd_out(); s.wait(); });
  // bwd data
  convolution_backward_data bdp_a; memory d_ddst, d_w, d_dsrc; bool r_dddst = false, r_dw = false, r_ddsrc = false; reorder ro_dddst, ro_dw, ro_ddsrc;
  memory dd, dw, dsrc;
  if (!L->first) {
    auto bd = convolution_backward_data::desc(algorithm::convolution_direct, src_a, w_a, dst_a, strides, pad_l, pad_r);
    auto bpd = convolution_backward_data::primitive_desc(bd, eng, fpd_a);
    bdp_a = convolution_backward_data(bpd);
    printf("  any bwd_data impl: %s  diff_src %s  w %s  diff_dst %s\n", bpd.impl_info_str(), fmt(bpd.diff_src_desc()).c_str(), fmt(bpd.weights_desc()).c_str(), fmt(bpd.diff_dst_desc()).c_str());
    d_ddst = memory(bpd.diff_dst_desc(), eng); d_dsrc = memory(bpd.diff_src_desc(), eng);
    r_dddst = bpd.diff_dst_desc() != dst_n; r_ddsrc = bpd.diff_src_desc() != src_n;
    bool same_w = bpd.weights_desc() == fpd_a.weights_desc();
    r_dw = !same_w && bpd.weights_desc() != w_n; // reuse forward's reordered weights when same format
    if (r_dw) { d_w = memory(bpd.weights_desc(), eng); ro_dw = reorder(m_W, d_w); }
    if (r_dddst) ro_dddst = reorder(m_dz, d_ddst); if (r_ddsrc) ro_ddsrc = reorder(d_dsrc, m_adx);
    dd = r_dddst ? d_ddst : m_dz; dsrc = r_ddsrc ? d_dsrc : m_adx; dw = r_dw ? d_w : (same_w ? fw : m_W);
    printf("    bwd_data reorders per step: diff_dst %d w %d (same as fwd w: %d, reused) diff_src %d\n", r_dddst, r_dw, same_w, r_ddsrc);
    add("any bwd_data", [&] { bdp_a.execute(s, {{DNNL_ARG_DIFF_DST, dd}, {DNNL_ARG_WEIGHTS, dw}, {DNNL_ARG_DIFF_SRC, dsrc}}); s.wait(); });
    add("any+reo bwd_data", [&] { if (r_dddst) ro_dddst.execute(s, m_dz, d_ddst); if (r_dw) ro_dw.execute(s, m_W, d_w);
      bdp_a.execute(s, {{DNNL_ARG_DIFF_DST, dd}, {DNNL_ARG_WEIGHTS, dw}, {DNNL_ARG_DIFF_SRC, dsrc}}); if (r_ddsrc) ro_ddsrc.execute(s, d_dsrc, m_adx); s.wait(); });
  }
  // bwd weights
  auto bw_a = convolution_backward_weights::desc(algorithm::convolution_direct, src_a, w_a, b_n, dst_a, strides, pad_l, pad_r);
  auto bwpd_a = convolution_backward_weights::primitive_desc(bw_a, eng, fpd_a);
  auto bwp_a = convolution_backward_weights(bwpd_a);
  printf("  any bwd_w impl: %s  src %s  diff_w %s  diff_dst %s\n", bwpd_a.impl_info_str(), fmt(bwpd_a.src_desc()).c_str(), fmt(bwpd_a.diff_weights_desc()).c_str(), fmt(bwpd_a.diff_dst_desc()).c_str());
  bool same_src = bwpd_a.src_desc() == fpd_a.src_desc();
  bool same_dd = !L->first && bwpd_a.diff_dst_desc() == d_ddst.get_desc() && r_dddst;
  bool r_wsrc = !same_src && bwpd_a.src_desc() != src_n;
  bool r_wdd = !same_dd && bwpd_a.diff_dst_desc() != dst_n;
  bool r_wdw = bwpd_a.diff_weights_desc() != w_n;
  memory w_src, w_dd, w_dw; reorder ro_wsrc, ro_wdd, ro_wdw;
  if (r_wsrc) { w_src = memory(bwpd_a.src_desc(), eng); ro_wsrc = reorder(m_x, w_src); }
  if (r_wdd) { w_dd = memory(bwpd_a.diff_dst_desc(), eng); ro_wdd = reorder(m_dz, w_dd); }
  if (r_wdw) { w_dw = memory(bwpd_a.diff_weights_desc(), eng); ro_wdw = reorder(w_dw, m_adW); }
  memory ws = r_wsrc ? w_src : (same_src ? fs : m_x), wdd = r_wdd ? w_dd : (same_dd ? d_ddst : m_dz), wdw = r_wdw ? w_dw : m_adW;
  printf("    bwd_w reorders per step: src %d (same as fwd src: %d, reused) diff_dst %d (same as bwd_data diff_dst: %d, reused) diff_w %d\n", r_wsrc, same_src, r_wdd, same_dd, r_wdw);
  add("any bwd_w", [&] { bwp_a.execute(s, {{DNNL_ARG_SRC, ws}, {DNNL_ARG_DIFF_DST, wdd}, {DNNL_ARG_DIFF_WEIGHTS, wdw}, {DNNL_ARG_DIFF_BIAS, m_adb}}); s.wait(); });
  add("any+reo bwd_w", [&] { if (r_wsrc) ro_wsrc.execute(s, m_x, w_src); if (r_wdd) ro_wdd.execute(s, m_dz, w_dd);
    bwp_a.execute(s, {{DNNL_ARG_SRC, ws}, {DNNL_ARG_DIFF_DST, wdd}, {DNNL_ARG_DIFF_WEIGHTS, wdw}, {DNNL_ARG_DIFF_BIAS, m_adb}}); if (r_wdw) ro_wdw.execute(s, w_dw, m_adW); s.wait(); });

  // correctness: run everything once in order (fwd before bwd_w for ours: col filled by fwd)
  for (auto &t : T) t.f();
  s.wait();
  printf("  correctness (ref = ours):\n");
  maxdiff("fwd nhwc", o.out, n_out, B * L->out_size); maxdiff("fwd any", o.out, a_out, B * L->out_size);
  if (!L->first) { maxdiff("bwd_data nhwc", o.dx, n_dx, B * L->in_size); maxdiff("bwd_data any", o.dx, a_dx, B * L->in_size); }
  maxdiff("diff_w nhwc", o.dW, n_dW, (size_t)K * L->oc); maxdiff("diff_w any", o.dW, a_dW, (size_t)K * L->oc);
  maxdiff("diff_b nhwc", o.db, n_db, L->oc); maxdiff("diff_b any", o.db, a_db, L->oc);

  for (int r = 0; r < rounds; r++) {
    // alternate order each round
    for (size_t k = 0; k < T.size(); k++) {
      Timer &t = T[r % 2 ? T.size() - 1 - k : k];
      for (int q = 0; q < reps; q++) { double w0 = now_wall(), c0 = now_cpu(); t.f(); double c1 = now_cpu(), w1 = now_wall(); t.wall.push_back(w1 - w0); t.cpu.push_back(c1 - c0); }
    }
  }
  printf("  %-20s %10s %10s   (ms, median of %d)\n", "", "wall", threads == 1 ? "thread-cpu" : "process-cpu", rounds * reps);
  for (auto &t : T) printf("  RES %s b%d t%d | %-18s %10.3f %10.3f\n", L->name, B, threads, t.name.c_str(), median(t.wall), median(t.cpu));
  (void)ph;
  free(o.x); free(o.W); free(o.bias); free(o.dz); free(o.out); free(o.col); free(o.dcol); free(o.dx); free(o.dW); free(o.db);
  free(n_out); free(n_dx); free(n_dW); free(n_db); free(a_out); free(a_dx); free(a_dW); free(a_db);
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 20, reps = argc > 2 ? atoi(argv[2]) : 5, maxthr = argc > 3 ? atoi(argv[3]) : 2;
  printf("oneDNN %d.%d.%d  openblas: %s\n", dnnl_version()->major, dnnl_version()->minor, dnnl_version()->patch, openblas_get_config());
  L_t c1 = {"conv1", 28, 28, 1, 32, 3, 3, 1, 1, 28, 28, 1, 28 * 28 * 1, 28 * 28 * 32};
  L_t c2 = {"conv2", 14, 14, 32, 64, 3, 3, 1, 1, 14, 14, 0, 14 * 14 * 32, 14 * 14 * 64};
  pthread_barrier_init(&bar, NULL, 2); pthread_t th; pthread_create(&th, NULL, worker, NULL);
  int minthr = argc > 4 ? atoi(argv[4]) : 1;
  for (int threads = minthr; threads <= maxthr; threads++)
    for (int B : {200, 64}) { bench(&c1, B, threads, rounds, reps); bench(&c2, B, threads, rounds, reps); }
  quit_worker = 1; pthread_barrier_wait(&bar); pthread_join(th, NULL);
  return 0;
}
