# CPython's logging on tripwire: configuration, loggers and their hierarchy, levels,
# formatters (%, { and $ styles), filters, adapters and handlers.
import logging
import sys

logging.basicConfig(format="%(levelname)s:%(name)s:%(message)s", level=logging.INFO,
                    stream=sys.stdout)
log = logging.getLogger("app")
log.debug("hidden at INFO")
log.info("started %d workers", 3)
log.warning("disk at %s%%", 91)
logging.getLogger("app.db").error("connection lost: %r", ("db", 5432))
logging.warning("from the root")
print(log.getEffectiveLevel(), logging.getLevelName(logging.ERROR), log.isEnabledFor(10))
print(logging.getLogger("app.db").parent is log, log.name, logging.getLogger().name)

# A logger of its own, not propagating, with a handler and a formatter.
out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter("[{name}] {levelname:<8} {message}", style="{"))
worker = logging.getLogger("worker")
worker.propagate = False
worker.addHandler(out)
worker.setLevel(logging.DEBUG)
worker.debug("debug shows here")
worker.critical("critical %s", "stop")

# Dollar style, handler levels and filters.
dollar = logging.StreamHandler(sys.stdout)
dollar.setFormatter(logging.Formatter("$levelname|$message", style="$"))
dollar.setLevel(logging.WARNING)
quiet = logging.getLogger("quiet")
quiet.propagate = False
quiet.addHandler(dollar)
quiet.setLevel(logging.DEBUG)
quiet.info("below the handler's level")
quiet.warning("at the handler's level")


class NoSecrets(logging.Filter):
    def filter(self, record):
        return "secret" not in record.getMessage()


quiet.addFilter(NoSecrets())
quiet.error("the secret is out")
quiet.error("nothing to hide")

# An adapter adds context.
adapter = logging.LoggerAdapter(worker, {"user": "ann"})
adapter.process = lambda msg, kwargs: (f"[{adapter.extra['user']}] {msg}", kwargs)
adapter.info("logged in")

# A record's attributes, and a custom level name.
logging.addLevelName(25, "NOTICE")
worker.log(25, "a notice")
record = logging.LogRecord("rec", logging.INFO, "file.py", 7, "x=%d", (5,), None)
print(record.getMessage(), record.levelname, record.lineno, record.name)

# Logging to stderr goes there (not compared) and the program goes on.
err = logging.getLogger("to_stderr")
err.propagate = False
err.addHandler(logging.StreamHandler())
err.error("this line goes to stderr")
logging.disable(logging.CRITICAL)
log.critical("disabled")
logging.disable(logging.NOTSET)
log.info("enabled again")
logging.shutdown()
print("done")
