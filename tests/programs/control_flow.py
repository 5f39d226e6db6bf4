def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("found at", i)
            break
    else:
        print("not found")


find([1, 2, 3], 2)
find([1, 2, 3], 9)
n = 0
while n < 3:
    n += 1
else:
    print("while finished with n =", n)
while True:
    n -= 1
    if n == 1:
        continue
    if n < 0:
        break
    print("n", n)
if (length := len("walrus")) > 3:
    print("length", length)
values = [y for x in range(5) if (y := x * x) % 2 == 0]
print(values)
grade = lambda score: "A" if score >= 90 else "B" if score >= 80 else "C"
print([grade(s) for s in (95, 85, 50)])
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix, [row[i] for i, row in enumerate(matrix)], list(zip(*matrix))[0])
print({k: v for k, v in zip("abc", range(3)) if v}, {x % 3 for x in range(10)})
total = 0
for i in range(10):
    if i % 2:
        continue
    total += i
print(total)
try:
    pass
finally:
    print("finally runs")


def early(x):
    try:
        if x:
            return "from try"
    finally:
        print("cleanup for", x)
    return "after"


print(early(True), early(False))
assert total == 20
x = 5
del x
try:
    x
except NameError as e:
    print(e)
