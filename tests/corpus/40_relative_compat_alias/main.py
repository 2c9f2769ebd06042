from proj.model import train_and_export

train_and_export("alias_export")
print("exported")
