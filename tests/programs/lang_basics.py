# Values, operators and their printed forms.
print(1, 2.5, -3, 10 ** 20, 2 ** 64 - 1, -(2 ** 63))
print(7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7.5 % 2, -7.5 // 2)
print(0.1 + 0.2, 1e16, 1e-5, 123456789.125, 1 / 3, 2 / 3, 100.0, 1e22, 1.5e-7)
print(True + True, True and 3, 0 or "x", not [], None is None)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), pow(2, 10), pow(3, 4, 5), abs(-4.5))
print(round(2.5), round(3.5), round(2.675, 2), round(-0.5), round(1234, -2), round(0.125, 2))
print(int("42"), int("-0x1f", 16), int(" 7 "), float("2.5"), float("inf"), str(3.0), bool(""))
print(max(3, 7, 1), min([4, 2, 8]), sum([1, 2, 3]), sum([0.1] * 10), sorted([3, 1, 2], reverse=True))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnew\nline\\"))
print([1, "a", 2.0, None, True], (1,), (), {"a": 1, 2: [3]}, {1, 2, 3}, set(), frozenset())
print(len("héllo"), "héllo".upper(), "abc"[::-1], "abcdef"[1:4], "abcdef"[-2:], [1, 2, 3, 4][::2])
x = 5
print(1 < x < 10, 1 < x > 10, x == 5.0, x is not None, "a" in "cat", 3 not in [1, 2])
print(hex(255), oct(8), bin(5), chr(65), ord("é"), hash(7), 2 ** -1, 10 ** -2)
print(type(1), type("a"), type([]), type(None), type(print), type(len) is type(print))
print(isinstance(True, int), isinstance(3, (str, float)), issubclass(bool, int))
a, b, *rest = [1, 2, 3, 4, 5]
print(a, b, rest)
(c, d), e = (1, 2), 3
print(c, d, e)
n = 10
n += 5
n -= 3
n *= 2
n //= 5
n **= 2
n %= 7
print(n)
s = "x"
s *= 3
print(s)
lst = [3, 1, 2]
lst += [5]
print(lst, lst * 2, [0] * 3)
print(1_000_000, 0b1010, 0o17, 0xff, 1e3)
print(f"{3.14159:.2f} {42:>6} {42:<6}| {42:^7}| {'x':*^5} {1234567:,} {0.25:.1%} {255:x} {255:#b}")
print(f"{12:05d} {-3.5:+.1f} {1e6:e} {123.456:g} {0.0001234:g} {1e20:g} {5:03} {'abc'!r} {'é'!a}")
print("%s is %d years, %.2f%% done, %5s|%-5s|%r" % ("Ann", 7, 12.345, "r", "l", "q"))
print("{} + {} = {}".format(1, 2, 3), "{0}{1}{0}".format("a", "b"), "{name}!".format(name="Bob"))
print("{:>8.3f}|{:<4}|{!r}".format(2.71828, "ab", "s"))
