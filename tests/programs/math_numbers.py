import math
import statistics

print(math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.pi, math.e, math.inf, -math.inf)
print(math.gcd(48, 18), math.factorial(20), math.comb(10, 3), math.isclose(0.1 + 0.2, 0.3), math.hypot(3, 4))
print(math.log(100, 10), math.log2(1024), math.log10(0.001), math.exp(1), math.sin(math.pi / 2), math.fsum([0.1] * 10))
print(math.isnan(float("nan")), math.trunc(-3.7), math.copysign(2, -0.0), math.fmod(7, -3), math.degrees(math.pi))
print(2 ** 64, -(2 ** 70) // 3, (2 ** 70) % 7, 10 ** 30 // 7 ** 10, abs(-(10 ** 25)), int("9" * 30) + 1)
print(7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7.5 % 2, divmod(17, 5), pow(3, 4), pow(3, 4, 5), pow(2, -2))
print(0.1 * 3, 1e22, 1e21, 123456789012345678.0, 5e-324, 1.7976931348623157e308, 2.0 ** 0.5)
print(round(1.23456, 3), round(-1.5), round(0.5), round(1.5), round(12.5, -1), round(5), round(1e20))
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.median([1, 2, 3, 4]))
print(max(3, 7, 2), min([4, 1, 8]), sum(range(101)), sum([0.5, 0.25], 1), abs(-3.5), int(True) + True)
print(hash(1) == hash(1.0), 1 == 1.0, 0.1 + 0.2 == 0.3, 3 > 2 > 1, 1 < 2 < 2, not 0, None is None)
print(bool([]), bool("0"), bool(0.0), 5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, 1024 >> 3, -1 >> 1)
print(int("0b101", 0), int("0x1f", 16), float("  -1.5e2 "), float("inf"), complex if False else "no complex")
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
