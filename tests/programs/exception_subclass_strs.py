# Exception subclasses that build on BaseException's own __str__ and __repr__ through super(),
# KeyError's quoting kept; sys.float_info and version_info as 3.11.7 shows them.
import sys
class E(Exception):
    def __str__(self):
        return "custom " + super().__str__()
    def __repr__(self):
        return "R:" + super().__repr__()
class K(KeyError):
    def __str__(self):
        return "K " + super().__str__()
try:
    raise E("x", 1)
except (ValueError, E) as e:
    print(e, repr(e), e.args, Exception.__str__(e), BaseException.__repr__(ValueError("v")))
print(str(K("key")), repr(K("key")), str(E()), repr(E()))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.byteorder, sys.float_info)
print(sys.version_info[:3], sys.version_info)
raise E("boom")
