"""Click-through ranker: hyper-parameters, network and exporter in separate modules."""
