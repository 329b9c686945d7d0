//! Per-interpreter state of extensions: one value per Rust type, which an
//! extension's watcher, eval-hook and native-function callbacks reach through the
//! `&mut Vm` they are given. Watcher callbacks must be `Send + Sync`, so they cannot
//! capture interpreter-thread state such as `Rc`s; they find it here instead.
//!
//! `with_extension_state` lends the state and the interpreter together. While it is
//! lent, the slot is empty: a callback re-entered from Python code that the first
//! one ran sees no state and must treat the event as happening inside its own work.
//!
//! Depends on nothing but `Vm`.

use super::Vm;
use hashbrown::HashMap;
use std::any::{Any, TypeId};

#[derive(Default)]
pub struct ExtensionStates {
    slots: HashMap<TypeId, Box<dyn Any>>,
}

impl Vm {
    /// Store `state` as the interpreter's `T`; returns the one it replaces.
    pub fn set_extension_state<T: 'static>(&mut self, state: T) -> Option<T> {
        let old = self
            .extension_states
            .slots
            .insert(TypeId::of::<T>(), Box::new(state))?;
        old.downcast::<T>().ok().map(|b| *b)
    }

    /// The interpreter's `T`, unless none is stored or it is lent out.
    pub fn extension_state<T: 'static>(&mut self) -> Option<&mut T> {
        self.extension_states
            .slots
            .get_mut(&TypeId::of::<T>())?
            .downcast_mut::<T>()
    }

    /// Remove and return the interpreter's `T`.
    pub fn take_extension_state<T: 'static>(&mut self) -> Option<T> {
        let taken = self.extension_states.slots.remove(&TypeId::of::<T>())?;
        taken.downcast::<T>().ok().map(|b| *b)
    }

    /// Run `f` with the interpreter and its `T` together; None if no `T` is stored
    /// or it is already lent (a re-entered callback). The state goes back when `f`
    /// returns, unless `f` stored a new `T` meanwhile, which then wins.
    pub fn with_extension_state<T: 'static, R>(
        &mut self,
        f: impl FnOnce(&mut Vm, &mut T) -> R,
    ) -> Option<R> {
        let mut state = self.take_extension_state::<T>()?;
        let result = f(self, &mut state);
        if self.extension_state::<T>().is_none() {
            self.set_extension_state(state);
        }
        Some(result)
    }
}

#[cfg(test)]
mod tests {
    use crate::Vm;

    struct Counter(u32);

    #[test]
    fn state_is_lent_with_the_interpreter_and_comes_back() {
        let mut vm = Vm::new();
        assert!(vm.with_extension_state::<Counter, _>(|_, c| c.0).is_none());
        assert!(vm.set_extension_state(Counter(1)).is_none());
        let seen = vm.with_extension_state::<Counter, _>(|vm, c| {
            c.0 += 1;
            // Re-entered while lent: nothing to lend.
            assert!(vm.with_extension_state::<Counter, _>(|_, _| ()).is_none());
            c.0
        });
        assert_eq!(seen, Some(2));
        assert_eq!(vm.extension_state::<Counter>().map(|c| c.0), Some(2));
        let old = vm.set_extension_state(Counter(7)).map(|c| c.0);
        assert_eq!(old, Some(2));
    }

    #[test]
    fn a_state_stored_while_lent_wins() {
        let mut vm = Vm::new();
        vm.set_extension_state(Counter(1));
        vm.with_extension_state::<Counter, _>(|vm, _| {
            vm.set_extension_state(Counter(10));
        });
        assert_eq!(vm.take_extension_state::<Counter>().map(|c| c.0), Some(10));
        assert!(vm.extension_state::<Counter>().is_none());
    }
}
