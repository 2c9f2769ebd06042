"""A tiny package: the graph, the exporter and the loader live in different modules."""
