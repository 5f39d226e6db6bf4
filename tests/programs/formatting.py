import math

values = [0, 1, -1, 3.14159, 2.5, 1e20, 1e-7, 123456789, float("inf"), -0.0]
for v in values:
    print(f"{v!r:>14}|{v!s:<14}|{v:10.3f}|{v:e}|{v:g}")
print(f"{42:08b} {255:x} {255:#X} {255:o} {1234567:,} {1234567.891:_.2f}")
print(f"{'left':<10}|{'right':>10}|{'center':^10}|{'fill':*^11}")
print(f"{3.5:%} {0.25:.1%} {-5:+d} {5:+d} {5: d}")
name, n = "tasks", 3
print(f"{name=} {n*2=} {math.pi=:.3f}")
print("%s has %d items costing %.2f (%5.1f%%)" % ("cart", 3, 9.5, 12.345))
print("%r %x %o %e %10s|%-10s|" % ("q", 255, 8, 12345.678, "r", "l"))
print("%(a)s-%(b)04d" % {"a": "key", "b": 7})
print("{} {} {}".format(1, "two", 3.0), "{1}{0}".format("a", "b"), "{x:>5}".format(x="y"))
print("{:.3}".format(math.pi), "{!r}".format("s"), "{0[1]}".format([5, 6]))
print(repr(0.1 + 0.2), 1 / 3, 2 / 3, 10 / 4, 1e16, 1.5e-5, 100.0, 1e300 * 10)
print(str(1.0), repr(-1.5), 7 // 2, -7 // 2, 7 % -3, divmod(-7, 2), 2 ** 100, 2 ** -1)
print(round(2.5), round(3.5), round(2.675, 2), round(-0.5), round(1234, -2))
print(int(3.9), int(-3.9), float("1e3"), int("  42 "), int("ff", 16), hex(255), bin(5), oct(8))
print("{:>8.2f}|{:<8}|{:^8}".format(3.14159, "ab", "cd"))
print(format(1234.5, ",.1f"), format("x", "^5"), format(12, "03d"))
