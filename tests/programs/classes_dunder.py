import functools


@functools.total_ordering
class Version:
    count = 0

    def __init__(self, major, minor=0):
        self.major, self.minor = major, minor
        Version.count += 1

    def __repr__(self):
        return f"Version({self.major}, {self.minor})"

    def __str__(self):
        return f"v{self.major}.{self.minor}"

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __hash__(self):
        return hash((self.major, self.minor))

    @property
    def is_stable(self):
        return self.major >= 1

    @classmethod
    def parse(cls, text):
        major, minor = text.split(".")
        return cls(int(major), int(minor))

    @staticmethod
    def zero():
        return Version(0)


class Stack:
    def __init__(self):
        self._items = []

    def push(self, x):
        self._items.append(x)
        return self

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return reversed(self._items)

    def __contains__(self, x):
        return x in self._items

    def __getitem__(self, i):
        return self._items[-1 - i]

    def __bool__(self):
        return bool(self._items)

    def __add__(self, other):
        s = Stack()
        s._items = self._items + other._items
        return s


versions = [Version.parse("1.2"), Version(0, 9), Version(1), Version.zero()]
print(sorted(versions), max(versions), min(versions, key=lambda v: v.minor))
print(str(versions[0]), versions[0].is_stable, versions[1] >= versions[3], Version.count)
print(Version(1, 0) in versions, len({Version(1), Version(1, 0)}))
s = Stack().push(1).push(2).push(3)
print(len(s), list(s), 2 in s, s[0], bool(Stack()), list(s + s))
print(isinstance(s, Stack), type(s).__name__, hasattr(s, "push"), getattr(s, "nope", "default"))
setattr(s, "label", "mine")
print(s.label, vars(Version(2, 3)))
