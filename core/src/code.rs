//! Code objects: the immutable output of the compiler.
//!
//! A `Code` holds the instruction array, constants, name tables, the local / cell /
//! free variable layout, a line per instruction and the exception table. Nothing in
//! it changes after compilation; the interpreter's inline caches live beside it in
//! `caches`, keyed by instruction index, and may be dropped at any time.

use crate::object::{PyCell, PyStr, Value};
use std::cell::Cell;
use std::rc::Rc;

/// A word, like every other instruction operand (see `Operands16`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::MatMul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
    ];

    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }
    pub fn dunder(self) -> &'static str {
        match self {
            BinOp::Add => "__add__",
            BinOp::Sub => "__sub__",
            BinOp::Mul => "__mul__",
            BinOp::MatMul => "__matmul__",
            BinOp::TrueDiv => "__truediv__",
            BinOp::FloorDiv => "__floordiv__",
            BinOp::Mod => "__mod__",
            BinOp::Pow => "__pow__",
            BinOp::LShift => "__lshift__",
            BinOp::RShift => "__rshift__",
            BinOp::And => "__and__",
            BinOp::Or => "__or__",
            BinOp::Xor => "__xor__",
        }
    }
    pub fn reflected(self) -> &'static str {
        match self {
            BinOp::Add => "__radd__",
            BinOp::Sub => "__rsub__",
            BinOp::Mul => "__rmul__",
            BinOp::MatMul => "__rmatmul__",
            BinOp::TrueDiv => "__rtruediv__",
            BinOp::FloorDiv => "__rfloordiv__",
            BinOp::Mod => "__rmod__",
            BinOp::Pow => "__rpow__",
            BinOp::LShift => "__rlshift__",
            BinOp::RShift => "__rrshift__",
            BinOp::And => "__rand__",
            BinOp::Or => "__ror__",
            BinOp::Xor => "__rxor__",
        }
    }
    pub fn inplace(self) -> &'static str {
        match self {
            BinOp::Add => "__iadd__",
            BinOp::Sub => "__isub__",
            BinOp::Mul => "__imul__",
            BinOp::MatMul => "__imatmul__",
            BinOp::TrueDiv => "__itruediv__",
            BinOp::FloorDiv => "__ifloordiv__",
            BinOp::Mod => "__imod__",
            BinOp::Pow => "__ipow__",
            BinOp::LShift => "__ilshift__",
            BinOp::RShift => "__irshift__",
            BinOp::And => "__iand__",
            BinOp::Or => "__ior__",
            BinOp::Xor => "__ixor__",
        }
    }
}

/// A word, like every other instruction operand (see `Operands16`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub const ALL: [CmpOp; 6] = [
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Gt,
        CmpOp::Ge,
    ];

    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    pub fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }
    /// The operation with operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
}

/// Two 16-bit operands packed in one word. Every instruction's operands lie in the
/// same word (this, `Branch`, `Invert`, and `BinOp` / `CmpOp` as words), so the
/// dispatch decodes one word for all of them: fields at other offsets kept more
/// registers live across the evaluation loop's jump.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operands16(u32);

impl Operands16 {
    /// Both operands, when each fits in 16 bits.
    pub fn new(first: u32, second: u32) -> Option<Operands16> {
        let (first, second) = (u16::try_from(first).ok()?, u16::try_from(second).ok()?);
        Some(Operands16(first as u32 | (second as u32) << 16))
    }

    #[inline(always)]
    pub fn first(self) -> u32 {
        self.0 & 0xffff
    }

    #[inline(always)]
    pub fn second(self) -> u32 {
        self.0 >> 16
    }
}

/// A fused compare-and-branch's operands in one word: the comparison (3 bits), the
/// result that takes the jump (1 bit) and the jump target (the other 28).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Branch(u32);

impl Branch {
    /// The operands, when the target fits in 28 bits.
    pub fn new(compare: CmpOp, jump_if: bool, target: u32) -> Option<Branch> {
        (target < 1 << 28).then_some(Branch(target << 4 | (compare as u32) << 1 | jump_if as u32))
    }

    #[inline(always)]
    pub fn compare(self) -> CmpOp {
        // In range: `new` stored a `CmpOp`'s index.
        CmpOp::ALL[(self.0 >> 1 & 7) as usize]
    }

    #[inline(always)]
    pub fn jump_if(self) -> bool {
        self.0 & 1 != 0
    }

    #[inline(always)]
    pub fn target(self) -> u32 {
        self.0 >> 4
    }
}

/// Whether `IsOp` / `ContainsOp` negate their test (`is not`, `not in`): a word, as
/// every operand is (see `Operands16`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum Invert {
    No,
    Yes,
}

impl Invert {
    /// The test's result as the instruction gives it.
    #[inline(always)]
    pub fn apply(self, test: bool) -> bool {
        test != (self == Invert::Yes)
    }
}

/// One instruction. Operands index the code's tables or are jump targets
/// (instruction indices).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Instr {
    Nop,
    PopTop,
    /// Push the "no self" marker under a callable's arguments.
    PushNull,
    /// Push a copy of the n-th value from the top (1 = top).
    Copy(u32),
    /// Swap the top with the n-th value from the top.
    Swap(u32),
    LoadConst(u32),
    LoadFast(u32),
    /// `LoadFast(a)` then `LoadFast(b)`, fused when the code object is built from two
    /// adjacent loads on one line (one dispatch instead of two). The second load stays
    /// in place after the pair, which skips it, so a jump to it still works.
    LoadFastPair(Operands16),
    /// `LoadFast(local)` then `LoadAttr(name)` on one line, fused the same way: the
    /// `LoadAttr` stays in place after it (holding the cache and the position).
    LoadFastAttr(Operands16),
    /// `LoadFast(local)` then `LoadMethod(name)`, fused as `LoadFastAttr`.
    LoadFastMethod(Operands16),
    StoreFast(u32),
    DeleteFast(u32),
    /// Push a local (possibly unbound) and unbind it: inlined comprehensions save the
    /// enclosing code's variable of the same name this way.
    LoadFastAndClear(u32),
    /// Cell and free variables: the operand indexes cellvars then freevars.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Push the cell itself (to build a closure).
    LoadClosure(u32),
    /// Class bodies: the class namespace first, then the cell.
    LoadClassDeref(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Push [method, self] when the attribute is a plain method of the type, else
    /// [attribute, NULL]; `Call` consumes either form.
    LoadMethod(u32),
    BinarySubscr,
    StoreSubscr,
    DeleteSubscr,
    BinaryOp(BinOp),
    InplaceOp(BinOp),
    UnaryNeg,
    UnaryPos,
    UnaryInvert,
    UnaryNot,
    CompareOp(CmpOp),
    /// `CompareOp(op)` then `PopJumpIfTrue(target)` (true) or `PopJumpIfFalse(target)`
    /// (false) on one line, fused: the jump instruction stays in place after it and
    /// is skipped when the branch is not taken.
    CompareJump(Branch),
    IsOp(Invert),
    /// `super().name` in a method, as CPython 3.12+ compiles it: [super, __class__,
    /// first argument] → the attribute, looked up past `__class__` without making
    /// a super object when `super` is the built-in one.
    LoadSuperAttr(u32),
    /// `super().name(...)`: as `LoadSuperAttr`, leaving [method, self] or
    /// [attribute, NULL] as `LoadMethod` does.
    LoadSuperMethod(u32),
    /// `IsOp` then a conditional jump on one line, fused as `CompareJump` is: jumps to
    /// the target when the identity test's result (before `IsOp`'s inversion) equals
    /// the flag (`Branch::compare` is unused).
    IsJump(Branch),
    ContainsOp(Invert),
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    BuildMap(u32),
    BuildString(u32),
    BuildSlice(u32),
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    /// Like DictUpdate but duplicate keys are an error (`f(**a, **b)`).
    DictMerge(u32),
    ListToTuple,
    /// Operand: conversion (0 none, 1 str, 2 repr, 3 ascii) | 4 if a spec is on top.
    FormatValue(u32),
    UnpackSequence(u32),
    /// Operand: count before the star | count after << 8.
    UnpackEx(u32),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// [iter] -> [iter, next]; on exhaustion pop the iterator and jump.
    ForIter(u32),
    /// The end of a loop's body: [iter] -> [iter, next] and jump back to the body;
    /// on exhaustion pop the iterator and go on. The loop's first step is a `ForIter`
    /// just before the body, whose exit is the instruction after this one (so a
    /// generator resumed by either finishes the same way).
    ForIterBack(u32),
    /// [callable, self_or_null, args...] -> [result]
    Call(u32),
    /// [callable, self_or_null, args..., kwnames] -> [result]
    CallKw(u32),
    /// [callable, null, args_tuple, (kwargs_dict if operand & 1)] -> [result]
    CallEx(u32),
    /// Operand flags: 1 defaults, 2 kwdefaults, 4 annotations, 8 closure.
    MakeFunction(u32),
    Return,
    /// `LoadConst` fused with the `Return` after it (kept in place): return a
    /// constant (every function that ends without a `return` does).
    ReturnConst(u32),
    LoadBuildClass,
    /// [level, fromlist] -> [module]
    ImportName(u32),
    /// [module] -> [module, attr]
    ImportFrom(u32),
    ImportStar,
    /// Operand: 0 bare raise, 1 raise exc, 2 raise exc from cause.
    Raise(u32),
    /// Re-raise the exception on top without adding a traceback entry.
    Reraise,
    /// [exc] -> [previous exc_info, exc], and exc becomes the one being handled.
    PushExcInfo,
    /// [previous] -> [], restoring the handled exception.
    PopExcept,
    /// [exc, type] -> [exc, matched]
    CheckExcMatch,
    /// [mgr] -> [bound __exit__, result of __enter__]
    BeforeWith,
    /// [exit, prev, exc] -> [exit, prev, exc, exit(type, exc, tb)]
    WithExceptStart,
    LoadAssertionError,
    /// Operand 1: this yield delegates (`yield from` / `await`).
    YieldValue(u32),
    GetYieldFromIter,
    GetAwaitable,
    /// [iter, value] -> [iter, yielded] or, when the iterator returns, [result] and jump.
    Send(u32),
    SetupAnnotations,
    /// [mgr] -> [bound __aexit__, awaitable of __aenter__()]
    BeforeAsyncWith,
    /// [x] -> [x.__aiter__()]
    GetAIter,
    /// [aiter] -> [aiter, awaitable of aiter.__anext__()]
    GetANext,
    /// [aiter, exc] -> []: the end of an `async for` (StopAsyncIteration) or a re-raise.
    EndAsyncFor,
    /// [x] -> [x is a sequence for `match`]
    MatchSequence,
    /// [x] -> [x is a mapping for `match`]
    MatchMapping,
    /// [x] -> [len(x)]
    GetLen,
    /// [map, key] -> [found]; the value goes to local slot `operand`.
    MatchGet(u32),
    /// [subject, cls] -> [isinstance(subject, cls)], after checking cls and the
    /// number of positional sub-patterns (the operand).
    MatchClass(u32),
    /// [subject, cls] -> [subject, name of positional sub-pattern `operand` (or NULL
    /// for "the subject itself")]
    MatchArgName(u32),
    /// [subject, name] -> [found]; the attribute goes to local slot `operand`.
    MatchAttr(u32),
}

const _: () = assert!(std::mem::size_of::<Instr>() == 8);

/// One exception-table entry: an exception raised by an instruction in
/// [start, end) unwinds the operand stack to `depth`, pushes the exception and jumps
/// to `handler`. Entries are ordered innermost first.
#[derive(Clone, Copy, Debug)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    pub depth: u32,
}

pub mod flags {
    pub const VARARGS: u32 = 1;
    pub const VARKEYWORDS: u32 = 2;
    pub const GENERATOR: u32 = 4;
    pub const COROUTINE: u32 = 8;
    /// Runs in a namespace dict (module and class bodies, exec).
    pub const NAMESPACE: u32 = 16;
    pub const NESTED: u32 = 32;
}

/// The inline cache of one instruction.
#[derive(Clone, Default)]
pub enum Cache {
    #[default]
    Empty,
    /// A global: valid while both dicts keep these versions. A value found in the
    /// globals does not depend on the builtins: its `builtins_version` is
    /// `ANY_BUILTINS`.
    Global {
        globals_version: u64,
        builtins_version: u64,
        value: DictHeld,
    },
    /// An attribute of a module (`math.sqrt`): valid while the module's dict keeps
    /// this version (versions are never reused, so it also names the module).
    Module { dict_version: u64, value: DictHeld },
    /// An attribute of instances of up to `ATTR_WAYS` classes, each entry valid while
    /// its class keeps that version tag (tags are never reused, so the tag also names
    /// the class). The first class's entry is held inline: most attribute
    /// instructions only ever see one class.
    Attr {
        first: AttrEntry,
        more: Vec<AttrEntry>,
    },
    /// A binary operator that met an instance of a Python class: the classes of
    /// its operands the first time it did, held weakly (a cache keeps no class
    /// alive). The interpreter does not read it; extensions read it as a profile
    /// (which method the operator calls).
    Operands {
        left: std::rc::Weak<crate::object::types::Type>,
        right: std::rc::Weak<crate::object::types::Type>,
    },
}

/// A value a cache entry remembers without holding it: the dict it was read from
/// holds it for as long as the dict keeps the version the entry records (every
/// mutation of a dict changes its version before releasing anything, and versions
/// are never reused). So a cached global does not outlive `del` (its weak
/// references and `__del__` see it die when CPython's would).
pub struct DictHeld(std::mem::ManuallyDrop<Value>);

impl DictHeld {
    /// Remember `v`, which a dict holds, without a reference of its own.
    pub fn new(v: &Value) -> DictHeld {
        // SAFETY: a bitwise copy that takes no reference and is never dropped.
        DictHeld(std::mem::ManuallyDrop::new(unsafe { std::ptr::read(v) }))
    }

    /// A new reference to the value.
    ///
    /// # Safety
    /// The dict it was read from must still have the version recorded with it.
    #[inline(always)]
    pub unsafe fn get(&self) -> Value {
        self.0.dup()
    }
}

impl Clone for DictHeld {
    fn clone(&self) -> DictHeld {
        // SAFETY: as `new`: a copy holding no reference.
        DictHeld(std::mem::ManuallyDrop::new(unsafe {
            std::ptr::read(&*self.0)
        }))
    }
}

/// How many classes one attribute instruction remembers.
pub const ATTR_WAYS: usize = 4;

/// What an attribute instruction found on one class when it specialised, laid out
/// flat so that a hit reads a tag, a kind byte, an index and at most one value.
#[derive(Clone)]
pub struct AttrEntry {
    /// The class's version tag when the entry was made; never 0.
    pub version: u32,
    pub kind: AttrKind,
    /// `Dict` / `StoreDict`: the instance-dict entry tried first (instances of a class
    /// mostly gain their attributes in the same order). `Slot`: the slot.
    pub index: Cell<u32>,
    /// `Dict`: the class attribute that applies when the instance dict lacks the
    /// name, or Null. `Method`, `Property`, `StoreProperty`: the function. Else Null.
    pub attr: Value,
}

/// The `builtins_version` of a global cached from the globals (dict versions start
/// at 1).
pub const ANY_BUILTINS: u64 = 0;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AttrKind {
    /// Load: the instance dict, then the class attribute (not a data descriptor).
    Dict,
    /// LoadMethod: a plain function of the class, unless the instance dict shadows it.
    Method,
    /// Load through a property getter.
    Property,
    /// Load or store a `__slots__` slot.
    Slot,
    /// Store into the instance dict.
    StoreDict,
    /// Store through a property setter.
    StoreProperty,
}

impl AttrEntry {
    pub fn new(version: u32, kind: AttrKind, attr: Value) -> AttrEntry {
        AttrEntry {
            version,
            kind,
            index: Cell::new(0),
            attr,
        }
    }
    /// An entry for a `__slots__` slot; None when the index does not fit.
    pub fn slot(version: u32, index: usize) -> Option<AttrEntry> {
        let entry = AttrEntry::new(version, AttrKind::Slot, Value::Null);
        entry.index.set(u32::try_from(index).ok()?);
        Some(entry)
    }
}

/// Where an instruction came from, as CPython's `co_positions`: 1-based lines,
/// 0-based UTF-8 byte columns within those lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

pub struct Code {
    pub name: Rc<PyStr>,
    pub qualname: Rc<PyStr>,
    pub filename: Rc<PyStr>,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub instrs: Box<[Instr]>,
    /// Source position of each instruction.
    pub positions: Box<[Position]>,
    pub consts: Box<[Value]>,
    pub names: Box<[Rc<PyStr>]>,
    pub varnames: Box<[Rc<PyStr>]>,
    pub cellvars: Box<[Rc<PyStr>]>,
    pub freevars: Box<[Rc<PyStr>]>,
    /// For each cell variable that is also an argument, the argument's slot.
    pub cell2arg: Box<[Option<u32>]>,
    /// The docstring of a function body (None if it has none).
    pub doc: Value,
    pub exc_table: Box<[ExcEntry]>,
    pub stacksize: u32,
    pub caches: PyCell<Box<[Cache]>>,
    /// Counts the call path reads on every call, derived once from the fields above.
    pub layout: FrameLayout,
    /// Extensions' per-code scratch space (`co_extra`): one pointer, empty by default.
    pub extra: crate::vm::code_extra::CodeExtra,
    /// The executor its frames run with, and its warm-up count (`vm::executor`).
    pub entry: crate::vm::executor::CodeEntry,
    pub weakrefs: crate::object::weakref::WeakrefMark,
}

/// What a call needs to know about a code object's frame, precomputed.
#[derive(Clone, Copy)]
pub struct FrameLayout {
    /// Local slots plus cell and free slots.
    pub nlocalsplus: u32,
    /// The number of positional arguments a call may pass with no binding at all
    /// (exactly the positional parameters; no `*args`, `**kwargs` or keyword-only
    /// parameters; not a generator or coroutine), or `u32::MAX` when every call
    /// needs binding.
    pub plain_argcount: u32,
}

impl FrameLayout {
    pub fn of(
        argcount: u32,
        kwonlyargcount: u32,
        code_flags: u32,
        slots: [&[Rc<PyStr>]; 3],
    ) -> FrameLayout {
        const NEEDS_BINDING: u32 =
            flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR | flags::COROUTINE;
        let plain = code_flags & NEEDS_BINDING == 0 && kwonlyargcount == 0;
        FrameLayout {
            nlocalsplus: slots.iter().map(|s| s.len() as u32).sum(),
            plain_argcount: if plain { argcount } else { u32::MAX },
        }
    }
}

impl Code {
    #[inline]
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }
    /// Local slots plus cell and free slots.
    #[inline]
    pub fn nlocalsplus(&self) -> usize {
        self.layout.nlocalsplus as usize
    }
    /// The value-stack room a frame of this code needs: its slots and its deepest
    /// operand stack.
    #[inline]
    pub fn frame_size(&self) -> usize {
        self.nlocalsplus() + self.stacksize as usize
    }
    pub fn is_generator(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE) != 0
    }
    /// An `async def` with `yield`: its body runs as a coroutine inside an
    /// `async_generator` object.
    pub fn is_async_generator(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE) == flags::GENERATOR | flags::COROUTINE
    }
    pub fn line_of(&self, pc: usize) -> u32 {
        self.positions.get(pc).map_or(self.firstlineno, |p| p.line)
    }
    /// Whether the instruction at `pc` is the jump back to the `Send` of a
    /// `yield from` / `await` loop, which its generator passes on resumption.
    pub fn is_delegation_jump(&self, pc: usize) -> bool {
        match self.instrs.get(pc) {
            Some(&Instr::Jump(t)) => {
                (t as usize) < pc && matches!(self.instrs.get(t as usize), Some(Instr::Send(_)))
            }
            _ => false,
        }
    }
    pub fn position_of(&self, pc: usize) -> Position {
        self.positions.get(pc).copied().unwrap_or(Position {
            line: self.firstlineno,
            ..Position::default()
        })
    }
    pub fn handler_for(&self, pc: u32) -> Option<ExcEntry> {
        self.exc_table
            .iter()
            .find(|e| e.start <= pc && pc < e.end)
            .copied()
    }
    /// The name of cell / free slot `i` (cellvars, then freevars).
    pub fn deref_name(&self, i: usize) -> &Rc<PyStr> {
        if i < self.cellvars.len() {
            &self.cellvars[i]
        } else {
            &self.freevars[i - self.cellvars.len()]
        }
    }
    /// Total number of positional and keyword parameters (without * and **).
    pub fn total_args(&self) -> usize {
        (self.argcount + self.kwonlyargcount) as usize
    }

    /// A copy of this code object, with empty caches and no per-code data
    /// (`code.replace()` changes the copy's names).
    pub fn duplicate(&self) -> Code {
        Code {
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            filename: self.filename.clone(),
            firstlineno: self.firstlineno,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            flags: self.flags,
            instrs: self.instrs.clone(),
            positions: self.positions.clone(),
            consts: self.consts.clone(),
            names: self.names.clone(),
            varnames: self.varnames.clone(),
            cellvars: self.cellvars.clone(),
            freevars: self.freevars.clone(),
            cell2arg: self.cell2arg.clone(),
            doc: self.doc.clone(),
            exc_table: self.exc_table.clone(),
            stacksize: self.stacksize,
            caches: PyCell::new(vec![Cache::Empty; self.instrs.len()].into_boxed_slice()),
            layout: self.layout,
            extra: Default::default(),
            entry: Default::default(),
            weakrefs: Default::default(),
        }
    }

    /// A copy of a dying code object, revived to hear its DESTROY event; the
    /// per-code data moves with it, so its free functions run after the event.
    pub fn revive(&mut self) -> Code {
        let mut copy = self.duplicate();
        copy.extra = self.extra.take();
        copy
    }
}

impl Drop for Code {
    fn drop(&mut self) {
        if self.weakrefs.is_set() {
            crate::vm::weakrefs::referent_dying(self as *const Code as usize);
        }
        crate::watch::lifetime::code_dying(self);
    }
}
