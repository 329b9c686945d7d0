//! The emergency memory reserve: a global-allocator wrapper that turns running out of
//! memory inside the runtime's own small allocations into a MemoryError.
//!
//! Allocations whose size a program controls are tried fallibly (`vm::alloc`), but
//! the interpreter also makes countless small internal allocations (a frame, a string
//! buffer, a dict entry) that Rust cannot fail gracefully: it ends the process. So
//! the process keeps a block in reserve (allocated, never touched, so it costs
//! address space but no memory). When an allocation fails, the reserve is freed and
//! the allocation tried again; if it now succeeds the program goes on,
//! and the evaluation loop raises MemoryError at its next instruction boundary
//! (through the flag it already tests there, so the hot path pays nothing) so that
//! the program unwinds and frees what it holds, as CPython's failed allocation
//! would. The reserve is taken again when memory can be had: tried when an
//! exception handler starts (the frames unwound may have held the memory) and
//! before each cycle collection (which runs regularly as a program allocates).
//!
//! A request larger than the reserve could not be helped by it: it fails as it is
//! (its caller raises MemoryError, or Rust ends the process).
//!
//! Depends only on the evaluation loop's attention flag (`finalize::wake_loop`).

use std::alloc::{GlobalAlloc, Layout};
use std::ptr;
use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};

/// Memory held back for the runtime's allocations after memory runs out: what the
/// program needs to unwind. It is an allocation of the allocator behind (below the
/// size mimalloc hands straight to the system), so that freeing it makes room for
/// allocations of any size there, where the system's address space may all be
/// spoken for by the allocator's regions.
pub const RESERVE_SIZE: usize = 24 << 20;

/// The reserved block, or null while it is given back (or was never taken).
static RESERVE: AtomicPtr<u8> = AtomicPtr::new(ptr::null_mut());
/// The reserve was spent on an allocation: the program is to get a MemoryError.
static EXHAUSTED: AtomicBool = AtomicBool::new(false);
/// The reserve was taken once (by the `tripwire` command); only then is it retaken.
static ARMED: AtomicBool = AtomicBool::new(false);

/// The allocator `A`, with the reserve behind it.
pub struct WithReserve<A>(pub A);

// SAFETY: every call is forwarded to `A`; a failed one is retried once, unchanged,
// after the reserve (a block of `A`'s) is freed.
unsafe impl<A: GlobalAlloc> GlobalAlloc for WithReserve<A> {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = self.0.alloc(layout);
        if p.is_null() {
            return retry(layout.size(), || self.0.alloc(layout));
        }
        p
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = self.0.alloc_zeroed(layout);
        if p.is_null() {
            return retry(layout.size(), || self.0.alloc_zeroed(layout));
        }
        p
    }

    #[inline]
    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = self.0.realloc(block, layout, new_size);
        if p.is_null() {
            // A failed realloc leaves `block` as it was: trying again is sound.
            return retry(new_size, || self.0.realloc(block, layout, new_size));
        }
        p
    }

    #[inline]
    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        self.0.dealloc(block, layout)
    }
}

/// An allocation of `size` bytes failed: give the reserve back and try once more.
#[cold]
#[inline(never)]
fn retry(size: usize, again: impl FnOnce() -> *mut u8) -> *mut u8 {
    if size > RESERVE_SIZE || !release() {
        return ptr::null_mut();
    }
    let p = again();
    if !p.is_null() {
        EXHAUSTED.store(true, Ordering::Relaxed);
        super::finalize::wake_loop();
    }
    p
}

/// The reserve's size and alignment.
fn reserve_layout() -> Layout {
    Layout::from_size_align(RESERVE_SIZE, 4096).unwrap_or_else(|_| Layout::new::<u8>())
}

/// Give the reserve back to the allocator; false if it was not held.
fn release() -> bool {
    let block = RESERVE.swap(ptr::null_mut(), Ordering::AcqRel);
    if block.is_null() {
        return false;
    }
    // SAFETY: `block` came from `take`'s allocation with this layout, and the swap
    // made this thread its only owner.
    unsafe { std::alloc::dealloc(block, reserve_layout()) };
    true
}

/// Take the reserve if it is not held, when as much again is free beside it (a
/// reserve taken back from the last free memory would only fail the next
/// allocation); false if it could not be had.
fn take() -> bool {
    if !RESERVE.load(Ordering::Acquire).is_null() {
        return true;
    }
    let layout = reserve_layout();
    // SAFETY: plain allocations of a non-zero size, never written: they only hold
    // address space (what `ulimit -v` counts), not memory. The probe proves the
    // headroom and is freed at once.
    let block = unsafe {
        let probe = std::alloc::alloc(layout);
        if probe.is_null() {
            return false;
        }
        let block = std::alloc::alloc(layout);
        std::alloc::dealloc(probe, layout);
        if block.is_null() {
            return false;
        }
        block
    };
    if RESERVE
        .compare_exchange(ptr::null_mut(), block, Ordering::AcqRel, Ordering::Acquire)
        .is_err()
    {
        // Another thread took it first.
        // SAFETY: the block just allocated, which no one else knows of.
        unsafe { std::alloc::dealloc(block, layout) };
    }
    true
}

/// Take the reserve at start-up (the `tripwire` command, whose global allocator is a
/// `WithReserve`).
pub fn arm() {
    ARMED.store(true, Ordering::Relaxed);
    take();
}

/// Take the reserve again if it was spent and memory can now be had (after an
/// exception handler has let the program drop what it held).
#[inline]
pub fn replenish() {
    if ARMED.load(Ordering::Relaxed) && RESERVE.load(Ordering::Relaxed).is_null() {
        take();
    }
}

/// Whether the reserve was spent since the last call: the program is to get a
/// MemoryError now.
pub fn take_exhausted() -> bool {
    EXHAUSTED.load(Ordering::Relaxed) && EXHAUSTED.swap(false, Ordering::Relaxed)
}
