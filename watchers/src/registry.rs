//! Watcher slots: sixteen per kind, filled and emptied from any OS thread, read
//! without locks by the interpreter thread that dispatches events.
//!
//! The first eight are the ones CPython has, given to programs and extensions
//! (lowest free first, ids 0 to 7, with CPython's errors past them); the other eight
//! are tool slots (ids 8 to 15) for the runtime's own tools, such as the optimizer,
//! so that a tool never takes an id a program would get, and a program that fills
//! all eight still runs with tools on.
//!
//! Each slot is an `ArcSwapOption`, so dispatch is one atomic load per watching slot
//! and never waits for a writer; writers (add / clear) are serialised by a mutex so
//! "lowest free id" is decided once. `occupied` mirrors which slots hold a callback:
//! the "any watcher at all" test of the kinds that are not watched per object
//! (functions, code objects).

use crate::error::WatchError;
use crate::event::{CodeEvent, DictEvent, FuncEvent, Handles, Kind, TypeEvent};
use crate::mask::Bits;
use arc_swap::ArcSwapOption;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};

/// Slots per kind a program may use, as CPython.
pub const PROGRAM_SLOTS: usize = 8;
/// Slots per kind kept for tools, after the program slots.
pub const TOOL_SLOTS: usize = 8;
/// All the slots of a kind.
pub const SLOTS: usize = PROGRAM_SLOTS + TOOL_SLOTS;

/// A watcher: called with the dispatcher's context (core's interpreter) and the event.
pub type Callback<C, E, X> = dyn Fn(&mut C, &E) -> Result<(), X> + Send + Sync;

struct Slot<C, E, X>(Box<Callback<C, E, X>>);

/// How a callback failed; dispatch hands it to the report hook and goes on.
pub enum Failure<X> {
    /// The callback returned `Err`.
    Error(X),
    /// The callback panicked; the panic message.
    Panic(String),
}

/// Which events of the objects it watches a slot's watcher hears.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hears {
    Everything,
    ChangesOnly,
    NamedKeys,
}

pub struct Registry<C, E, X> {
    kind: Kind,
    slots: [ArcSwapOption<Slot<C, E, X>>; SLOTS],
    occupied: AtomicU16,
    /// The slots whose watchers hear changes only, not creations and
    /// destructions (`add_tool_for_changes`).
    changes_only: AtomicU16,
    /// The slots whose watchers hear a dict's changes only for the keys they
    /// named (`add_tool_for_keys`).
    named_keys: AtomicU16,
    writer: Mutex<()>,
}

impl<C, E, X> Registry<C, E, X> {
    pub fn new(kind: Kind) -> Self {
        Registry {
            kind,
            slots: std::array::from_fn(|_| ArcSwapOption::empty()),
            occupied: AtomicU16::new(0),
            changes_only: AtomicU16::new(0),
            named_keys: AtomicU16::new(0),
            writer: Mutex::new(()),
        }
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// Bit i set: slot i holds a watcher.
    #[inline(always)]
    pub fn occupied(&self) -> Bits {
        self.occupied.load(Ordering::Acquire)
    }

    /// The slots whose watchers hear creations and destructions: all but those
    /// added with `add_tool_for_changes`. For the function and code kinds, which
    /// every object of the kind reports, this is the test each creation and
    /// destruction pays.
    #[inline(always)]
    pub fn lifecycle(&self) -> Bits {
        self.occupied() & !self.changes_only.load(Ordering::Acquire)
    }

    /// The slots whose watchers hear a dict's changes only for the keys they
    /// named (`add_tool_for_keys`): a change of another key of a dict watched by
    /// these alone reaches no one.
    #[inline(always)]
    pub fn named_keys_only(&self) -> Bits {
        self.named_keys.load(Ordering::Acquire)
    }

    /// Whether any watcher of this kind is registered.
    #[inline(always)]
    pub fn any(&self) -> bool {
        self.occupied() != 0
    }

    /// Put `callback` in the lowest free program slot and return its id.
    pub fn add(
        &self,
        callback: impl Fn(&mut C, &E) -> Result<(), X> + Send + Sync + 'static,
    ) -> Result<usize, WatchError> {
        self.add_with(|_| callback)
    }

    /// Put `callback` in the lowest free tool slot and return its id: for the
    /// runtime's own tools (the optimizer), which then never take an id a program
    /// would be given.
    pub fn add_tool(
        &self,
        callback: impl Fn(&mut C, &E) -> Result<(), X> + Send + Sync + 'static,
    ) -> Result<usize, WatchError> {
        self.add_at(|_| callback, PROGRAM_SLOTS..SLOTS, Hears::Everything)
    }

    /// `add_tool` for a tool that needs to hear only what changes (a function's
    /// `__code__` reassigned), not every creation and destruction: those events
    /// skip it, and cost nothing while no other watcher wants them.
    pub fn add_tool_for_changes(
        &self,
        callback: impl Fn(&mut C, &E) -> Result<(), X> + Send + Sync + 'static,
    ) -> Result<usize, WatchError> {
        self.add_at(|_| callback, PROGRAM_SLOTS..SLOTS, Hears::ChangesOnly)
    }

    /// `add_tool` for a dict watcher that needs to hear only about the keys it
    /// names (`watch_dict_key` in core): a store into or a deletion from a dict
    /// it watches skips it when the key is not one of them, and costs next to
    /// nothing while no other watcher watches that dict. Clearing, cloning and
    /// destroying the dict still reach it; a key may reach it without being named
    /// (the names are kept as a small Bloom filter).
    pub fn add_tool_for_keys(
        &self,
        callback: impl Fn(&mut C, &E) -> Result<(), X> + Send + Sync + 'static,
    ) -> Result<usize, WatchError> {
        self.add_at(|_| callback, PROGRAM_SLOTS..SLOTS, Hears::NamedKeys)
    }

    /// `add`, with a callback made once its id is known (a callback that needs to
    /// know its own id).
    pub fn add_with<F>(&self, make: impl FnOnce(usize) -> F) -> Result<usize, WatchError>
    where
        F: Fn(&mut C, &E) -> Result<(), X> + Send + Sync + 'static,
    {
        self.add_at(make, 0..PROGRAM_SLOTS, Hears::Everything)
    }

    fn add_at<F>(
        &self,
        make: impl FnOnce(usize) -> F,
        mut ids: std::ops::Range<usize>,
        hears: Hears,
    ) -> Result<usize, WatchError>
    where
        F: Fn(&mut C, &E) -> Result<(), X> + Send + Sync + 'static,
    {
        let _w = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let occupied = self.occupied.load(Ordering::Acquire);
        let id = ids
            .find(|&i| occupied & (1 << i) == 0)
            .ok_or(WatchError::Full(self.kind))?;
        self.slots[id].store(Some(Arc::new(Slot(Box::new(make(id))))));
        for (bits, set) in [
            (&self.changes_only, hears == Hears::ChangesOnly),
            (&self.named_keys, hears == Hears::NamedKeys),
        ] {
            if set {
                bits.fetch_or(1 << id, Ordering::Release);
            } else {
                bits.fetch_and(!(1 << id), Ordering::Release);
            }
        }
        self.occupied.fetch_or(1 << id, Ordering::Release);
        Ok(id)
    }

    /// The slot index of `id`, if it is in range and holds a watcher.
    pub fn check(&self, id: i64) -> Result<usize, WatchError> {
        let slot = self.check_range(id)?;
        if self.occupied() & (1 << slot) == 0 {
            return Err(WatchError::NoWatcher(self.kind, id));
        }
        Ok(slot)
    }

    /// The slot index of `id` if it is in range (whether or not it is filled): a
    /// program slot or a tool slot; `check_program_id` narrows it to the ids
    /// programs see.
    pub fn check_range(&self, id: i64) -> Result<usize, WatchError> {
        if (0..SLOTS as i64).contains(&id) {
            Ok(id as usize)
        } else {
            Err(WatchError::InvalidId(self.kind, id))
        }
    }

    /// Empty slot `id`. Objects keep their watch bits: a later watcher given the
    /// same id receives their events (CPython's behaviour).
    pub fn clear(&self, id: i64) -> Result<(), WatchError> {
        let slot = self.check_range(id)?;
        let _w = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        if self.occupied.load(Ordering::Acquire) & (1 << slot) == 0 {
            return Err(WatchError::NoWatcher(self.kind, id));
        }
        self.occupied.fetch_and(!(1 << slot), Ordering::Release);
        self.slots[slot].store(None);
        Ok(())
    }

    /// Call the watchers of the slots in `mask` that hold one, in ascending id order.
    /// A callback that fails or panics is reported through `report` with its id, and
    /// the others still run. Each slot is read when its turn comes, so a callback that
    /// clears a later watcher (or its own) is seen at once, as in CPython.
    pub fn dispatch(
        &self,
        mask: Bits,
        ctx: &mut C,
        event: &E,
        report: &mut dyn FnMut(&mut C, usize, Failure<X>),
    ) {
        let mut bits = mask & self.occupied();
        while bits != 0 {
            let id = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let guard = self.slots[id].load();
            let Some(slot) = guard.as_ref() else {
                continue;
            };
            match catch_unwind(AssertUnwindSafe(|| (slot.0)(ctx, event))) {
                Ok(Ok(())) => {}
                Ok(Err(x)) => report(ctx, id, Failure::Error(x)),
                Err(payload) => report(ctx, id, Failure::Panic(panic_message(&*payload))),
            }
        }
    }
}

/// `id` if it is one of the ids a program may name for a watcher of `kind`:
/// CPython's range, 0 to 7.
pub fn check_program_id(kind: Kind, id: i64) -> Result<i64, WatchError> {
    if (0..PROGRAM_SLOTS as i64).contains(&id) {
        Ok(id)
    } else {
        Err(WatchError::InvalidId(kind, id))
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a watcher panicked".to_string()
    }
}

/// The four registries of one interpreter.
pub struct Registries<H: Handles, C, X> {
    pub dict: Registry<C, DictEvent<H>, X>,
    pub types: Registry<C, TypeEvent<H>, X>,
    pub func: Registry<C, FuncEvent<H>, X>,
    pub code: Registry<C, CodeEvent<H>, X>,
}

impl<H: Handles, C, X> Default for Registries<H, C, X> {
    fn default() -> Self {
        Registries {
            dict: Registry::new(Kind::Dict),
            types: Registry::new(Kind::Type),
            func: Registry::new(Kind::Func),
            code: Registry::new(Kind::Code),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Log = Vec<String>;
    type R = Registry<Log, u32, String>;

    fn noop(_: &mut Log, _: &u32) -> Result<(), String> {
        Ok(())
    }

    #[test]
    fn lowest_free_id_and_full() {
        let r = R::new(Kind::Dict);
        for i in 0..PROGRAM_SLOTS {
            assert_eq!(r.add(noop), Ok(i));
        }
        assert_eq!(r.add(noop), Err(WatchError::Full(Kind::Dict)));
        r.clear(3).unwrap();
        assert_eq!(r.add(noop), Ok(3));
    }

    #[test]
    fn tools_have_slots_of_their_own() {
        let r = R::new(Kind::Type);
        assert_eq!(r.add_tool(noop), Ok(PROGRAM_SLOTS));
        assert_eq!(r.add_tool(noop), Ok(PROGRAM_SLOTS + 1));
        for i in 0..PROGRAM_SLOTS {
            assert_eq!(r.add(noop), Ok(i));
        }
        assert_eq!(r.add(noop), Err(WatchError::Full(Kind::Type)));
        r.clear(PROGRAM_SLOTS as i64).unwrap();
        assert_eq!(r.add_tool(noop), Ok(PROGRAM_SLOTS));
        for i in PROGRAM_SLOTS + 2..SLOTS {
            assert_eq!(r.add_tool(noop), Ok(i));
        }
        assert_eq!(r.add_tool(noop), Err(WatchError::Full(Kind::Type)));
        assert_eq!(r.occupied(), Bits::MAX);
        assert_eq!(check_program_id(Kind::Type, 7), Ok(7));
        assert_eq!(
            check_program_id(Kind::Type, 8),
            Err(WatchError::InvalidId(Kind::Type, 8))
        );
    }

    #[test]
    fn a_tool_for_changes_is_left_out_of_lifecycle_events() {
        let r = R::new(Kind::Func);
        let tool = r.add_tool_for_changes(noop).unwrap();
        assert_eq!(r.lifecycle(), 0);
        assert!(r.any());
        let program = r.add(noop).unwrap();
        assert_eq!(r.lifecycle(), 1 << program);
        r.clear(tool as i64).unwrap();
        assert_eq!(r.add_tool(noop), Ok(tool));
        assert_eq!(r.lifecycle(), (1 << program) | (1 << tool));
    }

    #[test]
    fn a_tool_for_keys_is_marked_until_its_slot_is_reused() {
        let r = R::new(Kind::Dict);
        let keyed = r.add_tool_for_keys(noop).unwrap();
        let plain = r.add_tool(noop).unwrap();
        assert_eq!(r.named_keys_only(), 1 << keyed);
        assert_eq!(r.lifecycle(), (1 << keyed) | (1 << plain));
        r.clear(keyed as i64).unwrap();
        assert_eq!(r.add_tool(noop), Ok(keyed));
        assert_eq!(r.named_keys_only(), 0);
    }

    #[test]
    fn id_checks() {
        let r = R::new(Kind::Type);
        assert_eq!(r.clear(-1), Err(WatchError::InvalidId(Kind::Type, -1)));
        assert_eq!(r.clear(16), Err(WatchError::InvalidId(Kind::Type, 16)));
        assert_eq!(r.clear(8), Err(WatchError::NoWatcher(Kind::Type, 8)));
        assert_eq!(r.clear(2), Err(WatchError::NoWatcher(Kind::Type, 2)));
        assert_eq!(r.check(2), Err(WatchError::NoWatcher(Kind::Type, 2)));
        let id = r.add(noop).unwrap();
        assert_eq!(r.check(id as i64), Ok(id));
    }

    #[test]
    fn dispatch_order_errors_and_panics_are_isolated() {
        let r = R::new(Kind::Dict);
        r.add(|log: &mut Log, e: &u32| {
            log.push(format!("0:{e}"));
            Ok(())
        })
        .unwrap();
        r.add(|_: &mut Log, _: &u32| Err("boom".to_string()))
            .unwrap();
        r.add(|_: &mut Log, _: &u32| -> Result<(), String> { panic!("kaboom") })
            .unwrap();
        r.add(|log: &mut Log, e: &u32| {
            log.push(format!("3:{e}"));
            Ok(())
        })
        .unwrap();
        let mut log = Log::new();
        let mut report = |log: &mut Log, id: usize, f: Failure<String>| {
            log.push(match f {
                Failure::Error(x) => format!("err {id} {x}"),
                Failure::Panic(m) => format!("panic {id} {m}"),
            })
        };
        r.dispatch(Bits::MAX, &mut log, &7, &mut report);
        assert_eq!(log, ["0:7", "err 1 boom", "panic 2 kaboom", "3:7"]);
        log.clear();
        r.dispatch(0b1001, &mut log, &1, &mut report);
        assert_eq!(log, ["0:1", "3:1"]);
    }

    #[test]
    fn a_callback_can_clear_itself_and_a_later_watcher() {
        let r = Arc::new(R::new(Kind::Dict));
        let r2 = r.clone();
        r.add(move |log: &mut Log, _: &u32| {
            log.push("0".into());
            r2.clear(0).map_err(|e| e.to_string())?;
            r2.clear(1).map_err(|e| e.to_string())
        })
        .unwrap();
        r.add(|log: &mut Log, _: &u32| {
            log.push("1".into());
            Ok(())
        })
        .unwrap();
        let mut log = Log::new();
        r.dispatch(Bits::MAX, &mut log, &0, &mut |_, _, _| {});
        assert_eq!(log, ["0"]);
        assert!(!r.any());
    }
}
