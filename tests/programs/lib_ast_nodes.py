# The ast module's node classes (tripwire's _ast): construction with positional and
# keyword fields and 3.13's defaults, dump, unparse, walking and visiting, pattern
# matching on nodes; opcode's tables; sys.float_info / int_info / hash_info.
import ast
import opcode
import sys

tree = ast.Module(
    body=[
        ast.Assign(targets=[ast.Name("x", ast.Store())],
                   value=ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2))),
        ast.Expr(ast.Call(ast.Name("print"), [ast.Name("x")], [])),
    ],
    type_ignores=[],
)
print(ast.dump(tree))
print(ast.dump(ast.Name("y")), ast.dump(ast.arguments()))
print(ast.unparse(ast.fix_missing_locations(tree)))
print(ast.Name._fields, ast.Name.__match_args__, ast.expr._attributes, ast.Add._fields)
print(issubclass(ast.BinOp, ast.expr), isinstance(ast.Add(), ast.operator), ast.Name.__module__)
print([type(n).__name__ for n in ast.walk(tree)])


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []

    def visit_Name(self, node):
        self.names.append(node.id)


c = Counter()
c.visit(tree)
print(c.names)
for node in ast.walk(tree):
    match node:
        case ast.BinOp(left=ast.Constant(value=a), op=ast.Add(), right=ast.Constant(value=b)):
            print("sum of constants", a + b)
        case ast.Name(id=name, ctx=ast.Store()):
            print("stored", name)
try:
    ast.Name("a", ast.Load(), "extra")
except TypeError as e:
    print(type(e).__name__, e)
node = ast.Constant(value=5, lineno=3)
literal = ast.List([ast.Constant(1), ast.Tuple([ast.Constant(2), ast.Constant("three")])])
print(node.lineno, ast.literal_eval(literal))

print(opcode.opmap["LOAD_CONST"], opcode.opname[opcode.opmap["RETURN_VALUE"]], opcode.hasconst, opcode.cmp_op)
print(len(opcode.opmap), opcode.HAVE_ARGUMENT, opcode.hasjrel == opcode.hasjump)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info[1])
print(sys.int_info.bits_per_digit, sys.hash_info.modulus, sys.hash_info.imag, sys.maxunicode)
