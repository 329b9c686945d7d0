def area(width, height, width):
    return width * height
