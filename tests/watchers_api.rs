//! The Rust watcher API: closures as watchers, panics isolated, the function
//! setters, CPython's error texts, registration from another OS thread while events
//! fire, a watcher that hears only the dict keys it named, and the example
//! extension.

use std::path::PathBuf;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tripwire::core::object::{Dict, PyStr};
use tripwire::{DictEventKind, FuncEventKind, Value, Vm, WatchError};

fn exec(vm: &mut Vm, globals: &Rc<Dict>, src: &str) {
    if let Err(e) = vm.exec_source(src, "<test>", globals.clone()) {
        panic!("{}", vm.format_exception(e.value()));
    }
}

fn global(globals: &Dict, name: &str) -> Value {
    globals.get_str(&PyStr::new(name)).unwrap_or(Value::Null)
}

#[test]
fn a_panicking_watcher_is_reported_and_the_others_still_run() {
    let mut vm = Vm::new();
    let globals = Dict::new_rc();
    exec(
        &mut vm,
        &globals,
        "import sys\nreports = []\nsys.unraisablehook = lambda a: reports.append((a.err_msg[:47], type(a.exc_value).__name__, str(a.exc_value)))\nd = {}\n",
    );
    let seen = Arc::new(Mutex::new(Vec::new()));
    let panicky = vm
        .add_dict_watcher(|_, _| panic!("watcher bug"))
        .expect("slot");
    let log = seen.clone();
    let recorder = vm
        .add_dict_watcher(move |_, ev| {
            log.lock().expect("log").push(ev.kind);
            Ok(())
        })
        .expect("slot");
    let d = global(&globals, "d");
    vm.watch_dict(panicky as i64, &d).expect("watch");
    vm.watch_dict(recorder as i64, &d).expect("watch");
    exec(&mut vm, &globals, "d['k'] = 1\nresult = (d, reports)\n");
    let Ok(r) = vm.repr(&global(&globals, "result")) else {
        panic!("repr failed");
    };
    assert_eq!(
        r.as_str(),
        "({'k': 1}, [('Exception ignored in PyDict_EVENT_ADDED watcher', 'RuntimeError', 'watcher panicked: watcher bug')])"
    );
    assert_eq!(*seen.lock().expect("log"), [DictEventKind::Added]);
}

#[test]
fn function_setters_send_events_and_reset_the_version() {
    let mut vm = Vm::new();
    let globals = Dict::new_rc();
    exec(
        &mut vm,
        &globals,
        "def f(a=1):\n    return a\ndef g():\n    return 7\n",
    );
    let events = Arc::new(Mutex::new(Vec::new()));
    let log = events.clone();
    let id = vm
        .add_func_watcher(move |_, ev| {
            log.lock().expect("log").push((ev.kind, ev.value.is_some()));
            Ok(())
        })
        .expect("slot");
    let (Value::Function(f), Value::Function(g)) = (global(&globals, "f"), global(&globals, "g"))
    else {
        panic!("f and g are functions");
    };
    assert_ne!(f.version.get(), 0);
    vm.set_function_code(&f, g.code());
    assert_eq!(f.version.get(), 0);
    vm.set_function_defaults(&f, None);
    vm.set_function_kwdefaults(&f, None);
    assert_eq!(
        *events.lock().expect("log"),
        [
            (FuncEventKind::ModifyCode, true),
            (FuncEventKind::ModifyDefaults, true),
            (FuncEventKind::ModifyKwdefaults, true)
        ]
    );
    vm.clear_func_watcher(id as i64).expect("clear");
}

#[test]
fn errors_carry_cpythons_messages() {
    let vm = Vm::new();
    let d = Value::Dict(Dict::new_rc());
    // The Rust API names the tool slots too (8 to 15); past them is invalid.
    assert_eq!(
        vm.watch_dict(16, &d).map_err(|e| e.to_string()),
        Err("Invalid dict watcher ID 16".to_string())
    );
    assert_eq!(
        vm.watch_dict(8, &d).map_err(|e| e.to_string()),
        Err("No dict watcher set for ID 8".to_string())
    );
    assert_eq!(
        vm.watch_dict(0, &Value::Int(1)),
        Err(WatchError::NotWatchable(tripwire::Kind::Dict))
    );
    assert_eq!(
        vm.clear_func_watcher(3).map_err(|e| e.to_string()),
        Err("no func watcher set for ID 3".to_string())
    );
    for _ in 0..8 {
        vm.add_code_watcher(|_, _| Ok(())).expect("slot");
    }
    let full = vm
        .add_code_watcher(|_, _| Ok(()))
        .expect_err("no slot left");
    assert_eq!(full.to_string(), "no more code watcher IDs available");
    assert!(full.is_runtime_error());
}

#[test]
fn registration_from_another_thread_while_events_fire() {
    let mut vm = Vm::new();
    let globals = Dict::new_rc();
    exec(&mut vm, &globals, "d = {}\n");
    let d = global(&globals, "d");
    let steady = Arc::new(AtomicU64::new(0));
    // Slots 0..3 stay; 4..7 are taken and given back by another thread.
    for _ in 0..4 {
        let n = steady.clone();
        let id = vm
            .add_dict_watcher(move |_, _| {
                n.fetch_add(1, Ordering::Relaxed);
                Ok(())
            })
            .expect("slot");
        vm.watch_dict(id as i64, &d).expect("watch");
    }
    for _ in 4..8 {
        let id = vm.add_dict_watcher(|_, _| Ok(())).expect("slot");
        vm.watch_dict(id as i64, &d).expect("watch");
        vm.clear_dict_watcher(id as i64).expect("clear");
    }
    let registries = vm.watchers();
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let churn = std::thread::spawn(move || {
        let mut rounds = 0u64;
        while !flag.load(Ordering::Relaxed) || rounds == 0 {
            let id = registries.dict.add(|_, _| Ok(())).expect("a free slot");
            assert!(id >= 4, "a steady registration was lost");
            registries.dict.clear(id as i64).expect("our slot");
            rounds += 1;
        }
        rounds
    });
    exec(
        &mut vm,
        &globals,
        "for i in range(20000):\n    d['k'] = i\n",
    );
    stop.store(true, Ordering::Relaxed);
    let rounds = churn.join().expect("the other thread");
    assert!(rounds > 0);
    // 20000 stores, the first ADDED, the rest MODIFIED: each steady watcher saw all.
    assert_eq!(steady.load(Ordering::Relaxed), 4 * 20000);
    assert_eq!(vm.watchers().dict.occupied(), 0x0F);
}

#[test]
fn the_example_extension_runs() {
    let exe = std::env::current_exe().expect("test path");
    let dir: PathBuf = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target dir")
        .join("examples");
    let out = std::process::Command::new(dir.join("global_cache"))
        .output()
        .expect("cargo test builds the examples");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "rate = 3\nrate = 3\nrate = 3\nafter rebinding: rate = 4\nunit = 'm'\nafter del: rate = <unbound>\nhits 2 misses 4\n"
    );
}

/// A tool's function watcher added for changes only hears `__code__` reassigned,
/// not the creation and destruction every function reports; a program's watcher
/// hears all three.
#[test]
fn a_tool_watching_functions_for_changes_hears_no_lifecycle() {
    let mut vm = Vm::new();
    let globals = Dict::new_rc();
    exec(&mut vm, &globals, "def g():\n    return 7\n");
    let logs: [Arc<Mutex<Vec<FuncEventKind>>>; 2] = Default::default();
    let tool_log = logs[0].clone();
    let tool = vm
        .watchers()
        .func
        .add_tool_for_changes(move |_, ev| {
            tool_log.lock().expect("log").push(ev.kind);
            Ok(())
        })
        .expect("a tool slot");
    let program_source = "def f():\n    return 1\nf.__code__ = g.__code__\ndel f\n";
    exec(&mut vm, &globals, program_source);
    vm.run_finalizers();
    let program_log = logs[1].clone();
    let program = vm
        .add_func_watcher(move |_, ev| {
            program_log.lock().expect("log").push(ev.kind);
            Ok(())
        })
        .expect("a program slot");
    exec(&mut vm, &globals, program_source);
    vm.run_finalizers();
    assert_eq!(
        *logs[0].lock().expect("log"),
        [FuncEventKind::ModifyCode, FuncEventKind::ModifyCode]
    );
    assert_eq!(
        *logs[1].lock().expect("log"),
        [
            FuncEventKind::Create,
            FuncEventKind::ModifyCode,
            FuncEventKind::Destroy
        ]
    );
    vm.clear_func_watcher(program as i64).expect("clear");
    vm.clear_func_watcher(tool as i64).expect("clear");
}

#[test]
fn a_watcher_for_keys_hears_only_the_keys_it_named_while_alone() {
    let mut vm = Vm::new();
    let globals = Dict::new_rc();
    exec(&mut vm, &globals, "d = {}\n");
    let named = PyStr::new("watched");
    // A key the filter tells apart from the named one (another of its 32 bits).
    let other = (0..100)
        .map(|i| format!("other{i}"))
        .find(|k| (PyStr::new(k).hash() - named.hash()) % 32 != 0)
        .expect("a key with another filter bit");
    let heard = Arc::new(Mutex::new(Vec::new()));
    let log = heard.clone();
    let keyed = vm
        .watchers()
        .dict
        .add_tool_for_keys(move |_, ev| {
            let key = match &ev.key {
                Some(Value::Str(s)) => s.as_str().to_string(),
                _ => String::new(),
            };
            log.lock().expect("log").push((ev.kind, key));
            Ok(())
        })
        .expect("slot");
    let d = global(&globals, "d");
    vm.watch_dict_key(keyed as i64, &d, &named).expect("watch");
    let program = format!(
        "d['watched'] = 1\nd['{other}'] = 2\nd['watched'] = 3\ndel d['{other}']\ndel d['watched']\nd[5] = 5\nd.clear()\n"
    );
    exec(&mut vm, &globals, &program);
    assert_eq!(
        *heard.lock().expect("log"),
        [
            (DictEventKind::Added, "watched".to_string()),
            (DictEventKind::Modified, "watched".to_string()),
            (DictEventKind::Deleted, "watched".to_string()),
            (DictEventKind::Added, String::new()),
            (DictEventKind::Cleared, String::new()),
        ]
    );
    // Another watcher of the same dict hears everything, and so then does this one.
    heard.lock().expect("log").clear();
    let plain = vm.add_dict_watcher(|_, _| Ok(())).expect("slot");
    vm.watch_dict(plain as i64, &d).expect("watch");
    exec(&mut vm, &globals, &format!("d['{other}'] = 2\n"));
    assert_eq!(
        *heard.lock().expect("log"),
        [(DictEventKind::Added, other.clone())]
    );
}
