//! A unit's ops: the operands they read and write, what each does with operands its
//! fast path does not take (`Slow`), and the ops themselves in their two forms (over
//! `Slot` / `Src` as the specialiser writes them, over registers as backends run
//! them).
//!
//! Depends on core's code objects (operator kinds) and values only.

use crate::deps::SiteId;
use tripwire_core::code::{BinOp, CmpOp};

/// Where a value lives while a unit runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A local variable's slot of the frame.
    Local(u32),
    /// An operand stack entry the frame held when the unit was entered (counted
    /// from the bottom of the frame's operand stack).
    Stack(u32),
    /// A temporary of the unit.
    Temp(u32),
}

/// An operand: a slot, or a constant of the unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Src {
    Slot(Slot),
    Const(u32),
}

/// A value's place in register form: its index from the frame's base in the value
/// stack. The frame's local slots come first, then the operand stack entries the
/// unit was entered with, then the unit's temporaries (pushed above those while it
/// runs), so every operand is one indexed load from one base.
pub type Reg = u32;

/// A source in register form: a register, or with `Operand::CONST` set, the index
/// of a constant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operand(pub u32);

impl Operand {
    pub const CONST: u32 = 1 << 31;
}

/// An op in register form, as backends run it.
pub type RegOp = Op<Operand, Reg>;

/// What `Op::Build` makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Built {
    Tuple,
    List,
    /// `start:stop` (two items) or `start:stop:step` (three).
    Slice,
    /// `range(...)` of one to three ints (the 64-bit kind), its step not 0.
    Range,
}

/// What `Op::Add` adds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Collection {
    List,
    Set,
    Dict,
}

/// Index of an op in `Unit::ops`.
pub type OpIndex = u32;

/// Index of an exit in `Unit::exits`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExitId(pub u32);

/// What an op does with operands its fast path does not handle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slow {
    /// Leave through the op's exit: the interpreter redoes the instruction.
    Exit,
    /// Run the interpreter's own implementation of the instruction (core's
    /// `binary_op`, `getitem`, ...), which may run Python code. An error raises
    /// from the instruction with the stack below its operands (`raise`); after it
    /// returns, a dropped unit or a trace function now set leaves through `after`
    /// (the result stored).
    Generic { raise: ExitId, after: ExitId },
    /// `Generic` for a branch: its `after` is where the interpreter goes on when
    /// the condition came out true, or false.
    Branch {
        raise: ExitId,
        on_true: ExitId,
        on_false: ExitId,
    },
}

/// The generic form of a `for` loop's step, for an iterator `ForNext` does not
/// step itself (a generator, a dict or set iterator, a class with `__next__`):
/// core's `Vm::next`, which may run Python code. An error raises through `raise`
/// (the iterator still on the stack, as the interpreter's step leaves it); after
/// Python code ran, a dropped unit or a trace function now set leaves through
/// `item` (the item stored, on into the body) or `exhausted` (the iterator
/// popped, on after the loop).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GenericStep {
    pub raise: ExitId,
    pub item: ExitId,
    pub exhausted: ExitId,
}

impl GenericStep {
    /// Its exits.
    pub fn exits(self) -> impl Iterator<Item = ExitId> {
        [self.raise, self.item, self.exhausted].into_iter()
    }
}

impl Slow {
    /// Its exits.
    pub fn exits(self) -> impl Iterator<Item = ExitId> {
        let exits: [Option<ExitId>; 3] = match self {
            Slow::Exit => [None, None, None],
            Slow::Generic { raise, after } => [Some(raise), Some(after), None],
            Slow::Branch {
                raise,
                on_true,
                on_false,
            } => [Some(raise), Some(on_true), Some(on_false)],
        };
        exits.into_iter().flatten()
    }
}

/// One specialised instruction. Every op that can find its operands of a kind it
/// does not handle leaves through its exit before changing anything, so the
/// interpreter redoes the instruction in full, or runs the instruction's generic
/// form as its `Slow` says.
///
/// A unit's ops read sources `S` and write slots `D` (`Src`, `Slot`); a backend
/// may lower them to operands of its own (`Op::lower`), keeping everything else.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op<S = Src, D = Slot> {
    /// A copy; from a local slot (`unbound` set), an unbound local (a null) leaves
    /// through `unbound`, which resumes at the `LoadFast` that read it.
    Move {
        dst: D,
        src: S,
        unbound: Option<ExitId>,
    },
    /// Drop the value a temporary holds (a popped result is released when the
    /// interpreter would release it); it holds a null after, as an unbound local.
    Clear {
        slot: D,
    },
    /// The entry of an inlined call: `func` must be the function the callee's body
    /// was compiled from (the constant `expected`), and the call (`level` calls
    /// deep counting the inlined calls it is in) must not be one past the
    /// recursion limit; else the interpreter makes the call (`exit`). At a
    /// polymorphic call site, another function goes on to the guard of the next
    /// body inlined there (`otherwise`) instead. Its site assumes the function's
    /// code and defaults (a function watcher).
    Inline {
        func: S,
        expected: u32,
        level: u32,
        site: SiteId,
        exit: ExitId,
        otherwise: Option<OpIndex>,
    },
    /// A global or builtin's value, folded in: the site's assumption says it is
    /// still bound to the constant (`Globals::Constant`).
    Watched {
        dst: D,
        constant: u32,
        site: SiteId,
    },
    /// A global or builtin read from cell `cell` of the unit, which the watcher
    /// rewrites when the name is rebound (`--globals=cell`); a null (the name
    /// deleted) leaves through the site's exit.
    CellLoad {
        dst: D,
        cell: u32,
        site: SiteId,
    },
    /// A global or builtin looked up at every execution (the constant `name` is
    /// its name); unbound, it exits.
    Global {
        dst: D,
        name: u32,
        exit: ExitId,
    },
    /// A call of a built-in function (`len`, `abs`, `math.sqrt`, `list.append`) or,
    /// in a unit with `python_calls`, of a Python function (run to completion by
    /// the interpreter, in a frame of its own): the callable, the receiver or a null, and the arguments
    /// (`operands[args.0 .. args.0 + args.1]`). Anything else as callable, or a
    /// profiler, exits through `exit` before the call, as do arguments other than
    /// numbers and strs with `plain`. An error raises from the
    /// call's instruction with the stack below it (`raise`); after it returns, a
    /// dropped unit or a trace or profile function now set leaves through `after`
    /// (the result pushed).
    Call {
        func: S,
        recv: S,
        args: (u32, u32),
        dst: D,
        exit: ExitId,
        raise: ExitId,
        after: ExitId,
        /// In an inlined body, where no Python code may run: a built-in that
        /// runs none on numbers and strs (`pure_on_plain`), its arguments checked
        /// to be those (anything else exits).
        plain: bool,
    },
    /// `obj.name` through attribute site `attr` (an instance attribute, a `__slots__`
    /// slot or a plain class attribute of the class the site is filled for);
    /// anything else exits.
    Attr {
        dst: D,
        obj: S,
        attr: u32,
        exit: ExitId,
    },
    /// `obj.name` for a call: the class's function (or a built-in type's method)
    /// into `dst` and `obj` into `recv`, as `LoadMethod` pushes them; an instance
    /// whose dict shadows the name, or anything else, exits.
    Method {
        dst: D,
        recv: D,
        obj: S,
        attr: u32,
        exit: ExitId,
    },
    /// `super().name` for a call, in a method of the class `class` holds (the
    /// constant `expected`, which the `__class__` cell held at compile time): the
    /// function after that class in the MRO of `obj`'s class into `dst` (through
    /// attribute site `attr`, filled for each class of `obj`; no instance dict
    /// consulted, as `super` does not) and `obj` into `recv`. Another class in
    /// `class`, or anything else, exits.
    SuperMethod {
        dst: D,
        recv: D,
        class: S,
        obj: S,
        expected: u32,
        attr: u32,
        exit: ExitId,
    },
    /// `obj.name` through a property: its getter (the function the attribute
    /// site `attr` found for `obj`'s class) into `dst` and `obj` into `recv`, for
    /// the inlined call of the getter that follows; anything else exits.
    Getter {
        dst: D,
        recv: D,
        obj: S,
        attr: u32,
        exit: ExitId,
    },
    /// `obj.name = value` into an instance's dict (unwatched) or slot; anything
    /// else exits.
    StoreAttr {
        obj: S,
        value: S,
        attr: u32,
        exit: ExitId,
    },
    /// A new instance of the class `cls` (a constant) with `nslots` empty slots,
    /// made as `Vm::plain_init` says its call makes them, for the inlined
    /// `__init__` that follows.
    NewInstance {
        dst: D,
        cls: u32,
        nslots: u32,
    },
    /// The guard of a binary operator's method inlined: `a` an instance of exactly
    /// the class `left`, `b` of exactly `right` (constants; an int's class takes
    /// any int but a bool); anything else exits.
    OperandTypes {
        a: S,
        b: S,
        left: u32,
        right: u32,
        exit: ExitId,
    },
    /// After a binary operator's method inlined, its result in `value`: a
    /// NotImplemented goes on with the rest of the operator's protocol on the
    /// operands `a` and `b` (core's `binary_op_after_left`), whose error raises
    /// through `raise`; any other value is the result.
    OperatorResult {
        value: D,
        a: S,
        b: S,
        op: BinOp,
        raise: ExitId,
    },
    /// A new tuple, list or slice of the operands `items` (a start and a count in
    /// `Unit::operands`); an unbound local among them exits.
    Build {
        kind: Built,
        dst: D,
        items: (u32, u32),
        exit: ExitId,
    },
    /// The value of the cell in local slot `cell` (a cell or free variable); an
    /// empty cell exits (the interpreter raises the NameError).
    Deref {
        dst: D,
        cell: D,
        exit: ExitId,
    },
    /// `item in container` (`not in` when `invert`) as a bool, for a dict or a
    /// set and a key whose hash and equality run no Python code, or a str in a
    /// str; anything else as `slow` says.
    Contains {
        dst: D,
        item: S,
        container: S,
        invert: bool,
        exit: ExitId,
        slow: Slow,
    },
    /// `obj[index]` on a list or tuple with an int index in range, or on a dict
    /// with such a key that it holds; anything else as `slow` says.
    Subscr {
        dst: D,
        obj: S,
        index: S,
        exit: ExitId,
        slow: Slow,
    },
    /// `obj[index] = value` on a list with an int index in range, or on an
    /// unwatched dict with such a key; anything else takes `slow`.
    StoreSubscr {
        obj: S,
        index: S,
        value: S,
        exit: ExitId,
        slow: Slow,
    },
    /// A comprehension's `ListAppend`, `SetAdd` or `MapAdd` into the list, set or
    /// dict it builds: `value` appended or added, or stored under `key` (for a
    /// list or a set, `key` is `value`). A set item or a dict key other than a str
    /// or an int, or anything else, exits.
    Add {
        into: Collection,
        target: S,
        key: S,
        value: S,
        exit: ExitId,
    },
    /// Int (in 64 bits) or float arithmetic; anything else, or an int overflow,
    /// as `slow` says (the in-place form of `op` with `inplace`).
    Arith {
        op: BinOp,
        inplace: bool,
        dst: D,
        a: S,
        b: S,
        exit: ExitId,
        slow: Slow,
    },
    /// Compare two ints or floats into a bool; anything else as `slow` says.
    Compare {
        op: CmpOp,
        dst: D,
        a: S,
        b: S,
        exit: ExitId,
        slow: Slow,
    },
    /// Compare two ints or floats and jump when the result equals `jump_if`;
    /// anything else as `slow` says.
    Branch {
        op: CmpOp,
        a: S,
        b: S,
        jump_if: bool,
        target: OpIndex,
        exit: ExitId,
        slow: Slow,
    },
    /// `a is b` (`is not` when `invert`) as a bool. An operand that is an
    /// unbound local leaves through `exit`, whose rebuild resumes at its load.
    Is {
        dst: D,
        a: S,
        b: S,
        invert: bool,
        exit: ExitId,
    },
    /// Jump when `a is b` equals `jump_if`; an unbound local leaves as `Is` does.
    BranchIs {
        a: S,
        b: S,
        jump_if: bool,
        target: OpIndex,
        exit: ExitId,
    },
    /// A tuple or list of exactly `n` items into the temporary `first` and the
    /// `n - 1` after it, the last item lowest (the stack order of `UnpackSequence`);
    /// anything else exits.
    Unpack {
        seq: S,
        first: D,
        n: u32,
        exit: ExitId,
    },
    /// Jump when the truth of a bool, an int, a float or None equals `jump_if`;
    /// anything else as `slow` says.
    BranchBool {
        value: S,
        jump_if: bool,
        target: OpIndex,
        exit: ExitId,
        slow: Slow,
    },
    /// A jump back (to the loop's head, or in an inner loop): one switch tick; when
    /// a thread switch, a signal or a finalizer is due, or the unit was dropped, it
    /// exits.
    LoopBack {
        target: OpIndex,
        exit: ExitId,
    },
    Jump {
        target: OpIndex,
    },
    /// `iter(src)` of a list, tuple or range (no Python code runs); anything else
    /// takes `slow` (core's `get_iter`, which may run `__iter__`).
    GetIter {
        dst: D,
        src: S,
        exit: ExitId,
        slow: Slow,
    },
    /// The next item of the range, list or tuple iterator in `iter` into `dst`, then
    /// on to `item`; on to `done` once it is exhausted. Any other iterator takes
    /// the generic step `generic` (an index into `Unit::steps`), or exits through
    /// `exit` when it has none. With `back`, the jump to `item` goes back: one
    /// tick, and a thread switch, signal or finalizer due, or the unit dropped,
    /// leaves through `back` (the item stored).
    ForNext {
        iter: D,
        dst: D,
        item: OpIndex,
        done: OpIndex,
        exit: ExitId,
        back: Option<ExitId>,
        generic: Option<u32>,
    },
    /// Return `value` from the frame (a whole function's unit), as the `Return` or
    /// `ReturnConst` at `pc` does; an unbound local leaves through `unbound`.
    Return {
        value: S,
        unbound: ExitId,
        pc: u32,
    },
    Exit(ExitId),
}

impl<S: Copy, D: Copy> Op<S, D> {
    /// The same op over other operands: each source through `src`, each slot
    /// through `slot`.
    pub fn lower<S2, D2>(self, src: impl Fn(S) -> S2, slot: impl Fn(D) -> D2) -> Op<S2, D2> {
        match self {
            Op::Move {
                dst,
                src: s,
                unbound,
            } => Op::Move {
                dst: slot(dst),
                src: src(s),
                unbound,
            },
            Op::Clear { slot: d } => Op::Clear { slot: slot(d) },
            Op::Inline {
                func,
                expected,
                level,
                site,
                exit,
                otherwise,
            } => Op::Inline {
                func: src(func),
                expected,
                level,
                site,
                exit,
                otherwise,
            },
            Op::Watched {
                dst,
                constant,
                site,
            } => Op::Watched {
                dst: slot(dst),
                constant,
                site,
            },
            Op::CellLoad { dst, cell, site } => Op::CellLoad {
                dst: slot(dst),
                cell,
                site,
            },
            Op::Global { dst, name, exit } => Op::Global {
                dst: slot(dst),
                name,
                exit,
            },
            Op::Call {
                func,
                recv,
                args,
                dst,
                exit,
                raise,
                after,
                plain,
            } => Op::Call {
                func: src(func),
                recv: src(recv),
                args,
                dst: slot(dst),
                exit,
                raise,
                after,
                plain,
            },
            Op::Attr {
                dst,
                obj,
                attr,
                exit,
            } => Op::Attr {
                dst: slot(dst),
                obj: src(obj),
                attr,
                exit,
            },
            Op::Method {
                dst,
                recv,
                obj,
                attr,
                exit,
            } => Op::Method {
                dst: slot(dst),
                recv: slot(recv),
                obj: src(obj),
                attr,
                exit,
            },
            Op::Getter {
                dst,
                recv,
                obj,
                attr,
                exit,
            } => Op::Getter {
                dst: slot(dst),
                recv: slot(recv),
                obj: src(obj),
                attr,
                exit,
            },
            Op::SuperMethod {
                dst,
                recv,
                class,
                obj,
                expected,
                attr,
                exit,
            } => Op::SuperMethod {
                dst: slot(dst),
                recv: slot(recv),
                class: src(class),
                obj: src(obj),
                expected,
                attr,
                exit,
            },
            Op::StoreAttr {
                obj,
                value,
                attr,
                exit,
            } => Op::StoreAttr {
                obj: src(obj),
                value: src(value),
                attr,
                exit,
            },
            Op::OperandTypes {
                a,
                b,
                left,
                right,
                exit,
            } => Op::OperandTypes {
                a: src(a),
                b: src(b),
                left,
                right,
                exit,
            },
            Op::OperatorResult {
                value,
                a,
                b,
                op,
                raise,
            } => Op::OperatorResult {
                value: slot(value),
                a: src(a),
                b: src(b),
                op,
                raise,
            },
            Op::NewInstance { dst, cls, nslots } => Op::NewInstance {
                dst: slot(dst),
                cls,
                nslots,
            },
            Op::Build {
                kind,
                dst,
                items,
                exit,
            } => Op::Build {
                kind,
                dst: slot(dst),
                items,
                exit,
            },
            Op::Deref { dst, cell, exit } => Op::Deref {
                dst: slot(dst),
                cell: slot(cell),
                exit,
            },
            Op::Compare {
                op,
                dst,
                a,
                b,
                exit,
                slow,
            } => Op::Compare {
                op,
                dst: slot(dst),
                a: src(a),
                b: src(b),
                exit,
                slow,
            },
            Op::Contains {
                dst,
                item,
                container,
                invert,
                exit,
                slow,
            } => Op::Contains {
                dst: slot(dst),
                item: src(item),
                container: src(container),
                invert,
                exit,
                slow,
            },
            Op::Subscr {
                dst,
                obj,
                index,
                exit,
                slow,
            } => Op::Subscr {
                dst: slot(dst),
                obj: src(obj),
                index: src(index),
                exit,
                slow,
            },
            Op::StoreSubscr {
                obj,
                index,
                value,
                exit,
                slow,
            } => Op::StoreSubscr {
                obj: src(obj),
                index: src(index),
                value: src(value),
                exit,
                slow,
            },
            Op::Add {
                into,
                target,
                key,
                value,
                exit,
            } => Op::Add {
                into,
                target: src(target),
                key: src(key),
                value: src(value),
                exit,
            },
            Op::Arith {
                op,
                inplace,
                dst,
                a,
                b,
                exit,
                slow,
            } => Op::Arith {
                op,
                inplace,
                dst: slot(dst),
                a: src(a),
                b: src(b),
                exit,
                slow,
            },
            Op::Branch {
                op,
                a,
                b,
                jump_if,
                target,
                exit,
                slow,
            } => Op::Branch {
                op,
                a: src(a),
                b: src(b),
                jump_if,
                target,
                exit,
                slow,
            },
            Op::Is {
                dst,
                a,
                b,
                invert,
                exit,
            } => Op::Is {
                dst: slot(dst),
                a: src(a),
                b: src(b),
                invert,
                exit,
            },
            Op::BranchIs {
                a,
                b,
                jump_if,
                target,
                exit,
            } => Op::BranchIs {
                a: src(a),
                b: src(b),
                jump_if,
                target,
                exit,
            },
            Op::Unpack {
                seq,
                first,
                n,
                exit,
            } => Op::Unpack {
                seq: src(seq),
                first: slot(first),
                n,
                exit,
            },
            Op::BranchBool {
                value,
                jump_if,
                target,
                exit,
                slow,
            } => Op::BranchBool {
                value: src(value),
                jump_if,
                target,
                exit,
                slow,
            },
            Op::LoopBack { target, exit } => Op::LoopBack { target, exit },
            Op::Jump { target } => Op::Jump { target },
            Op::GetIter {
                dst,
                src: s,
                exit,
                slow,
            } => Op::GetIter {
                dst: slot(dst),
                src: src(s),
                exit,
                slow,
            },
            Op::ForNext {
                iter,
                dst,
                item,
                done,
                exit,
                back,
                generic,
            } => Op::ForNext {
                iter: slot(iter),
                dst: slot(dst),
                item,
                done,
                exit,
                back,
                generic,
            },
            Op::Return { value, unbound, pc } => Op::Return {
                value: src(value),
                unbound,
                pc,
            },
            Op::Exit(exit) => Op::Exit(exit),
        }
    }
}
