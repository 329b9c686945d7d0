config = {"servers": [{"name": "a"}]}


def port_of(cfg, i):
    name = cfg["servers"][i]["name"]
    return cfg["ports"][name]


print(port_of(config, 0))
