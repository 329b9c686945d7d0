//! `PyCell`: interior mutability for Python objects.
//!
//! Python objects are shared and mutable. The interpreter is single-threaded per
//! interpreter, and no borrow is ever held across a call back into Python code, so the
//! borrow flag is only a debugging aid: debug builds check it (a violation is a bug in
//! tripwire and panics in tests), release builds skip it so that a list store or a dict
//! lookup costs no more than the memory access itself.

#[cfg(debug_assertions)]
mod imp {
    pub struct PyCell<T>(std::cell::RefCell<T>);
    pub type Ref<'a, T> = std::cell::Ref<'a, T>;
    pub type RefMut<'a, T> = std::cell::RefMut<'a, T>;

    impl<T> PyCell<T> {
        pub const fn new(value: T) -> Self {
            PyCell(std::cell::RefCell::new(value))
        }
        #[inline]
        pub fn borrow(&self) -> Ref<'_, T> {
            self.0.borrow()
        }
        #[inline]
        pub fn borrow_mut(&self) -> RefMut<'_, T> {
            self.0.borrow_mut()
        }
        pub fn get_mut(&mut self) -> &mut T {
            self.0.get_mut()
        }
        pub fn into_inner(self) -> T {
            self.0.into_inner()
        }
    }
}

#[cfg(not(debug_assertions))]
mod imp {
    use std::cell::UnsafeCell;
    use std::ops::{Deref, DerefMut};
    pub struct PyCell<T>(UnsafeCell<T>);

    /// A shared borrow (a wrapper, like `RefMut`).
    pub struct Ref<'a, T>(&'a T);

    impl<T> Deref for Ref<'_, T> {
        type Target = T;
        #[inline(always)]
        fn deref(&self) -> &T {
            self.0
        }
    }

    /// A mutable borrow; a wrapper (not a bare `&mut`) so code reads the same in
    /// debug and release builds.
    pub struct RefMut<'a, T>(&'a mut T);

    impl<T> Deref for RefMut<'_, T> {
        type Target = T;
        #[inline(always)]
        fn deref(&self) -> &T {
            self.0
        }
    }

    impl<T> DerefMut for RefMut<'_, T> {
        #[inline(always)]
        fn deref_mut(&mut self) -> &mut T {
            self.0
        }
    }

    impl<T> PyCell<T> {
        pub const fn new(value: T) -> Self {
            PyCell(UnsafeCell::new(value))
        }
        #[inline(always)]
        pub fn borrow(&self) -> Ref<'_, T> {
            // SAFETY: objects are confined to one interpreter thread and no mutable
            // borrow outlives the operation that took it (checked in debug builds).
            Ref(unsafe { &*self.0.get() })
        }
        #[inline(always)]
        pub fn borrow_mut(&self) -> RefMut<'_, T> {
            // SAFETY: as above.
            RefMut(unsafe { &mut *self.0.get() })
        }
        pub fn get_mut(&mut self) -> &mut T {
            self.0.get_mut()
        }
        pub fn into_inner(self) -> T {
            self.0.into_inner()
        }
    }
}

pub use imp::{PyCell, Ref, RefMut};

impl<T: Default> Default for PyCell<T> {
    fn default() -> Self {
        PyCell::new(T::default())
    }
}
