"""`_opcode`: what CPython's `opcode` and `dis` modules ask of the interpreter about
CPython 3.13's instruction set (the opcode numbers are `_opcode_metadata`'s).

tripwire runs its own bytecode, so there are no CPython executors, specialization
statistics or stack effects to report: `get_executor` and `stack_effect` raise.
"""

ENABLE_SPECIALIZATION = False


def _expand(spans):
    out = set()
    for span in spans:
        if isinstance(span, tuple):
            out.update(range(span[0], span[1] + 1))
        else:
            out.add(span)
    return frozenset(out)


_VALID = _expand([(0, 118), (149, 222), (236, 253), (256, 267)])
_HAS_ARG = _expand([(45, 118), 149, (162, 206), 208, 211, (220, 222), 236, (240, 245), (248, 253), (256, 262), (264, 267)])
_HAS_CONST = _expand([83, 103, 240])
_HAS_NAME = _expand([63, (66, 67), (74, 75), 82, (90, 93), 108, (113, 114), 192, 202, (205, 206), 211, (259, 262)])
_HAS_JUMP = _expand([72, (77, 79), (97, 100), 104, (188, 190), (256, 257)])
_HAS_FREE = _expand([64, 84, 89, 94, 109])
_HAS_LOCAL = _expand([3, 65, (85, 88), (110, 112), 258, 267])
_HAS_EXC = _expand([(264, 266)])


def is_valid(opcode):
    return opcode in _VALID


def has_arg(opcode):
    return opcode in _HAS_ARG


def has_const(opcode):
    return opcode in _HAS_CONST


def has_name(opcode):
    return opcode in _HAS_NAME


def has_jump(opcode):
    return opcode in _HAS_JUMP


def has_free(opcode):
    return opcode in _HAS_FREE


def has_local(opcode):
    return opcode in _HAS_LOCAL


def has_exc(opcode):
    return opcode in _HAS_EXC


def get_intrinsic1_descs():
    return ['INTRINSIC_1_INVALID', 'INTRINSIC_PRINT', 'INTRINSIC_IMPORT_STAR', 'INTRINSIC_STOPITERATION_ERROR', 'INTRINSIC_ASYNC_GEN_WRAP', 'INTRINSIC_UNARY_POSITIVE', 'INTRINSIC_LIST_TO_TUPLE', 'INTRINSIC_TYPEVAR', 'INTRINSIC_PARAMSPEC', 'INTRINSIC_TYPEVARTUPLE', 'INTRINSIC_SUBSCRIPT_GENERIC', 'INTRINSIC_TYPEALIAS']


def get_intrinsic2_descs():
    return ['INTRINSIC_2_INVALID', 'INTRINSIC_PREP_RERAISE_STAR', 'INTRINSIC_TYPEVAR_WITH_BOUND', 'INTRINSIC_TYPEVAR_WITH_CONSTRAINTS', 'INTRINSIC_SET_FUNCTION_TYPE_PARAMS', 'INTRINSIC_SET_TYPEPARAM_DEFAULT']


def get_nb_ops():
    return [('NB_ADD', '+'), ('NB_AND', '&'), ('NB_FLOOR_DIVIDE', '//'), ('NB_LSHIFT', '<<'), ('NB_MATRIX_MULTIPLY', '@'), ('NB_MULTIPLY', '*'), ('NB_REMAINDER', '%'), ('NB_OR', '|'), ('NB_POWER', '**'), ('NB_RSHIFT', '>>'), ('NB_SUBTRACT', '-'), ('NB_TRUE_DIVIDE', '/'), ('NB_XOR', '^'), ('NB_INPLACE_ADD', '+='), ('NB_INPLACE_AND', '&='), ('NB_INPLACE_FLOOR_DIVIDE', '//='), ('NB_INPLACE_LSHIFT', '<<='), ('NB_INPLACE_MATRIX_MULTIPLY', '@='), ('NB_INPLACE_MULTIPLY', '*='), ('NB_INPLACE_REMAINDER', '%='), ('NB_INPLACE_OR', '|='), ('NB_INPLACE_POWER', '**='), ('NB_INPLACE_RSHIFT', '>>='), ('NB_INPLACE_SUBTRACT', '-='), ('NB_INPLACE_TRUE_DIVIDE', '/='), ('NB_INPLACE_XOR', '^=')]


def get_specialization_stats():
    return None


def get_executor(code, offset):
    raise ValueError("no executor at given byte offset")


def stack_effect(opcode, oparg=None, /, *, jump=None):
    raise ValueError("stack_effect is not available: tripwire does not run CPython bytecode")
