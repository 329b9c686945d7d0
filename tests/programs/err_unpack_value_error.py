# Uncaught ValueError from unpacking inside a method called from a generator.
def pairs(lines):
    for line in lines:
        key, value = line.split("=")
        yield key.strip(), value.strip()

data = ["a = 1", "b = 2", "broken line", "c = 3"]
for k, v in pairs(data):
    print(k, v)
