//! Calls: binding arguments to parameters (with CPython's error messages), pushing
//! Python frames, calling native functions, bound methods, classes and objects with
//! `__call__`.

use super::eval::{CallOutcome, Exit};
use super::frame::Frame;
use super::hooks::Detour;
use super::{PyResult, Vm};
use crate::code::{flags, Code};
use crate::object::function::KwArg;
use crate::object::{Dict, Function, PyStr, Tuple, Value};
use smallvec::SmallVec;
use std::rc::Rc;

type Args = SmallVec<[Value; 8]>;

/// Builtin calls with at most this many arguments (the receiver included) take
/// them from a buffer on the Rust stack.
const INLINE_ARGS: usize = 4;

impl Vm {
    /// Call any callable from Rust.
    pub fn call(&mut self, f: &Value, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
        match f {
            Value::Function(func) => self.call_function(func, args, kwargs),
            Value::Builtin(b) => match &b.bound {
                Some(recv) => {
                    let mut all: Args = SmallVec::with_capacity(args.len() + 1);
                    all.push(recv.clone());
                    all.extend(args.iter().cloned());
                    (b.func)(self, &all, kwargs)
                }
                None => (b.func)(self, args, kwargs),
            },
            Value::Method(m) => {
                let mut all: Args = SmallVec::with_capacity(args.len() + 1);
                all.push(m.receiver.clone());
                all.extend(args.iter().cloned());
                let func = m.func.clone();
                self.call(&func, &all, kwargs)
            }
            Value::Type(t) => crate::builtins::types::call_type(self, t, args, kwargs),
            _ => {
                let name = self.names.d_call.clone();
                let cls = self.type_of(f);
                match cls.lookup(&name) {
                    Some(m)
                        if !matches!(f, Value::Obj(_))
                            || !cls.builtin
                            || matches!(m, Value::Builtin(_)) =>
                    {
                        self.call_method_value_kw(m, f, args, kwargs)
                    }
                    _ => Err(self
                        .type_error(format!("'{}' object is not callable", cls.name().as_str()))),
                }
            }
        }
    }

    /// Call a function found on a type with `recv` as first argument.
    pub fn call_method_value(&mut self, m: Value, recv: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_method_value_kw(m, recv, args, &[])
    }

    pub fn call_method_value_kw(
        &mut self,
        m: Value,
        recv: &Value,
        args: &[Value],
        kwargs: &[KwArg],
    ) -> PyResult<Value> {
        match &m {
            Value::Function(_) | Value::Builtin(_) => {
                let mut all: Args = SmallVec::with_capacity(args.len() + 1);
                all.push(recv.clone());
                all.extend(args.iter().cloned());
                self.call(&m, &all, kwargs)
            }
            _ => {
                let bound = self.bind_descriptor(m, recv)?;
                self.call(&bound, args, kwargs)
            }
        }
    }

    /// Call `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let n = self.intern(name);
        let (f, recv) = self.load_method(obj, &n)?;
        if recv.is_null() {
            self.call(&f, args, &[])
        } else {
            self.call_method_value(f, &recv, args)
        }
    }

    /// Run a Python function to completion (a native boundary).
    pub fn call_function(
        &mut self,
        func: &Rc<Function>,
        args: &[Value],
        kwargs: &[KwArg],
    ) -> PyResult<Value> {
        // Checked before the frame is pushed, so a refusal leaves no frame behind.
        self.check_native_stack()?;
        let ret_sp = self.stack.len();
        let base = ret_sp;
        self.stack.extend(args.iter().cloned());
        match self.push_frame(func, base, args.len(), kwargs, ret_sp, true)? {
            Some(generator) => Ok(generator),
            None => {
                self.native_depth += 1;
                let r = self.run();
                self.native_depth -= 1;
                match r? {
                    Exit::Return(v) => Ok(v),
                    Exit::Yield(v) => Ok(v),
                }
            }
        }
    }

    /// Set up a frame for `func` whose `nargs` positional arguments are already on
    /// the stack at `base`. Returns Some(generator) for generator functions (no frame
    /// is left pushed).
    pub fn push_frame(
        &mut self,
        func: &Rc<Function>,
        base: usize,
        nargs: usize,
        kwargs: &[KwArg],
        ret_sp: usize,
        entry: bool,
    ) -> PyResult<Option<Value>> {
        let code = func.code();
        if self.frames.len() >= self.recursion_limit {
            self.stack.truncate(ret_sp);
            return Err(self.recursion_error());
        }
        let argcount = code.argcount as usize;
        let positional_only_call = kwargs.is_empty()
            && code.kwonlyargcount == 0
            && code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0;
        let simple = positional_only_call && nargs == argcount;
        // Missing trailing positionals taken from `__defaults__` need no binding pass.
        let filled_by_defaults = positional_only_call
            && nargs < argcount
            && match &*func.defaults.borrow() {
                Some(defaults) if argcount - nargs <= defaults.items.len() => {
                    let skip = defaults.items.len() - (argcount - nargs);
                    self.stack.extend(defaults.items[skip..].iter().cloned());
                    true
                }
                _ => false,
            };
        if !simple && !filled_by_defaults {
            let args: Vec<Value> = self.stack.drain(base..).collect();
            let bound = match self.bind_args(func, &code, args, kwargs) {
                Ok(b) => b,
                Err(e) => {
                    self.stack.truncate(ret_sp);
                    return Err(e);
                }
            };
            self.stack.extend(bound);
        }
        self.push_bound_frame(func, code, base, ret_sp, entry)
    }

    /// Push the frame of a call whose parameters are bound: their values are on the
    /// stack from `base`. Returns Some(generator) for generator functions (no frame
    /// is left pushed), or the result when a hook evaluated the frame.
    fn push_bound_frame(
        &mut self,
        func: &Rc<Function>,
        code: Rc<Code>,
        base: usize,
        ret_sp: usize,
        entry: bool,
    ) -> PyResult<Option<Value>> {
        // The local slots past the arguments start unbound; room for the frame's
        // operand stack is made at the same time. (`Vec::resize` is an outlined call
        // that writes whole values.)
        let end = base + code.nlocalsplus();
        let len = self.stack.len();
        self.stack
            .reserve((end + code.stacksize as usize).saturating_sub(len));
        if len > end {
            self.stack.truncate(end);
        } else {
            // SAFETY: `reserve` made room for the slots up to `end`; each is written
            // before the length covers it.
            unsafe {
                let slots = self.stack.as_mut_ptr();
                for i in len..end {
                    slots.add(i).write(Value::Null);
                }
                self.stack.set_len(end);
            }
        }
        self.make_cells(&code, func, base);
        if code.is_generator() {
            // The generator's segment of the value stack, with room for its frame's
            // operand stack (and the value sent in).
            let mut locals = Vec::with_capacity(super::generator::segment_room(&code));
            locals.extend(self.stack.drain(base..));
            self.stack.truncate(ret_sp);
            let async_gen = code.is_async_generator();
            let g = Rc::new(super::generator::Generator::new(func, code, locals));
            crate::object::tracking::generator(&g);
            if async_gen {
                return self.async_generator(Value::Generator(g)).map(Some);
            }
            return Ok(Some(Value::Generator(g)));
        }
        self.enter_frame(|| Frame {
            scope: super::frame::Scope::Function(func.clone()),
            code,
            locals: None,
            base,
            ret_sp,
            pc: 0,
            entry,
            owns_segment: false,
            init_of: None,
            gen: None,
            data: None,
            suspended: None,
        });
        if self.thread.frame_entry {
            if let Err(detour) = self.frame_entering() {
                let (Exit::Return(v) | Exit::Yield(v)) = detour.outcome()?;
                return Ok(Some(v));
            }
        }
        Ok(None)
    }

    /// The Call instruction's fast path: a Python function called with exactly its
    /// positional parameters, needing no binding (see `simple_code`), or a class
    /// whose plain `__init__` is such a function. Its frame is pushed
    /// (or run by a hook, the result pushed) and true returned; false leaves
    /// everything as it was, for `call_instr`.
    #[inline(always)]
    pub fn push_simple_frame(&mut self, n: usize) -> PyResult<bool> {
        let len = self.stack.len();
        // SAFETY: the Call instruction's operands.
        let (recv_at, callable, recv) = unsafe { self.call_operands(n) };
        let (func, code, args_start) = match callable {
            Value::Function(func) => {
                let args_start = if recv.is_null() { recv_at + 1 } else { recv_at };
                let Some(code) = self.simple_code(func, len - args_start) else {
                    return Ok(false);
                };
                (func.clone(), code, args_start)
            }
            Value::Type(t) if recv.is_null() => {
                let t = t.clone();
                return self.push_simple_init(&t, recv_at);
            }
            _ => return Ok(false),
        };
        self.enter_simple_frame(func, code, args_start, recv_at - 1, None);
        if self.thread.frame_entry {
            if let Err(detour) = self.frame_entering() {
                self.simple_frame_detoured(recv_at - 1, detour)?;
            }
        }
        Ok(true)
    }

    /// A frame pushed by the Call fast path did not simply start (see
    /// `frame_entering`): when a hook evaluated it, its result replaces the call on
    /// the caller's stack (cut back to `ret_sp`).
    #[cold]
    #[inline(never)]
    fn simple_frame_detoured(&mut self, ret_sp: usize, detour: Detour) -> PyResult<()> {
        let (Exit::Return(v) | Exit::Yield(v)) = detour.outcome()?;
        self.truncate_stack(ret_sp);
        self.push(v);
        Ok(())
    }

    /// A class call's fast path: the instance is made and its `__init__` frame
    /// pushed, the instance taking the null's place as `self`.
    #[inline(never)]
    fn push_simple_init(&mut self, t: &crate::object::TypeRef, recv_at: usize) -> PyResult<bool> {
        let Some((init, nslots)) = self.plain_init(t) else {
            return Ok(false);
        };
        let Some(code) = self.simple_code(&init, self.stack.len() - recv_at) else {
            return Ok(false);
        };
        let obj = crate::builtins::types::new_plain_instance(t, nslots);
        Value::replace_split(&mut self.stack[recv_at], obj.dup()).release();
        let hooked = self.thread.frame_entry.then(|| obj.dup());
        self.enter_simple_frame(init, code, recv_at, recv_at - 1, Some(obj));
        if let Some(obj) = hooked {
            if let Err(detour) = self.frame_entering() {
                self.simple_init_detoured(recv_at - 1, obj, detour)?;
            }
        }
        Ok(true)
    }

    /// The `__init__` frame of a class call's fast path did not simply start (see
    /// `frame_entering`): when a hook evaluated it, the instance replaces the call on
    /// the caller's stack. (Run by the loop, the frame returns the instance, having
    /// checked that `__init__` returned None; a hook that made the outcome itself
    /// must give None.)
    #[cold]
    #[inline(never)]
    fn simple_init_detoured(&mut self, ret_sp: usize, obj: Value, detour: Detour) -> PyResult<()> {
        let (Exit::Return(v) | Exit::Yield(v)) = detour.outcome()?;
        if !(v.is_none() || v.is(&obj)) {
            return Err(self.type_error(format!(
                "__init__() should return None, not '{}'",
                self.type_name(&v)
            )));
        }
        self.truncate_stack(ret_sp);
        self.push(obj);
        Ok(())
    }

    /// The code of `func` if a call with `nargs` positional arguments needs no
    /// binding: exactly its positional parameters, no `*args`, `**kwargs` or
    /// keyword-only parameters, not a generator (`enter_simple_frame` makes the cells
    /// and installs the closure).
    #[inline(always)]
    pub(super) fn simple_code(&self, func: &Function, nargs: usize) -> Option<Rc<Code>> {
        let code = func.code.borrow();
        if code.layout.plain_argcount as usize != nargs || self.frames.len() >= self.recursion_limit
        {
            return None;
        }
        Some(code.clone())
    }

    /// Push the frame of a call `simple_code` accepted; its arguments are on the
    /// stack from `base`, and returning cuts the stack back to `ret_sp` (the callable).
    #[inline(always)]
    fn enter_simple_frame(
        &mut self,
        func: Rc<Function>,
        code: Rc<Code>,
        base: usize,
        ret_sp: usize,
        init_of: Option<Value>,
    ) {
        let len = self.stack.len();
        let end = base + code.nlocalsplus();
        self.stack.reserve(end - len + code.stacksize as usize);
        // SAFETY: `reserve` made room up to `end`; each slot past the arguments is
        // written (unbound) before the length covers it.
        unsafe {
            let slots = self.stack.as_mut_ptr();
            for i in len..end {
                slots.add(i).write(Value::Null);
            }
            self.stack.set_len(end);
        }
        self.make_cells(&code, &func, base);
        self.enter_frame(|| Frame {
            scope: super::frame::Scope::Function(func),
            code,
            locals: None,
            base,
            ret_sp,
            pc: 0,
            entry: false,
            owns_segment: false,
            init_of,
            gen: None,
            data: None,
            suspended: None,
        });
    }

    /// The Call instruction's fast path for a built-in function or unbound method
    /// without keywords (and no profiler to tell): the arguments move off the stack
    /// word by word and the native function is called directly. None when it does
    /// not apply (nothing is touched); otherwise the call's outcome, its result
    /// pushed.
    #[inline(always)]
    pub fn call_simple_builtin(&mut self, n: usize) -> Option<PyResult<()>> {
        let len = self.stack.len();
        // SAFETY: the Call instruction's operands.
        let (recv_at, callable, recv) = unsafe { self.call_operands(n) };
        let Value::Builtin(b) = callable else {
            return None;
        };
        if b.bound.is_some() || !self.thread.profile.is_none() {
            return None;
        }
        let func = b.func;
        let args_start = if recv.is_null() { recv_at + 1 } else { recv_at };
        let nargs = len - args_start;
        if nargs > INLINE_ARGS {
            let mut args: Args = SmallVec::with_capacity(nargs);
            // SAFETY: the slots from `args_start` to `len` hold the arguments; the
            // length is cut first, so each moves to exactly one owner, `args`.
            unsafe {
                self.stack.set_len(args_start);
                let slots = self.stack.as_ptr();
                for i in args_start..len {
                    args.push(Value::read_split(slots.add(i)));
                }
            }
            self.truncate_stack(recv_at - 1);
            let r = func(self, &args, &[]);
            return Some(self.push_result(r));
        }
        // Few arguments (most calls): they move to a buffer on the Rust stack, not a
        // 144-byte SmallVec that is zeroed, moved and dropped through its own branches.
        let mut buf = [const { std::mem::MaybeUninit::<Value>::uninit() }; INLINE_ARGS];
        // SAFETY: as above, the `nargs` argument slots move out, into `buf[..nargs]`,
        // which is initialised from here until the release below.
        let args = unsafe {
            self.stack.set_len(args_start);
            let slots = self.stack.as_ptr();
            for (k, slot) in buf.iter_mut().take(nargs).enumerate() {
                slot.write(Value::read_split(slots.add(args_start + k)));
            }
            std::slice::from_raw_parts(buf.as_ptr() as *const Value, nargs)
        };
        // The callable and the null (or receiver, now the first argument) go; the
        // function pointer needs no reference to the builtin object.
        self.truncate_stack(recv_at - 1);
        let r = func(self, args, &[]);
        for slot in buf.iter_mut().take(nargs) {
            // SAFETY: each of the first `nargs` slots was written above and is read once.
            unsafe { slot.assume_init_read() }.release();
        }
        Some(self.push_result(r))
    }

    /// The Call / CallKw instructions: [callable, self_or_null, args..., (kwnames)].
    pub fn call_instr(&mut self, n: usize, kwnames: Option<Value>) -> PyResult<CallOutcome> {
        let len = self.stack.len();
        let recv_at = len - n - 1;
        let func_at = recv_at - 1;
        let has_self = !self.stack[recv_at].is_null();
        let kwnames: &[Value] = match &kwnames {
            Some(Value::Tuple(t)) => &t.items,
            _ => &[],
        };
        let names =
            || -> Vec<Rc<PyStr>> { kwnames.iter().filter_map(|v| v.as_str().cloned()).collect() };
        let callee = self.stack[func_at].clone();
        // Unwrap bound methods into (function, self) in place.
        let (callee, has_self) = match (&callee, has_self) {
            (Value::Method(m), false) => {
                self.stack[func_at] = m.func.clone();
                self.stack[recv_at] = m.receiver.clone();
                (m.func.clone(), true)
            }
            _ => (callee, has_self),
        };
        if let (Value::Type(t), false) = (&callee, has_self) {
            if let Some((init, nslots)) = self.plain_init(t) {
                let npos = len - recv_at - 1 - kwnames.len();
                let obj = crate::builtins::types::new_plain_instance(t, nslots);
                self.stack[recv_at] = obj.clone();
                let code = init.code();
                // Where the `__init__` frame goes: a hook may run it partway and
                // push frames above it (a call it is suspended at, or one it had
                // inlined), so it need not be the top frame after.
                let init_frame = self.frames.len();
                let pushed = if self.frames.len() < self.recursion_limit
                    && self.bind_keywords_in_place(&init, &code, recv_at, npos + 1, kwnames)
                {
                    self.push_bound_frame(&init, code, recv_at, func_at, false)?
                } else {
                    let kwargs: Vec<KwArg> = if kwnames.is_empty() {
                        Vec::new()
                    } else {
                        let vals: Vec<Value> = self.stack.drain(len - kwnames.len()..).collect();
                        names().into_iter().zip(vals).collect()
                    };
                    self.push_frame(&init, recv_at, npos + 1, &kwargs, func_at, false)?
                };
                return match pushed {
                    Some(v) if !v.is_none() => Err(self.type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(&v)
                    ))),
                    Some(_) => {
                        // A hook evaluated the `__init__` frame.
                        self.stack.truncate(func_at);
                        self.push(obj);
                        Ok(CallOutcome::Done)
                    }
                    None => {
                        if let Some(f) = self.frames.get_mut(init_frame) {
                            f.init_of = Some(obj);
                        }
                        Ok(CallOutcome::Pushed)
                    }
                };
            }
        }
        let args_start = if has_self { recv_at } else { recv_at + 1 };
        let total = len - args_start;
        if let Value::Function(func) = &callee {
            let npos = total - kwnames.len();
            let code = func.code();
            if self.frames.len() < self.recursion_limit
                && self.bind_keywords_in_place(func, &code, args_start, npos, kwnames)
            {
                return match self.push_bound_frame(func, code, args_start, func_at, false)? {
                    Some(generator) => {
                        self.stack.truncate(func_at);
                        self.stack.push(generator);
                        Ok(CallOutcome::Done)
                    }
                    None => Ok(CallOutcome::Pushed),
                };
            }
            let kwargs: Vec<KwArg> = if kwnames.is_empty() {
                Vec::new()
            } else {
                let vals: Vec<Value> = self.stack.drain(len - kwnames.len()..).collect();
                names().into_iter().zip(vals).collect()
            };
            return match self.push_frame(func, args_start, npos, &kwargs, func_at, false)? {
                Some(generator) => {
                    self.stack.truncate(func_at);
                    self.stack.push(generator);
                    Ok(CallOutcome::Done)
                }
                None => Ok(CallOutcome::Pushed),
            };
        }
        let args: Args = self.stack.drain(args_start..).collect();
        self.stack.truncate(func_at);
        let npos = args.len() - kwnames.len();
        let kwargs: Vec<KwArg> = names()
            .into_iter()
            .zip(args[npos..].iter().cloned())
            .collect();
        let r = match &callee {
            Value::Builtin(_) if !self.thread.profile.is_none() => {
                self.profile_native_call(&callee, &args[..npos], &kwargs)
            }
            _ => self.call(&callee, &args[..npos], &kwargs),
        };
        self.push_result(r)?;
        Ok(CallOutcome::Done)
    }

    /// The Python `__init__` of a class whose instances are made the ordinary way
    /// (object.__new__, no metaclass `__call__`, not abstract): its call can run as a
    /// frame of the evaluation loop. With the instances' slot count; cached on the
    /// class under its version tag, which any change to it or its bases replaces.
    ///
    /// For extensions that make such calls their own way (the optimizer inlines
    /// them): the instance is `builtins::types::new_plain_instance(t, nslots)`, and
    /// a call resumed in the middle of the `__init__` is
    /// `Vm::push_resumed_init_frame`. A type watcher on the class hears of every
    /// change that could change the answer.
    pub fn plain_init(&self, t: &crate::object::TypeRef) -> Option<(Rc<Function>, usize)> {
        // Built-in types never qualify; their calls (`str(x)`, `int(x)`) skip the
        // cache check.
        if t.builtin {
            return None;
        }
        let version = t.version();
        {
            let cache = t.init_cache.borrow();
            if version != 0 && cache.version == version {
                let (init, nslots) = cache.init.as_ref()?;
                return init.upgrade().map(|f| (f, *nslots));
            }
        }
        let found = self.find_plain_init(t);
        if version != 0 {
            *t.init_cache.borrow_mut() = crate::object::types::InitCache {
                version,
                init: found.as_ref().map(|(f, n)| (Rc::downgrade(f), *n)),
            };
        }
        found
    }

    /// `plain_init` without the cache.
    fn find_plain_init(&self, t: &crate::object::TypeRef) -> Option<(Rc<Function>, usize)> {
        if t.builtin
            || t.layout != crate::object::types::Layout::Object
            || t.meta.borrow().is_some()
        {
            return None;
        }
        if !t
            .lookup(&self.names.d_new)
            .is_some_and(|n| crate::builtins::dunders::is_builtin_new(&n))
        {
            return None;
        }
        // An abstract class's call reports its abstract methods: the general path.
        if t.lookup(&crate::object::str::intern("__abstractmethods__"))
            .is_some()
        {
            return None;
        }
        match t.lookup(&self.names.d_init)? {
            Value::Function(f) => {
                let nslots = t.mro.borrow().iter().map(|c| c.slot_names.len()).sum();
                Some((f, nslots))
            }
            _ => None,
        }
    }

    /// CPython's `_PyObject_FunctionStr`: how error messages name a callable.
    pub fn function_str(&mut self, f: &Value) -> String {
        match f {
            Value::Function(func) => {
                let module = func.module.borrow().clone();
                match module.as_str() {
                    Some(m) if m.as_str() != "builtins" => {
                        format!("{}.{}()", m.as_str(), func.qualname().as_str())
                    }
                    _ => format!("{}()", func.qualname().as_str()),
                }
            }
            Value::Method(m) => {
                let inner = m.func.clone();
                self.function_str(&inner)
            }
            Value::Builtin(b) => format!("{}()", b.name),
            Value::Type(t) => format!("{}()", t.qualname.borrow().as_str()),
            other => format!("{} object", self.type_name(other)),
        }
    }

    /// `**kwargs` of a call merged into the keyword dict, with the call's errors.
    pub fn merge_call_kwargs(&mut self, d: &Dict, src: &Value, func: &Value) -> PyResult<()> {
        let items: Vec<(Value, Value)> = match src {
            Value::Dict(s) => s.items(),
            other => {
                let keys_name = self.intern("keys");
                let Some(keys) = self.get_attr_opt(other, &keys_name)? else {
                    let desc = self.function_str(func);
                    return Err(self.type_error(format!(
                        "{} argument after ** must be a mapping, not {}",
                        desc,
                        self.type_name(other)
                    )));
                };
                let keys = self.call(&keys, &[], &[])?;
                let mut out = Vec::new();
                for k in self.collect_iterable(&keys)? {
                    let v = self.getitem(other, &k)?;
                    out.push((k, v));
                }
                out
            }
        };
        for (k, v) in items {
            let Value::Str(name) = &k else {
                let desc = self.function_str(func);
                return Err(self.type_error(format!("{desc} keywords must be strings")));
            };
            if d.get_str(name).is_some() {
                let desc = self.function_str(func);
                return Err(self.type_error(format!(
                    "{} got multiple values for keyword argument '{}'",
                    desc,
                    name.as_str()
                )));
            }
            d.set_str(name.clone(), v);
        }
        Ok(())
    }

    /// `f(*args, **kwargs)`.
    pub fn call_ex(&mut self, f: &Value, args: &Value, kwargs: &Value) -> PyResult<Value> {
        let pos: Vec<Value> = match args {
            Value::Tuple(t) => t.items.to_vec(),
            other => self.collect_iterable(other)?,
        };
        let mut kw: Vec<KwArg> = Vec::new();
        if let Value::Dict(d) = kwargs {
            for (k, v) in d.items() {
                match k {
                    Value::Str(s) => kw.push((s, v)),
                    _ => return Err(self.type_error("keywords must be strings")),
                }
            }
        }
        self.call(f, &pos, &kw)
    }

    /// CallKw's binding without copies, for the calls that bind cleanly: a function
    /// without `*args` / `**kwargs`, at most its positional parameters passed
    /// positionally, every keyword naming a distinct parameter not already given
    /// (and not positional-only), and every parameter left out having a default.
    /// The keyword values on top of the stack move into their parameters' slots and
    /// defaults fill the rest, leaving the bound parameters from `base`; true then.
    /// Any other call returns false with nothing touched, for `bind_args`, which
    /// also words the errors.
    fn bind_keywords_in_place(
        &mut self,
        func: &Function,
        code: &Code,
        base: usize,
        npos: usize,
        kwnames: &[Value],
    ) -> bool {
        // The parameters given are a bit mask; `npos` may reach this, and the mask of
        // the first `npos` is `(1 << npos) - 1`.
        const MAX_PARAMS: usize = 63;
        let argcount = code.argcount as usize;
        let total = argcount + code.kwonlyargcount as usize;
        if code.flags & (flags::VARARGS | flags::VARKEYWORDS) != 0
            || npos > argcount
            || total > MAX_PARAMS
            || kwnames.is_empty()
        {
            return false;
        }
        let mut target: SmallVec<[usize; 8]> = SmallVec::with_capacity(kwnames.len());
        let mut given: u64 = (1u64 << npos) - 1;
        let first_keyword = (code.posonlyargcount as usize).max(npos);
        for name in kwnames {
            let Value::Str(name) = name else {
                return false;
            };
            let Some(j) = code.varnames[..total]
                .iter()
                .position(|v| Rc::ptr_eq(v, name) || v.as_str() == name.as_str())
            else {
                return false;
            };
            if j < first_keyword || given & (1 << j) != 0 {
                return false;
            }
            given |= 1 << j;
            target.push(j);
        }
        let defaults = func.defaults.borrow().clone();
        let ndefaults = defaults.as_ref().map_or(0, |d| d.items.len());
        let kwdefaults = func.kwdefaults.borrow().clone();
        let missing = |j: usize| given & (1 << j) == 0;
        // `__defaults__` may outnumber the parameters (after an assignment to it or
        // to `__code__`); its last item is always the last parameter's.
        let first_default = argcount.saturating_sub(ndefaults);
        if (npos..first_default).any(missing) {
            return false;
        }
        let kwonly_defaults = (argcount..total)
            .filter(|&j| missing(j))
            .map(|j| kwdefaults.as_ref()?.get_str(&code.varnames[j]))
            .collect::<Option<SmallVec<[Value; 4]>>>();
        let Some(kwonly_defaults) = kwonly_defaults else {
            return false;
        };
        let kw_at = self.stack.len() - kwnames.len();
        let values: SmallVec<[Value; 8]> = self.stack.drain(kw_at..).collect();
        self.stack.resize(base + total, Value::Null);
        for (j, v) in target.into_iter().zip(values) {
            self.stack[base + j] = v;
        }
        if let Some(defaults) = &defaults {
            for j in (npos..argcount).filter(|&j| missing(j)) {
                self.stack[base + j] = defaults.items[ndefaults + j - argcount].clone();
            }
        }
        let kwonly_missing = (argcount..total).filter(|&j| missing(j));
        for (j, v) in kwonly_missing.zip(kwonly_defaults) {
            self.stack[base + j] = v;
        }
        true
    }

    /// Bind call arguments to a code object's parameters.
    fn bind_args(
        &mut self,
        func: &Function,
        code: &Code,
        args: Vec<Value>,
        kwargs: &[KwArg],
    ) -> PyResult<Vec<Value>> {
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let total = argcount + kwonly;
        let has_varargs = code.flags & flags::VARARGS != 0;
        let has_varkw = code.flags & flags::VARKEYWORDS != 0;
        let nslots = total + has_varargs as usize + has_varkw as usize;
        let mut slots: Vec<Value> = vec![Value::Null; nslots];
        let qualname = func.qualname();
        let fname = qualname.as_str();
        let npos = args.len();
        let mut args = args.into_iter();
        for slot in slots.iter_mut().take(argcount.min(npos)) {
            *slot = args.next().unwrap_or(Value::None);
        }
        if has_varargs {
            let rest: Vec<Value> = args.collect();
            slots[total] = Value::tuple(rest);
        } else if npos > argcount {
            let defaults = func
                .defaults
                .borrow()
                .as_ref()
                .map(|d| d.items.len())
                .unwrap_or(0);
            let given_kwonly = kwargs
                .iter()
                .filter(|(k, _)| {
                    code.varnames[argcount..total]
                        .iter()
                        .any(|v| v.as_str() == k.as_str())
                })
                .count();
            let takes = if defaults > 0 {
                // Signed, as CPython prints it when `__defaults__` outnumbers the
                // parameters (after a `__code__` or `__defaults__` assignment).
                format!("from {} to {}", argcount as i64 - defaults as i64, argcount)
            } else {
                argcount.to_string()
            };
            let plural = if argcount == 1 && defaults == 0 {
                ""
            } else {
                "s"
            };
            let kwpart = if given_kwonly > 0 {
                format!(
                    " positional argument{} (and {} keyword-only argument{})",
                    if npos == 1 { "" } else { "s" },
                    given_kwonly,
                    if given_kwonly == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            return Err(self.type_error(format!(
                "{}() takes {} positional argument{} but {}{} {} given",
                fname,
                takes,
                plural,
                npos,
                kwpart,
                if npos == 1 && given_kwonly == 0 {
                    "was"
                } else {
                    "were"
                }
            )));
        }
        let kwdict = if has_varkw {
            Some(Dict::new_rc())
        } else {
            None
        };
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (k, v) in kwargs {
            let pos = code.varnames[..total]
                .iter()
                .position(|n| n.as_str() == k.as_str());
            match pos {
                Some(i) if i >= code.posonlyargcount as usize => {
                    if !slots[i].is_null() {
                        return Err(self.type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            fname,
                            k.as_str()
                        )));
                    }
                    slots[i] = v.clone();
                }
                _ => match &kwdict {
                    Some(d) => {
                        d.set_str(k.clone(), v.clone());
                    }
                    None => {
                        if pos.is_some() {
                            posonly_as_kw.push(k.as_str().to_string());
                            continue;
                        }
                        return Err(self.type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            fname,
                            k.as_str()
                        )));
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                fname,
                posonly_as_kw.join(", ")
            )));
        }
        // Defaults for missing positional parameters.
        if let Some(defaults) = func.defaults.borrow().as_ref() {
            let nd = defaults.items.len().min(argcount);
            let tail = &defaults.items[defaults.items.len() - nd..];
            for (slot, d) in slots[argcount - nd..argcount].iter_mut().zip(tail) {
                if slot.is_null() {
                    *slot = d.clone();
                }
            }
        }
        let missing: Vec<String> = (0..argcount)
            .filter(|&i| slots[i].is_null())
            .map(|i| format!("'{}'", code.varnames[i].as_str()))
            .collect();
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                fname,
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        if kwonly > 0 {
            let kwdefaults = func.kwdefaults.borrow().clone();
            if let Some(d) = &kwdefaults {
                for (slot, name) in slots[argcount..total]
                    .iter_mut()
                    .zip(&code.varnames[argcount..total])
                {
                    if slot.is_null() {
                        if let Some(v) = d.get_str(name) {
                            *slot = v;
                        }
                    }
                }
            }
            let missing: Vec<String> = (argcount..total)
                .filter(|&i| slots[i].is_null())
                .map(|i| format!("'{}'", code.varnames[i].as_str()))
                .collect();
            if !missing.is_empty() {
                return Err(self.type_error(format!(
                    "{}() missing {} required keyword-only argument{}: {}",
                    fname,
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    join_names(&missing)
                )));
            }
        }
        if has_varargs && slots[total].is_null() {
            slots[total] = Value::tuple(Vec::new());
        }
        if let Some(d) = kwdict {
            slots[total + has_varargs as usize] = Value::Dict(d);
        }
        Ok(slots)
    }

    /// The MakeFunction instruction.
    pub fn make_function(
        &mut self,
        fi: usize,
        code: Value,
        defaults: Option<Value>,
        kwdefaults: Option<Value>,
        annotations: Option<Value>,
        closure: Option<Value>,
    ) -> Value {
        let Value::Code(code) = code else {
            return Value::None;
        };
        let frame = &self.frames[fi];
        let module = frame
            .globals()
            .get_str(&PyStr::new("__name__"))
            .unwrap_or(Value::None);
        let func = Function {
            name: crate::object::PyCell::new(code.name.clone()),
            qualname: crate::object::PyCell::new(code.qualname.clone()),
            globals: frame.globals().clone(),
            builtins: frame.builtins().clone(),
            defaults: crate::object::PyCell::new(match defaults {
                Some(Value::Tuple(t)) => Some(t),
                _ => None,
            }),
            kwdefaults: crate::object::PyCell::new(match kwdefaults {
                Some(Value::Dict(d)) => Some(d),
                _ => None,
            }),
            closure: match closure {
                Some(Value::Tuple(t)) => Some(t),
                _ => None,
            },
            dict: crate::object::PyCell::new(None),
            annotations: crate::object::PyCell::new(annotations.unwrap_or(Value::Null)),
            module: crate::object::PyCell::new(module),
            doc: crate::object::PyCell::new(code.doc.clone()),
            version: std::cell::Cell::new(1),
            weakrefs: Default::default(),
            code: crate::object::PyCell::new(code),
        };
        let func = Rc::new(func);
        crate::object::tracking::function(&func);
        self.function_created(&func);
        Value::Function(func)
    }

    /// Run a code object as a module body / exec in the given namespaces.
    pub fn run_code(
        &mut self,
        code: Rc<Code>,
        globals: Rc<Dict>,
        locals: Option<Rc<Dict>>,
    ) -> PyResult<Value> {
        let builtins = self.builtins_for(&globals);
        self.run_namespace_frame(code, None, globals, builtins, locals)
    }

    /// The builtins a frame running in `globals` reads, as CPython takes them: the
    /// dict (or the module's dict) in `globals['__builtins__']`, else the
    /// interpreter's.
    pub fn builtins_for(&self, globals: &Dict) -> Rc<Dict> {
        match globals.get_str(&self.names.builtins) {
            Some(Value::Dict(d)) => d,
            Some(Value::Module(m)) => m.dict.clone(),
            _ => self.builtins.clone(),
        }
    }

    /// Run a class body function with `ns` as its namespace.
    pub fn run_class_body(&mut self, func: &Rc<Function>, ns: Rc<Dict>) -> PyResult<Value> {
        self.run_namespace_frame(
            func.code(),
            Some(func.clone()),
            func.globals.clone(),
            func.builtins.clone(),
            Some(ns),
        )
    }

    /// A new frame's cell variables (made) and free variables (the function's
    /// closure cells), in their slots from `base`.
    #[inline(always)]
    fn make_cells(&mut self, code: &Code, func: &Function, base: usize) {
        if !code.cellvars.is_empty() {
            self.init_cells(code, base);
        }
        if let Some(closure) = &func.closure {
            self.install_closure(code, closure, base);
        }
    }

    /// Put a function's closure cells in the free-variable slots of its frame.
    fn install_closure(&mut self, code: &Code, closure: &Tuple, base: usize) {
        let start = base + code.nlocals() + code.cellvars.len();
        for (i, c) in closure.items.iter().enumerate() {
            self.stack[start + i] = c.clone();
        }
    }

    /// Run a frame whose names live in dicts (module, class and exec bodies) to
    /// completion, as a native boundary.
    fn run_namespace_frame(
        &mut self,
        code: Rc<Code>,
        func: Option<Rc<Function>>,
        globals: Rc<Dict>,
        builtins: Rc<Dict>,
        locals: Option<Rc<Dict>>,
    ) -> PyResult<Value> {
        self.check_native_stack()?;
        let base = self.stack.len();
        self.stack.resize(base + code.nlocalsplus(), Value::Null);
        if !code.cellvars.is_empty() {
            self.init_cells(&code, base);
        }
        if let Some(closure) = func.as_ref().and_then(|f| f.closure.clone()) {
            self.install_closure(&code, &closure, base);
        }
        self.enter_frame(|| Frame {
            code,
            scope: super::frame::Scope::namespace(globals, builtins, func),
            locals,
            base,
            ret_sp: base,
            pc: 0,
            entry: true,
            owns_segment: false,
            init_of: None,
            gen: None,
            data: None,
            suspended: None,
        });
        if self.thread.frame_entry {
            if let super::hooks::Entered::Done(Exit::Return(v) | Exit::Yield(v)) =
                self.frame_entered(None)?
            {
                return Ok(v);
            }
        }
        self.native_depth += 1;
        let r = self.run();
        self.native_depth -= 1;
        match r? {
            Exit::Return(v) | Exit::Yield(v) => Ok(v),
        }
    }
}

fn join_names(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}
