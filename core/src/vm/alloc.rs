//! Allocations whose size a program controls (`[0] * n`, growing a list or dict,
//! joining strings). Rust ends the process when an allocation fails; these are
//! tried first, so a request the machine cannot meet raises MemoryError, as in
//! CPython, and the program goes on (its buffered output is not lost).
//!
//! Depends only on the Vm's exception types.

use super::{PyErr, PyResult, Vm};

impl Vm {
    /// A MemoryError with no message, as CPython's PyErr_NoMemory. It answers a
    /// spent memory reserve too (`memory_reserve`), even one spent making it: the
    /// program gets one MemoryError, not a second one in its handler.
    pub fn memory_error(&self) -> PyErr {
        let err = PyErr::from_value(self.new_exception(&self.types.memory_error, Vec::new()));
        super::memory_reserve::take_exhausted();
        err
    }

    /// Room for `additional` more items in `v` (grown as `push` would grow it), or
    /// MemoryError.
    pub fn reserve<T>(&self, v: &mut Vec<T>, additional: usize) -> PyResult<()> {
        v.try_reserve(additional).map_err(|_| self.memory_error())
    }

    /// Room for one more item in `v`; the capacity test alone while there is room.
    #[inline]
    pub fn reserve_one<T>(&self, v: &mut Vec<T>) -> PyResult<()> {
        if v.len() < v.capacity() {
            return Ok(());
        }
        self.reserve(v, 1)
    }

    /// An empty vector with room for exactly `n` items, or MemoryError.
    pub fn vec_with_capacity<T>(&self, n: usize) -> PyResult<Vec<T>> {
        let mut v = Vec::new();
        v.try_reserve_exact(n).map_err(|_| self.memory_error())?;
        Ok(v)
    }

    /// An empty string with room for exactly `n` bytes, or MemoryError.
    pub fn string_with_capacity(&self, n: usize) -> PyResult<String> {
        let mut s = String::new();
        s.try_reserve_exact(n).map_err(|_| self.memory_error())?;
        Ok(s)
    }

    /// A copy of `items`, or MemoryError.
    pub fn copy_items<T: Clone>(&self, items: &[T]) -> PyResult<Vec<T>> {
        self.repeat_items(items, 1)
    }

    /// `n` copies of `items` one after another (sequence repetition): MemoryError
    /// when the result cannot be held.
    pub fn repeat_items<T: Clone>(&self, items: &[T], n: usize) -> PyResult<Vec<T>> {
        let total = items
            .len()
            .checked_mul(n)
            .ok_or_else(|| self.memory_error())?;
        let mut out = self.vec_with_capacity(total)?;
        if total > 0 {
            // Doubling: copies of what is built so far, not `n` copies of a short
            // slice one by one (`" " * 10**9` is one memcpy per doubling).
            out.extend_from_slice(items);
            while out.len() < total {
                let more = (total - out.len()).min(out.len());
                out.extend_from_within(..more);
            }
        }
        Ok(out)
    }
}
