{
  "targets": [
    {
      "target_name": "openblas",
      "sources": ["src/openblas.c"],
      "cflags": ["-O2"],
      "libraries": ["-lopenblas"]
    }
  ]
}
