def ratio(total, parts):
    return total / len(parts) + 1


def report(values):
    mean = ratio(sum(values), values) * 2
    return mean


report([])
