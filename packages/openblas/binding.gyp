{
  "targets": [
    {
      "target_name": "openblas",
      "sources": ["src/openblas.c", "src/network.c", "src/network-binding.c"],
      "cflags": ["-O3", "-mavx2", "-mfma", "-ffp-contract=off"],
      "libraries": ["-lopenblas", "-lm"]
    }
  ]
}
