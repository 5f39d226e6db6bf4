# Dates on the program's clock: datetime.now() moves with the virtual clock (the coroutine that
# prints the date every 1.25 s, elapsed time as a timedelta), and the datetime module's
# arithmetic, formatting (str, repr, isoformat, strftime, f-string specs), parsing and time zones.
import asyncio
import datetime
from datetime import date, datetime as dt, timedelta, timezone, time as dtime

async def display_date():
    loop = asyncio.get_running_loop()
    end_time = loop.time() + 3.0
    while True:
        print(datetime.datetime.now())
        if (loop.time() + 1.0) >= end_time:
            break
        await asyncio.sleep(1.25)

async def main():
    await display_date()
    start = dt.now()
    await asyncio.sleep(2.5)
    elapsed = dt.now() - start
    print(elapsed, repr(elapsed), elapsed.total_seconds(), elapsed.seconds, elapsed.microseconds)
    print(start.strftime("%H:%M:%S.%f"), start.isoformat(), start.isoformat(timespec="milliseconds"))
    print(f"{start:%Y/%m/%d %I:%M %p}", f"{start.date()}", repr(start.date()), repr(start.time()))
    d = date(2024, 2, 28)
    print(d + timedelta(days=1), d + timedelta(days=2), d.weekday(), d.isoweekday(), d.toordinal(), date.fromordinal(738000))
    print(date(2026, 3, 1) - date(2025, 12, 25), (date(2026, 3, 1) - d).days, d < date(2025, 1, 1), d == date(2024, 2, 28))
    print(timedelta(hours=25, minutes=3), timedelta(seconds=-1), repr(timedelta(0)), repr(timedelta(days=-1, seconds=5)), timedelta(milliseconds=1500))
    print(timedelta(days=1) / timedelta(hours=1), timedelta(minutes=10) * 1.5, timedelta(hours=1) // 7, -timedelta(hours=2), abs(timedelta(hours=-2)))
    print(timedelta(weeks=1, days=2) > timedelta(days=8), divmod(timedelta(hours=5), timedelta(hours=2)), bool(timedelta()), str(timedelta(microseconds=5)))
    x = dt(2026, 1, 5, 9, 30)
    print(repr(x), repr(dt(2026, 1, 5, 9, 30, 15, 250)), str(x), x.replace(hour=23), x + timedelta(hours=15))
    print(x.timestamp(), dt.fromtimestamp(0), dt.fromtimestamp(1767603600.123456), dt.utcfromtimestamp(86400 * 365))
    print(dt.fromisoformat("2026-05-04T10:20:30.5"), dt.fromisoformat("2026-05-04"), date.fromisoformat("2025-12-31"))
    print(dt.strptime("2026-07-14 08:15:00", "%Y-%m-%d %H:%M:%S"), dt.strptime("14 Jul 2026 3PM", "%d %b %Y %I%p"))
    utc = dt(2026, 1, 5, 12, 0, tzinfo=timezone.utc)
    paris = timezone(timedelta(hours=1), "CET")
    print(utc, repr(utc), utc.astimezone(paris), utc.isoformat(), utc.tzname(), repr(paris), timezone(timedelta(hours=-5, minutes=-30)))
    print(dt.now(timezone.utc), dt.combine(d, dtime(8, 5)), dtime(14, 30, 5).strftime("%H.%M.%S"), repr(dtime(9)), dtime(9, 0, 1, 5))
    print(x.ctime(), date(2026, 1, 5).ctime(), x.strftime("%A %B %d %j %a %b %y %%"), x.timetuple()[:6])
    for bad in [lambda: date(2026, 2, 30), lambda: dt(2026, 13, 1), lambda: dt(2026, 1, 1, 24), lambda: x < date(2026, 1, 1), lambda: utc - x, lambda: dt.strptime("x", "%Y")]:
        try:
            bad()
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    print(sorted([dt(2026, 1, 2), dt(2025, 5, 5)]), {date(2026, 1, 1): "new year"}[date(2026, 1, 1)], date.today(), dt.today().year)

asyncio.run(main())
