def parse(text):
    return int(text.strip())


values = list(map(parse, ["1", " 2 ", "three"]))
