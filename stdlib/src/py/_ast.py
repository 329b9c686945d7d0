"""The node classes of the abstract syntax tree, for CPython's `ast` module.

Each line of _NODES below is one class: its name, its base, its fields (a trailing
`*` marks a list field, which defaults to [], and `?` an optional one, which defaults
to None) and, after `/`, the position attributes its instances carry.
`compile(..., PyCF_ONLY_AST)` (`ast.parse`) builds its trees from these classes
(tripwire-stdlib's `ast_tree`).
"""

PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192
PyCF_OPTIMIZED_AST = 33792


class AST:
    _fields = ()
    _attributes = ()
    __match_args__ = ()
    _field_kinds = {}

    def __init__(self, *args, **kwargs):
        cls = type(self)
        fields = cls._fields
        if len(args) > len(fields):
            raise TypeError(
                f"{cls.__name__} constructor takes at most {len(fields)} "
                f"positional argument{'' if len(fields) == 1 else 's'}")
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)
        for name in fields[len(args):]:
            if name in kwargs:
                continue
            kind = cls._field_kinds.get(name)
            if kind == "*":
                setattr(self, name, [])
            elif kind == "?":
                setattr(self, name, None)
            elif name == "ctx":
                setattr(self, name, Load())

    def __reduce__(self):
        return type(self), (), dict(self.__dict__)


AST.__module__ = "ast"

_NODES = """
mod AST 
stmt AST  / lineno col_offset end_lineno end_col_offset
expr AST  / lineno col_offset end_lineno end_col_offset
expr_context AST 
boolop AST 
operator AST 
unaryop AST 
cmpop AST 
comprehension AST target iter ifs* is_async
excepthandler AST  / lineno col_offset end_lineno end_col_offset
arguments AST posonlyargs* args* vararg? kwonlyargs* kw_defaults* kwarg? defaults*
arg AST arg annotation? type_comment? / lineno col_offset end_lineno end_col_offset
keyword AST arg? value / lineno col_offset end_lineno end_col_offset
alias AST name asname? / lineno col_offset end_lineno end_col_offset
withitem AST context_expr optional_vars?
match_case AST pattern guard? body*
pattern AST  / lineno col_offset end_lineno end_col_offset
type_ignore AST 
type_param AST  / lineno col_offset end_lineno end_col_offset
Module mod body* type_ignores*
Interactive mod body*
Expression mod body
FunctionType mod argtypes* returns
FunctionDef stmt name args body* decorator_list* returns? type_comment? type_params*
AsyncFunctionDef stmt name args body* decorator_list* returns? type_comment? type_params*
ClassDef stmt name bases* keywords* body* decorator_list* type_params*
Return stmt value?
Delete stmt targets*
Assign stmt targets* value type_comment?
TypeAlias stmt name type_params* value
AugAssign stmt target op value
AnnAssign stmt target annotation value? simple
For stmt target iter body* orelse* type_comment?
AsyncFor stmt target iter body* orelse* type_comment?
While stmt test body* orelse*
If stmt test body* orelse*
With stmt items* body* type_comment?
AsyncWith stmt items* body* type_comment?
Match stmt subject cases*
Raise stmt exc? cause?
Try stmt body* handlers* orelse* finalbody*
TryStar stmt body* handlers* orelse* finalbody*
Assert stmt test msg?
Import stmt names*
ImportFrom stmt module? names* level?
Global stmt names*
Nonlocal stmt names*
Expr stmt value
Pass stmt 
Break stmt 
Continue stmt 
BoolOp expr op values*
NamedExpr expr target value
BinOp expr left op right
UnaryOp expr op operand
Lambda expr args body
IfExp expr test body orelse
Dict expr keys* values*
Set expr elts*
ListComp expr elt generators*
SetComp expr elt generators*
DictComp expr key value generators*
GeneratorExp expr elt generators*
Await expr value
Yield expr value?
YieldFrom expr value
Compare expr left ops* comparators*
Call expr func args* keywords*
FormattedValue expr value conversion format_spec?
JoinedStr expr values*
Constant expr value kind?
Attribute expr value attr ctx
Subscript expr value slice ctx
Starred expr value ctx
Name expr id ctx
List expr elts* ctx
Tuple expr elts* ctx
Slice expr lower? upper? step?
Load expr_context 
Store expr_context 
Del expr_context 
And boolop 
Or boolop 
Add operator 
Sub operator 
Mult operator 
MatMult operator 
Div operator 
Mod operator 
Pow operator 
LShift operator 
RShift operator 
BitOr operator 
BitXor operator 
BitAnd operator 
FloorDiv operator 
Invert unaryop 
Not unaryop 
UAdd unaryop 
USub unaryop 
Eq cmpop 
NotEq cmpop 
Lt cmpop 
LtE cmpop 
Gt cmpop 
GtE cmpop 
Is cmpop 
IsNot cmpop 
In cmpop 
NotIn cmpop 
ExceptHandler excepthandler type? name? body*
MatchValue pattern value
MatchSingleton pattern value
MatchSequence pattern patterns*
MatchMapping pattern keys* patterns* rest?
MatchClass pattern cls patterns* kwd_attrs* kwd_patterns*
MatchStar pattern name?
MatchAs pattern pattern? name?
MatchOr pattern patterns*
TypeIgnore type_ignore lineno tag
TypeVar type_param name bound? default_value?
ParamSpec type_param name default_value?
TypeVarTuple type_param name default_value?
"""


def _build():
    made = {"AST": AST}
    for line in _NODES.strip().splitlines():
        spec, _, attrs = line.partition("/")
        name, base, *fields = spec.split()
        kinds = {f.rstrip("*?"): f[-1] for f in fields if f[-1] in "*?"}
        names = tuple(f.rstrip("*?") for f in fields)
        namespace = {
            "_fields": names,
            "__match_args__": names,
            "_field_kinds": kinds,
            "__module__": "ast",
            "__doc__": name if not names else f"{name}({', '.join(names)})",
        }
        # Optional fields and end positions read as None on the class, which is
        # how ast.dump knows to leave them out.
        namespace.update((f, None) for f, kind in kinds.items() if kind == "?")
        if attrs.strip():
            namespace["_attributes"] = tuple(attrs.split())
            namespace.update(end_lineno=None, end_col_offset=None)
        made[name] = type(name, (made[base],), namespace)
    globals().update(made)


_build()
del _build
