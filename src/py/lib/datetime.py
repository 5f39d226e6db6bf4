"""datetime: dates, times, durations and fixed time zones, printed as CPython prints them.
`now()` and `today()` read the program's clock (`time.time()`), so a run shows the same dates
each time, and those of the virtual clock: a `sleep(1)` moves `now()` by one second."""
import time as _time
import math as _math

MINYEAR = 1
MAXYEAR = 9999

_MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_US_PER_DAY = 86400 * 1000000


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_days(year, month):
    return 29 if month == 2 and _is_leap(year) else _MONTH_DAYS[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_before_month(year, month):
    days = sum(_MONTH_DAYS[1:month])
    return days + 1 if month > 2 and _is_leap(year) else days


def _to_ordinal(year, month, day):
    """Day 1 is 0001-01-01, as `date.toordinal()` counts."""
    return _days_before_year(year) + _days_before_month(year, month) + day


def _from_ordinal(n):
    year = n * 400 // 146097 + 1
    while _days_before_year(year) >= n:
        year -= 1
    while _days_before_year(year + 1) < n:
        year += 1
    n -= _days_before_year(year)
    month = 1
    while month < 12 and _days_before_month(year, month + 1) < n:
        month += 1
    return year, month, n - _days_before_month(year, month)


def _check_int(value):
    if not isinstance(value, int):
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")


def _check_date(year, month, day):
    for value in (year, month, day):
        _check_int(value)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"year {year} is out of range")
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _month_days(year, month):
        raise ValueError("day is out of range for month")


def _check_time(hour, minute, second, microsecond):
    for value in (hour, minute, second, microsecond):
        _check_int(value)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")


def _name(obj):
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def _cmp_error(a, b):
    return TypeError(f"can't compare {_name(a)} to {_name(b)}")


def _format_offset(offset, sep=':'):
    if offset is None:
        return ''
    sign = '-' if offset.days < 0 else '+'
    if offset.days < 0:
        offset = -offset
    hours, rest = divmod(offset.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{sign}{hours:02d}{sep}{minutes:02d}"
    if seconds or offset.microseconds:
        text += f"{sep}{seconds:02d}"
        if offset.microseconds:
            text += f".{offset.microseconds:06d}"
    return text


def _strftime(fmt, when, microsecond, offset, zone):
    # %f, %z and %Z here; the rest as time.strftime writes them.
    out = []
    i = 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == '%' and i + 1 < len(fmt):
            code = fmt[i + 1]
            if code == 'f':
                out.append(f"{microsecond:06d}")
            elif code == 'z':
                out.append(_format_offset(offset, ''))
            elif code == 'Z':
                out.append(zone or '')
            elif code == '%':
                out.append('%%')
            else:
                out.append(fmt[i:i + 2])
            i += 2
        else:
            out.append(ch)
            i += 1
    return _time.strftime(''.join(out), when)


class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0,
                 weeks=0):
        total = (((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds
        us = total * 1000000 + milliseconds * 1000 + microseconds
        if isinstance(us, float):
            us = round(us)
        self._set(us)

    def _set(self, us):
        days, rest = divmod(us, _US_PER_DAY)
        if abs(days) > 999999999:
            raise OverflowError(f"days={days}; must have magnitude <= 999999999")
        self._days = days
        self._seconds, self._microseconds = divmod(rest, 1000000)

    @classmethod
    def _of(cls, us):
        delta = cls.__new__(cls)
        delta._set(us)
        return delta

    def _us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    days = property(lambda self: self._days)
    seconds = property(lambda self: self._seconds)
    microseconds = property(lambda self: self._microseconds)

    def total_seconds(self):
        return self._us() / 10 ** 6

    def __repr__(self):
        parts = []
        if self._days:
            parts.append(f"days={self._days}")
        if self._seconds:
            parts.append(f"seconds={self._seconds}")
        if self._microseconds:
            parts.append(f"microseconds={self._microseconds}")
        return f"{_name(self)}({', '.join(parts) or '0'})"

    def __str__(self):
        minutes, seconds = divmod(self._seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = f"{hours}:{minutes:02d}:{seconds:02d}"
        if self._days:
            text = f"{self._days} day{'' if abs(self._days) == 1 else 's'}, " + text
        if self._microseconds:
            text += f".{self._microseconds:06d}"
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._of(self._us() + other._us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._of(self._us() - other._us())
        return NotImplemented

    def __neg__(self):
        return timedelta._of(-self._us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._of(self._us() * other)
        if isinstance(other, float):
            return timedelta._of(round(self._us() * other))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us() / other._us()
        if isinstance(other, (int, float)):
            return timedelta._of(round(self._us() / other))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us() // other._us()
        if isinstance(other, int):
            return timedelta._of(self._us() // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._of(self._us() % other._us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._us(), other._us())
            return q, timedelta._of(r)
        return NotImplemented

    def _compare(self, other):
        if not isinstance(other, timedelta):
            return None
        return self._us() - other._us()

    def __eq__(self, other):
        d = self._compare(other)
        return NotImplemented if d is None else d == 0

    def __lt__(self, other):
        d = self._compare(other)
        return NotImplemented if d is None else d < 0

    def __le__(self, other):
        d = self._compare(other)
        return NotImplemented if d is None else d <= 0

    def __gt__(self, other):
        d = self._compare(other)
        return NotImplemented if d is None else d > 0

    def __ge__(self, other):
        d = self._compare(other)
        return NotImplemented if d is None else d >= 0

    def __hash__(self):
        return hash(self._us())

    def __bool__(self):
        return self._us() != 0


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class tzinfo:
    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def dst(self, dt):
        return None


class timezone(tzinfo):
    def __init__(self, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("offset must be a timedelta")
        if not -timedelta(hours=24) < offset < timedelta(hours=24):
            raise ValueError("offset must be a timedelta strictly between "
                             "-timedelta(hours=24) and timedelta(hours=24).")
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return 'UTC'
        return 'UTC' + _format_offset(self._offset)

    def dst(self, dt):
        return None

    def __repr__(self):
        if self is timezone.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return f"{_name(self)}({self._offset!r})"
        return f"{_name(self)}({self._offset!r}, {self._name!r})"

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, other):
        return isinstance(other, timezone) and self._offset == other._offset

    def __hash__(self):
        return hash(self._offset)


timezone.utc = timezone(timedelta(0))
UTC = timezone.utc


class date:
    def __init__(self, year, month, day):
        _check_date(year, month, day)
        self._year = year
        self._month = month
        self._day = day

    year = property(lambda self: self._year)
    month = property(lambda self: self._month)
    day = property(lambda self: self._day)

    @classmethod
    def fromtimestamp(cls, t):
        local = _time.localtime(t)
        return cls(local.tm_year, local.tm_mon, local.tm_mday)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        return cls(*_from_ordinal(n))

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            year, month, day = text.split('-')
            if len(year) != 4 or len(month) != 2 or len(day) != 2:
                raise ValueError
            return cls(int(year), int(month), int(day))
        except ValueError:
            raise ValueError(f"Invalid isoformat string: {text!r}")

    def toordinal(self):
        return _to_ordinal(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def timetuple(self):
        return (self._year, self._month, self._day, 0, 0, 0, self.weekday(),
                _days_before_month(self._year, self._month) + self._day, -1)

    def isoformat(self):
        return f"{self._year:04d}-{self._month:02d}-{self._day:02d}"

    __str__ = isoformat

    def __repr__(self):
        return f"{_name(self)}({self._year}, {self._month}, {self._day})"

    def ctime(self):
        return _time.strftime('%a %b %d %H:%M:%S %Y', self.timetuple()).replace(
            f" {self._day:02d} ", f" {self._day:2d} ", 1)

    def strftime(self, fmt):
        return _strftime(fmt, self.timetuple(), 0, None, None)

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return type(self).fromordinal(self.toordinal() + other.days)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return type(self).fromordinal(self.toordinal() - other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def _key(self, other):
        if isinstance(other, datetime) or not isinstance(other, date):
            return None
        return (self._year, self._month, self._day), (other._year, other._month, other._day)

    def __eq__(self, other):
        if isinstance(other, datetime) != isinstance(self, datetime):
            return False
        keys = self._key(other)
        return NotImplemented if keys is None else keys[0] == keys[1]

    def _ordered(self, other, test):
        keys = self._key(other)
        if keys is None:
            raise _cmp_error(self, other)
        return test(keys[0], keys[1])

    def __lt__(self, other):
        return self._ordered(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._ordered(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._ordered(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._ordered(other, lambda a, b: a >= b)

    def __hash__(self):
        return hash((self._year, self._month, self._day))


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class time:
    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        _check_time(hour, minute, second, microsecond)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(None)

    def isoformat(self, timespec='auto'):
        return _iso_time(self._hour, self._minute, self._second, self._microsecond,
                         timespec) + _format_offset(self.utcoffset())

    __str__ = isoformat

    def __repr__(self):
        parts = [str(self._hour), str(self._minute)]
        if self._second or self._microsecond:
            parts.append(str(self._second))
        if self._microsecond:
            parts.append(str(self._microsecond))
        text = f"{_name(self)}({', '.join(parts)}"
        if self._tzinfo is not None:
            text += f", tzinfo={self._tzinfo!r}"
        return text + ")"

    def strftime(self, fmt):
        when = (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1)
        zone = None if self._tzinfo is None else self._tzinfo.tzname(None)
        return _strftime(fmt, when, self._microsecond, self.utcoffset(), zone)

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True):
        return time(self._hour if hour is None else hour,
                    self._minute if minute is None else minute,
                    self._second if second is None else second,
                    self._microsecond if microsecond is None else microsecond,
                    self._tzinfo if tzinfo is True else tzinfo)

    def _key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def __eq__(self, other):
        return isinstance(other, time) and self._key() == other._key()

    def _ordered(self, other, test):
        if not isinstance(other, time):
            raise _cmp_error(self, other)
        return test(self._key(), other._key())

    def __lt__(self, other):
        return self._ordered(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._ordered(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._ordered(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._ordered(other, lambda a, b: a >= b)

    def __hash__(self):
        return hash(self._key())

    def __bool__(self):
        return True


def _iso_time(hour, minute, second, microsecond, timespec):
    if timespec == 'auto':
        timespec = 'microseconds' if microsecond else 'seconds'
    if timespec == 'hours':
        return f"{hour:02d}"
    if timespec == 'minutes':
        return f"{hour:02d}:{minute:02d}"
    text = f"{hour:02d}:{minute:02d}:{second:02d}"
    if timespec == 'seconds':
        return text
    if timespec == 'milliseconds':
        return text + f".{microsecond // 1000:03d}"
    if timespec == 'microseconds':
        return text + f".{microsecond:06d}"
    raise ValueError('Unknown timespec value')


class datetime(date):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0,
                 tzinfo=None, *, fold=0):
        _check_date(year, month, day)
        _check_time(hour, minute, second, microsecond)
        if tzinfo is not None and not isinstance(tzinfo, tzinfo_class):
            raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type "
                            f"'{type(tzinfo).__name__}'")
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        fraction, whole = _math.modf(t)
        us = round(fraction * 1e6)
        if us >= 1000000:
            whole, us = whole + 1, us - 1000000
        elif us < 0:
            whole, us = whole - 1, us + 1000000
        if tz is None:
            parts = _time.localtime(whole)
        else:
            parts = _time.gmtime(whole)
        result = cls(parts.tm_year, parts.tm_mon, parts.tm_mday, parts.tm_hour, parts.tm_min,
                     parts.tm_sec, us, tz)
        if tz is not None:
            result = result + tz.utcoffset(result)
        return result

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls.fromtimestamp(t, timezone.utc).replace(tzinfo=None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def combine(cls, day, at, tzinfo=True):
        if tzinfo is True:
            tzinfo = at.tzinfo
        return cls(day.year, day.month, day.day, at.hour, at.minute, at.second,
                   at.microsecond, tzinfo)

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            day, at = text[:10], text[11:]
            if len(text) > 10 and text[10] not in 'T ':
                raise ValueError
            result = cls.combine(date.fromisoformat(day), _parse_time(at) if at else time())
            return result
        except (ValueError, IndexError):
            raise ValueError(f"Invalid isoformat string: {text!r}")

    @classmethod
    def strptime(cls, text, fmt):
        return _strptime(cls, text, fmt)

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo)

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(self)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(self)

    def timetuple(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second,
                self.weekday(), _days_before_month(self._year, self._month) + self._day, -1)

    def _us(self):
        seconds = ((self.toordinal() * 24 + self._hour) * 60 + self._minute) * 60 + self._second
        return seconds * 1000000 + self._microsecond

    @classmethod
    def _of(cls, us, tz):
        days, rest = divmod(us, _US_PER_DAY)
        seconds, microsecond = divmod(rest, 1000000)
        minutes, second = divmod(seconds, 60)
        hour, minute = divmod(minutes, 60)
        return cls(*_from_ordinal(days), hour, minute, second, microsecond, tz)

    def _utc_us(self):
        offset = self.utcoffset()
        return self._us() - (0 if offset is None else offset._us())

    def timestamp(self):
        epoch = _to_ordinal(1970, 1, 1) * _US_PER_DAY
        if self._tzinfo is not None:
            return (self._utc_us() - epoch) / 10 ** 6
        # A naive datetime is local time: its UTC offset is the one of that local time.
        guess = (self._us() - epoch) // 10 ** 6
        local = datetime.fromtimestamp(guess)
        offset = (local._us() - epoch) // 10 ** 6 - guess
        return (self._us() - epoch) / 10 ** 6 - offset

    def astimezone(self, tz=None):
        if tz is None:
            return datetime.fromtimestamp(self.timestamp())
        return datetime.fromtimestamp(self.timestamp(), tz)

    def isoformat(self, sep='T', timespec='auto'):
        return (f"{self._year:04d}-{self._month:02d}-{self._day:02d}{sep}"
                + _iso_time(self._hour, self._minute, self._second, self._microsecond, timespec)
                + _format_offset(self.utcoffset()))

    def __str__(self):
        return self.isoformat(' ')

    def __repr__(self):
        parts = [self._year, self._month, self._day, self._hour, self._minute]
        if self._second or self._microsecond:
            parts.append(self._second)
        if self._microsecond:
            parts.append(self._microsecond)
        text = f"{_name(self)}({', '.join(str(p) for p in parts)}"
        if self._tzinfo is not None:
            text += f", tzinfo={self._tzinfo!r}"
        return text + ")"

    def ctime(self):
        return _time.strftime('%a %b %d %H:%M:%S %Y', self.timetuple()).replace(
            f" {self._day:02d} ", f" {self._day:2d} ", 1)

    def strftime(self, fmt):
        return _strftime(fmt, self.timetuple(), self._microsecond, self.utcoffset(),
                         self.tzname())

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=0):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return type(self)._of(self._us() + other._us(), self._tzinfo)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return type(self)._of(self._us() - other._us(), self._tzinfo)
        if isinstance(other, datetime):
            if (self._tzinfo is None) != (other._tzinfo is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            return timedelta._of(self._utc_us() - other._utc_us())
        return NotImplemented

    def _key(self, other):
        if not isinstance(other, datetime):
            return None
        if (self._tzinfo is None) != (other._tzinfo is None):
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        return self._utc_us(), other._utc_us()

    def __eq__(self, other):
        if not isinstance(other, datetime):
            return NotImplemented if not isinstance(other, date) else False
        if (self._tzinfo is None) != (other._tzinfo is None):
            return False
        return self._utc_us() == other._utc_us()

    def __hash__(self):
        return hash(self._utc_us())


tzinfo_class = tzinfo
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)


def _parse_time(text):
    offset = None
    for sign in '+-':
        if sign in text:
            text, zone = text.split(sign)
            hours, minutes = zone.split(':')[:2]
            offset = timedelta(hours=int(hours), minutes=int(minutes))
            if sign == '-':
                offset = -offset
    if text.endswith('Z'):
        text, offset = text[:-1], timedelta(0)
    fields = text.split(':')
    hour, minute = int(fields[0]), int(fields[1]) if len(fields) > 1 else 0
    second, microsecond = 0, 0
    if len(fields) > 2:
        whole, _, fraction = fields[2].partition('.')
        second = int(whole)
        if fraction:
            microsecond = int((fraction + '000000')[:6])
    tz = None if offset is None else (timezone.utc if not offset else timezone(offset))
    return time(hour, minute, second, microsecond, tz)


_MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
                'September', 'October', 'November', 'December']
_DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']


def _strptime(cls, text, fmt):
    values = {'Y': 1900, 'm': 1, 'd': 1, 'H': 0, 'M': 0, 'S': 0, 'f': 0}
    pm = None
    i = j = 0

    def digits(at, most):
        end = at
        while end < len(text) and end - at < most and text[end].isdigit():
            end += 1
        if end == at:
            raise ValueError(f"time data {text!r} does not match format {fmt!r}")
        return int(text[at:end]), end

    def name(at, names):
        for n, full in enumerate(names):
            for candidate in (full, full[:3]):
                if text[at:at + len(candidate)].lower() == candidate.lower():
                    return n, at + len(candidate)
        raise ValueError(f"time data {text!r} does not match format {fmt!r}")

    while i < len(fmt):
        if fmt[i] == '%' and i + 1 < len(fmt):
            code = fmt[i + 1]
            i += 2
            if code in 'YmdHMSIjy':
                value, j = digits(j, 4 if code == 'Y' else 3 if code == 'j' else 2)
                if code == 'y':
                    value += 2000 if value < 69 else 1900
                    code = 'Y'
                values[code] = value
            elif code == 'f':
                start = j
                value, j = digits(j, 6)
                values['f'] = value * 10 ** (6 - (j - start))
            elif code in 'bB':
                n, j = name(j, _MONTH_NAMES)
                values['m'] = n + 1
            elif code in 'aA':
                _, j = name(j, _DAY_NAMES)
            elif code == 'p':
                word = text[j:j + 2].upper()
                if word not in ('AM', 'PM'):
                    raise ValueError(f"time data {text!r} does not match format {fmt!r}")
                pm, j = word == 'PM', j + 2
            elif code == '%':
                if text[j:j + 1] != '%':
                    raise ValueError(f"time data {text!r} does not match format {fmt!r}")
                j += 1
            else:
                raise ValueError(f"'{code}' is a bad directive in format '%{code}'")
        else:
            if text[j:j + 1] != fmt[i]:
                raise ValueError(f"time data {text!r} does not match format {fmt!r}")
            i += 1
            j += 1
    if j != len(text):
        raise ValueError(f"unconverted data remains: {text[j:]}")
    hour = values['H']
    if 'I' in values:
        hour = values['I'] % 12 + (12 if pm else 0)
    return cls(values['Y'], values['m'], values['d'], hour, values['M'], values['S'],
               values['f'])
