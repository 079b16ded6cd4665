// A pool of persistent threads that share out a task's chunks (see pool.c).
#ifndef FMNIST_POOL_H
#define FMNIST_POOL_H

// One chunk of a task: `chunk` from 0 to `chunks` − 1. Whichever thread runs it, a chunk must
// compute the same thing: which thread takes which chunk varies from run to run.
typedef void (*pool_task)(void *context, int chunk, int chunks);

typedef struct pool pool_t;

// A pool of `threads` (1 or more): the caller and `threads` − 1 workers. NULL when a thread
// cannot be started.
pool_t *pool_create(int threads);
int pool_threads(const pool_t *pool);
// Runs chunks 0 … `chunks` − 1 of `task`, each once, on the pool's threads (the caller's
// included), and returns when all are done; a NULL pool runs them in order on the caller.
void pool_run(pool_t *pool, pool_task task, void *context, int chunks);
void pool_free(pool_t *pool);

#endif
