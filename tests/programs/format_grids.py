# Every format spec against every kind of value, as format(), f-strings and % print them,
# errors included; then the str, list and dict methods over a grid of values.
values = [0, 1, -1, 7, -42, 255, 1234567, 10**20, -10**20, 0.0, -0.0, 0.5, 1.5, 2.5, -2.5,
          3.14159, 1e-7, 1.5e-5, 123456.789, 1e16, 1e22, -1e-300, float("inf"), float("-inf"),
          float("nan"), True, False, "abc", "", "héllo", 12.0, 0.1, 2 / 3, 99.995, 0.125, 1e100,
          5e-324, 2**53 + 1, 0.000123456]
specs = ["", "d", "5d", "<5", ">6", "^7", "*^9", "=+8", "+", "-", " ", ",", "_", "x", "X", "#x",
         "o", "#o", "b", "#b", "08b", "c", "e", "E", ".2e", ".0e", "#.0e", "f", ".0f", "#.0f",
         ".1f", ".3f", "10.2f", "+.2f", ",.2f", "_.3f", "g", "G", ".1g", ".3g", ".10g", "#g",
         "#.3g", "#.1g", "%", ".1%", ".0%", "n", "010.3f", "-^10.2", ".3", ".10", "s", ">10s", "r"]
for value in values:
    shown = []
    for spec in specs:
        try:
            shown.append(format(value, spec))
        except (ValueError, TypeError) as e:
            shown.append(f"<{type(e).__name__}: {e}>")
    print(repr(value), shown)

conversions = ["%s", "%r", "%a", "%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%x", "%X",
               "%#x", "%o", "%#o", "%e", "%E", "%.2e", "%f", "%.0f", "%.3f", "%10.2f", "%-10.2f|",
               "%+.1f", "%g", "%G", "%.3g", "%#g", "%c", "%5s|", "%-5s|", "%.2s", "%u", "%10r"]
for value in [0, -42, 255, 10**20, -0.0, 2.5, 3.14159, 1e-7, 1e16, float("inf"), float("nan"),
              True, "abc", "héllo", None, [1, "a"], (1,), {"k": 1}, 2 / 3, 99.995]:
    shown = []
    for conversion in conversions:
        try:
            shown.append(conversion % (value,))
        except (ValueError, TypeError, OverflowError) as e:
            shown.append(f"<{type(e).__name__}: {e}>")
    print(repr(value), shown)

texts = ["", "a", "Hello World", "  padded  ", "a,b,,c", "tab\tsep", "line1\nline2\r\nline3",
         "École ss", "xxxxx", "abcabc", "123", "١٢٣", "Title Case here", "snake_case_name",
         "MiXeD", " ", "a b  c"]
calls = [("upper", ()), ("lower", ()), ("title", ()), ("capitalize", ()), ("swapcase", ()),
         ("casefold", ()), ("strip", ()), ("rstrip", ("d ",)), ("split", ()), ("split", (",",)),
         ("split", (",", 1)), ("rsplit", (None, 1)), ("splitlines", ()), ("splitlines", (True,)),
         ("partition", (" ",)), ("rpartition", ("b",)), ("find", ("b",)), ("rfind", ("b",)),
         ("index", ("a",)), ("rindex", ("a",)), ("count", ("a",)), ("count", ("",)),
         ("startswith", (("a", "H"),)), ("endswith", ("c",)), ("replace", ("a", "X", 1)),
         ("center", (15, ".")), ("ljust", (8, "*")), ("rjust", (8,)), ("zfill", (6,)),
         ("isdigit", ()), ("isdecimal", ()), ("isnumeric", ()), ("isalpha", ()), ("isalnum", ()),
         ("isspace", ()), ("istitle", ()), ("isupper", ()), ("islower", ()), ("isidentifier", ()),
         ("isprintable", ()), ("isascii", ()), ("expandtabs", (4,)), ("removeprefix", ("a",)),
         ("removesuffix", ("c",)), ("strip", ("a",)), ("translate", ({97: "Z", 98: None},)),
         ("__len__", ()), ("__contains__", ("b",)), ("__getitem__", (slice(1, None, 2),))]
for text in texts:
    shown = []
    for name, args in calls:
        try:
            shown.append(getattr(text, name)(*args))
        except (ValueError, TypeError) as e:
            shown.append(f"<{type(e).__name__}: {e}>")
    print(repr(text), shown)

for items in [[], [3, 1, 2], [1, 1, 2, 3, 5], ["b", "a", "C"], [(2, "b"), (1, "z"), (2, "a")]]:
    for name, args in [("sort", ()), ("sort", ()), ("reverse", ()), ("pop", ()), ("pop", (0,)),
                       ("index", (1,)), ("count", (1,)), ("remove", (1,)), ("insert", (1, "x")),
                       ("insert", (100, "z")), ("append", ([9],)), ("extend", ("ab",)),
                       ("index", (2, 1)), ("__len__", ()), ("__contains__", (2,))]:
        copy = list(items)
        try:
            result = getattr(copy, name)(*args)
            print(name, args, repr(result), copy)
        except (ValueError, TypeError, IndexError) as e:
            print(name, args, type(e).__name__, e, copy)
    for step in [slice(None, None, 2), slice(1, None), slice(None, None, -1), slice(5, 1, -2),
                 slice(-100, 2)]:
        copy = list(items)
        print(step, copy[step], end=" ")
        try:
            copy[step] = ["q"]
            print(copy)
        except ValueError as e:
            print("ValueError", e)

for mapping in [{}, {"a": 1, "b": 2}, {1: "x", 2: "y", 3: "z"}]:
    for name, args in [("pop", ("a",)), ("pop", ("zz", 0)), ("pop", ("zz",)), ("popitem", ()),
                       ("get", ("a",)), ("get", ("q", 5)), ("setdefault", ("n", [])),
                       ("update", ({"a": 9},)), ("update", ([("k", 1)],)), ("update", (5,)),
                       ("copy", ()), ("clear", ()), ("__len__", ()), ("__contains__", ("a",))]:
        copy = dict(mapping)
        try:
            result = getattr(copy, name)(*args)
            print(name, args, repr(result), copy)
        except (KeyError, TypeError) as e:
            print(name, args, type(e).__name__, e, copy)
