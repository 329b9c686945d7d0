# Uncaught IndexError.
matrix = [[1, 2], [3, 4]]
for i in range(2):
    print(matrix[i][0] + matrix[i][1])
print(matrix[2][0])
