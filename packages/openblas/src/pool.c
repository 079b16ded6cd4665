// A pool of persistent threads that share out a task's chunks: the caller publishes the task,
// wakes the workers, and every thread — the caller too — claims chunks from one atomic cursor
// until none is left; the caller then waits only for chunks already claimed. So a worker the
// system has not scheduled yet (a busy machine) costs the task nothing but its share of chunks,
// where a fixed split would wait for it.
//
// Hand-offs spin for a short while before sleeping on a futex: the fused step hands work over
// three times a step (about a millisecond), where waking a sleeping thread would cost tens of
// microseconds, while an idle pool (between epochs, after training) sleeps instead of holding a
// core. Spinning yields the core every few microseconds, so that on a busy machine the thread
// being waited for (or another process) gets it.
#define _GNU_SOURCE
#include "pool.h"

#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

// How long a thread spins for a hand-off before it sleeps: longer than the JavaScript between
// two steps, short enough not to hold a core long after training stops.
#define SPIN_NS 200000

struct pool {
  int threads;
  pthread_t *workers;
  // The current task, written by the caller before it publishes the task's cursor.
  pool_task task;
  void *context;
  _Atomic uint32_t chunks;
  int exiting;
  _Atomic uint32_t generation;  // bumped once per task; idle workers sleep on it
  _Atomic uint64_t cursor;      // the current generation << 32 | the next unclaimed chunk
  _Atomic int32_t active;       // threads inside a claim; the caller sleeps on it
  _Atomic int sleeping;         // workers asleep on `generation`
  _Atomic int caller_sleeping;  // the caller asleep on `active`
};

static void futex_wait(void *word, uint32_t value) {
  syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, value, NULL, NULL, 0);
}

static void futex_wake(void *word, int count) {
  syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, count, NULL, NULL, 0);
}

static inline void relax(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

static int64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

// Spins while `*word` == `value`, for up to SPIN_NS; returns whether it changed.
static int spin_while_equal(_Atomic uint32_t *word, uint32_t value) {
  int64_t start = 0;
  for (unsigned i = 1;; i++) {
    if (atomic_load_explicit(word, memory_order_acquire) != value) return 1;
    relax();
    if ((i & 255) == 0) {
      int64_t t = now_ns();
      if (!start) start = t;
      else if (t - start > SPIN_NS) return 0;
      sched_yield();
    }
  }
}

static void leave(pool_t *pool) {
  if (atomic_fetch_sub(&pool->active, 1) == 1 && atomic_load(&pool->caller_sleeping))
    futex_wake(&pool->active, 1);
}

// Claims and runs chunks of generation `g`'s task until none is left (or the task is over).
// `active` is raised before each claim: once the caller sees it 0 with every chunk claimed, no
// thread can still be running one.
static void run_chunks(pool_t *pool, uint32_t g) {
  for (;;) {
    atomic_fetch_add(&pool->active, 1);
    uint64_t c = atomic_load_explicit(&pool->cursor, memory_order_acquire);
    int claimed = 0;
    const uint32_t chunks = atomic_load_explicit(&pool->chunks, memory_order_relaxed);
    while ((uint32_t)(c >> 32) == g && (uint32_t)c < chunks) {
      if (atomic_compare_exchange_weak(&pool->cursor, &c, c + 1)) {
        claimed = 1;
        break;
      }
    }
    if (!claimed) {
      leave(pool);
      return;
    }
    pool->task(pool->context, (int)(uint32_t)c, (int)chunks);
    leave(pool);
  }
}

typedef struct {
  pool_t *pool;
} worker_arg;

static void *work(void *raw) {
  pool_t *pool = ((worker_arg *)raw)->pool;
  free(raw);
  uint32_t seen = 0;
  for (;;) {
    if (!spin_while_equal(&pool->generation, seen)) {
      atomic_fetch_add(&pool->sleeping, 1);
      while (atomic_load(&pool->generation) == seen) futex_wait(&pool->generation, seen);
      atomic_fetch_sub(&pool->sleeping, 1);
    }
    seen = atomic_load_explicit(&pool->generation, memory_order_acquire);
    if (pool->exiting) return NULL;
    run_chunks(pool, seen);
  }
}

pool_t *pool_create(int threads) {
  if (threads < 1) threads = 1;
  pool_t *pool = calloc(1, sizeof(pool_t));
  if (!pool) return NULL;
  pool->threads = 1;
  pool->workers = calloc((size_t)threads, sizeof(pthread_t));
  if (!pool->workers) {
    free(pool);
    return NULL;
  }
  for (int i = 1; i < threads; i++) {
    worker_arg *arg = malloc(sizeof(worker_arg));
    if (arg) arg->pool = pool;
    if (!arg || pthread_create(&pool->workers[i], NULL, work, arg) != 0) {
      free(arg);
      pool_free(pool);
      return NULL;
    }
    pool->threads = i + 1;
  }
  return pool;
}

int pool_threads(const pool_t *pool) { return pool ? pool->threads : 1; }

// Publishes the next generation (a task, or the exit) and wakes sleeping workers.
static uint32_t publish(pool_t *pool) {
  uint32_t g = atomic_load(&pool->generation) + 1;
  atomic_store_explicit(&pool->cursor, (uint64_t)g << 32, memory_order_release);
  atomic_store(&pool->generation, g);
  if (atomic_load(&pool->sleeping) > 0) futex_wake(&pool->generation, INT_MAX);
  return g;
}

void pool_run(pool_t *pool, pool_task task, void *context, int chunks) {
  if (!pool || pool->threads == 1) {
    for (int c = 0; c < chunks; c++) task(context, c, chunks);
    return;
  }
  pool->task = task;
  pool->context = context;
  atomic_store_explicit(&pool->chunks, (uint32_t)(chunks > 0 ? chunks : 0), memory_order_relaxed);
  run_chunks(pool, publish(pool));
  // Every chunk is claimed: wait for the ones still running.
  int64_t start = 0;
  for (unsigned i = 1; atomic_load_explicit(&pool->active, memory_order_acquire) != 0; i++) {
    relax();
    if ((i & 255) != 0) continue;
    sched_yield();
    int64_t t = now_ns();
    if (!start) {
      start = t;
    } else if (t - start > SPIN_NS) {
      atomic_store(&pool->caller_sleeping, 1);
      int32_t left;
      while ((left = atomic_load(&pool->active)) != 0) futex_wait(&pool->active, (uint32_t)left);
      atomic_store(&pool->caller_sleeping, 0);
      break;
    }
  }
  atomic_thread_fence(memory_order_acquire);
}

void pool_free(pool_t *pool) {
  if (!pool) return;
  if (pool->threads > 1) {
    pool->exiting = 1;
    publish(pool);
    for (int i = 1; i < pool->threads; i++) pthread_join(pool->workers[i], NULL);
  }
  free(pool->workers);
  free(pool);
}
