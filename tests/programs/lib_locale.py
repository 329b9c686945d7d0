# CPython's locale module over the native _locale: the C library's categories,
# conventions, langinfo strings and collation, and locale.Error.
import _locale
import locale

print(locale.setlocale(locale.LC_NUMERIC), locale.setlocale(locale.LC_TIME))
print(locale.getlocale(locale.LC_NUMERIC), locale.getlocale(locale.LC_COLLATE))
print(locale.setlocale(locale.LC_ALL, 'C'), locale.setlocale(locale.LC_ALL))
print(locale.setlocale(locale.LC_MONETARY, 'POSIX'))
print(locale.setlocale(locale.LC_ALL, 'C'))
conv = locale.localeconv()
print(sorted(conv.items()))
print(locale.format_string('%.2f', 1234567.891, grouping=True),
      locale.format_string('%d items', 1234, grouping=True))
print(locale.str(3.5), locale.atof('2.50'), locale.atoi('42'), locale.delocalize('1.5'))
print(locale.currency(1.5) if conv['currency_symbol'] else 'no currency symbol')
for key in ['CODESET', 'RADIXCHAR', 'THOUSEP', 'D_T_FMT', 'D_FMT', 'T_FMT',
            'T_FMT_AMPM', 'AM_STR', 'PM_STR', 'DAY_1', 'ABDAY_7', 'MON_12',
            'ABMON_1', 'YESEXPR', 'NOEXPR', 'ERA', '_DATE_FMT']:
    value = locale.nl_langinfo(getattr(_locale, key))
    print(key, repr(value if key != 'CODESET' else value.upper() in
                   ('ANSI_X3.4-1968', 'UTF-8')))
# The C library's collation gives a sign; its magnitude varies with the call.
sign = lambda n: (n > 0) - (n < 0)
print(sign(locale.strcoll('a', 'b')), sign(locale.strcoll('b', 'a')),
      locale.strcoll('é', 'é'),
      locale.strxfrm('hello'), sorted(['b', 'C', 'a'], key=locale.strxfrm))
print(type(locale.getencoding()).__name__, locale.CHAR_MAX)
print(locale.Error.__module__, locale.Error.__mro__[1].__name__, locale.Error is _locale.Error)
print(locale.normalize('en_US.utf8'), locale.getlocale(locale.LC_MESSAGES))

for call in [lambda: locale.setlocale(locale.LC_ALL, 'xx_NOWHERE.UTF-8'),
             lambda: locale.setlocale(12345),
             lambda: locale.nl_langinfo(-1),
             lambda: locale.strcoll('a', 1),
             lambda: locale.strcoll('a\0', 'b'),
             lambda: locale.setlocale(locale.LC_ALL, 'C\0x'),
             lambda: locale.setlocale('LC_ALL')]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
