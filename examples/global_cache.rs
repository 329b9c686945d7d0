//! An extension that caches global-variable lookups and keeps the cache right with a
//! dict watcher: a cached name is dropped the moment its module dict changes it.
//!
//! Run it with `cargo run --release --example global_cache`.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use tripwire::core::object::{Dict, PyStr};
use tripwire::{DictEventKind, Value, Vm};

/// What the watcher tells the cache (the watcher may run on any event, so it only
/// records; the cache acts on it at its next lookup).
#[derive(Default)]
struct Invalidations {
    names: HashSet<String>,
    everything: bool,
}

struct GlobalCache {
    globals: Rc<Dict>,
    values: HashMap<String, Value>,
    stale: Arc<Mutex<Invalidations>>,
    hits: u32,
    misses: u32,
}

impl GlobalCache {
    /// A cache over `globals`, registering its watcher with the interpreter.
    fn new(vm: &mut Vm, globals: Rc<Dict>) -> Result<GlobalCache, tripwire::WatchError> {
        let stale = Arc::new(Mutex::new(Invalidations::default()));
        let sink = stale.clone();
        let id = vm.add_dict_watcher(move |_vm, ev| {
            let mut s = sink.lock().unwrap_or_else(|p| p.into_inner());
            match (ev.kind, &ev.key) {
                (
                    DictEventKind::Added | DictEventKind::Modified | DictEventKind::Deleted,
                    Some(Value::Str(k)),
                ) => {
                    s.names.insert(k.as_str().to_string());
                }
                _ => s.everything = true,
            }
            Ok(())
        })?;
        vm.watch_dict(id as i64, &Value::Dict(globals.clone()))?;
        Ok(GlobalCache {
            globals,
            values: HashMap::new(),
            stale,
            hits: 0,
            misses: 0,
        })
    }

    fn load(&mut self, name: &str) -> Option<Value> {
        {
            let mut s = self.stale.lock().unwrap_or_else(|p| p.into_inner());
            if std::mem::take(&mut s.everything) {
                self.values.clear();
            }
            for n in s.names.drain() {
                self.values.remove(&n);
            }
        }
        if let Some(v) = self.values.get(name) {
            self.hits += 1;
            return Some(v.clone());
        }
        self.misses += 1;
        let v = self.globals.get_str(&PyStr::new(name))?;
        self.values.insert(name.to_string(), v.clone());
        Some(v)
    }
}

fn show(vm: &mut Vm, v: Option<Value>) -> String {
    match v {
        Some(v) => vm
            .repr(&v)
            .map(|s| s.as_str().to_string())
            .unwrap_or_default(),
        None => "<unbound>".to_string(),
    }
}

fn main() {
    let mut vm = Vm::new();
    let globals = Dict::new_rc();
    let run = |vm: &mut Vm, src: &str| {
        if let Err(e) = vm.exec_source(src, "<example>", globals.clone()) {
            let text = vm.format_exception(e.value());
            eprint!("{text}");
            std::process::exit(1);
        }
    };
    run(&mut vm, "rate = 3\nunit = 'm'\n");
    let mut cache = match GlobalCache::new(&mut vm, globals.clone()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("cannot register the watcher: {e}");
            std::process::exit(1);
        }
    };
    for _ in 0..3 {
        let v = cache.load("rate");
        println!("rate = {}", show(&mut vm, v));
    }
    run(&mut vm, "rate = 4\n");
    let v = cache.load("rate");
    println!("after rebinding: rate = {}", show(&mut vm, v));
    let v = cache.load("unit");
    println!("unit = {}", show(&mut vm, v));
    run(&mut vm, "del rate\n");
    let v = cache.load("rate");
    println!("after del: rate = {}", show(&mut vm, v));
    println!("hits {} misses {}", cache.hits, cache.misses);
}
