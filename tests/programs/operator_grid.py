# Every binary operator between values of every built-in kind, and the built-in functions
# over them: results and CPython's errors.
values = [0, 1, -3, 7, 2**40, -2**70, 0.0, -0.0, 2.5, -1.5, 1e308, float("inf"), float("nan"), True, False, "ab", "", [1], (2,), None, {1}, {"k": 1}]
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b, "//": lambda a, b: a // b, "%": lambda a, b: a % b, "**": lambda a, b: a ** b, "<<": lambda a, b: a << b, ">>": lambda a, b: a >> b, "&": lambda a, b: a & b, "|": lambda a, b: a | b, "^": lambda a, b: a ^ b, "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b, "in": lambda a, b: a in b}
for a in values:
    row = []
    for op in ops:
        for b in values:
            try:
                if op in ("**", "<<") and isinstance(b, int) and b > 100: raise OverflowError("skipped")
                if op == "*" and isinstance(b, int) and b > 100 and isinstance(a, (str, list, tuple)): raise OverflowError("skipped")
                if op == "*" and isinstance(a, int) and a > 100 and isinstance(b, (str, list, tuple)): raise OverflowError("skipped")
                if op == "**" and isinstance(a, (int, float)) and a < 0 and isinstance(b, float) and b == b and b != int(b) if isinstance(b, float) and b == b and abs(b) != float("inf") else False:
                    raise OverflowError("complex result skipped")
                r = ops[op](a, b)
                row.append(repr(r) if not isinstance(r, float) or r == r else "nan")
            except Exception as e:
                row.append(f"{type(e).__name__}: {e}")
    print(repr(a), row)
for v in values:
    shown = []
    for f in (abs, bool, str, repr, (lambda x: hash(x) if isinstance(x, (int, float, tuple)) and x == x else 0), int, float, round, len, sorted, min, max, divmod, pow, lambda x: -x, lambda x: ~x, lambda x: +x, lambda x: not x):
        try:
            shown.append(repr(f(v)) if f not in (divmod, pow) else repr(f(v, 3)))
        except Exception as e:
            shown.append(f"{type(e).__name__}: {e}")
    print(repr(v), shown)
