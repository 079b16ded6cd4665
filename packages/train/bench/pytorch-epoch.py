"""PyTorch's time for the same training epoch, for `fmnist bench` to compare against.

Usage: /usr/bin/python3 pytorch-epoch.py <data dir> [--model mlp-adam|cnn] [--epochs N] [--threads 2] [--batch-size 200]
Prints one JSON object: {"torch": version, "threads": n, "batchSize": b, "epochs": [seconds, ...], "msPerStep": median}.
Needs Debian's python3-torch (and libopenblas0-pthread); the data dir holds the four IDX files (.gz or raw).
"""
import argparse, json, resource, statistics, time

import numpy as np
import torch
from torch import nn


from read_idx import read_idx  # noqa: E402 (beside this script)


def model_for(name):
    if name == "mlp-adam":  # the notebook's model 1, Keras' initialisation
        layers, sizes = [], [784, 128, 64, 64, 32]
        for a, b in zip(sizes, sizes[1:]):
            layers += [nn.Linear(a, b), nn.ReLU()]
        net = nn.Sequential(*layers, nn.Linear(32, 10))
    elif name == "cnn":  # @fmnist/models' cnn preset
        net = nn.Sequential(
            nn.Unflatten(1, (1, 28, 28)),
            nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Dropout(0.25), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10),
        )
    else:
        raise SystemExit(f"unknown model {name}")
    for m in net.modules():
        if isinstance(m, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
    return net


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--model", default="mlp-adam")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=200)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    x = torch.from_numpy(read_idx(args.data, "train-images-idx3-ubyte", 16).reshape(-1, 784).astype(np.float32) / 255.0)
    y = torch.from_numpy(read_idx(args.data, "train-labels-idx1-ubyte", 8).astype(np.int64))
    net = model_for(args.model)
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3, eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    epochs, steps = [], []
    for _ in range(args.epochs):
        order = torch.randperm(len(x))
        started = time.perf_counter()
        for i in range(0, len(x), args.batch_size):
            t = time.perf_counter()
            idx = order[i : i + args.batch_size]
            optimizer.zero_grad()
            loss = loss_fn(net(x[idx]), y[idx])
            loss.backward()
            optimizer.step()
            loss.item()
            steps.append((time.perf_counter() - t) * 1000)
        epochs.append(time.perf_counter() - started)
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "model": args.model,
                      "batchSize": args.batch_size,
                      "epochs": epochs, "msPerStep": statistics.median(steps),
                      "peakRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))


if __name__ == "__main__":
    main()
