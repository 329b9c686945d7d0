//! The Chrome trace-event format (a JSON array; Perfetto and chrome://tracing open
//! it): compiling a unit and each run of compiled code are complete events (`X`,
//! with their duration), every trace record (a watcher event and what it did, a
//! deopt that dropped a unit, a recompile) is an instant event (`i`) with the
//! record's fields as its arguments, on the thread that saw it. Times are
//! microseconds since the trace started; unlike the text and JSON-lines traces this
//! one is not meant to be identical from run to run.
//!
//! The array is left open: the format allows it, so a run that ends abruptly still
//! leaves a trace that loads.
//!
//! Depends on `trace` (the records) and tripwire-watchers (through core) for JSON
//! string quoting.

use crate::trace::Record;
use std::io::Write;
use std::time::Instant;
use tripwire_core::watchers::trace::json_str;

pub struct ChromeTrace {
    out: Box<dyn Write>,
    start: Instant,
    events: u64,
}

impl ChromeTrace {
    pub fn new(out: Box<dyn Write>) -> ChromeTrace {
        ChromeTrace {
            out,
            start: Instant::now(),
            events: 0,
        }
    }

    /// Microseconds from the start of the trace to `t`.
    fn micros(&self, t: Instant) -> f64 {
        t.saturating_duration_since(self.start).as_secs_f64() * 1e6
    }

    fn write(&mut self, event: &str) {
        let sep = if self.events == 0 { "[\n" } else { ",\n" };
        self.events += 1;
        // A trace that cannot be written (a full disk) must not stop the program.
        let _ = write!(self.out, "{sep}{event}");
        let _ = self.out.flush();
    }

    /// Something that took from `began` to `ended` (a compile, a run of a unit).
    pub fn span(
        &mut self,
        name: &str,
        category: &str,
        began: Instant,
        ended: Instant,
        thread: u64,
    ) {
        let (ts, end) = (self.micros(began), self.micros(ended));
        let event = format!(
            "{{\"name\":{},\"cat\":{},\"ph\":\"X\",\"ts\":{ts:.3},\"dur\":{:.3},\"pid\":1,\"tid\":{thread}}}",
            json_str(name),
            json_str(category),
            (end - ts).max(0.0)
        );
        self.write(&event);
    }

    /// A trace record, now.
    pub fn instant(&mut self, record: &Record, thread: u64) {
        let ts = self.micros(Instant::now());
        let event = format!(
            "{{\"name\":{},\"cat\":\"invalidation\",\"ph\":\"i\",\"s\":\"t\",\"ts\":{ts:.3},\"pid\":1,\"tid\":{thread},\"args\":{}}}",
            json_str(&format!("{} {}", record.event, record.object)),
            record.json()
        );
        self.write(&event);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    /// A writer the test can read back.
    #[derive(Clone, Default)]
    struct Shared(Rc<RefCell<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn spans_and_instants_make_a_json_array_of_trace_events() {
        let buf = Shared::default();
        let mut trace = ChromeTrace::new(Box::new(buf.clone()));
        let t0 = Instant::now();
        trace.span("compile f at 4", "compile", t0, t0, 7);
        let record = Record {
            seq: 1,
            event: "dict.modified".into(),
            object: "globals of __main__".into(),
            detail: "key='x'".into(),
            actions: Vec::new(),
        };
        trace.instant(&record, 7);
        let text = String::from_utf8(buf.0.borrow().clone()).expect("utf-8");
        let closed = format!("{text}\n]");
        assert!(
            closed.starts_with("[\n{\"name\":\"compile f at 4\",\"cat\":\"compile\",\"ph\":\"X\"")
        );
        assert!(closed.contains(
            "\"name\":\"dict.modified globals of __main__\",\"cat\":\"invalidation\",\"ph\":\"i\""
        ));
        assert!(closed.contains("\"args\":{\"seq\":1,\"event\":\"dict.modified\""));
        assert_eq!(closed.matches("\"tid\":7").count(), 2);
        assert_eq!(closed.lines().count(), 4, "one event per line: {closed}");
    }
}
