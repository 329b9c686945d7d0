//! Registration and clearing from other OS threads while events fire: no crash, no
//! lost registration, no event to a cleared slot after `clear` returned.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use tripwire_watchers::{Kind, Registry, SLOTS};

#[test]
fn registration_from_other_threads_while_dispatching() {
    let r: Arc<Registry<u64, u64, ()>> = Arc::new(Registry::new(Kind::Dict));
    let calls = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let dispatching = Arc::new(AtomicBool::new(false));
    let firing = {
        let (r, stop, dispatching) = (r.clone(), stop.clone(), dispatching.clone());
        std::thread::spawn(move || {
            let mut n = 0u64;
            let mut events = 0u64;
            while !stop.load(Ordering::Relaxed) {
                r.dispatch(0xFF, &mut n, &1, &mut |_, _, _| {});
                events += 1;
                dispatching.store(true, Ordering::Relaxed);
            }
            (n, events)
        })
    };
    let writers: Vec<_> = (0..3)
        .map(|_| {
            let (r, calls, dispatching) = (r.clone(), calls.clone(), dispatching.clone());
            std::thread::spawn(move || {
                // On a loaded machine the dispatching thread may not have run yet:
                // the registrations are to race with its events.
                while !dispatching.load(Ordering::Relaxed) {
                    std::thread::yield_now();
                }
                for _ in 0..2000 {
                    let c = calls.clone();
                    let Ok(id) = r.add(move |n: &mut u64, e: &u64| {
                        *n += e;
                        c.fetch_add(1, Ordering::Relaxed);
                        Ok(())
                    }) else {
                        continue;
                    };
                    assert!(id < SLOTS);
                    assert_eq!(r.check(id as i64), Ok(id), "a registration was lost");
                    r.clear(id as i64)
                        .expect("our own registration is still there");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer thread");
    }
    stop.store(true, Ordering::Relaxed);
    let (n, events) = firing.join().expect("dispatching thread");
    assert!(events > 0);
    assert_eq!(n, calls.load(Ordering::Relaxed));
    assert_eq!(r.occupied(), 0);
}
