//! The value stack's push and pop: values move word by word (see
//! `Value::read_split`), and dropped values are released with the inline count
//! decrement. The evaluation loop and the call paths use these on every instruction.

use super::{PyResult, Vm};
use crate::object::Value;

impl Vm {
    /// Push onto the value stack, word by word.
    ///
    /// The value's two words are read with 8-byte loads and stored into the slot
    /// separately. Moving it as one 16-byte unit (what `Vec::push` compiles to, through
    /// a temporary kept alive across its growth call) reloads 16 bytes that were just
    /// stored as two halves, which cannot be store-forwarded and stalls.
    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        let words = Value::into_words(v);
        let len = self.stack.len();
        if len < self.stack.capacity() {
            // SAFETY: `len < capacity`, so the slot is allocated and unused; the words
            // are a whole value, whose ownership moves into the slot.
            unsafe {
                let slot = self.stack.as_mut_ptr().add(len) as *mut std::mem::MaybeUninit<u64>;
                slot.write(words[0]);
                slot.add(1).write(words[1]);
                self.stack.set_len(len + 1);
            }
        } else {
            // SAFETY: the words came from a value just above.
            self.push_growing(unsafe { Value::from_words(words) });
        }
    }

    /// Push the value of a successful operation, or hand back its error. Each arm
    /// pushes in place, so the value is not first moved into a merged temporary (a
    /// 16-byte copy of a freshly returned value stalls; see `push`).
    #[inline(always)]
    pub fn push_result(&mut self, r: PyResult<Value>) -> PyResult<()> {
        match r {
            Ok(v) => {
                self.push(v);
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// Shorten the value stack to `sp`, releasing the values above it in order (as
    /// `Vec::truncate`, but through `Value::release`: an inline count decrement for all
    /// but last references, where the drop glue is a call and a jump table).
    #[inline(always)]
    pub fn truncate_stack(&mut self, sp: usize) {
        let len = self.stack.len();
        if sp >= len {
            return;
        }
        // SAFETY: the slots from `sp` to `len` are initialised; the length is cut first,
        // so each value has exactly one owner, the read that releases it.
        unsafe {
            self.stack.set_len(sp);
            let base = self.stack.as_ptr();
            for i in sp..len {
                Value::read_split(base.add(i)).release();
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn push_growing(&mut self, v: Value) {
        self.stack.push(v);
    }

    /// Replace the two values on top of the stack, the top one known to be an
    /// immediate, with `v`, releasing the other.
    #[inline(always)]
    pub(super) fn replace_below_immediate(&mut self, v: Value) {
        let len = self.stack.len();
        debug_assert!(len >= 2 && !self.stack[len - 1].is_heap());
        // SAFETY: the top value holds no reference, so dropping the length over it
        // leaks nothing.
        unsafe { self.stack.set_len(len - 1) };
        Value::replace_split(&mut self.stack[len - 2], v).release();
    }

    /// Replace the two values on top of the stack, both known to be immediates (no
    /// reference to release), with `v`.
    #[inline(always)]
    pub(super) fn replace_top_two_immediates(&mut self, v: Value) {
        let len = self.stack.len();
        debug_assert!(len >= 2 && !self.stack[len - 1].is_heap() && !self.stack[len - 2].is_heap());
        // SAFETY: the caller matched both top values as immediates, so overwriting one
        // and forgetting the other leaks nothing.
        unsafe {
            self.stack.as_mut_ptr().add(len - 2).write(v);
            self.stack.set_len(len - 1);
        }
    }

    /// The two values on top of the stack (the lower first), without a bounds check.
    ///
    /// # Safety
    /// The running instruction takes two operands off the stack: the compiler's stack
    /// discipline puts them there.
    #[inline(always)]
    pub(super) unsafe fn top_two(&self) -> (&Value, &Value) {
        let len = self.stack.len();
        debug_assert!(len >= 2);
        (
            self.stack.get_unchecked(len - 2),
            self.stack.get_unchecked(len - 1),
        )
    }

    /// A call's callable and the slot after it (the receiver, or a null for a plain
    /// call), and that slot's index, without bounds checks.
    ///
    /// # Safety
    /// The running instruction calls with `n` arguments: the compiler's stack
    /// discipline put the callable, that slot and the arguments on top of the stack.
    #[inline(always)]
    pub(super) unsafe fn call_operands(&self, n: usize) -> (usize, &Value, &Value) {
        let len = self.stack.len();
        debug_assert!(len >= n + 2);
        let recv_at = len - n - 1;
        (
            recv_at,
            self.stack.get_unchecked(recv_at - 1),
            self.stack.get_unchecked(recv_at),
        )
    }

    /// A local variable slot of the running frame, without a bounds check.
    ///
    /// # Safety
    /// `slot` is the running frame's base plus a local index its code was compiled
    /// with: a frame's local slots are pushed with it and stay below everything its
    /// instructions push and pop until it leaves.
    #[inline(always)]
    pub(super) unsafe fn local(&self, slot: usize) -> &Value {
        debug_assert!(slot < self.stack.len());
        self.stack.get_unchecked(slot)
    }

    /// `local`, to write.
    ///
    /// # Safety
    /// As `local`.
    #[inline(always)]
    pub(super) unsafe fn local_mut(&mut self, slot: usize) -> &mut Value {
        debug_assert!(slot < self.stack.len());
        self.stack.get_unchecked_mut(slot)
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        let len = self.stack.len();
        if len == 0 {
            return Value::None;
        }
        // SAFETY: the slot below `len` is initialised; shrinking the length first hands
        // its ownership to the read.
        unsafe {
            self.stack.set_len(len - 1);
            Value::read_split(self.stack.as_ptr().add(len - 1))
        }
    }

    #[inline]
    pub fn top(&self) -> &Value {
        self.stack.last().unwrap_or(&Value::None)
    }

    #[inline]
    pub(super) fn peek(&self, n: usize) -> &Value {
        let len = self.stack.len();
        &self.stack[len - n]
    }
}
