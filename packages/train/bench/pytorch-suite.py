"""The notebook suite in PyTorch, run the way an expert runs it on this machine: the reference that
`fmnist experiment notebook --jobs 2` is timed against (issue 16).

Five models (the notebook's 1-5), 100 epochs each, batch 200, Keras' initialisation and defaults,
the test set evaluated after every epoch (the notebook's validation_data) under no_grad()/eval(),
data preloaded once as float tensors, nothing written per epoch. Two processes at a time, each with
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 and torch.set_num_threads(1).

Usage: /usr/bin/python3 pytorch-suite.py <data dir> [--epochs 100] [--jobs 2]
Prints one JSON object: wall seconds of the whole suite, and per model its seconds and final test
loss / accuracy. (Debian's python3-torch; the data dir holds the four IDX files, .gz or raw.)
"""
import argparse, json, os, subprocess, sys, time

MODELS = {
    "model1": ([128, 64, 64, 32], "adam", 0.0),
    "model2": ([128, 64, 64, 32], "rmsprop", 0.0),
    "model3": ([128, 64, 64, 32], "sgd", 0.0),
    "model4": ([128, 128, 64, 64, 32, 32], "sgd", 0.0),
    "model5": ([128, 64, 64, 32], "rmsprop", 0.2),  # Dropout(0.2) on the input
}


from read_idx import read_idx  # noqa: E402 (beside this script)


def run_one(data_dir, name, epochs, seed):
    import numpy as np
    import torch
    from torch import nn

    torch.set_num_threads(1)
    torch.manual_seed(seed)
    load = lambda stem, off: read_idx(data_dir, stem, off)
    x = torch.from_numpy(load("train-images-idx3-ubyte", 16).reshape(-1, 784).astype(np.float32) / 255.0)
    y = torch.from_numpy(load("train-labels-idx1-ubyte", 8).astype(np.int64))
    tx = torch.from_numpy(load("t10k-images-idx3-ubyte", 16).reshape(-1, 784).astype(np.float32) / 255.0)
    ty = torch.from_numpy(load("t10k-labels-idx1-ubyte", 8).astype(np.int64))
    hidden, optimizer_name, dropout = MODELS[name]
    layers = [nn.Dropout(dropout)] if dropout else []
    sizes = [784] + hidden
    for a, b in zip(sizes, sizes[1:]):
        layers += [nn.Linear(a, b), nn.ReLU()]
    net = nn.Sequential(*layers, nn.Linear(sizes[-1], 10))
    for m in net.modules():
        if isinstance(m, nn.Linear):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
    if optimizer_name == "adam":
        optimizer = torch.optim.Adam(net.parameters(), lr=1e-3, eps=1e-7)
    elif optimizer_name == "rmsprop":
        optimizer = torch.optim.RMSprop(net.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)
    else:
        optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()
    started = time.perf_counter()
    for _ in range(epochs):
        net.train()
        order = torch.randperm(len(x))
        for i in range(0, len(x), 200):
            idx = order[i : i + 200]
            optimizer.zero_grad()
            loss = loss_fn(net(x[idx]), y[idx])
            loss.backward()
            optimizer.step()
        net.eval()
        with torch.no_grad():
            logits = net(tx)
            test_loss = loss_fn(logits, ty).item()
            test_accuracy = (logits.argmax(1) == ty).float().mean().item()
    return {"model": name, "seconds": time.perf_counter() - started, "testLoss": test_loss, "testAccuracy": test_accuracy}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.data, args.one, args.epochs, args.seed)))
        return
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    pending = list(MODELS)
    running, results = [], []
    started = time.perf_counter()
    while pending or running:
        while pending and len(running) < args.jobs:
            name = pending.pop(0)
            cmd = [sys.executable, __file__, args.data, "--one", name, "--epochs", str(args.epochs), "--seed", str(args.seed)]
            running.append(subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, text=True))
        time.sleep(0.05)
        for p in [p for p in running if p.poll() is not None]:
            running.remove(p)
            if p.returncode != 0:
                raise SystemExit(f"a model failed: exit {p.returncode}")
            results.append(json.loads(p.stdout.read()))
    print(json.dumps({"wallSeconds": time.perf_counter() - started, "jobs": args.jobs, "epochs": args.epochs,
                      "models": sorted(results, key=lambda r: r["model"])}, indent=2))


if __name__ == "__main__":
    main()
