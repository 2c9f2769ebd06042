from ranker.exporter import export_for_serving

path = export_for_serving("ctr_model")
print("exported to", path)
