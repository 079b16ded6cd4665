{
  "targets": [
    {
      "target_name": "openblas",
      "sources": ["src/openblas.c", "src/network.c", "src/network-binding.c", "src/pool.c"],
      "cflags": ["-O3", "-mavx2", "-mfma", "-ffp-contract=off", "-fno-math-errno", "-pthread"],
      "libraries": ["-lopenblas", "-lm", "-lpthread"]
    }
  ]
}
