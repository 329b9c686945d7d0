# Two adjacent local loads run as one fused instruction; an error in the second is
# still reported at the second.
def total():
    first = 1
    result = first + second
    second = 2
    return result


total()
