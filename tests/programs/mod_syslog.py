# syslog: constants, LOG_MASK / LOG_UPTO, setlogmask's previous masks, and CPython's
# argument errors (the one message sent is below the mask, so nothing is logged).
import syslog
print(sorted(n for n in dir(syslog) if not n.startswith('__')))
print(syslog.LOG_ERR, syslog.LOG_USER, syslog.LOG_LOCAL0, syslog.LOG_PID, syslog.LOG_MASK(3), syslog.LOG_UPTO(3))
print(syslog.setlogmask(0), syslog.setlogmask(syslog.LOG_UPTO(syslog.LOG_ERR)), syslog.setlogmask(0))
for c in [lambda: syslog.syslog(), lambda: syslog.syslog(1, 2, 3), lambda: syslog.syslog(5), lambda: syslog.syslog('a', 'b'), lambda: syslog.openlog(5), lambda: syslog.openlog('x', 'y'),
          lambda: syslog.LOG_MASK('a'), lambda: syslog.setlogmask('a'), lambda: syslog.openlog(ident='t', logoption=0, facility=syslog.LOG_USER), lambda: syslog.syslog(syslog.LOG_DEBUG, 'debug line'), lambda: syslog.closelog(), lambda: syslog.syslog('a\0b'), lambda: syslog.openlog(foo=1)]:
    try: print(c())
    except Exception as e: print(type(e).__name__, e)
