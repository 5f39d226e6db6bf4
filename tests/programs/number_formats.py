import asyncio
import sys
import math

vals = [0.0, -0.0, 1e-7, 1e22, 1e16, 123456789012345678.0, 2.5e-5, 3.0, 1/7, 100.0, 1e100, math.pi, math.e * 1000, float("inf"), -float("nan")]
for v in vals:
    print(repr(v), str(v), f"{v:e}", f"{v:g}", f"{v:.3g}", f"{v:10.4f}|", f"{v:,.2f}", f"{v:%}" if math.isfinite(v) else "")
print(f"{1234567:,}", f"{1234567:_}", f"{0.000123:.2e}", f"{12:#o}", f"{255:X}", f"{-42:+05d}", f"{3.14159:=+10.2f}", f"{'ab':*^9}")
print(format(0.1 + 0.2, ".17g"), round(0.125, 2), round(0.375, 2), round(2.675, 2), round(1234.5678, -2), 10 ** -3)
print(7 / 2, 7 // 2, 7 % -3, -7 // 3, 2 ** -1, 0.1 * 3, 1e308 * 10, int(3.99), int(-3.99), float(2**53 + 1))
print(divmod(7.5, 2), math.floor(-2.5), math.ceil(-2.5), math.trunc(2.7), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.sqrt(2), math.hypot(3, 4), math.log(8, 2), math.log10(1000), math.exp(1), math.isclose(0.1 + 0.2, 0.3), math.gcd(12, 18), math.factorial(20), math.comb(10, 3))
sys.stdout.write("written\n")
print("a", "b", sep="", end="")
print("!")
print(*range(5), sep=", ")
print(f"{'left':<10}|{'right':>10}|{'mid':^10}|")
print("%5.2f%%" % 12.345, "%x %o %e %g %r %s %c" % (255, 8, 12345.678, 0.00001, "q", None, 65))
print("{0}{1}{0}".format("a", "b"), "{name}:{val:.1f}".format(name="x", val=2), "{:>{w}}".format("r", w=4), "{!r:^8}".format("s"))
