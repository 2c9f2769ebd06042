"""One module per `smmigrate` sub-command (see `smmigrate.cli`). Must import without TensorFlow."""
