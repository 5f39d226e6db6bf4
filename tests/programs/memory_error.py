big = [0] * 10
print(len(big))
s = "ab" * 10
print(len(s))
try:
    "x" * (10 ** 12)
except MemoryError:
    print("huge string refused")
try:
    [0] * (10 ** 12)
except MemoryError:
    print("huge list refused")
print("still running")
