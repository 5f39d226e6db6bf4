# sync_count.py, from the seed: blocking sleeps, one counter after the other.
import time

def p1():
    for i in range(5):
        print(i)
        time.sleep(1)

def p2():
    for i in range(5):
        print(i + 10)
        time.sleep(1)

p1()
p2()
